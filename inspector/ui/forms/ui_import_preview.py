# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QLabel, QTableView, QVBoxLayout)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(760, 420)
        self.verticalLayout = QVBoxLayout(ImportPreviewDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.headline = QLabel(ImportPreviewDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)

        self.verticalLayout.addWidget(self.headline)

        self.packageTable = QTableView(ImportPreviewDialog)
        self.packageTable.setObjectName(u"packageTable")
        self.packageTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.packageTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.packageTable.setWordWrap(True)

        self.verticalLayout.addWidget(self.packageTable)

        self.totals = QLabel(ImportPreviewDialog)
        self.totals.setObjectName(u"totals")
        self.totals.setWordWrap(True)

        self.verticalLayout.addWidget(self.totals)

        self.warnings = QLabel(ImportPreviewDialog)
        self.warnings.setObjectName(u"warnings")
        self.warnings.setWordWrap(True)

        self.verticalLayout.addWidget(self.warnings)

        self.buttons = QDialogButtonBox(ImportPreviewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttons)


        self.retranslateUi(ImportPreviewDialog)
        self.buttons.accepted.connect(ImportPreviewDialog.accept)
        self.buttons.rejected.connect(ImportPreviewDialog.reject)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"Import ledger packages", None))
        self.headline.setText(QCoreApplication.translate("ImportPreviewDialog", u"Check what these packages bring before importing them. They are merged together: nothing is kept if any of them fails.", None))
    # retranslateUi

