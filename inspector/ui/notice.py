"""The notice bar: what an action produced, where the eye is, with 打开文件夹 when it wrote files.

Results of exports, imports, reports and backups show here, above the pages, until the user
closes them or the next result replaces them (and in the status bar for the record); a message
box would stop the user, the status bar alone is easily missed at the bottom of a laptop screen.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class NoticeBar(QFrame):
    """Runs on the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text, 1)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setObjectName("noticeOpenFolder")
        self.open_folder.clicked.connect(self._open_folder)
        layout.addWidget(self.open_folder)
        self.action = QPushButton()
        self.action.setObjectName("noticeAction")
        self.action.clicked.connect(self._act)
        layout.addWidget(self.action)
        self._run: Callable[[], object] | None = None
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.folder: Path | None = None
        self.kind = "info"
        self.hide()

    def show_notice(
        self,
        text: str,
        *,
        folder: Path | None = None,
        kind: str = "info",
        action: tuple[str, Callable[[], object]] | None = None,
    ) -> None:
        """``kind``: info (a result) or warning (something to look at); ``action``: a button
        (its text, what it does) for what the notice asks the user to do."""
        self.kind = kind
        self.text.setText(text)
        self.folder = folder
        self.open_folder.setVisible(folder is not None)
        self._run = action[1] if action else None
        self.action.setText(action[0] if action else "")
        self.action.setVisible(action is not None)
        colour = "#fff4e5" if kind == "warning" else "#e8f4ea"
        border = "#e0a040" if kind == "warning" else "#7cb987"
        self.setStyleSheet(
            f"QFrame#noticeBar {{ background: {colour}; border: 1px solid {border}; "
            "border-radius: 4px; }"
        )
        self.show()

    def _act(self) -> None:
        run, self._run = self._run, None
        self.hide()
        if run is not None:
            run()

    def _open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
