"""What an action wrote, told where the eye is: a message naming the file or folder, with
打开文件夹 (Open folder) to show it in the file manager.

Runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_folder(folder: Path) -> None:
    """Show the folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_written(parent: QWidget | None, title: str, text: str, folder: Path) -> QMessageBox:
    """An information message for files just written, with the folder they are in and a
    button that opens it. Window-modal and not blocking: the caller goes on."""
    box = QMessageBox(parent)
    box.setObjectName("writtenMessage")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(
        QCoreApplication.translate("Results", "In the folder: {0}").format(folder)
    )
    opener = box.addButton(
        QCoreApplication.translate("Results", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    opener.setObjectName("openFolderButton")
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: object) -> None:
        if button is opener:
            open_folder(folder)

    box.buttonClicked.connect(clicked)
    box.open()
    return box
