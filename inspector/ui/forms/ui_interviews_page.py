# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'interviews_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_InterviewsPage(object):
    def setupUi(self, InterviewsPage):
        if not InterviewsPage.objectName():
            InterviewsPage.setObjectName(u"InterviewsPage")
        InterviewsPage.resize(1000, 700)
        self.interviewsLayout = QVBoxLayout(InterviewsPage)
        self.interviewsLayout.setObjectName(u"interviewsLayout")
        self.interviewSplitter = QSplitter(InterviewsPage)
        self.interviewSplitter.setObjectName(u"interviewSplitter")
        self.interviewSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.interviewSplitter.setChildrenCollapsible(False)
        self.interviewSide = QWidget(self.interviewSplitter)
        self.interviewSide.setObjectName(u"interviewSide")
        self.interviewSideLayout = QVBoxLayout(self.interviewSide)
        self.interviewSideLayout.setObjectName(u"interviewSideLayout")
        self.interviewSideLayout.setContentsMargins(0, 0, 0, 0)
        self.interviewFilterRow = QHBoxLayout()
        self.interviewFilterRow.setObjectName(u"interviewFilterRow")
        self.interviewMethodLabel = QLabel(self.interviewSide)
        self.interviewMethodLabel.setObjectName(u"interviewMethodLabel")

        self.interviewFilterRow.addWidget(self.interviewMethodLabel)

        self.methodFilter = QComboBox(self.interviewSide)
        self.methodFilter.setObjectName(u"methodFilter")

        self.interviewFilterRow.addWidget(self.methodFilter)

        self.interviewFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.interviewFilterRow.addItem(self.interviewFilterSpacer)

        self.newInterview = QPushButton(self.interviewSide)
        self.newInterview.setObjectName(u"newInterview")

        self.interviewFilterRow.addWidget(self.newInterview)


        self.interviewSideLayout.addLayout(self.interviewFilterRow)

        self.interviewTable = QTableView(self.interviewSide)
        self.interviewTable.setObjectName(u"interviewTable")
        self.interviewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.interviewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.interviewTable.setAlternatingRowColors(True)
        self.interviewTable.setSortingEnabled(True)
        self.interviewTable.setWordWrap(False)

        self.interviewSideLayout.addWidget(self.interviewTable)

        self.interviewSplitter.addWidget(self.interviewSide)
        self.interviewBox = QGroupBox(self.interviewSplitter)
        self.interviewBox.setObjectName(u"interviewBox")
        self.interviewLayout = QVBoxLayout(self.interviewBox)
        self.interviewLayout.setObjectName(u"interviewLayout")
        self.interviewForm = QFormLayout()
        self.interviewForm.setObjectName(u"interviewForm")
        self.methodLabel = QLabel(self.interviewBox)
        self.methodLabel.setObjectName(u"methodLabel")

        self.interviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(self.interviewBox)
        self.methodCombo.setObjectName(u"methodCombo")

        self.interviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.dateLabel = QLabel(self.interviewBox)
        self.dateLabel.setObjectName(u"dateLabel")

        self.interviewForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(self.interviewBox)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.interviewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.courtLabel = QLabel(self.interviewBox)
        self.courtLabel.setObjectName(u"courtLabel")

        self.interviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.courtLabel)

        self.courtCombo = QComboBox(self.interviewBox)
        self.courtCombo.setObjectName(u"courtCombo")

        self.interviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.courtCombo)

        self.placeLabel = QLabel(self.interviewBox)
        self.placeLabel.setObjectName(u"placeLabel")

        self.interviewForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.interviewBox)
        self.placeEdit.setObjectName(u"placeEdit")

        self.interviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.peopleLabel = QLabel(self.interviewBox)
        self.peopleLabel.setObjectName(u"peopleLabel")

        self.interviewForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.peopleLabel)

        self.peopleEdit = QLineEdit(self.interviewBox)
        self.peopleEdit.setObjectName(u"peopleEdit")

        self.interviewForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.peopleEdit)


        self.interviewLayout.addLayout(self.interviewForm)

        self.recordText = QPlainTextEdit(self.interviewBox)
        self.recordText.setObjectName(u"recordText")

        self.interviewLayout.addWidget(self.recordText)

        self.attachmentsLabel = QLabel(self.interviewBox)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.interviewLayout.addWidget(self.attachmentsLabel)

        self.attachmentList = QListWidget(self.interviewBox)
        self.attachmentList.setObjectName(u"attachmentList")
        self.attachmentList.setViewMode(QListView.ViewMode.IconMode)
        self.attachmentList.setAcceptDrops(True)
        self.attachmentList.setMaximumHeight(150)

        self.interviewLayout.addWidget(self.attachmentList)

        self.interviewButtons = QHBoxLayout()
        self.interviewButtons.setObjectName(u"interviewButtons")
        self.addAttachment = QPushButton(self.interviewBox)
        self.addAttachment.setObjectName(u"addAttachment")

        self.interviewButtons.addWidget(self.addAttachment)

        self.makeProblem = QPushButton(self.interviewBox)
        self.makeProblem.setObjectName(u"makeProblem")

        self.interviewButtons.addWidget(self.makeProblem)

        self.interviewButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.interviewButtons.addItem(self.interviewButtonSpacer)

        self.saveInterview = QPushButton(self.interviewBox)
        self.saveInterview.setObjectName(u"saveInterview")

        self.interviewButtons.addWidget(self.saveInterview)


        self.interviewLayout.addLayout(self.interviewButtons)

        self.interviewSplitter.addWidget(self.interviewBox)

        self.interviewsLayout.addWidget(self.interviewSplitter)


        self.retranslateUi(InterviewsPage)

        QMetaObject.connectSlotsByName(InterviewsPage)
    # setupUi

    def retranslateUi(self, InterviewsPage):
        self.interviewMethodLabel.setText(QCoreApplication.translate("InterviewsPage", u"Method:", None))
        self.newInterview.setText(QCoreApplication.translate("InterviewsPage", u"New record", None))
        self.interviewBox.setTitle(QCoreApplication.translate("InterviewsPage", u"Record", None))
        self.methodLabel.setText(QCoreApplication.translate("InterviewsPage", u"Method", None))
        self.dateLabel.setText(QCoreApplication.translate("InterviewsPage", u"Date", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("InterviewsPage", u"yyyy-MM-dd", None))
        self.courtLabel.setText(QCoreApplication.translate("InterviewsPage", u"Court", None))
        self.placeLabel.setText(QCoreApplication.translate("InterviewsPage", u"Place", None))
        self.peopleLabel.setText(QCoreApplication.translate("InterviewsPage", u"Interviewees", None))
        self.peopleEdit.setPlaceholderText(QCoreApplication.translate("InterviewsPage", u"Wang Fang (enforcement judge); Li Qiang (applicant)", None))
        self.recordText.setPlaceholderText(QCoreApplication.translate("InterviewsPage", u"What was said, seen and found", None))
        self.attachmentsLabel.setText(QCoreApplication.translate("InterviewsPage", u"Attachments (drop files here)", None))
        self.addAttachment.setText(QCoreApplication.translate("InterviewsPage", u"Add attachment\u2026", None))
        self.makeProblem.setText(QCoreApplication.translate("InterviewsPage", u"Create problem\u2026", None))
        self.saveInterview.setText(QCoreApplication.translate("InterviewsPage", u"Save", None))
        pass
    # retranslateUi

