"""整改台账: every item with its traffic light; actions by role; the full event history.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ...domain.rectification import ACTION_ZH, Action, State
from ...errors import UserError
from ...services import records
from ...services.conflicts import record_provenance
from ...services.rectification import (
    EvidenceFile,
    act,
    add_evidence,
    add_progress,
    available_actions,
    item_events,
    status_of,
)
from ..formatting import provenance_line, short_time
from ..forms.ui_ledger_page import Ui_LedgerPage
from ..models.record_list import RecordListModel
from ..models.simple import ListTableModel
from .base import Page, current_id, select_record, setup_table

KIND_ZH = {"transition": "状态变更", "progress": "整改进展", "evidence": "佐证材料"}


class EventModel(ListTableModel):
    HEADERS = ("时间", "操作人", "操作", "状态", "说明", "佐证")

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}

    def load(self, events: list[dict[str, Any]], names: dict[str, str]) -> None:
        self.names = names
        self.set_rows(events)

    def cell(self, e: dict[str, Any], column: int) -> Any:
        action = (
            ACTION_ZH.get(Action(e["action"]), "")
            if e["action"]
            else KIND_ZH.get(e["event_kind"], "")
        )
        state = f"{e['from_state']} → {e['to_state']}" if e["to_state"] else ""
        evidence = f"{len(e['evidence'])} 份" if e["evidence"] else ""
        who = self.names.get(e["member_id"], "")
        return (short_time(e["at"]), who, action, state, e["note"] or "", evidence)[column]


BUTTONS = {
    Action.START: "startButton",
    Action.SUBMIT: "submitButton",
    Action.RETURN: "returnButton",
    Action.CLOSE: "closeButton",
    Action.REOPEN: "reopenButton",
}


class LedgerPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = frozenset(
        {"rectification_item", "item_event", "attachment", "problem", "court"}
    )

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.ui = Ui_LedgerPage()
        self.ui.setupUi(self)
        self.model = RecordListModel(self.session, "items")
        setup_table(self.ui.itemTable, self.model, stretch=3)
        self.ui.itemTable.setColumnWidth(0, 70)
        self.events = EventModel()
        setup_table(self.ui.eventTable, self.events, stretch=4)
        self.ui.eventTable.setSortingEnabled(False)
        self.ui.ledgerSplitter.setSizes([420, 260])
        self.ui.stateFilter.addItem(self.tr("All"), None)
        for s in State:
            self.ui.stateFilter.addItem(s.value, s.value)
        for text, key in (
            (self.tr("All"), None),
            (self.tr("Overdue"), "overdue"),
            (self.tr("Due within 3 working days"), "due_soon"),
        ):
            self.ui.dueFilter.addItem(text, key)
        self.ui.stateFilter.currentIndexChanged.connect(self.refresh)
        self.ui.dueFilter.currentIndexChanged.connect(self.refresh)
        self.ui.itemTable.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        for action, name in BUTTONS.items():
            getattr(self.ui, name).clicked.connect(lambda _=False, a=action: self.take(a))
        self.ui.progressButton.clicked.connect(self.progress)
        self.ui.evidenceButton.clicked.connect(self.evidence)

    def refresh(self) -> None:
        self.model.session = self.session
        keep = self.selected()
        due = self.ui.dueFilter.currentData()
        filters: dict[str, Any] = {
            "court_id": self.court_id,
            "state": self.ui.stateFilter.currentData(),
        }
        if due:
            filters[due] = True
        self.model.reload(filters)
        self.ui.itemCount.setText(self.tr("{0} items").format(self.model.rowCount()))
        if keep:
            select_record(self.ui.itemTable, self.model, keep)
        self._show()

    def selected(self) -> str | None:
        return current_id(self.ui.itemTable, self.model)

    def _show(self) -> None:
        iid = self.selected()
        allowed = set(available_actions(self.session, item_id=iid)) if iid else set()
        for action, name in BUTTONS.items():
            getattr(self.ui, name).setEnabled(action in allowed)
        closed = True
        if iid is None:
            self.ui.itemDetail.setText(self.tr("Select an item."))
            self.events.load([], {})
        else:
            item = records.get(self.session, "rectification_item", iid)
            closed = item["state"] == State.CLOSED
            problem = records.get(self.session, "problem", item["problem_id"])
            light = status_of(self.session, item)
            prov = record_provenance(self.session, record_id=iid)
            names = {m["id"]: m["name"] for m in records.find(self.session, "member")}
            closing = ""
            if item["closed_by"]:
                closer = names.get(item["closed_by"], "")
                closing = f"　销号人：{closer}　销号时间：{short_time(item['closed_at'])}"
            people = (
                f"责任单位：{item['responsible_unit'] or '—'}　"
                f"责任人：{item['responsible_person'] or '—'}　督办：{item['supervisor'] or '—'}"
            )
            status = (
                f"{item['kind']}　时限：{item['deadline'] or '—'}　"
                f"状态：<b>{item['state']}</b>（{light.light.zh}）"
            )
            self.ui.itemDetail.setText(
                f"<b>{item['measure']}</b><br>问题：{problem['description']}<br>{status}　{people}"
                f"　佐证材料：{item['evidence_count']} 份{closing}<br>{provenance_line(prov)}"
            )
            self.events.load(item_events(self.session, item_id=iid), names)
        self.ui.progressButton.setEnabled(iid is not None and not closed)
        self.ui.evidenceButton.setEnabled(iid is not None and not closed)

    def _note(self, title: str, required: bool) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, self.tr("Note:"))
        if not ok:
            return None
        if required and not text.strip():
            QMessageBox.warning(self, title, self.tr("Please write a note."))
            return None
        return text

    def _files(self, title: str) -> list[EvidenceFile] | None:
        chosen, _ = QFileDialog.getOpenFileNames(self, title)
        if not chosen:
            return None
        try:
            return [EvidenceFile.from_path(Path(p)) for p in chosen]
        except UserError as e:
            QMessageBox.warning(self, title, str(e))
            return None

    def take(self, action: Action) -> None:
        iid = self.selected()
        if iid is None:
            return
        title = ACTION_ZH[action]
        note = "" if action == Action.START else self._note(title, action != Action.SUBMIT)
        if note is None:
            return
        files: list[EvidenceFile] = []
        item = records.get(self.session, "rectification_item", iid)
        if action in (Action.SUBMIT, Action.CLOSE) and not item["evidence_count"]:
            files = self._files(self.tr("Choose the supporting evidence")) or []
        if (
            self.attempt(
                title, act, self.session, item_id=iid, action=action, note=note, evidence=files
            )
            is not None
        ):
            self.changed.emit()
            self.refresh()

    def progress(self) -> None:
        iid = self.selected()
        note = self._note(self.tr("Progress"), True) if iid else None
        if (
            iid
            and note
            and self.attempt(
                self.tr("Progress"), add_progress, self.session, item_id=iid, note=note
            )
        ):
            self.changed.emit()
            self.refresh()

    def evidence(self) -> None:
        iid = self.selected()
        files = self._files(self.tr("Choose the supporting evidence")) if iid else None
        if (
            iid
            and files
            and self.attempt(
                self.tr("Evidence"), add_evidence, self.session, item_id=iid, files=files
            )
        ):
            self.changed.emit()
            self.refresh()

    def open_record(self, record_type: str, record_id: str) -> None:
        iid = record_id
        if record_type == "item_event":
            iid = records.get(self.session, "item_event", record_id)["item_id"]
        self.ui.stateFilter.setCurrentIndex(0)
        self.ui.dueFilter.setCurrentIndex(0)
        if not select_record(self.ui.itemTable, self.model, iid):
            self.window_.clear_court_filter()
            select_record(self.ui.itemTable, self.model, iid)
        self._show()

    def new_record(self) -> None:
        self.window_.show_page("problems")
