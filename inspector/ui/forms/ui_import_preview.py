# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(520, 360)
        self.verticalLayout = QVBoxLayout(ImportPreviewDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.headline = QLabel(ImportPreviewDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)

        self.verticalLayout.addWidget(self.headline)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.senderLabel = QLabel(ImportPreviewDialog)
        self.senderLabel.setObjectName(u"senderLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.senderLabel)

        self.senderValue = QLabel(ImportPreviewDialog)
        self.senderValue.setObjectName(u"senderValue")
        self.senderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.senderValue)

        self.createdLabel = QLabel(ImportPreviewDialog)
        self.createdLabel.setObjectName(u"createdLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.createdLabel)

        self.createdValue = QLabel(ImportPreviewDialog)
        self.createdValue.setObjectName(u"createdValue")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.createdValue)

        self.newLabel = QLabel(ImportPreviewDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newValue = QLabel(ImportPreviewDialog)
        self.newValue.setObjectName(u"newValue")
        self.newValue.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newValue)

        self.changedLabel = QLabel(ImportPreviewDialog)
        self.changedLabel.setObjectName(u"changedLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.changedLabel)

        self.changedValue = QLabel(ImportPreviewDialog)
        self.changedValue.setObjectName(u"changedValue")
        self.changedValue.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.changedValue)

        self.revisionsLabel = QLabel(ImportPreviewDialog)
        self.revisionsLabel.setObjectName(u"revisionsLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.revisionsLabel)

        self.revisionsValue = QLabel(ImportPreviewDialog)
        self.revisionsValue.setObjectName(u"revisionsValue")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.revisionsValue)

        self.conflictsLabel = QLabel(ImportPreviewDialog)
        self.conflictsLabel.setObjectName(u"conflictsLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.conflictsLabel)

        self.conflictsValue = QLabel(ImportPreviewDialog)
        self.conflictsValue.setObjectName(u"conflictsValue")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.conflictsValue)


        self.verticalLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttons = QDialogButtonBox(ImportPreviewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttons)


        self.retranslateUi(ImportPreviewDialog)
        self.buttons.accepted.connect(ImportPreviewDialog.accept)
        self.buttons.rejected.connect(ImportPreviewDialog.reject)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"Import ledger package", None))
        self.headline.setText(QCoreApplication.translate("ImportPreviewDialog", u"Check what this package brings before importing it.", None))
        self.senderLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"From", None))
        self.createdLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"Exported at", None))
        self.newLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"New records", None))
        self.changedLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"Changed records", None))
        self.revisionsLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"Changes", None))
        self.conflictsLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"New conflicts", None))
    # retranslateUi

