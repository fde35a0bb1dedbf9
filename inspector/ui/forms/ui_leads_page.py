# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leads_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout)

class Ui_LeadsPage(object):
    def setupUi(self, LeadsPage):
        if not LeadsPage.objectName():
            LeadsPage.setObjectName(u"LeadsPage")
        LeadsPage.resize(1000, 700)
        self.leadsLayout = QVBoxLayout(LeadsPage)
        self.leadsLayout.setObjectName(u"leadsLayout")
        self.leadFilterRow = QHBoxLayout()
        self.leadFilterRow.setObjectName(u"leadFilterRow")
        self.sourceLabel = QLabel(LeadsPage)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.leadFilterRow.addWidget(self.sourceLabel)

        self.sourceFilter = QComboBox(LeadsPage)
        self.sourceFilter.setObjectName(u"sourceFilter")

        self.leadFilterRow.addWidget(self.sourceFilter)

        self.openOnly = QCheckBox(LeadsPage)
        self.openOnly.setObjectName(u"openOnly")

        self.leadFilterRow.addWidget(self.openOnly)

        self.leadFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.leadFilterRow.addItem(self.leadFilterSpacer)

        self.newLead = QPushButton(LeadsPage)
        self.newLead.setObjectName(u"newLead")

        self.leadFilterRow.addWidget(self.newLead)


        self.leadsLayout.addLayout(self.leadFilterRow)

        self.leadSplitter = QSplitter(LeadsPage)
        self.leadSplitter.setObjectName(u"leadSplitter")
        self.leadSplitter.setOrientation(Qt.Orientation.Vertical)
        self.leadSplitter.setChildrenCollapsible(False)
        self.leadTable = QTableView(self.leadSplitter)
        self.leadTable.setObjectName(u"leadTable")
        self.leadTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.leadTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.leadTable.setAlternatingRowColors(True)
        self.leadTable.setSortingEnabled(True)
        self.leadTable.setWordWrap(False)
        self.leadSplitter.addWidget(self.leadTable)
        self.leadBox = QGroupBox(self.leadSplitter)
        self.leadBox.setObjectName(u"leadBox")
        self.leadLayout = QVBoxLayout(self.leadBox)
        self.leadLayout.setObjectName(u"leadLayout")
        self.leadDetail = QLabel(self.leadBox)
        self.leadDetail.setObjectName(u"leadDetail")
        self.leadDetail.setWordWrap(True)

        self.leadLayout.addWidget(self.leadDetail)

        self.stepGrid = QGridLayout()
        self.stepGrid.setObjectName(u"stepGrid")
        self.meetingButton = QPushButton(self.leadBox)
        self.meetingButton.setObjectName(u"meetingButton")

        self.stepGrid.addWidget(self.meetingButton, 0, 0, 1, 1)

        self.assignButton = QPushButton(self.leadBox)
        self.assignButton.setObjectName(u"assignButton")

        self.stepGrid.addWidget(self.assignButton, 0, 1, 1, 1)

        self.investigationButton = QPushButton(self.leadBox)
        self.investigationButton.setObjectName(u"investigationButton")

        self.stepGrid.addWidget(self.investigationButton, 0, 2, 1, 1)

        self.reportButton = QPushButton(self.leadBox)
        self.reportButton.setObjectName(u"reportButton")

        self.stepGrid.addWidget(self.reportButton, 0, 3, 1, 1)

        self.supplementaryButton = QPushButton(self.leadBox)
        self.supplementaryButton.setObjectName(u"supplementaryButton")

        self.stepGrid.addWidget(self.supplementaryButton, 1, 0, 1, 1)

        self.concludeButton = QPushButton(self.leadBox)
        self.concludeButton.setObjectName(u"concludeButton")

        self.stepGrid.addWidget(self.concludeButton, 1, 1, 1, 1)

        self.feedbackButton = QPushButton(self.leadBox)
        self.feedbackButton.setObjectName(u"feedbackButton")

        self.stepGrid.addWidget(self.feedbackButton, 1, 2, 1, 1)

        self.clearButton = QPushButton(self.leadBox)
        self.clearButton.setObjectName(u"clearButton")

        self.stepGrid.addWidget(self.clearButton, 1, 3, 1, 1)


        self.leadLayout.addLayout(self.stepGrid)

        self.leadSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leadLayout.addItem(self.leadSpacer)

        self.leadSplitter.addWidget(self.leadBox)

        self.leadsLayout.addWidget(self.leadSplitter)

        self.leadCount = QLabel(LeadsPage)
        self.leadCount.setObjectName(u"leadCount")

        self.leadsLayout.addWidget(self.leadCount)


        self.retranslateUi(LeadsPage)

        QMetaObject.connectSlotsByName(LeadsPage)
    # setupUi

    def retranslateUi(self, LeadsPage):
        self.sourceLabel.setText(QCoreApplication.translate("LeadsPage", u"Source:", None))
        self.openOnly.setText(QCoreApplication.translate("LeadsPage", u"Open leads only", None))
        self.newLead.setText(QCoreApplication.translate("LeadsPage", u"New lead\u2026", None))
        self.leadBox.setTitle(QCoreApplication.translate("LeadsPage", u"Lead", None))
        self.leadDetail.setText(QCoreApplication.translate("LeadsPage", u"Select a lead.", None))
        self.meetingButton.setText(QCoreApplication.translate("LeadsPage", u"Joint meeting\u2026", None))
        self.assignButton.setText(QCoreApplication.translate("LeadsPage", u"Assign\u2026", None))
        self.investigationButton.setText(QCoreApplication.translate("LeadsPage", u"Investigation\u2026", None))
        self.reportButton.setText(QCoreApplication.translate("LeadsPage", u"Report\u2026", None))
        self.supplementaryButton.setText(QCoreApplication.translate("LeadsPage", u"Supplementary investigation\u2026", None))
        self.concludeButton.setText(QCoreApplication.translate("LeadsPage", u"Conclusion\u2026", None))
        self.feedbackButton.setText(QCoreApplication.translate("LeadsPage", u"Feedback\u2026", None))
        self.clearButton.setText(QCoreApplication.translate("LeadsPage", u"Clear the officer\u2026", None))
        self.leadCount.setText("")
        pass
    # retranslateUi

