"""The draft of a court's feedback (反馈意见草稿), edited by the team: its title, headings,
paragraphs and signature, block by block. Saved as a revision of the draft (it syncs and keeps
its history like any record); what is exported is the edited text. Regenerating from the
ledger asks before it overwrites edits; closing with unsaved edits asks too.

Runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services import drafts, records
from ..services.drafts import Block
from ..services.session import Session
from . import ops
from .dialogs import GuardedDialog
from .formatting import short_time
from .screen import fit_to_screen

#: the kinds of block a user may give a piece of text (tables come from the ledger)
EDITABLE = ("title", "addressee", "h1", "h2", "p", "signature", "attachment")


class DocumentDialog(GuardedDialog):
    def __init__(
        self, session: Session, court_id: str | None, parent: QWidget | None = None
    ) -> None:
        """``court_id`` None: the combined feedback, to all the courts."""
        super().__init__(parent)
        self.session = session
        self.court_id = court_id
        self.labels = {
            "title": self.tr("Title"),
            "addressee": self.tr("Addressee"),
            "h1": self.tr("Heading"),
            "h2": self.tr("Subheading"),
            "p": self.tr("Paragraph"),
            "signature": self.tr("Signature and date"),
            "attachment": self.tr("Attachment (on a new page)"),
            "table": self.tr("Table"),
        }
        with session.transaction():
            self.document_id = drafts.ensure_feedback(session, court_id=court_id)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.todo = QLabel()
        self.todo.setObjectName("draftToWrite")
        self.todo.setWordWrap(True)
        self.todo.setStyleSheet("color: #9a5b00;")
        layout.addWidget(self.todo)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setObjectName("draftBlocks")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show)
        split.addWidget(self.list)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName("blockKind")
        for k in EDITABLE:
            self.kind.addItem(self.labels[k], k)
        self.kind.currentIndexChanged.connect(self._edited)
        side.addWidget(self.kind)
        self.text = QPlainTextEdit()
        self.text.setObjectName("blockText")
        self.text.textChanged.connect(self._edited)
        side.addWidget(self.text, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        side.addWidget(self.note)
        row = QHBoxLayout()
        self.up = QPushButton(self.tr("Move up"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton(self.tr("Move down"))
        self.down.clicked.connect(lambda: self._move(1))
        self.insert = QPushButton(self.tr("Insert paragraph"))
        self.insert.setObjectName("insertBlock")
        self.insert.clicked.connect(self._insert)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove)
        for b in (self.up, self.down, self.insert, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        side.addLayout(row)
        split.addWidget(right)
        split.setSizes([420, 520])
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.regenerate = QPushButton(self.tr("Draft again from the ledger…"))
        self.regenerate.setObjectName("regenerateDraft")
        self.regenerate.clicked.connect(self.draft_again)
        self.history = QPushButton(self.tr("History…"))
        self.history.clicked.connect(self.show_history)
        self.export = QPushButton(self.tr("Save as Word…"))
        self.export.clicked.connect(self.export_docx)
        for b in (self.regenerate, self.history, self.export):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        box.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        box.rejected.connect(self.reject)
        buttons.addWidget(box)
        layout.addLayout(buttons)
        self.blocks: list[Block] = []
        self._loading = False
        self.load()
        fit_to_screen(self, 1000, 680)
        self.dialog: Any = None

    # --- the draft ------------------------------------------------------------------------
    def load(self) -> None:
        draft = records.get(self.session, "document", self.document_id)
        self.blocks = drafts.blocks_from_json(draft["blocks"])
        court = records.get(self.session, "court", self.court_id)["name"] if self.court_id else ""
        self.setWindowTitle(
            self.tr("Draft: {0} ({1})").format(draft["title"] or "", court)
            if court
            else self.tr("Draft: {0} (to all the courts)").format(draft["title"] or "")
        )
        edited = drafts.is_edited(draft)
        self.status.setText(
            self.tr("Drafted from the ledger {0}; edited by the team since.").format(
                short_time(draft["generated_at"])
            )
            if edited
            else self.tr("Drafted from the ledger {0}; not edited yet.").format(
                short_time(draft["generated_at"])
            )
        )
        self._fill(max(0, self.list.currentRow()))
        self.mark_clean()

    def snapshot(self) -> object:
        return [(b.kind, b.text, b.rows) for b in self.blocks]

    def _label(self, b: Block) -> str:
        if b.kind == "table":
            return self.tr("Table ({0} rows)").format(max(0, len(b.rows) - 1))
        text = b.text.replace("\n", " ")
        short = text if len(text) <= 60 else text[:59] + "…"
        return self.tr("[{0}] {1}").format(self.labels.get(b.kind, b.kind), short)

    def _fill(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        for b in self.blocks:
            item = QListWidgetItem(self._label(b))
            self._mark(item, b)
            self.list.addItem(item)
        self._loading = False
        self._show_to_write()
        if self.blocks:
            self.list.setCurrentRow(max(0, min(select, len(self.blocks) - 1)))

    def _mark(self, item: QListWidgetItem, block: Block) -> None:
        """A paragraph still for the team to write stands out in the list."""
        item.setToolTip(block.text)
        marked = drafts.is_to_write(block)
        item.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if marked
            else QIcon()
        )

    def _show_to_write(self) -> None:
        sections = drafts.still_to_write(self.blocks)
        self.todo.setVisible(bool(sections))
        self.todo.setText(
            self.tr(
                "Still to be written by the team: {0}. Replace the marked paragraph with your own text."
            ).format("、".join(sections))
        )

    def _show(self, row: int) -> None:
        self._loading = True
        block = self.blocks[row] if 0 <= row < len(self.blocks) else None
        table = block is not None and block.kind == "table"
        self.kind.setEnabled(block is not None and not table)
        self.text.setReadOnly(block is None or table)
        if block is None:
            self.text.clear()
        elif table:
            self.text.setPlainText("\n".join("　".join(r) for r in block.rows))
            self.note.setText(self.tr("Tables come from the ledger: draft again to update them."))
        else:
            self.kind.setCurrentIndex(self.kind.findData(block.kind))
            self.text.setPlainText(block.text)
            self.note.setText("")
            if drafts.is_to_write(block):  # what is typed replaces the mark
                self.text.selectAll()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < len(self.blocks) - 1)
        self.remove.setEnabled(block is not None)
        self._loading = False

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.blocks):
            return
        block = self.blocks[row]
        if block.kind == "table":
            return
        self.blocks[row] = Block(self.kind.currentData(), self.text.toPlainText(), block.rows)
        item = self.list.item(row)
        item.setText(self._label(self.blocks[row]))
        self._mark(item, self.blocks[row])
        self._show_to_write()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        other = row + step
        if 0 <= row < len(self.blocks) and 0 <= other < len(self.blocks):
            self.blocks[row], self.blocks[other] = self.blocks[other], self.blocks[row]
            self._fill(other)

    def _insert(self) -> None:
        row = self.list.currentRow()
        at = row + 1 if row >= 0 else len(self.blocks)
        self.blocks.insert(at, Block("p", ""))
        self._fill(at)
        self.text.setFocus()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.blocks):
            del self.blocks[row]
            self._fill(row)

    # --- actions --------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            drafts.update_draft(self.session, document_id=self.document_id, blocks=self.blocks)
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return False
        self.load()
        return True

    def accept(self) -> None:  # Ctrl+S
        self.save()

    def draft_again(self) -> None:
        if self.has_changes():
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Save or undo your edits first.")
            )
            return
        try:
            drafts.regenerate_draft(self.session, document_id=self.document_id)
        except drafts.DraftEdited:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr(
                    "The team edited this draft. Drafting it again from the ledger replaces "
                    "those edits (they stay in its history). Draft it again?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            drafts.regenerate_draft(self.session, document_id=self.document_id, force=True)
        self.load()

    def show_history(self) -> None:
        from .record_actions import HistoryDialog

        self.dialog = HistoryDialog(self.session, self.document_id, self)
        self.dialog.open()

    def export_docx(self) -> None:
        if self.has_changes() and not self.save():
            return
        name = records.get(self.session, "court", self.court_id)["name"] if self.court_id else ""
        from ..paths import documents_dir

        start = str(documents_dir() / "报表" / f"{name}巡查反馈意见.docx")
        target, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), start, "Word (*.docx)")
        if not target:
            return
        path = Path(target)
        court = self.court_id

        def job(s: Session, progress: Any) -> Any:
            from ..services.reports import write_reports

            return write_reports(s, docx=path, kind="feedback", court=court, progress=progress)

        def done(result: Any) -> None:
            from .results import show_written

            self.dialog = show_written(self, self.windowTitle(), result.summary(), path.parent)

        workspace = self.session.workspace.path
        ops.Op(self, job, workspace=workspace, title=self.windowTitle()).success(done).run()
