# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_TeamPage(object):
    def setupUi(self, TeamPage):
        if not TeamPage.objectName():
            TeamPage.setObjectName(u"TeamPage")
        TeamPage.resize(1000, 700)
        self.teamLayout = QVBoxLayout(TeamPage)
        self.teamLayout.setObjectName(u"teamLayout")
        self.tabs = QTabWidget(TeamPage)
        self.tabs.setObjectName(u"tabs")
        self.campaignTab = QWidget()
        self.campaignTab.setObjectName(u"campaignTab")
        self.campaignTabLayout = QVBoxLayout(self.campaignTab)
        self.campaignTabLayout.setObjectName(u"campaignTabLayout")
        self.campaignForm = QFormLayout()
        self.campaignForm.setObjectName(u"campaignForm")
        self.campaignNameLabel = QLabel(self.campaignTab)
        self.campaignNameLabel.setObjectName(u"campaignNameLabel")

        self.campaignForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.campaignNameLabel)

        self.campaignName = QLineEdit(self.campaignTab)
        self.campaignName.setObjectName(u"campaignName")

        self.campaignForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.campaignName)

        self.campaignKindLabel = QLabel(self.campaignTab)
        self.campaignKindLabel.setObjectName(u"campaignKindLabel")

        self.campaignForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.campaignKindLabel)

        self.campaignKind = QComboBox(self.campaignTab)
        self.campaignKind.setObjectName(u"campaignKind")

        self.campaignForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.campaignKind)

        self.issuingLabel = QLabel(self.campaignTab)
        self.issuingLabel.setObjectName(u"issuingLabel")

        self.campaignForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuingLabel)

        self.issuingCourt = QLineEdit(self.campaignTab)
        self.issuingCourt.setObjectName(u"issuingCourt")

        self.campaignForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuingCourt)

        self.docLabel = QLabel(self.campaignTab)
        self.docLabel.setObjectName(u"docLabel")

        self.campaignForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.docLabel)

        self.docNumber = QLineEdit(self.campaignTab)
        self.docNumber.setObjectName(u"docNumber")

        self.campaignForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.docNumber)

        self.startLabel = QLabel(self.campaignTab)
        self.startLabel.setObjectName(u"startLabel")

        self.campaignForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startDate = QDateEdit(self.campaignTab)
        self.startDate.setObjectName(u"startDate")
        self.startDate.setCalendarPopup(True)

        self.campaignForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.startDate)

        self.endLabel = QLabel(self.campaignTab)
        self.endLabel.setObjectName(u"endLabel")

        self.campaignForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endDate = QDateEdit(self.campaignTab)
        self.endDate.setObjectName(u"endDate")
        self.endDate.setCalendarPopup(True)

        self.campaignForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.endDate)

        self.reportLabel = QLabel(self.campaignTab)
        self.reportLabel.setObjectName(u"reportLabel")

        self.campaignForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reportLabel)

        self.reportDate = QDateEdit(self.campaignTab)
        self.reportDate.setObjectName(u"reportDate")
        self.reportDate.setCalendarPopup(True)

        self.campaignForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reportDate)


        self.campaignTabLayout.addLayout(self.campaignForm)

        self.campaignButtons = QHBoxLayout()
        self.campaignButtons.setObjectName(u"campaignButtons")
        self.deleteCampaign = QPushButton(self.campaignTab)
        self.deleteCampaign.setObjectName(u"deleteCampaign")

        self.campaignButtons.addWidget(self.deleteCampaign)

        self.campaignSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.campaignButtons.addItem(self.campaignSpacer)

        self.saveCampaign = QPushButton(self.campaignTab)
        self.saveCampaign.setObjectName(u"saveCampaign")

        self.campaignButtons.addWidget(self.saveCampaign)


        self.campaignTabLayout.addLayout(self.campaignButtons)

        self.campaignVSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.campaignTabLayout.addItem(self.campaignVSpacer)

        self.tabs.addTab(self.campaignTab, "")
        self.courtsTab = QWidget()
        self.courtsTab.setObjectName(u"courtsTab")
        self.courtsLayout = QVBoxLayout(self.courtsTab)
        self.courtsLayout.setObjectName(u"courtsLayout")
        self.courtTable = QTableView(self.courtsTab)
        self.courtTable.setObjectName(u"courtTable")
        self.courtTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.courtTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.courtTable.setAlternatingRowColors(True)
        self.courtTable.setSortingEnabled(True)
        self.courtTable.setWordWrap(False)

        self.courtsLayout.addWidget(self.courtTable)

        self.courtAddRow = QHBoxLayout()
        self.courtAddRow.setObjectName(u"courtAddRow")
        self.courtName = QLineEdit(self.courtsTab)
        self.courtName.setObjectName(u"courtName")

        self.courtAddRow.addWidget(self.courtName)

        self.courtLevel = QComboBox(self.courtsTab)
        self.courtLevel.setObjectName(u"courtLevel")

        self.courtAddRow.addWidget(self.courtLevel)

        self.courtCode = QLineEdit(self.courtsTab)
        self.courtCode.setObjectName(u"courtCode")

        self.courtAddRow.addWidget(self.courtCode)

        self.courtParent = QComboBox(self.courtsTab)
        self.courtParent.setObjectName(u"courtParent")

        self.courtAddRow.addWidget(self.courtParent)

        self.addCourt = QPushButton(self.courtsTab)
        self.addCourt.setObjectName(u"addCourt")

        self.courtAddRow.addWidget(self.addCourt)


        self.courtsLayout.addLayout(self.courtAddRow)

        self.tabs.addTab(self.courtsTab, "")
        self.membersTab = QWidget()
        self.membersTab.setObjectName(u"membersTab")
        self.membersLayout = QVBoxLayout(self.membersTab)
        self.membersLayout.setObjectName(u"membersLayout")
        self.meRow = QHBoxLayout()
        self.meRow.setObjectName(u"meRow")
        self.meLabel = QLabel(self.membersTab)
        self.meLabel.setObjectName(u"meLabel")

        self.meRow.addWidget(self.meLabel)

        self.currentMember = QLabel(self.membersTab)
        self.currentMember.setObjectName(u"currentMember")

        self.meRow.addWidget(self.currentMember)

        self.meSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.meRow.addItem(self.meSpacer)


        self.membersLayout.addLayout(self.meRow)

        self.memberTable = QTableView(self.membersTab)
        self.memberTable.setObjectName(u"memberTable")
        self.memberTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.memberTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.memberTable.setAlternatingRowColors(True)
        self.memberTable.setSortingEnabled(True)
        self.memberTable.setWordWrap(False)

        self.membersLayout.addWidget(self.memberTable)

        self.memberAddRow = QHBoxLayout()
        self.memberAddRow.setObjectName(u"memberAddRow")
        self.memberName = QLineEdit(self.membersTab)
        self.memberName.setObjectName(u"memberName")

        self.memberAddRow.addWidget(self.memberName)

        self.memberUnit = QLineEdit(self.membersTab)
        self.memberUnit.setObjectName(u"memberUnit")

        self.memberAddRow.addWidget(self.memberUnit)

        self.memberPhone = QLineEdit(self.membersTab)
        self.memberPhone.setObjectName(u"memberPhone")

        self.memberAddRow.addWidget(self.memberPhone)

        self.memberRole = QComboBox(self.membersTab)
        self.memberRole.setObjectName(u"memberRole")

        self.memberAddRow.addWidget(self.memberRole)

        self.addMember = QPushButton(self.membersTab)
        self.addMember.setObjectName(u"addMember")

        self.memberAddRow.addWidget(self.addMember)

        self.changeRole = QPushButton(self.membersTab)
        self.changeRole.setObjectName(u"changeRole")

        self.memberAddRow.addWidget(self.changeRole)

        self.revokeLaptop = QPushButton(self.membersTab)
        self.revokeLaptop.setObjectName(u"revokeLaptop")

        self.memberAddRow.addWidget(self.revokeLaptop)


        self.membersLayout.addLayout(self.memberAddRow)

        self.tabs.addTab(self.membersTab, "")
        self.holidaysTab = QWidget()
        self.holidaysTab.setObjectName(u"holidaysTab")
        self.holidaysLayout = QVBoxLayout(self.holidaysTab)
        self.holidaysLayout.setObjectName(u"holidaysLayout")
        self.holidayHelp = QLabel(self.holidaysTab)
        self.holidayHelp.setObjectName(u"holidayHelp")
        self.holidayHelp.setWordWrap(True)

        self.holidaysLayout.addWidget(self.holidayHelp)

        self.holidayText = QPlainTextEdit(self.holidaysTab)
        self.holidayText.setObjectName(u"holidayText")

        self.holidaysLayout.addWidget(self.holidayText)

        self.holidayStatus = QLabel(self.holidaysTab)
        self.holidayStatus.setObjectName(u"holidayStatus")
        self.holidayStatus.setWordWrap(True)

        self.holidaysLayout.addWidget(self.holidayStatus)

        self.holidayButtons = QHBoxLayout()
        self.holidayButtons.setObjectName(u"holidayButtons")
        self.holidaySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.holidayButtons.addItem(self.holidaySpacer)

        self.saveHolidays = QPushButton(self.holidaysTab)
        self.saveHolidays.setObjectName(u"saveHolidays")

        self.holidayButtons.addWidget(self.saveHolidays)


        self.holidaysLayout.addLayout(self.holidayButtons)

        self.tabs.addTab(self.holidaysTab, "")
        self.languageTab = QWidget()
        self.languageTab.setObjectName(u"languageTab")
        self.languageLayout = QVBoxLayout(self.languageTab)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageRow = QHBoxLayout()
        self.languageRow.setObjectName(u"languageRow")
        self.languageLabel = QLabel(self.languageTab)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageRow.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(self.languageTab)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageRow.addWidget(self.languageCombo)

        self.saveLanguage = QPushButton(self.languageTab)
        self.saveLanguage.setObjectName(u"saveLanguage")

        self.languageRow.addWidget(self.saveLanguage)

        self.languageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageRow.addItem(self.languageSpacer)


        self.languageLayout.addLayout(self.languageRow)

        self.languageNote = QLabel(self.languageTab)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)

        self.languageLayout.addWidget(self.languageNote)

        self.languageVSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.languageLayout.addItem(self.languageVSpacer)

        self.tabs.addTab(self.languageTab, "")

        self.teamLayout.addWidget(self.tabs)


        self.retranslateUi(TeamPage)

        QMetaObject.connectSlotsByName(TeamPage)
    # setupUi

    def retranslateUi(self, TeamPage):
        self.campaignNameLabel.setText(QCoreApplication.translate("TeamPage", u"Name", None))
        self.campaignKindLabel.setText(QCoreApplication.translate("TeamPage", u"Kind", None))
        self.issuingLabel.setText(QCoreApplication.translate("TeamPage", u"Issuing court", None))
        self.docLabel.setText(QCoreApplication.translate("TeamPage", u"Document number", None))
        self.docNumber.setPlaceholderText(QCoreApplication.translate("TeamPage", u"\u4e91\u9ad8\u6cd5\u30142026\u301558\u53f7", None))
        self.startLabel.setText(QCoreApplication.translate("TeamPage", u"Start", None))
        self.startDate.setDisplayFormat(QCoreApplication.translate("TeamPage", u"yyyy-MM-dd", None))
        self.endLabel.setText(QCoreApplication.translate("TeamPage", u"End", None))
        self.endDate.setDisplayFormat(QCoreApplication.translate("TeamPage", u"yyyy-MM-dd", None))
        self.reportLabel.setText(QCoreApplication.translate("TeamPage", u"Report deadline", None))
        self.reportDate.setDisplayFormat(QCoreApplication.translate("TeamPage", u"yyyy-MM-dd", None))
        self.deleteCampaign.setText(QCoreApplication.translate("TeamPage", u"Delete campaign\u2026", None))
        self.saveCampaign.setText(QCoreApplication.translate("TeamPage", u"Save campaign", None))
        self.tabs.setTabText(self.tabs.indexOf(self.campaignTab), QCoreApplication.translate("TeamPage", u"Campaign", None))
        self.courtName.setPlaceholderText(QCoreApplication.translate("TeamPage", u"Court name", None))
        self.courtCode.setPlaceholderText(QCoreApplication.translate("TeamPage", u"Code, e.g. \u4e910102", None))
        self.addCourt.setText(QCoreApplication.translate("TeamPage", u"Add court", None))
        self.tabs.setTabText(self.tabs.indexOf(self.courtsTab), QCoreApplication.translate("TeamPage", u"Courts", None))
        self.meLabel.setText(QCoreApplication.translate("TeamPage", u"This laptop is used by:", None))
        self.currentMember.setText("")
