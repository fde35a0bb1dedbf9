"""整改台账: every item with its traffic light; actions by role; the full event history.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Role
from ...domain.rectification import ACTION_ZH, Action, State, blocked_by
from ...errors import PermissionDenied, UserError
from ...services import records
from ...services.conflicts import record_provenance
from ...services.rectification import (
    EvidenceFile,
    act,
    add_evidence,
    add_progress,
    item_events,
    status_of,
)
from ...services.team import member_names
from ..dialogs import ItemDialog
from ..follow_up import LedgerFollowUp
from ..formatting import provenance_line, short_time
from ..forms.ui_ledger_page import Ui_LedgerPage
from ..models.record_list import RecordListModel
from ..models.simple import ListTableModel
from ..note_dialog import NoteDialog
from ..record_actions import Extra, RecordActions
from ..terms import term
from .base import Page, current_id, select_record, setup_table

KIND_ZH = {"transition": "状态变更", "progress": "整改进展", "evidence": "佐证材料"}


class EventModel(ListTableModel):
    HEADERS = ("时间", "操作人", "操作", "状态", "说明", "佐证")

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}
        self.files: dict[str, str] = {}

    def load(
        self,
        events: list[dict[str, Any]],
        names: dict[str, str],
        files: dict[str, str] | None = None,
    ) -> None:
        self.names = names
        self.files = files or {}
        self.set_rows(events)

    def cell(self, e: dict[str, Any], column: int) -> Any:
        action = term(
            ACTION_ZH.get(Action(e["action"]), "")
            if e["action"]
            else KIND_ZH.get(e["event_kind"], term(e["event_kind"]))  # or 约谈 / 通报 / 问责
        )
        state = f"{e['from_state']} → {e['to_state']}" if e["to_state"] else ""
        evidence = "；".join(self.files.get(a, "") for a in e["evidence"] or [])
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
        {"rectification_item", "item_event", "attachment", "problem", "court", "campaign"}
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
        # 回头看: its filter and re-check button join the rows before they wrap
        self.follow_up = LedgerFollowUp(self)
        self.wrap_rows("ledgerFilterRow", "actionRow")
        self.ui.eventTable.setMinimumHeight(60)
        self.evidence_label = QLabel(self.tr("Evidence (double-click to view):"))
        self.evidence_list = QListWidget()
        self.evidence_list.itemDoubleClicked.connect(self._view_evidence)
        # the history and the evidence share the room as two tabs: on a 512-pixel-high
        # screen the list of items keeps some rows
        self.tabs = QTabWidget()
        self.ui.itemLayout.removeWidget(self.ui.eventTable)
        self.ui.historyLabel.hide()
        # the problem, the people and who recorded it: a tab of their own, so that the
        # detail above the buttons stays two lines high
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about_scroll = QScrollArea()
        about_scroll.setWidgetResizable(True)
        about_scroll.setFrameShape(QFrame.Shape.NoFrame)
        about_scroll.setWidget(self.about)
        self.tabs.addTab(about_scroll, self.tr("Details"))
        self.tabs.addTab(self.ui.eventTable, self.tr("History"))
        evidence = QWidget()
        evidence_layout = QVBoxLayout(evidence)
        evidence_layout.setContentsMargins(4, 4, 4, 4)
        evidence_layout.addWidget(self.evidence_label)
        evidence_layout.addWidget(self.evidence_list)
        self.tabs.addTab(evidence, self.tr("Evidence"))
        self.tabs.setMinimumHeight(100)
        self.ui.itemLayout.addWidget(self.tabs, 1)
        self.ui.stateFilter.addItem(self.tr("All"), None)
        for s in State:
            self.ui.stateFilter.addItem(term(s.value), s.value)
        for text, key in (
            (self.tr("All"), None),
            (self.tr("Overdue"), "overdue"),
            (self.tr("Overdue, awaiting check"), "overdue_awaiting_verification"),
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
        self.actions_ = RecordActions(
            self,
            self.ui.itemTable,
            self.model,
            "rectification_item",
            edit=self.edit_item,
            extras=(
                Extra(self.tr("Open the problem"), self._open_problem),
                Extra(self.tr("Record a talk, notice or accountability…"), self.accountability),
            ),
        )
        self.dialog: Any = None
        self.viewer: Any = None
        self._split_fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_fitted:
            self._split_fitted = True
            QTimer.singleShot(0, self, self._fit_split)

    def _fit_split(self) -> None:
        """The item's detail, actions and history get the room they need; the list the rest
        (on a 512-pixel-high screen the buttons would otherwise fall below the page)."""
        splitter = self.ui.ledgerSplitter
        total = sum(splitter.sizes())
        need = self.ui.itemBox.minimumSizeHint().height()
        table = self.ui.itemTable
        rows = (
            table.horizontalHeader().sizeHint().height()
            + 5 * table.verticalHeader().defaultSectionSize()
            + table.horizontalScrollBar().sizeHint().height()
        )
        box = max(need, min(int(total * 0.5), total - rows))
        splitter.setSizes([max(total - box, 0), box])

    def refresh(self) -> None:
        self.model.session = self.session
        keep = self.selected()
        due = self.ui.dueFilter.currentData()
        self.follow_up.refresh()
        filters: dict[str, Any] = {
            "court_id": self.court_id,
            "state": self.ui.stateFilter.currentData(),
            "follow_up": self.follow_up.chosen(),
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

    def _role(self) -> Role | None:
        try:
            return self.session.role()
        except PermissionDenied:
            return None

    def _buttons(self, item: dict[str, Any] | None) -> None:
        """Each button enabled when it may be used, and saying why not when it may not."""
        role = self._role()
        for action, name in BUTTONS.items():
            button = getattr(self.ui, name)
            if item is None:
                button.setEnabled(False)
                button.setToolTip(self.tr("Select an item first."))
                continue
            why = blocked_by(State(item["state"]), role or Role.INSPECTOR, action)
            if role is None:
                why = ("member", None)
            button.setEnabled(why is None)
            if why is None:
                tip = ""
                if action in (Action.SUBMIT, Action.CLOSE) and not item["evidence_count"]:
                    tip = self.tr("You will be asked for the evidence: it needs at least one file.")
            elif why[0] == "role":
                tip = self.tr("Only the team leader or a verifier may do this.")
            elif why[0] == "member":
                tip = self.tr("This laptop has no member yet.")
            else:
                tip = self.tr("The item is {0}; this needs it to be {1}.").format(
                    term(item["state"]), term(why[1] or "")
                )
            button.setToolTip(tip)
        self.follow_up.update_button(item)
        closed = item is None or item["state"] == State.CLOSED
        for button in (self.ui.progressButton, self.ui.evidenceButton):
            button.setEnabled(not closed)
            button.setToolTip(
                self.tr("Select an item first.")
                if item is None
                else self.tr("The item is closed.")
                if closed
                else ""
            )

    def _show(self) -> None:
        iid = self.selected()
        item = records.get(self.session, "rectification_item", iid) if iid else None
        self._buttons(item)
        self.evidence_list.clear()
        if item is None:
            self.ui.itemDetail.setText(self.tr("Select an item."))
            self.about.clear()
            self.events.load([], {})
            return
        assert iid is not None
        problem = records.get(self.session, "problem", item["problem_id"])
        light = status_of(self.session, item)
        prov = record_provenance(self.session, record_id=iid)
        names = member_names(self.session)
        closing = ""
        if item["closed_by"]:
            closing = "　" + self.tr("Closed by {0} on {1}").format(
                escape(names.get(item["closed_by"], "")), short_time(item["closed_at"])
            )
        files = records.find(
            self.session, "attachment", "owner_type = 'rectification_item' AND owner_id = ?", (iid,)
        )
        self.ui.itemDetail.setText(
            f"<b>{escape(item['measure'])}</b><br>"
            + self.tr("{0}   Deadline: {1}   State: <b>{2}</b> ({3})   Evidence: {4}").format(
                escape(term(item["kind"])),
                escape(item["deadline"] or "—"),
                escape(term(item["state"])),
                escape(term(light.light.zh)),
                len(files),
            )
        )
        self.about.setText(
            self.tr("Problem: {0}").format(escape(problem["description"]))
            + "<br>"
            + self.tr("Responsible unit: {0}   Person: {1}   Supervised by: {2}").format(
                escape(item["responsible_unit"] or "—"),
                escape(item["responsible_person"] or "—"),
                escape(item["supervisor"] or "—"),
            )
            + (
                "<br>" + self.tr("Goal: {0}").format(escape(item["goal"]))
                if item.get("goal")
                else ""
            )
            + (
                "　" + self.tr("Phone: {0}").format(escape(item["phone"]))
                if item.get("phone")
                else ""
            )
            + closing
            + f"<br>{provenance_line(prov)}"
        )
        for f in files:
            who = names.get(f["created_by"], "")
            entry = QListWidgetItem(f"{f['filename']}　—　{who}，{short_time(f['created_at'])}")
            entry.setData(Qt.ItemDataRole.UserRole, f["id"])
            entry.setToolTip(self.tr("Double-click to view"))
            self.evidence_list.addItem(entry)
        from ...services.accountability import item_history_entries

        history = item_events(self.session, item_id=iid)
        history += item_history_entries(self.session, item_id=iid)
        history.sort(key=lambda e: (e["at"] or "", e["id"]))
        self.events.load(history, names, {f["id"]: f["filename"] for f in files})
        for column in range(4):  # time, who, what, state: as wide as they are
            self.ui.eventTable.resizeColumnToContents(column)
        self.evidence_list.setVisible(bool(files))
        self.evidence_label.setText(
            self.tr("Evidence (double-click to view):") if files else self.tr("Evidence: none yet")
        )
        self.tabs.setTabText(2, self.tr("Evidence ({0})").format(len(files)))

    def _view_evidence(self, entry: QListWidgetItem) -> None:
        from ..viewer import show_attachment

        self.viewer = show_attachment(self.session, entry.data(Qt.ItemDataRole.UserRole), self)

    def _subject(self, item_id: str) -> str:
        item = records.get(self.session, "rectification_item", item_id)
        problem = records.get(self.session, "problem", item["problem_id"])
        court = (
            records.get(self.session, "court", problem["court_id"])["name"]
            if problem["court_id"]
            else ""
        )
        return (
            f"<b>{escape(item['measure'])}</b><br>"
            f"{escape(court)}　{escape(problem['description'])}<br>"
            f"{escape(self.tr('State: {0}; evidence: {1}').format(item['state'], item['evidence_count']))}"
        )

    def _files(self, title: str) -> list[EvidenceFile] | None:
        chosen, _ = QFileDialog.getOpenFileNames(self, title)
        if not chosen:
            return None
        try:
            return [EvidenceFile.from_path(Path(p)) for p in chosen]
        except UserError as e:
            QMessageBox.warning(self, title, str(e))
            return None

    def _done(self) -> None:
        self.changed.emit()
        self.refresh()

    def take(self, action: Action) -> None:
        iid = self.selected()
        if iid is None:
            return
        title = ACTION_ZH[action]
        if action == Action.START:
            if self.attempt(title, act, self.session, item_id=iid, action=action) is not None:
                self._done()
            return

        def run(note: str) -> object:
            files: list[EvidenceFile] = []
            item = records.get(self.session, "rectification_item", iid)
            if action in (Action.SUBMIT, Action.CLOSE) and not item["evidence_count"]:
                chosen = self._files(self.tr("Choose the supporting evidence"))
                if not chosen:
                    return None
                files = chosen
            act(self.session, item_id=iid, action=action, note=note, evidence=files)
            self._done()
            return True

        self.dialog = NoteDialog(
            title, self._subject(iid), run, self, required=action != Action.SUBMIT
        )
        self.dialog.open()

    def progress(self) -> None:
        iid = self.selected()
        if iid is None:
            return

        def run(note: str) -> object:
            add_progress(self.session, item_id=iid, note=note)
            self._done()
            return True

        self.dialog = NoteDialog(self.tr("Progress"), self._subject(iid), run, self)
        self.dialog.open()

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
            self._done()

    def edit_item(self, item_id: str) -> None:
        item = records.get(self.session, "rectification_item", item_id)
        dialog = ItemDialog(self.session, item["problem_id"], self, item_id=item_id)

        def done(_code: int) -> None:
            if dialog.item_id:
                self._done()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def accountability(self, item_id: str) -> None:
        """约谈、通报、问责 the item (or its delay) ordered, recorded from the item."""
        from ...domain.enums import AccountabilityKind
        from ...services.accountability import add_accountability
        from ..step_dialog import Spec, StepDialog

        item = records.get(self.session, "rectification_item", item_id)
        problem = records.get(self.session, "problem", item["problem_id"])
        specs = [
            Spec("kind", "类型", "combo", [(k.value, k.value) for k in AccountabilityKind]),
            Spec("date", "日期", "date", default=self.session.today()),
            Spec("target", "对象", "line"),
            Spec("officers", "涉及人员", "line"),
            Spec("by_whom", "实施单位或人员", "line"),
            Spec("reason", "事由", "text"),
            Spec("follow_up", "后续情况", "line"),
            Spec("follow_up_date", "后续日期", "optional_date"),
        ]

        def write(v: dict[str, Any]) -> object:
            return add_accountability(
                self.session,
                court_id=problem["court_id"],
                kind=v["kind"],
                date=v["date"],
                target=v["target"],
                officers=[o for o in re.split(r"[、，,;；\s]+", v["officers"] or "") if o],
                by_whom=v["by_whom"],
                reason=v["reason"],
                item_ids=[item_id],
                problem_ids=[problem["id"]],
                follow_up=v["follow_up"],
                follow_up_date=v["follow_up_date"],
            )

        self.dialog = StepDialog(
            "约谈、通报、问责",
            self.tr("For the item: {0}").format(item["measure"]),
            specs,
            write,
            self,
        )
        self.dialog.accepted.connect(self._done)
        self.dialog.open()

    def _open_problem(self, item_id: str) -> None:
        item = records.get(self.session, "rectification_item", item_id)
        self.window_.open_record("problem", item["problem_id"])

    def open_record(self, record_type: str, record_id: str) -> None:
        iid = record_id
        if record_type == "item_event":
            iid = records.get(self.session, "item_event", record_id)["item_id"]
        self.ui.stateFilter.setCurrentIndex(0)
        self.ui.dueFilter.setCurrentIndex(0)
        if not select_record(self.ui.itemTable, self.model, iid):
            self.follow_up.combo.setCurrentIndex(0)  # outside the follow-up's view
        if not select_record(self.ui.itemTable, self.model, iid):
            self.window_.clear_court_filter()
            select_record(self.ui.itemTable, self.model, iid)
        self._show()

    def new_record(self) -> None:
        self.window_.show_page("problems")
