# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ledger_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout)

class Ui_LedgerPage(object):
    def setupUi(self, LedgerPage):
        if not LedgerPage.objectName():
            LedgerPage.setObjectName(u"LedgerPage")
        LedgerPage.resize(1000, 700)
        self.ledgerLayout = QVBoxLayout(LedgerPage)
        self.ledgerLayout.setObjectName(u"ledgerLayout")
        self.ledgerFilterRow = QHBoxLayout()
        self.ledgerFilterRow.setObjectName(u"ledgerFilterRow")
        self.stateLabel = QLabel(LedgerPage)
        self.stateLabel.setObjectName(u"stateLabel")

        self.ledgerFilterRow.addWidget(self.stateLabel)

        self.stateFilter = QComboBox(LedgerPage)
        self.stateFilter.setObjectName(u"stateFilter")

        self.ledgerFilterRow.addWidget(self.stateFilter)

        self.dueLabel = QLabel(LedgerPage)
        self.dueLabel.setObjectName(u"dueLabel")

        self.ledgerFilterRow.addWidget(self.dueLabel)

        self.dueFilter = QComboBox(LedgerPage)
        self.dueFilter.setObjectName(u"dueFilter")

        self.ledgerFilterRow.addWidget(self.dueFilter)

        self.ledgerFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ledgerFilterRow.addItem(self.ledgerFilterSpacer)

        self.itemCount = QLabel(LedgerPage)
        self.itemCount.setObjectName(u"itemCount")

        self.ledgerFilterRow.addWidget(self.itemCount)


        self.ledgerLayout.addLayout(self.ledgerFilterRow)

        self.ledgerSplitter = QSplitter(LedgerPage)
        self.ledgerSplitter.setObjectName(u"ledgerSplitter")
        self.ledgerSplitter.setOrientation(Qt.Orientation.Vertical)
        self.ledgerSplitter.setChildrenCollapsible(False)
        self.itemTable = QTableView(self.ledgerSplitter)
        self.itemTable.setObjectName(u"itemTable")
        self.itemTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemTable.setAlternatingRowColors(True)
        self.itemTable.setSortingEnabled(True)
        self.itemTable.setWordWrap(False)
        self.ledgerSplitter.addWidget(self.itemTable)
        self.itemBox = QGroupBox(self.ledgerSplitter)
        self.itemBox.setObjectName(u"itemBox")
        self.itemLayout = QVBoxLayout(self.itemBox)
        self.itemLayout.setObjectName(u"itemLayout")
        self.itemDetail = QLabel(self.itemBox)
        self.itemDetail.setObjectName(u"itemDetail")
        self.itemDetail.setWordWrap(True)

        self.itemLayout.addWidget(self.itemDetail)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.startButton = QPushButton(self.itemBox)
        self.startButton.setObjectName(u"startButton")

        self.actionRow.addWidget(self.startButton)

        self.progressButton = QPushButton(self.itemBox)
        self.progressButton.setObjectName(u"progressButton")

        self.actionRow.addWidget(self.progressButton)

        self.evidenceButton = QPushButton(self.itemBox)
        self.evidenceButton.setObjectName(u"evidenceButton")

        self.actionRow.addWidget(self.evidenceButton)

        self.submitButton = QPushButton(self.itemBox)
        self.submitButton.setObjectName(u"submitButton")

        self.actionRow.addWidget(self.submitButton)

        self.returnButton = QPushButton(self.itemBox)
        self.returnButton.setObjectName(u"returnButton")

        self.actionRow.addWidget(self.returnButton)

        self.closeButton = QPushButton(self.itemBox)
        self.closeButton.setObjectName(u"closeButton")

        self.actionRow.addWidget(self.closeButton)

        self.reopenButton = QPushButton(self.itemBox)
        self.reopenButton.setObjectName(u"reopenButton")

        self.actionRow.addWidget(self.reopenButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)


        self.itemLayout.addLayout(self.actionRow)

        self.historyLabel = QLabel(self.itemBox)
        self.historyLabel.setObjectName(u"historyLabel")

        self.itemLayout.addWidget(self.historyLabel)

        self.eventTable = QTableView(self.itemBox)
        self.eventTable.setObjectName(u"eventTable")
        self.eventTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.eventTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.eventTable.setAlternatingRowColors(True)
        self.eventTable.setSortingEnabled(True)
        self.eventTable.setWordWrap(False)

        self.itemLayout.addWidget(self.eventTable)

        self.ledgerSplitter.addWidget(self.itemBox)

        self.ledgerLayout.addWidget(self.ledgerSplitter)


        self.retranslateUi(LedgerPage)

        QMetaObject.connectSlotsByName(LedgerPage)
    # setupUi

    def retranslateUi(self, LedgerPage):
        self.stateLabel.setText(QCoreApplication.translate("LedgerPage", u"State:", None))
        self.dueLabel.setText(QCoreApplication.translate("LedgerPage", u"Deadline:", None))
        self.itemCount.setText("")
        self.itemDetail.setText(QCoreApplication.translate("LedgerPage", u"Select an item.", None))
        self.startButton.setText(QCoreApplication.translate("LedgerPage", u"Start", None))
        self.progressButton.setText(QCoreApplication.translate("LedgerPage", u"Progress\u2026", None))
        self.evidenceButton.setText(QCoreApplication.translate("LedgerPage", u"Evidence\u2026", None))
        self.submitButton.setText(QCoreApplication.translate("LedgerPage", u"Submit for checking\u2026", None))
        self.returnButton.setText(QCoreApplication.translate("LedgerPage", u"Return\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("LedgerPage", u"Close out\u2026", None))
        self.reopenButton.setText(QCoreApplication.translate("LedgerPage", u"Reopen\u2026", None))
        self.historyLabel.setText(QCoreApplication.translate("LedgerPage", u"History", None))
        pass
    # retranslateUi