#if QT_CONFIG(tooltip)
        self.currentMember.setToolTip(QCoreApplication.translate("TeamPage", u"Fixed by this laptop's identity keys: the laptop acts only as its own member", None))
#endif // QT_CONFIG(tooltip)
        self.memberName.setPlaceholderText(QCoreApplication.translate("TeamPage", u"Name", None))
        self.memberUnit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"Unit", None))
        self.memberPhone.setPlaceholderText(QCoreApplication.translate("TeamPage", u"Phone", None))
        self.addMember.setText(QCoreApplication.translate("TeamPage", u"Add member", None))
        self.changeRole.setText(QCoreApplication.translate("TeamPage", u"Change role of selected", None))
#if QT_CONFIG(tooltip)
        self.revokeLaptop.setToolTip(QCoreApplication.translate("TeamPage", u"A lost or stolen laptop: refuse everything it sends from now on; what it sent before stays", None))
#endif // QT_CONFIG(tooltip)
        self.revokeLaptop.setText(QCoreApplication.translate("TeamPage", u"Revoke lost laptop\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.membersTab), QCoreApplication.translate("TeamPage", u"Members and roles", None))
        self.holidayHelp.setText(QCoreApplication.translate("TeamPage", u"When next year's holidays are announced before the app knows them, enter them here, one day or range per line: 2027-01-01 \u4f11 \u5143\u65e6 / 2027-02-06..2027-02-13 \u4f11 \u6625\u8282 / 2027-02-14 \u73ed \u8c03\u4f11.", None))
        self.holidayStatus.setText("")
        self.saveHolidays.setText(QCoreApplication.translate("TeamPage", u"Save holidays", None))
        self.tabs.setTabText(self.tabs.indexOf(self.holidaysTab), QCoreApplication.translate("TeamPage", u"Holidays", None))
        self.languageLabel.setText(QCoreApplication.translate("TeamPage", u"Language:", None))
        self.saveLanguage.setText(QCoreApplication.translate("TeamPage", u"Apply", None))
        self.languageNote.setText(QCoreApplication.translate("TeamPage", u"The language changes the next time the app starts.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.languageTab), QCoreApplication.translate("TeamPage", u"Language", None))
        pass
    # retranslateUi

