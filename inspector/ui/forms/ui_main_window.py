# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMenuBar, QSizePolicy, QSpacerItem, QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.campaignLabel = QLabel(self.centralwidget)
        self.campaignLabel.setObjectName(u"campaignLabel")

        self.topBar.addWidget(self.campaignLabel)

        self.campaignCombo = QComboBox(self.centralwidget)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.topBar.addWidget(self.campaignCombo)

        self.courtLabel = QLabel(self.centralwidget)
        self.courtLabel.setObjectName(u"courtLabel")

        self.topBar.addWidget(self.courtLabel)

        self.courtCombo = QComboBox(self.centralwidget)
        self.courtCombo.setObjectName(u"courtCombo")

        self.topBar.addWidget(self.courtCombo)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topBar.addItem(self.topSpacer)

        self.searchEdit = QLineEdit(self.centralwidget)
        self.searchEdit.setObjectName(u"searchEdit")

        self.topBar.addWidget(self.searchEdit)


        self.centralLayout.addLayout(self.topBar)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.navigation = QListWidget(self.centralwidget)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMaximumWidth(170)
        self.navigation.setIconSize(QSize(20, 20))

        self.bodyLayout.addWidget(self.navigation)

        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")

        self.bodyLayout.addWidget(self.pages)


        self.centralLayout.addLayout(self.bodyLayout)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.campaignLabel.setText(QCoreApplication.translate("MainWindow", u"Campaign:", None))
        self.courtLabel.setText(QCoreApplication.translate("MainWindow", u"Court:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Search everything (Ctrl+F)", None))
        pass
    # retranslateUi

