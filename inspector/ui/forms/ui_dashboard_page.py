# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QTableView, QVBoxLayout)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(1000, 700)
        self.dashboardLayout = QVBoxLayout(DashboardPage)
        self.dashboardLayout.setObjectName(u"dashboardLayout")
        self.tileGrid = QGridLayout()
        self.tileGrid.setObjectName(u"tileGrid")

        self.dashboardLayout.addLayout(self.tileGrid)

        self.chartRow = QHBoxLayout()
        self.chartRow.setObjectName(u"chartRow")
        self.categoryBox = QGroupBox(DashboardPage)
        self.categoryBox.setObjectName(u"categoryBox")
        self.categoryLayout = QVBoxLayout(self.categoryBox)
        self.categoryLayout.setObjectName(u"categoryLayout")

        self.chartRow.addWidget(self.categoryBox)

        self.stateBox = QGroupBox(DashboardPage)
        self.stateBox.setObjectName(u"stateBox")
        self.stateLayout = QVBoxLayout(self.stateBox)
        self.stateLayout.setObjectName(u"stateLayout")

        self.chartRow.addWidget(self.stateBox)

        self.closureBox = QGroupBox(DashboardPage)
        self.closureBox.setObjectName(u"closureBox")
        self.closureLayout = QVBoxLayout(self.closureBox)
        self.closureLayout.setObjectName(u"closureLayout")

        self.chartRow.addWidget(self.closureBox)


        self.dashboardLayout.addLayout(self.chartRow)

        self.tableRow = QHBoxLayout()
        self.tableRow.setObjectName(u"tableRow")
        self.dueBox = QGroupBox(DashboardPage)
        self.dueBox.setObjectName(u"dueBox")
        self.dueLayout = QVBoxLayout(self.dueBox)
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueTable = QTableView(self.dueBox)
        self.dueTable.setObjectName(u"dueTable")
        self.dueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dueTable.setAlternatingRowColors(True)
        self.dueTable.setSortingEnabled(True)
        self.dueTable.setWordWrap(False)

        self.dueLayout.addWidget(self.dueTable)


        self.tableRow.addWidget(self.dueBox)

        self.overdueBox = QGroupBox(DashboardPage)
        self.overdueBox.setObjectName(u"overdueBox")
        self.overdueLayout = QVBoxLayout(self.overdueBox)
        self.overdueLayout.setObjectName(u"overdueLayout")
        self.overdueTable = QTableView(self.overdueBox)
        self.overdueTable.setObjectName(u"overdueTable")
        self.overdueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overdueTable.setAlternatingRowColors(True)
        self.overdueTable.setSortingEnabled(True)
        self.overdueTable.setWordWrap(False)

        self.overdueLayout.addWidget(self.overdueTable)


        self.tableRow.addWidget(self.overdueBox)


        self.dashboardLayout.addLayout(self.tableRow)


        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.categoryBox.setTitle(QCoreApplication.translate("DashboardPage", u"Problems by category", None))
        self.stateBox.setTitle(QCoreApplication.translate("DashboardPage", u"Items by state", None))
        self.closureBox.setTitle(QCoreApplication.translate("DashboardPage", u"Closure rate over time", None))
        self.dueBox.setTitle(QCoreApplication.translate("DashboardPage", u"Due within 7 days", None))
        self.overdueBox.setTitle(QCoreApplication.translate("DashboardPage", u"Overdue by court", None))
        pass
    # retranslateUi

