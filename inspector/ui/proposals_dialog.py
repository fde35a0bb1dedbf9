"""The inspected courts' 整改方案 waiting for the leader, shown like conflicts: each proposal
beside the item it would change (or as a new item), with 采纳 and 退回 (with a note). The
decision is a revision, sent back to the court with the next rectification package.

Runs on the GUI thread.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.court_loop import PendingProposal, decide_proposal, pending_proposals
from ..services.session import Session
from .formatting import short_time
from .screen import fit_to_screen
from .terms import term
from .widgets import error_label


class ProposalsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Plans the inspected courts proposed. Accept one to add or change the item as "
                "proposed, or return it with a note; the court sees the decision with its next "
                "rectification package."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("proposalTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Court"), self.tr("Problem"), self.tr("Proposes"), self.tr("Deadline")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda *_: self._show())
        layout.addWidget(self.table, 2)
        self.detail = QTextBrowser()
        self.detail.setObjectName("proposalDetail")
        layout.addWidget(self.detail, 2)
        layout.addWidget(QLabel(self.tr("Note (required to return):")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("decisionNote")
        self.note.setMaximumHeight(70)
        layout.addWidget(self.note)
        self.error = error_label()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptProposal")
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.return_button = QPushButton(self.tr("Return with note"))
        self.return_button.setObjectName("returnProposal")
        self.return_button.clicked.connect(lambda: self.decide(False))
        row.addWidget(self.accept_button)
        row.addWidget(self.return_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_screen(self, 900, 620)
        self.rows: list[PendingProposal] = []
        self.reload()

    def reload(self) -> None:
        self.rows = pending_proposals(self.session)
        self.table.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            change = (
                self.tr("Change “{0}” to: {1}").format(p.item_measure, p.proposal.measure)
                if p.item_measure
                else self.tr("New item: {0}").format(p.proposal.measure)
            )
            for c, text in enumerate((p.court, p.problem, change, p.proposal.deadline or "")):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        self.setWindowTitle(self.tr("Courts' plans to decide ({0})").format(len(self.rows)))
        if self.rows:
            self.table.selectRow(0)
        self._show()

    def current(self) -> PendingProposal | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _show(self) -> None:
        p = self.current()
        self.accept_button.setEnabled(p is not None)
        self.return_button.setEnabled(p is not None)
        if p is None:
            self.detail.setHtml(escape(self.tr("Nothing waits for a decision.")))
            return
        pp = p.proposal
        rows = [
            (self.tr("Court"), p.court),
            (self.tr("Proposed by"), f"{p.proposed_by} {short_time(pp.proposed_at)}"),
            (self.tr("Problem"), p.problem),
            (self.tr("Item it changes"), p.item_measure or self.tr("(a new item)")),
            (self.tr("Measure"), pp.measure),
            (self.tr("Goal"), pp.goal),
            (
                self.tr("Responsible"),
                "，".join(x for x in (pp.responsible_unit, pp.responsible_person, pp.phone) if x),
            ),
            (self.tr("Kind"), term(pp.kind)),
            (self.tr("Deadline"), pp.deadline or ""),
            (self.tr("Court's note"), pp.note),
        ]
        self.detail.setHtml(
            "".join(f"<p><b>{escape(k)}：</b>{escape(v)}</p>" for k, v in rows if v)
        )

    def decide(self, accept: bool) -> None:
        p = self.current()
        if p is None:
            return
        note = self.note.toPlainText().strip()
        try:
            decide_proposal(self.session, proposal_id=p.proposal.id, accept=accept, note=note)
        except UserError as e:
            self.error.setText(str(e))
            self.error.show()
            if not accept:
                self.note.setFocus()
            return
        self.error.hide()
        self.note.clear()
        self.changed = True
        self.reload()

    def reject(self) -> None:
        if self.note.toPlainText().strip():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Discard the note you wrote?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
