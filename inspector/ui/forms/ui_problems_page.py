# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'problems_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout)

class Ui_ProblemsPage(object):
    def setupUi(self, ProblemsPage):
        if not ProblemsPage.objectName():
            ProblemsPage.setObjectName(u"ProblemsPage")
        ProblemsPage.resize(1000, 700)
        self.problemsLayout = QVBoxLayout(ProblemsPage)
        self.problemsLayout.setObjectName(u"problemsLayout")
        self.problemFilterRow = QHBoxLayout()
        self.problemFilterRow.setObjectName(u"problemFilterRow")
        self.categoryLabel = QLabel(ProblemsPage)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.problemFilterRow.addWidget(self.categoryLabel)

        self.categoryFilter = QComboBox(ProblemsPage)
        self.categoryFilter.setObjectName(u"categoryFilter")

        self.problemFilterRow.addWidget(self.categoryFilter)

        self.sourceLabel = QLabel(ProblemsPage)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.problemFilterRow.addWidget(self.sourceLabel)

        self.sourceFilter = QComboBox(ProblemsPage)
        self.sourceFilter.setObjectName(u"sourceFilter")

        self.problemFilterRow.addWidget(self.sourceFilter)

        self.finderLabel = QLabel(ProblemsPage)
        self.finderLabel.setObjectName(u"finderLabel")

        self.problemFilterRow.addWidget(self.finderLabel)

        self.finderFilter = QComboBox(ProblemsPage)
        self.finderFilter.setObjectName(u"finderFilter")

        self.problemFilterRow.addWidget(self.finderFilter)

        self.problemFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.problemFilterRow.addItem(self.problemFilterSpacer)

        self.newProblem = QPushButton(ProblemsPage)
        self.newProblem.setObjectName(u"newProblem")

        self.problemFilterRow.addWidget(self.newProblem)

        self.addItem = QPushButton(ProblemsPage)
        self.addItem.setObjectName(u"addItem")

        self.problemFilterRow.addWidget(self.addItem)


        self.problemsLayout.addLayout(self.problemFilterRow)

        self.problemSplitter = QSplitter(ProblemsPage)
        self.problemSplitter.setObjectName(u"problemSplitter")
        self.problemSplitter.setOrientation(Qt.Orientation.Vertical)
        self.problemSplitter.setChildrenCollapsible(False)
        self.problemTable = QTableView(self.problemSplitter)
        self.problemTable.setObjectName(u"problemTable")
        self.problemTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problemTable.setAlternatingRowColors(True)
        self.problemTable.setSortingEnabled(True)
        self.problemTable.setWordWrap(False)
        self.problemSplitter.addWidget(self.problemTable)
        self.problemBox = QGroupBox(self.problemSplitter)
        self.problemBox.setObjectName(u"problemBox")
        self.problemDetailLayout = QVBoxLayout(self.problemBox)
        self.problemDetailLayout.setObjectName(u"problemDetailLayout")
        self.problemDetail = QLabel(self.problemBox)
        self.problemDetail.setObjectName(u"problemDetail")
        self.problemDetail.setWordWrap(True)

        self.problemDetailLayout.addWidget(self.problemDetail)

        self.problemDetailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.problemDetailLayout.addItem(self.problemDetailSpacer)

        self.problemSplitter.addWidget(self.problemBox)

        self.problemsLayout.addWidget(self.problemSplitter)

        self.problemCount = QLabel(ProblemsPage)
        self.problemCount.setObjectName(u"problemCount")

        self.problemsLayout.addWidget(self.problemCount)


        self.retranslateUi(ProblemsPage)

        QMetaObject.connectSlotsByName(ProblemsPage)
    # setupUi

    def retranslateUi(self, ProblemsPage):
        self.categoryLabel.setText(QCoreApplication.translate("ProblemsPage", u"Category:", None))
        self.sourceLabel.setText(QCoreApplication.translate("ProblemsPage", u"Found by way of:", None))
        self.finderLabel.setText(QCoreApplication.translate("ProblemsPage", u"Found by:", None))
        self.newProblem.setText(QCoreApplication.translate("ProblemsPage", u"New problem\u2026", None))
        self.addItem.setText(QCoreApplication.translate("ProblemsPage", u"Add rectification item\u2026", None))
        self.problemBox.setTitle(QCoreApplication.translate("ProblemsPage", u"Problem", None))
        self.problemDetail.setText("")
        self.problemCount.setText("")
        pass
    # retranslateUi

