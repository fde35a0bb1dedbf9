"""The note a transition of a rectification item needs (提交核查, 销号, 退回, 重新打开), with the
item it acts on in view; a refusal keeps the dialog open with what was written.

Runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from .dialogs import GuardedDialog
from .screen import fit_to_screen
from .widgets import error_label, ok_cancel


class NoteDialog(GuardedDialog):
    """A note for ``action(note)``; an empty required note or a user error keeps it open."""

    def __init__(
        self,
        title: str,
        subject: str,
        action: Callable[[str], Any],
        parent: QWidget | None = None,
        *,
        required: bool = True,
        prompt: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.action = action
        self.required = required
        layout = QVBoxLayout(self)
        self.subject = QLabel(subject)
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.subject)
        self.prompt = QLabel(
            prompt or (self.tr("Note (required):") if required else self.tr("Note:"))
        )
        layout.addWidget(self.prompt)
        self.text = QPlainTextEdit()
        layout.addWidget(self.text, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        fit_to_screen(self, 560, 380)
        self.done_value: Any = None
        self.mark_clean()

    def snapshot(self) -> object:
        return self.text.toPlainText()

    def accept(self) -> None:
        note = self.text.toPlainText()
        if self.required and not note.strip():
            self.error.setText(self.tr("Please write a note."))
            self.error.show()
            self.text.setFocus()
            return
        try:
            self.done_value = self.action(note)
        except UserError as e:
            # the note stays: the user corrects and tries again
            self.error.setText(str(e))
            self.error.show()
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        if self.done_value is None:  # the action was abandoned (no evidence chosen)
            return
        super().accept()
