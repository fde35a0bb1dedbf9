"""What happens to typed text when the user moves away: 保存 / 不保存 / 取消.

One behaviour for the whole app: an editor with unsaved changes asks before anything replaces
what it shows — another record, another page, another campaign or court, another workspace,
closing the window. Dialogs ask before they are dismissed with what was typed in them.

Runs on the GUI thread.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

Role = QMessageBox.ButtonRole


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _choose(
    parent: QWidget | None, text: str, info: str, buttons: list[tuple[str, Role]], default: int
) -> int:
    """A warning box with ``buttons``; the index of the one clicked (the last on Esc)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Unsaved", "Unsaved changes"))
    box.setText(text)
    if info:
        box.setInformativeText(info)
    made = [box.addButton(label, role) for label, role in buttons]
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return made.index(clicked) if clicked in made else len(made) - 1


def ask(parent: QWidget | None, what: str) -> Choice:
    """保存 / 不保存 / 取消 for the unsaved changes described by ``what``."""
    index = _choose(
        parent,
        QCoreApplication.translate("Unsaved", "{0} has changes that are not saved.").format(what),
        QCoreApplication.translate("Unsaved", "Save them before going on?"),
        [
            (QCoreApplication.translate("Unsaved", "Save"), Role.AcceptRole),
            (QCoreApplication.translate("Unsaved", "Don't save"), Role.DestructiveRole),
            (QCoreApplication.translate("Unsaved", "Cancel"), Role.RejectRole),
        ],
        0,
    )
    return (Choice.SAVE, Choice.DISCARD, Choice.CANCEL)[index]


def ask_discard(parent: QWidget | None, what: str) -> bool:
    """A dialog being closed with text typed into it: True when the user lets it go."""
    index = _choose(
        parent,
        QCoreApplication.translate("Unsaved", "Close {0} without saving what was typed?").format(
            what
        ),
        "",
        [
            (QCoreApplication.translate("Unsaved", "Close without saving"), Role.DestructiveRole),
            (QCoreApplication.translate("Unsaved", "Keep editing"), Role.RejectRole),
        ],
        1,
    )
    return index == 0
