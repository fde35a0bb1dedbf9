"""Unlocking encrypted workspaces, changing the password, backups and the integrity check.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.security import Backup, list_backups, needs_password
from ..services.session import Session, WrongPassword, open_session
from .widgets import error_label, ok_cancel


class PasswordDialog(QDialog):
    """Asks for the password of an encrypted workspace; a wrong one is said in the dialog."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Unlock workspace"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The workspace “%1” is encrypted. Enter its password.").replace("%1", path.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        layout.addWidget(self.password)
        self.error = error_label()
        self.error.setObjectName("passwordError")
        layout.addWidget(self.error)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlocking: Any = None
        self.setMinimumWidth(420)

    def accept(self) -> None:
        """The key is derived on the runner (Argon2id takes about half a second): the dialog
        stays responsive, says it is checking, and closes when the password fits."""
        from .operations.security import unlock

        if self.unlocking is not None:
            return
        self.ok.setEnabled(False)
        self.error.setText(self.tr("Checking the password…"))
        self.error.setStyleSheet("color: palette(text);")
        self.error.show()

        def unlocked(key: bytes) -> None:
            self.unlocking = None
            self.key = key
            QDialog.accept(self)

        def refused(error: BaseException) -> None:
            self.unlocking = None
            self.ok.setEnabled(True)
            if isinstance(error, UserError) and not isinstance(error, WrongPassword):
                self.error.hide()
                QMessageBox.warning(self, self.windowTitle(), str(error))
                return
            from .ops import describe_failure

            self.error.setStyleSheet("color: #b3261e;")
            self.error.setText(
                str(error) if isinstance(error, WrongPassword) else describe_failure(error)[1]
            )
            self.password.selectAll()
            self.password.setFocus()

        self.unlocking = unlock(self, path=self.path, password=self.password.text())
        self.unlocking.success(unlocked).failure(refused).run()


def open_interactively(path: Path, parent: QWidget | None = None) -> Session | None:
    """Open a workspace, asking for its password when it is encrypted (None: cancelled)."""
    if not needs_password(path):
        return open_session(path)
    dialog = PasswordDialog(path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.key is None:
        return None
    return open_session(path, key=dialog.key)


class ChangePasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change password"))
        form = QFormLayout(self)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(400)

    def accept(self) -> None:
        if self.new.text() != self.again.text():
            QMessageBox.warning(self, self.windowTitle(), self.tr("The new passwords differ."))
            return
        super().accept()


class BackupsDialog(QDialog):
    """The workspace's backups, newest first: back up now, or restore the chosen one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.restore_from: Backup | None = None
        self.setWindowTitle(self.tr("Backups"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A backup is made before every upgrade and once a day; backups are encrypted "
                "like the workspace. Restoring first backs up the current state."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore the chosen backup…"))
        close = QPushButton(self.tr("Close"))
        row.addWidget(self.now_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.now_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.choose_restore)
        close.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(lambda r: self.restore_button.setEnabled(r >= 0))
        self.resize(560, 380)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        path = self.session.workspace.path
        self.backups = list_backups(path) if path else []
        for b in self.backups:
            size = b.path.stat().st_size / 1024 / 1024
            item = QListWidgetItem(
                f"{b.taken_at:%Y-%m-%d %H:%M:%S}    {b.label_text}    {size:.1f} MB"
            )
            self.list.addItem(item)
        self.restore_button.setEnabled(False)

    def back_up(self) -> None:
        """A backup now, taken on the runner; the list shows it when it is done."""
        from .operations.security import backup

        self.backing_up = backup(self, self.session).success(self._backed_up)
        self.backing_up.failure(self._failed).run()

    def _backed_up(self, taken: Backup) -> None:
        from .results import show_written

        self.fill()
        self.written = show_written(
            self,
            self.windowTitle(),
            self.tr("Backed up: {0}").format(taken.path.name),
            taken.path.parent,
        )

    def _failed(self, error: BaseException) -> None:
        from .ops import show_failure

        show_failure(self, self.windowTitle(), error)
        self.fill()

    def choose_restore(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        b = self.backups[row]
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Restore the workspace to the backup of %1? Changes made since then are kept "
                "in a separate backup and can be restored again."
            ).replace("%1", f"{b.taken_at:%Y-%m-%d %H:%M}"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from = b
            self.accept()
