# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'item_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout)

class Ui_ItemDialog(object):
    def setupUi(self, ItemDialog):
        if not ItemDialog.objectName():
            ItemDialog.setObjectName(u"ItemDialog")
        ItemDialog.resize(620, 420)
        self.dialogLayout = QVBoxLayout(ItemDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.itemForm = QFormLayout()
        self.itemForm.setObjectName(u"itemForm")
        self.problemLabel = QLabel(ItemDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.itemForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.problemLabel)

        self.problemText = QLabel(ItemDialog)
        self.problemText.setObjectName(u"problemText")
        self.problemText.setWordWrap(True)

        self.itemForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.problemText)

        self.measureLabel = QLabel(ItemDialog)
        self.measureLabel.setObjectName(u"measureLabel")

        self.itemForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.measureLabel)

        self.measure = QPlainTextEdit(ItemDialog)
        self.measure.setObjectName(u"measure")

        self.itemForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.measure)

        self.kindLabel = QLabel(ItemDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.itemForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ItemDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.itemForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.deadlineLabel = QLabel(ItemDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.itemForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineRow = QHBoxLayout()
        self.deadlineRow.setObjectName(u"deadlineRow")
        self.hasDeadline = QCheckBox(ItemDialog)
        self.hasDeadline.setObjectName(u"hasDeadline")

        self.deadlineRow.addWidget(self.hasDeadline)

        self.deadline = QDateEdit(ItemDialog)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setCalendarPopup(True)

        self.deadlineRow.addWidget(self.deadline)

        self.workdays = QSpinBox(ItemDialog)
        self.workdays.setObjectName(u"workdays")
        self.workdays.setMaximum(365)

        self.deadlineRow.addWidget(self.workdays)

        self.applyWorkdays = QPushButton(ItemDialog)
        self.applyWorkdays.setObjectName(u"applyWorkdays")

        self.deadlineRow.addWidget(self.applyWorkdays)


        self.itemForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.deadlineRow)

        self.unitLabel = QLabel(ItemDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.itemForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QLineEdit(ItemDialog)
        self.unit.setObjectName(u"unit")

        self.itemForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unit)

        self.personLabel = QLabel(ItemDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.itemForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.person = QLineEdit(ItemDialog)
        self.person.setObjectName(u"person")

        self.itemForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.person)

        self.supervisorLabel = QLabel(ItemDialog)
        self.supervisorLabel.setObjectName(u"supervisorLabel")

        self.itemForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.supervisorLabel)

        self.supervisor = QLineEdit(ItemDialog)
        self.supervisor.setObjectName(u"supervisor")

        self.itemForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.supervisor)

        self.deadlineNoteLabel = QLabel(ItemDialog)
        self.deadlineNoteLabel.setObjectName(u"deadlineNoteLabel")

        self.itemForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.deadlineNoteLabel)

        self.deadlineNote = QLabel(ItemDialog)
        self.deadlineNote.setObjectName(u"deadlineNote")
        self.deadlineNote.setWordWrap(True)

        self.itemForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.deadlineNote)


        self.dialogLayout.addLayout(self.itemForm)

        self.buttons = QDialogButtonBox(ItemDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(ItemDialog)
        self.buttons.accepted.connect(ItemDialog.accept)
        self.buttons.rejected.connect(ItemDialog.reject)

        QMetaObject.connectSlotsByName(ItemDialog)
    # setupUi

    def retranslateUi(self, ItemDialog):
        ItemDialog.setWindowTitle(QCoreApplication.translate("ItemDialog", u"Rectification item", None))
        self.problemLabel.setText(QCoreApplication.translate("ItemDialog", u"Problem", None))
        self.problemText.setText("")
        self.measureLabel.setText(QCoreApplication.translate("ItemDialog", u"Measure", None))
        self.measure.setPlaceholderText(QCoreApplication.translate("ItemDialog", u"The measure to take", None))
        self.kindLabel.setText(QCoreApplication.translate("ItemDialog", u"Kind", None))
        self.deadlineLabel.setText(QCoreApplication.translate("ItemDialog", u"Deadline", None))
        self.hasDeadline.setText(QCoreApplication.translate("ItemDialog", u"Set a deadline", None))
        self.deadline.setDisplayFormat(QCoreApplication.translate("ItemDialog", u"yyyy-MM-dd", None))
        self.workdays.setSuffix(QCoreApplication.translate("ItemDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
        self.applyWorkdays.setText(QCoreApplication.translate("ItemDialog", u"From today", None))
        self.unitLabel.setText(QCoreApplication.translate("ItemDialog", u"Responsible unit", None))
        self.personLabel.setText(QCoreApplication.translate("ItemDialog", u"Responsible person", None))
        self.supervisorLabel.setText(QCoreApplication.translate("ItemDialog", u"Supervising leader", None))
        self.deadlineNoteLabel.setText("")
        self.deadlineNote.setText("")
    # retranslateUi

