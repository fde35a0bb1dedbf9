"""Loading a year's official holiday arrangement: the State Council's notice pasted as it is
published (一、元旦：1月1日（周五）放假…) or a saved text file, previewed day by day with what
to check, then stored; that year's deadlines are no longer provisional.

Runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.holidays import HolidayPreview, load_holidays, preview_holidays, read_holiday_file
from ..services.session import Session


class HolidayNoticeDialog(QDialog):
    """Paste or open, preview, load."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded: HolidayPreview | None = None
        self.setWindowTitle(self.tr("Load the year's holiday arrangement"))
        layout = QVBoxLayout(self)
        help_ = QLabel(
            self.tr(
                "Paste the State Council's notice as published (一、元旦：…), or open it saved "
                "as a text file. Check the preview, then load it."
            )
        )
        help_.setWordWrap(True)
        layout.addWidget(help_)
        self.text = QPlainTextEdit()
        self.text.setObjectName("noticeText")
        self.text.setPlaceholderText(self.tr("The notice's text"))
        self.text.textChanged.connect(self._edited)
        layout.addWidget(self.text, 2)
        row = QHBoxLayout()
        open_file = QPushButton(self.tr("Open a file…"))
        open_file.clicked.connect(self._open_file)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("previewNotice")
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(open_file)
        row.addStretch(1)
        row.addWidget(self.preview_button)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.days = QListWidget()
        self.days.setObjectName("noticeDays")
        layout.addWidget(self.days, 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.load_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.load_button.setText(self.tr("Load"))
        self.load_button.setEnabled(False)
        self.load_button.setToolTip(self.tr("Preview the arrangement first."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

    def _edited(self) -> None:
        self.load_button.setEnabled(False)
        self.load_button.setToolTip(self.tr("Preview the arrangement first."))

    def _open_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("Text (*.txt);;All files (*)")
        )
        if not chosen:
            return
        try:
            self.text.setPlainText(read_holiday_file(Path(chosen)))
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        self.preview()

    def preview(self) -> HolidayPreview | None:
        self.days.clear()
        try:
            found = preview_holidays(text=self.text.toPlainText())
        except UserError as e:
            self.summary.setText(str(e))
            return None
        self.summary.setText(found.summary() + "".join(f"\n⚠ {w}" for w in found.warnings))
        self.days.addItems(list(found.lines))
        self.load_button.setEnabled(True)
        self.load_button.setToolTip("")
        return found

    def accept(self) -> None:
        """Store what the preview showed (refused with the text kept when it cannot)."""
        try:
            self.loaded = load_holidays(self.session, text=self.text.toPlainText())
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        super().accept()
