# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reviews_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_ReviewsPage(object):
    def setupUi(self, ReviewsPage):
        if not ReviewsPage.objectName():
            ReviewsPage.setObjectName(u"ReviewsPage")
        ReviewsPage.resize(1000, 700)
        self.reviewsLayout = QVBoxLayout(ReviewsPage)
        self.reviewsLayout.setObjectName(u"reviewsLayout")
        self.reviewSplitter = QSplitter(ReviewsPage)
        self.reviewSplitter.setObjectName(u"reviewSplitter")
        self.reviewSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.reviewSplitter.setChildrenCollapsible(False)
        self.caseSide = QWidget(self.reviewSplitter)
        self.caseSide.setObjectName(u"caseSide")
        self.caseSideLayout = QVBoxLayout(self.caseSide)
        self.caseSideLayout.setObjectName(u"caseSideLayout")
        self.caseSideLayout.setContentsMargins(0, 0, 0, 0)
        self.caseFilterRow = QHBoxLayout()
        self.caseFilterRow.setObjectName(u"caseFilterRow")
        self.reviewedLabel = QLabel(self.caseSide)
        self.reviewedLabel.setObjectName(u"reviewedLabel")

        self.caseFilterRow.addWidget(self.reviewedLabel)

        self.reviewedFilter = QComboBox(self.caseSide)
        self.reviewedFilter.setObjectName(u"reviewedFilter")

        self.caseFilterRow.addWidget(self.reviewedFilter)

        self.methodLabel = QLabel(self.caseSide)
        self.methodLabel.setObjectName(u"methodLabel")

        self.caseFilterRow.addWidget(self.methodLabel)

        self.methodFilter = QComboBox(self.caseSide)
        self.methodFilter.setObjectName(u"methodFilter")

        self.caseFilterRow.addWidget(self.methodFilter)

        self.caseFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.caseFilterRow.addItem(self.caseFilterSpacer)


        self.caseSideLayout.addLayout(self.caseFilterRow)

        self.caseTable = QTableView(self.caseSide)
        self.caseTable.setObjectName(u"caseTable")
        self.caseTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.caseTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caseTable.setAlternatingRowColors(True)
        self.caseTable.setSortingEnabled(True)
        self.caseTable.setWordWrap(False)

        self.caseSideLayout.addWidget(self.caseTable)

        self.caseCount = QLabel(self.caseSide)
        self.caseCount.setObjectName(u"caseCount")

        self.caseSideLayout.addWidget(self.caseCount)

        self.reviewSplitter.addWidget(self.caseSide)
        self.reviewBox = QGroupBox(self.reviewSplitter)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewLayout = QVBoxLayout(self.reviewBox)
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.caseTitle = QLabel(self.reviewBox)
        self.caseTitle.setObjectName(u"caseTitle")
        self.caseTitle.setWordWrap(True)

        self.reviewLayout.addWidget(self.caseTitle)

        self.templateRow = QHBoxLayout()
        self.templateRow.setObjectName(u"templateRow")
        self.templateLabel = QLabel(self.reviewBox)
        self.templateLabel.setObjectName(u"templateLabel")

        self.templateRow.addWidget(self.templateLabel)

        self.templateCombo = QComboBox(self.reviewBox)
        self.templateCombo.setObjectName(u"templateCombo")

        self.templateRow.addWidget(self.templateCombo)

        self.templateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.templateRow.addItem(self.templateSpacer)


        self.reviewLayout.addLayout(self.templateRow)

        self.checkHost = QWidget(self.reviewBox)
        self.checkHost.setObjectName(u"checkHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.checkHost.sizePolicy().hasHeightForWidth())
        self.checkHost.setSizePolicy(sizePolicy)

        self.reviewLayout.addWidget(self.checkHost)

        self.gradeLabel = QLabel(self.reviewBox)
        self.gradeLabel.setObjectName(u"gradeLabel")

        self.reviewLayout.addWidget(self.gradeLabel)

        self.reviewNote = QPlainTextEdit(self.reviewBox)
        self.reviewNote.setObjectName(u"reviewNote")
        self.reviewNote.setMaximumSize(QSize(16777215, 64))

        self.reviewLayout.addWidget(self.reviewNote)

        self.reviewButtons = QHBoxLayout()
        self.reviewButtons.setObjectName(u"reviewButtons")
        self.makeProblem = QPushButton(self.reviewBox)
        self.makeProblem.setObjectName(u"makeProblem")

        self.reviewButtons.addWidget(self.makeProblem)

        self.reviewButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewButtons.addItem(self.reviewButtonSpacer)

        self.saveReview = QPushButton(self.reviewBox)
        self.saveReview.setObjectName(u"saveReview")

        self.reviewButtons.addWidget(self.saveReview)


        self.reviewLayout.addLayout(self.reviewButtons)

        self.reviewSplitter.addWidget(self.reviewBox)

        self.reviewsLayout.addWidget(self.reviewSplitter)


        self.retranslateUi(ReviewsPage)

        QMetaObject.connectSlotsByName(ReviewsPage)
    # setupUi

    def retranslateUi(self, ReviewsPage):
        self.reviewedLabel.setText(QCoreApplication.translate("ReviewsPage", u"Show:", None))
        self.methodLabel.setText(QCoreApplication.translate("ReviewsPage", u"Closing method:", None))
        self.caseCount.setText("")
        self.reviewBox.setTitle(QCoreApplication.translate("ReviewsPage", u"Review", None))
        self.caseTitle.setText(QCoreApplication.translate("ReviewsPage", u"Select a case on the left.", None))
        self.templateLabel.setText(QCoreApplication.translate("ReviewsPage", u"Checklist:", None))
        self.gradeLabel.setText("")
        self.reviewNote.setPlaceholderText(QCoreApplication.translate("ReviewsPage", u"Reviewer's opinion on the case", None))
        self.makeProblem.setText(QCoreApplication.translate("ReviewsPage", u"Create problems from the ticked items\u2026", None))
        self.saveReview.setText(QCoreApplication.translate("ReviewsPage", u"Save review", None))
        pass
    # retranslateUi

