# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflicts.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout)

class Ui_ConflictsDialog(object):
    def setupUi(self, ConflictsDialog):
        if not ConflictsDialog.objectName():
            ConflictsDialog.setObjectName(u"ConflictsDialog")
        ConflictsDialog.resize(980, 620)
        self.verticalLayout = QVBoxLayout(ConflictsDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.intro = QLabel(ConflictsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.verticalLayout.addWidget(self.intro)

        self.splitter = QSplitter(ConflictsDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.conflictTable = QTableView(self.splitter)
        self.conflictTable.setObjectName(u"conflictTable")
        self.conflictTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflictTable.setAlternatingRowColors(True)
        self.splitter.addWidget(self.conflictTable)
        self.decisionBox = QGroupBox(self.splitter)
        self.decisionBox.setObjectName(u"decisionBox")
        self.decisionLayout = QVBoxLayout(self.decisionBox)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.candidateTable = QTableView(self.decisionBox)
        self.candidateTable.setObjectName(u"candidateTable")
        self.candidateTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidateTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.decisionLayout.addWidget(self.candidateTable)

        self.customLayout = QHBoxLayout()
        self.customLayout.setObjectName(u"customLayout")
        self.customLabel = QLabel(self.decisionBox)
        self.customLabel.setObjectName(u"customLabel")

        self.customLayout.addWidget(self.customLabel)

        self.customValue = QLineEdit(self.decisionBox)
        self.customValue.setObjectName(u"customValue")

        self.customLayout.addWidget(self.customValue)

        self.useCustom = QPushButton(self.decisionBox)
        self.useCustom.setObjectName(u"useCustom")

        self.customLayout.addWidget(self.useCustom)


        self.decisionLayout.addLayout(self.customLayout)

        self.chooseLayout = QHBoxLayout()
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.chooseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooseLayout.addItem(self.chooseSpacer)

        self.useSelected = QPushButton(self.decisionBox)
        self.useSelected.setObjectName(u"useSelected")

        self.chooseLayout.addWidget(self.useSelected)


        self.decisionLayout.addLayout(self.chooseLayout)

        self.splitter.addWidget(self.decisionBox)

        self.verticalLayout.addWidget(self.splitter)

        self.buttons = QDialogButtonBox(ConflictsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.verticalLayout.addWidget(self.buttons)


        self.retranslateUi(ConflictsDialog)
        self.buttons.rejected.connect(ConflictsDialog.reject)

        QMetaObject.connectSlotsByName(ConflictsDialog)
    # setupUi

    def retranslateUi(self, ConflictsDialog):
        ConflictsDialog.setWindowTitle(QCoreApplication.translate("ConflictsDialog", u"Conflicts", None))
        self.intro.setText(QCoreApplication.translate("ConflictsDialog", u"The same item was changed differently on two laptops. Every value is kept until you decide; your decision is recorded and reaches every member with the consolidated ledger.", None))
        self.decisionBox.setTitle(QCoreApplication.translate("ConflictsDialog", u"Decide", None))
        self.customLabel.setText(QCoreApplication.translate("ConflictsDialog", u"Or a new value:", None))
        self.useCustom.setText(QCoreApplication.translate("ConflictsDialog", u"Use new value", None))
        self.useSelected.setText(QCoreApplication.translate("ConflictsDialog", u"Use the selected value", None))
    # retranslateUi

