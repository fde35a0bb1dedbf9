# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'problem_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout)

class Ui_ProblemDialog(object):
    def setupUi(self, ProblemDialog):
        if not ProblemDialog.objectName():
            ProblemDialog.setObjectName(u"ProblemDialog")
        ProblemDialog.resize(620, 420)
        self.dialogLayout = QVBoxLayout(ProblemDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.problemForm = QFormLayout()
        self.problemForm.setObjectName(u"problemForm")
        self.courtLabel = QLabel(ProblemDialog)
        self.courtLabel.setObjectName(u"courtLabel")

        self.problemForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.courtLabel)

        self.courtCombo = QComboBox(ProblemDialog)
        self.courtCombo.setObjectName(u"courtCombo")

        self.problemForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.courtCombo)

        self.categoryLabel = QLabel(ProblemDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.problemForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(ProblemDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.problemForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.subtypeLabel = QLabel(ProblemDialog)
        self.subtypeLabel.setObjectName(u"subtypeLabel")

        self.problemForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subtypeLabel)

        self.subtypeCombo = QComboBox(ProblemDialog)
        self.subtypeCombo.setObjectName(u"subtypeCombo")

        self.problemForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subtypeCombo)

        self.descriptionLabel = QLabel(ProblemDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.problemForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.description = QPlainTextEdit(ProblemDialog)
        self.description.setObjectName(u"description")

        self.problemForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.description)

        self.examplesLabel = QLabel(ProblemDialog)
        self.examplesLabel.setObjectName(u"examplesLabel")

        self.problemForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.examplesLabel)

        self.examples = QLineEdit(ProblemDialog)
        self.examples.setObjectName(u"examples")

        self.problemForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.examples)

        self.severityLabel = QLabel(ProblemDialog)
        self.severityLabel.setObjectName(u"severityLabel")

        self.problemForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.severityLabel)

        self.severityCombo = QComboBox(ProblemDialog)
        self.severityCombo.setObjectName(u"severityCombo")

        self.problemForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.severityCombo)

        self.evidenceLabel = QLabel(ProblemDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.problemForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidence = QLineEdit(ProblemDialog)
        self.evidence.setObjectName(u"evidence")

        self.problemForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.evidence)


        self.dialogLayout.addLayout(self.problemForm)

        self.buttons = QDialogButtonBox(ProblemDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(ProblemDialog)
        self.buttons.accepted.connect(ProblemDialog.accept)
        self.buttons.rejected.connect(ProblemDialog.reject)

        QMetaObject.connectSlotsByName(ProblemDialog)
    # setupUi

    def retranslateUi(self, ProblemDialog):
        ProblemDialog.setWindowTitle(QCoreApplication.translate("ProblemDialog", u"Problem", None))
        self.courtLabel.setText(QCoreApplication.translate("ProblemDialog", u"Court", None))
        self.categoryLabel.setText(QCoreApplication.translate("ProblemDialog", u"Category", None))
        self.subtypeLabel.setText(QCoreApplication.translate("ProblemDialog", u"Subtype", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ProblemDialog", u"Description", None))
        self.description.setPlaceholderText(QCoreApplication.translate("ProblemDialog", u"What was found, with examples", None))
        self.examplesLabel.setText(QCoreApplication.translate("ProblemDialog", u"Example case numbers", None))
        self.examples.setPlaceholderText(QCoreApplication.translate("ProblemDialog", u"\uff082024\uff09\u4e910102\u626788\u53f7\uff1b\uff082024\uff09\u4e910102\u626791\u53f7", None))
        self.severityLabel.setText(QCoreApplication.translate("ProblemDialog", u"Severity", None))
        self.evidenceLabel.setText(QCoreApplication.translate("ProblemDialog", u"Evidence", None))
    # retranslateUi

