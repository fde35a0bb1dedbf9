# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_workspace_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

class Ui_NewWorkspaceDialog(object):
    def setupUi(self, NewWorkspaceDialog):
        if not NewWorkspaceDialog.objectName():
            NewWorkspaceDialog.setObjectName(u"NewWorkspaceDialog")
        NewWorkspaceDialog.resize(620, 420)
        self.dialogLayout = QVBoxLayout(NewWorkspaceDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.workspaceForm = QFormLayout()
        self.workspaceForm.setObjectName(u"workspaceForm")
        self.pathLabel = QLabel(NewWorkspaceDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.workspaceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.path = QLineEdit(NewWorkspaceDialog)
        self.path.setObjectName(u"path")

        self.pathRow.addWidget(self.path)

        self.browse = QPushButton(NewWorkspaceDialog)
        self.browse.setObjectName(u"browse")

        self.pathRow.addWidget(self.browse)


        self.workspaceForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.pathRow)

        self.nameLabel = QLabel(NewWorkspaceDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.workspaceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.memberName = QLineEdit(NewWorkspaceDialog)
        self.memberName.setObjectName(u"memberName")

        self.workspaceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.memberName)

        self.unitLabel = QLabel(NewWorkspaceDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.workspaceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.memberUnit = QLineEdit(NewWorkspaceDialog)
        self.memberUnit.setObjectName(u"memberUnit")

        self.workspaceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.memberUnit)

        self.roleLabel = QLabel(NewWorkspaceDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.workspaceForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(NewWorkspaceDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.workspaceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.encrypt = QCheckBox(NewWorkspaceDialog)
        self.encrypt.setObjectName(u"encrypt")
        self.encrypt.setChecked(True)

        self.workspaceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.encrypt)

        self.passwordLabel = QLabel(NewWorkspaceDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.workspaceForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(NewWorkspaceDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.workspaceForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.password)

        self.confirmLabel = QLabel(NewWorkspaceDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.workspaceForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(NewWorkspaceDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.workspaceForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.confirm)

        self.passwordHint = QLabel(NewWorkspaceDialog)
        self.passwordHint.setObjectName(u"passwordHint")
        self.passwordHint.setWordWrap(True)

        self.workspaceForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passwordHint)


        self.dialogLayout.addLayout(self.workspaceForm)

        self.buttons = QDialogButtonBox(NewWorkspaceDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(NewWorkspaceDialog)
        self.buttons.accepted.connect(NewWorkspaceDialog.accept)
        self.buttons.rejected.connect(NewWorkspaceDialog.reject)

        QMetaObject.connectSlotsByName(NewWorkspaceDialog)
    # setupUi

    def retranslateUi(self, NewWorkspaceDialog):
        NewWorkspaceDialog.setWindowTitle(QCoreApplication.translate("NewWorkspaceDialog", u"New workspace", None))
        self.pathLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"File", None))
        self.browse.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Browse\u2026", None))
        self.nameLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Your name", None))
        self.unitLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Your unit", None))
        self.roleLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Your role", None))
        self.encrypt.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Encrypt the workspace with a password (recommended)", None))
        self.passwordLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Password", None))
        self.confirmLabel.setText(QCoreApplication.translate("NewWorkspaceDialog", u"Password again", None))
        self.passwordHint.setText(QCoreApplication.translate("NewWorkspaceDialog", u"At least 6 characters. Without the password the workspace cannot be opened: keep it safe, and escrow the key to your team leader once you have the roster.", None))
    # retranslateUi

