"""Looking at evidence inside the app, before 销号: images, PDFs page by page, text files.

The attachment's content goes from the encrypted workspace straight into memory — nothing
decrypted is written to disk. A type the viewer cannot show can be saved elsewhere, after a
warning that the saved copy is not encrypted.

Runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError, describe_os_error
from ..services import records
from ..services.attachments import attachment_data
from ..services.session import Session
from .screen import fit_to_screen

TEXT_SUFFIXES = {".txt", ".csv", ".md", ".log", ".json", ".xml", ".html", ".htm"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"}
#: longest text shown (a huge log opens quickly; the rest can be saved)
MAX_TEXT = 2_000_000


def kind_of(filename: str, mime: str | None, data: bytes) -> str:
    """image | pdf | text | other."""
    suffix = Path(filename).suffix.lower()
    mime = mime or ""
    if data[:5] == b"%PDF-" or suffix == ".pdf" or mime == "application/pdf":
        return "pdf"
    if mime.startswith("image/") or suffix in IMAGE_SUFFIXES:
        return "image"
    if mime.startswith("text/") or suffix in TEXT_SUFFIXES:
        return "text"
    return "other"


def decode_text(data: bytes) -> str:
    """Text as Chinese offices write it: UTF-8 (with or without BOM), else GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


class AttachmentViewer(QDialog):
    """One attachment, shown from memory."""

    def __init__(
        self, filename: str, data: bytes, mime: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filename = filename
        self.data = data
        self.kind = kind_of(filename, mime, data)
        self.setWindowTitle(self.tr("Evidence: {0}").format(filename))
        layout = QVBoxLayout(self)
        self.tools = QHBoxLayout()
        layout.addLayout(self.tools)
        self.zoom = 1.0
        self.angle = 0
        self.page = 0
        self.image: QImage | None = None
        self.pdf: Any = None
        self.view: QWidget
        if self.kind == "image":
            self._image_view(layout)
        elif self.kind == "pdf":
            self._pdf_view(layout)
        elif self.kind == "text":
            self.view = QPlainTextEdit()
            self.view.setReadOnly(True)
            text = decode_text(data[:MAX_TEXT])
            self.view.setPlainText(text)
            layout.addWidget(self.view)
        else:
            self.view = QLabel(
                self.tr(
                    "The app cannot show files of this type. Use 另存为 to open it with another "
                    "program; the saved copy is not encrypted."
                )
            )
            self.view.setWordWrap(True)
            layout.addWidget(self.view, 1)
        self.tools.addStretch(1)
        save = QPushButton(self.tr("Save as…"))
        save.clicked.connect(self.save_as)
        self.tools.addWidget(save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 700)

    # --- images ------------------------------------------------------------------------
    def _image_view(self, layout: QVBoxLayout) -> None:
        image = QImage()
        if not image.loadFromData(self.data):
            self.kind = "other"
            self.view = QLabel(self.tr("The picture cannot be read (the file may be damaged)."))
            layout.addWidget(self.view, 1)
            return
        self.image = image
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = QScrollArea()
        self.view.setWidget(self.label)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.view, 1)
        for text, slot, keys in (
            (
                self.tr("Zoom in"),
                lambda: self.set_zoom(self.zoom * 1.25),
                QKeySequence.StandardKey.ZoomIn,
            ),
            (
                self.tr("Zoom out"),
                lambda: self.set_zoom(self.zoom / 1.25),
                QKeySequence.StandardKey.ZoomOut,
            ),
            (self.tr("Fit"), self.fit, None),
            (self.tr("Rotate"), self.rotate, None),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.tools.addWidget(button)
            if keys is not None:
                QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.zoom_label = QLabel()
        self.tools.addWidget(self.zoom_label)
        self._show_image()

    def _show_image(self) -> None:
        assert self.image is not None
        image = self.image.transformed(QTransform().rotate(self.angle))
        size = image.size() * self.zoom
        pixmap = QPixmap.fromImage(image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.label.setPixmap(pixmap)
        self.label.resize(pixmap.size())
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(8.0, max(0.05, zoom))
        if self.image is not None:
            self._show_image()

    def fit(self) -> None:
        if self.image is None:
            return
        image = self.image.transformed(QTransform().rotate(self.angle))
        assert isinstance(self.view, QScrollArea)
        area = self.view.viewport().size()
        if image.width() and image.height():
            self.set_zoom(min(area.width() / image.width(), area.height() / image.height()))

    def rotate(self) -> None:
        self.angle = (self.angle + 90) % 360
        if self.image is not None:
            self._show_image()

    # --- PDFs --------------------------------------------------------------------------
    def _pdf_view(self, layout: QVBoxLayout) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self.buffer)
        if self.pdf.status() == QPdfDocument.Status.Error or self.pdf.pageCount() == 0:
            self.kind = "other"
            self.view = QLabel(self.tr("The PDF cannot be read (the file may be damaged)."))
            layout.addWidget(self.view, 1)
            return
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        previous = QPushButton(self.tr("Previous page"))
        following = QPushButton(self.tr("Next page"))
        previous.clicked.connect(lambda: self.go_to(self.page - 1))
        following.clicked.connect(lambda: self.go_to(self.page + 1))
        self.page_label = QLabel()
        for w in (previous, self.page_label, following):
            self.tools.addWidget(w)
        self.go_to(0)

    def go_to(self, page: int) -> None:
        if self.pdf is None:
            return
        page = min(max(page, 0), self.pdf.pageCount() - 1)
        self.page = page
        self.view.pageNavigator().jump(page, QPointF(0, 0))  # type: ignore[attr-defined]
        self.page_label.setText(self.tr("Page {0} of {1}").format(page + 1, self.pdf.pageCount()))

    # --- saving a copy -----------------------------------------------------------------
    def save_as(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Save as"),
            self.tr(
                "The copy saved outside the workspace is NOT encrypted: anyone with the file can "
                "read it. Save it anyway?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.filename)
        if not target:
            return
        try:
            Path(target).write_bytes(self.data)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save as"), describe_os_error(e))


def show_attachment(
    session: Session, attachment_id: str, parent: QWidget
) -> AttachmentViewer | None:
    """Open the attachment's viewer (kept alive by its parent until closed)."""
    try:
        att = records.get(session, "attachment", attachment_id)
        data = attachment_data(session, attachment_id=attachment_id)
    except UserError as e:
        QMessageBox.warning(
            parent, QCoreApplication.translate("AttachmentViewer", "Evidence"), str(e)
        )
        return None
    viewer = AttachmentViewer(att["filename"], data, att["mime"], parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.open()
    return viewer
