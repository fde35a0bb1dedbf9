"""Small pieces the dialogs share.

Runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel


def error_label() -> QLabel:
    """A red line under a field for what was wrong with it (hidden until then)."""
    label = QLabel()
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """确定 / 取消 wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
