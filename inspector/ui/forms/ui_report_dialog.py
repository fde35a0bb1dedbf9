# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(620, 260)
        self.dialogLayout = QVBoxLayout(ReportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.reportForm = QFormLayout()
        self.reportForm.setObjectName(u"reportForm")
        self.kindLabel = QLabel(ReportDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ReportDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.unitLabel = QLabel(ReportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(ReportDialog)
        self.unitEdit.setObjectName(u"unitEdit")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.folderLabel = QLabel(ReportDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.reportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(ReportDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.browse = QPushButton(ReportDialog)
        self.browse.setObjectName(u"browse")

        self.folderRow.addWidget(self.browse)


        self.reportForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.formatLabel = QLabel(ReportDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatRow = QHBoxLayout()
        self.formatRow.setObjectName(u"formatRow")
        self.xlsxBox = QCheckBox(ReportDialog)
        self.xlsxBox.setObjectName(u"xlsxBox")
        self.xlsxBox.setChecked(True)

        self.formatRow.addWidget(self.xlsxBox)

        self.docxBox = QCheckBox(ReportDialog)
        self.docxBox.setObjectName(u"docxBox")
        self.docxBox.setChecked(True)

        self.formatRow.addWidget(self.docxBox)

        self.pdfBox = QCheckBox(ReportDialog)
        self.pdfBox.setObjectName(u"pdfBox")
        self.pdfBox.setChecked(True)

        self.formatRow.addWidget(self.pdfBox)

        self.csvBox = QCheckBox(ReportDialog)
        self.csvBox.setObjectName(u"csvBox")

        self.formatRow.addWidget(self.csvBox)


        self.reportForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.formatRow)


        self.dialogLayout.addLayout(self.reportForm)

        self.reportNote = QLabel(ReportDialog)
        self.reportNote.setObjectName(u"reportNote")
        self.reportNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.reportNote)

        self.buttons = QDialogButtonBox(ReportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(ReportDialog)
        self.buttons.rejected.connect(ReportDialog.reject)

        QMetaObject.connectSlotsByName(ReportDialog)
    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"Export reports", None))
        self.kindLabel.setText(QCoreApplication.translate("ReportDialog", u"Report", None))
        self.unitLabel.setText(QCoreApplication.translate("ReportDialog", u"Reporting unit", None))
        self.folderLabel.setText(QCoreApplication.translate("ReportDialog", u"Save to folder", None))
        self.browse.setText(QCoreApplication.translate("ReportDialog", u"Browse\u2026", None))
        self.formatLabel.setText(QCoreApplication.translate("ReportDialog", u"Files", None))
        self.xlsxBox.setText(QCoreApplication.translate("ReportDialog", u"Excel ledger (xlsx)", None))
        self.docxBox.setText(QCoreApplication.translate("ReportDialog", u"Word report (docx)", None))
        self.pdfBox.setText(QCoreApplication.translate("ReportDialog", u"PDF", None))
        self.csvBox.setText(QCoreApplication.translate("ReportDialog", u"CSV tables", None))
        self.reportNote.setText(QCoreApplication.translate("ReportDialog", u"The totals in every file are taken from the ledger at the same moment.", None))
    # retranslateUi

