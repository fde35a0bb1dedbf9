# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout)

class Ui_StepDialog(object):
    def setupUi(self, StepDialog):
        if not StepDialog.objectName():
            StepDialog.setObjectName(u"StepDialog")
        StepDialog.resize(640, 420)
        self.stepLayout = QVBoxLayout(StepDialog)
        self.stepLayout.setObjectName(u"stepLayout")
        self.intro = QLabel(StepDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.stepLayout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")

        self.stepLayout.addLayout(self.fields)

        self.buttons = QDialogButtonBox(StepDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.stepLayout.addWidget(self.buttons)


        self.retranslateUi(StepDialog)
        self.buttons.rejected.connect(StepDialog.reject)

        QMetaObject.connectSlotsByName(StepDialog)
    # setupUi

    def retranslateUi(self, StepDialog):
        self.intro.setText("")
        pass
    # retranslateUi

