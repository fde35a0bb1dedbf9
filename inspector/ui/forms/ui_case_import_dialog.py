# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout)

class Ui_CaseImportDialog(object):
    def setupUi(self, CaseImportDialog):
        if not CaseImportDialog.objectName():
            CaseImportDialog.setObjectName(u"CaseImportDialog")
        CaseImportDialog.resize(1100, 700)
        self.dialogLayout = QVBoxLayout(CaseImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.sourceForm = QFormLayout()
        self.sourceForm.setObjectName(u"sourceForm")
        self.fileLabel = QLabel(CaseImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.sourceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.filePath = QLineEdit(CaseImportDialog)
        self.filePath.setObjectName(u"filePath")

        self.fileRow.addWidget(self.filePath)

        self.browse = QPushButton(CaseImportDialog)
        self.browse.setObjectName(u"browse")

        self.fileRow.addWidget(self.browse)


        self.sourceForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.courtLabel = QLabel(CaseImportDialog)
        self.courtLabel.setObjectName(u"courtLabel")

        self.sourceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.courtLabel)

        self.courtCombo = QComboBox(CaseImportDialog)
        self.courtCombo.setObjectName(u"courtCombo")

        self.sourceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.courtCombo)


        self.dialogLayout.addLayout(self.sourceForm)

        self.headerInfo = QLabel(CaseImportDialog)
        self.headerInfo.setObjectName(u"headerInfo")
        self.headerInfo.setWordWrap(True)

        self.dialogLayout.addWidget(self.headerInfo)

        self.importSplitter = QSplitter(CaseImportDialog)
        self.importSplitter.setObjectName(u"importSplitter")
        self.importSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.importSplitter.setChildrenCollapsible(False)
        self.mappingBox = QGroupBox(self.importSplitter)
        self.mappingBox.setObjectName(u"mappingBox")
        self.mappingLayout = QVBoxLayout(self.mappingBox)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mappingTable = QTableView(self.mappingBox)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mappingTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mappingTable.setAlternatingRowColors(True)
        self.mappingTable.setSortingEnabled(True)
        self.mappingTable.setWordWrap(False)

        self.mappingLayout.addWidget(self.mappingTable)

        self.importSplitter.addWidget(self.mappingBox)
        self.previewBox = QGroupBox(self.importSplitter)
        self.previewBox.setObjectName(u"previewBox")
        self.previewLayout = QVBoxLayout(self.previewBox)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTable = QTableView(self.previewBox)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSortingEnabled(True)
        self.previewTable.setWordWrap(False)

        self.previewLayout.addWidget(self.previewTable)

        self.rejectedLabel = QLabel(self.previewBox)
        self.rejectedLabel.setObjectName(u"rejectedLabel")

        self.previewLayout.addWidget(self.rejectedLabel)

        self.rejectedList = QListWidget(self.previewBox)
        self.rejectedList.setObjectName(u"rejectedList")
        self.rejectedList.setMaximumHeight(140)

        self.previewLayout.addWidget(self.rejectedList)

        self.importSplitter.addWidget(self.previewBox)

        self.dialogLayout.addWidget(self.importSplitter)

        self.importButtons = QHBoxLayout()
        self.importButtons.setObjectName(u"importButtons")
        self.refreshPreview = QPushButton(CaseImportDialog)
        self.refreshPreview.setObjectName(u"refreshPreview")

        self.importButtons.addWidget(self.refreshPreview)

        self.importSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importButtons.addItem(self.importSpacer)

        self.resultLabel = QLabel(CaseImportDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.importButtons.addWidget(self.resultLabel)


        self.dialogLayout.addLayout(self.importButtons)

        self.buttons = QDialogButtonBox(CaseImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(CaseImportDialog)
        self.buttons.rejected.connect(CaseImportDialog.reject)

        QMetaObject.connectSlotsByName(CaseImportDialog)
    # setupUi

    def retranslateUi(self, CaseImportDialog):
        CaseImportDialog.setWindowTitle(QCoreApplication.translate("CaseImportDialog", u"Import case list", None))
        self.fileLabel.setText(QCoreApplication.translate("CaseImportDialog", u"Case list file", None))
        self.browse.setText(QCoreApplication.translate("CaseImportDialog", u"Browse\u2026", None))
        self.courtLabel.setText(QCoreApplication.translate("CaseImportDialog", u"Court (when the case number does not say)", None))
        self.headerInfo.setText("")
        self.mappingBox.setTitle(QCoreApplication.translate("CaseImportDialog", u"Columns", None))
        self.previewBox.setTitle(QCoreApplication.translate("CaseImportDialog", u"Rows", None))
        self.rejectedLabel.setText(QCoreApplication.translate("CaseImportDialog", u"Rejected rows", None))
        self.refreshPreview.setText(QCoreApplication.translate("CaseImportDialog", u"Check again", None))
        self.resultLabel.setText("")
    # retranslateUi

