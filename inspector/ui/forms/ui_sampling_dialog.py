# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sampling_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout)

class Ui_SamplingDialog(object):
    def setupUi(self, SamplingDialog):
        if not SamplingDialog.objectName():
            SamplingDialog.setObjectName(u"SamplingDialog")
        SamplingDialog.resize(560, 620)
        self.dialogLayout = QVBoxLayout(SamplingDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.samplingForm = QFormLayout()
        self.samplingForm.setObjectName(u"samplingForm")
        self.byRatio = QRadioButton(SamplingDialog)
        self.byRatio.setObjectName(u"byRatio")
        self.byRatio.setChecked(True)

        self.samplingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.byRatio)

        self.ratio = QSpinBox(SamplingDialog)
        self.ratio.setObjectName(u"ratio")
        self.ratio.setMaximum(100)

        self.samplingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ratio)

        self.byCount = QRadioButton(SamplingDialog)
        self.byCount.setObjectName(u"byCount")

        self.samplingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.byCount)

        self.count = QSpinBox(SamplingDialog)
        self.count.setObjectName(u"count")
        self.count.setMaximum(100000)

        self.samplingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.count)

        self.seedLabel = QLabel(SamplingDialog)
        self.seedLabel.setObjectName(u"seedLabel")

        self.samplingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.seedLabel)

        self.seedRow = QHBoxLayout()
        self.seedRow.setObjectName(u"seedRow")
        self.seed = QSpinBox(SamplingDialog)
        self.seed.setObjectName(u"seed")
        self.seed.setMaximum(999999)

        self.seedRow.addWidget(self.seed)

        self.newSeed = QPushButton(SamplingDialog)
        self.newSeed.setObjectName(u"newSeed")

        self.seedRow.addWidget(self.newSeed)


        self.samplingForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.seedRow)

        self.strataLabel = QLabel(SamplingDialog)
        self.strataLabel.setObjectName(u"strataLabel")

        self.samplingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.strataLabel)

        self.strataCombo = QComboBox(SamplingDialog)
        self.strataCombo.setObjectName(u"strataCombo")

        self.samplingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strataCombo)

        self.methodLabel = QLabel(SamplingDialog)
        self.methodLabel.setObjectName(u"methodLabel")

        self.samplingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(SamplingDialog)
        self.methodCombo.setObjectName(u"methodCombo")

        self.samplingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.excludeLabel = QLabel(SamplingDialog)
        self.excludeLabel.setObjectName(u"excludeLabel")

        self.samplingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.excludeLabel)

        self.excludeReviewed = QCheckBox(SamplingDialog)
        self.excludeReviewed.setObjectName(u"excludeReviewed")
        self.excludeReviewed.setChecked(True)

        self.samplingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.excludeReviewed)


        self.dialogLayout.addLayout(self.samplingForm)

        self.reviewersLabel = QLabel(SamplingDialog)
        self.reviewersLabel.setObjectName(u"reviewersLabel")

        self.dialogLayout.addWidget(self.reviewersLabel)

        self.reviewerList = QListWidget(SamplingDialog)
        self.reviewerList.setObjectName(u"reviewerList")

        self.dialogLayout.addWidget(self.reviewerList)

        self.drawRow = QHBoxLayout()
        self.drawRow.setObjectName(u"drawRow")
        self.draw = QPushButton(SamplingDialog)
        self.draw.setObjectName(u"draw")

        self.drawRow.addWidget(self.draw)

        self.exportSample = QPushButton(SamplingDialog)
        self.exportSample.setObjectName(u"exportSample")

        self.drawRow.addWidget(self.exportSample)

        self.drawSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.drawRow.addItem(self.drawSpacer)


        self.dialogLayout.addLayout(self.drawRow)

        self.samplingResult = QLabel(SamplingDialog)
        self.samplingResult.setObjectName(u"samplingResult")
        self.samplingResult.setWordWrap(True)

        self.dialogLayout.addWidget(self.samplingResult)

        self.buttons = QDialogButtonBox(SamplingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(SamplingDialog)
        self.buttons.rejected.connect(SamplingDialog.reject)

        QMetaObject.connectSlotsByName(SamplingDialog)
    # setupUi

    def retranslateUi(self, SamplingDialog):
        SamplingDialog.setWindowTitle(QCoreApplication.translate("SamplingDialog", u"Sample cases for review", None))
        self.byRatio.setText(QCoreApplication.translate("SamplingDialog", u"By ratio", None))
        self.ratio.setSuffix(QCoreApplication.translate("SamplingDialog", u" %", None))
        self.byCount.setText(QCoreApplication.translate("SamplingDialog", u"By count", None))
        self.count.setSuffix(QCoreApplication.translate("SamplingDialog", u" \u4ef6", None))
        self.seedLabel.setText(QCoreApplication.translate("SamplingDialog", u"Random seed", None))
        self.newSeed.setText(QCoreApplication.translate("SamplingDialog", u"New seed", None))
        self.strataLabel.setText(QCoreApplication.translate("SamplingDialog", u"Stratify by", None))
        self.methodLabel.setText(QCoreApplication.translate("SamplingDialog", u"Closing method", None))
        self.excludeLabel.setText("")
        self.excludeReviewed.setText(QCoreApplication.translate("SamplingDialog", u"Leave out cases already reviewed", None))
        self.reviewersLabel.setText(QCoreApplication.translate("SamplingDialog", u"Share the sample among:", None))
        self.draw.setText(QCoreApplication.translate("SamplingDialog", u"Draw sample", None))
        self.exportSample.setText(QCoreApplication.translate("SamplingDialog", u"Export sample list\u2026", None))
        self.samplingResult.setText("")
    # retranslateUi

