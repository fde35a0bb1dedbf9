"""问题清单: filter by court, category, source and finder; create; add rectification items.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from html import escape
from typing import Any

from ...domain.enums import SourceType
from ...services import records
from ...services.conflicts import record_provenance
from ...services.team import categories, members
from ..dialogs import ItemDialog, ProblemDialog
from ..formatting import provenance_line
from ..forms.ui_problems_page import Ui_ProblemsPage
from ..models.record_list import RecordListModel
from ..record_actions import Extra, RecordActions
from ..terms import term
from .base import Page, current_id, select_record, setup_table

#: the record a problem's source is, by how it was found
SOURCE_RECORDS = {
    SourceType.REVIEW: "review",
    SourceType.INTERVIEW: "interview",
    SourceType.FOLLOW_UP: "rectification_item",
}


class ProblemsPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = frozenset({"problem", "rectification_item", "court", "category"})

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.ui = Ui_ProblemsPage()
        self.ui.setupUi(self)
        self.model = RecordListModel(self.session, "problems")
        setup_table(self.ui.problemTable, self.model, stretch=3)
        self.ui.problemSplitter.setSizes([480, 160])
        self.wrap_rows("problemFilterRow")
        self.ui.sourceFilter.addItem(self.tr("All"), None)
        for s in SourceType:
            self.ui.sourceFilter.addItem(term(s.value), s.value)
        for combo in (self.ui.categoryFilter, self.ui.sourceFilter, self.ui.finderFilter):
            combo.currentIndexChanged.connect(self.refresh)
        self.ui.problemTable.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.ui.newProblem.clicked.connect(self.new_record)
        self.ui.addItem.clicked.connect(self.add_item)
        self.actions_ = RecordActions(
            self,
            self.ui.problemTable,
            self.model,
            "problem",
            edit=self.edit_problem,
            extras=(
                Extra(self.tr("Add rectification item…"), lambda pid: self.add_item(pid)),
                Extra(self.tr("Open the source record"), self.open_source, self._has_source),
            ),
        )
        self.dialog: ProblemDialog | ItemDialog | None = None
        self._fill_filters()

    def _fill_filters(self) -> None:
        for combo, entries in (
            (self.ui.categoryFilter, [(term(c.name), c.name) for c in categories(self.session)]),
            (self.ui.finderFilter, [(m["name"], m["id"]) for m in members(self.session)]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for text, data in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def refresh(self) -> None:
        self.model.session = self.session
        self._fill_filters()
        keep = current_id(self.ui.problemTable, self.model)
        self.model.reload(
            {
                "court_id": self.court_id,
                "category": self.ui.categoryFilter.currentData(),
                "source_type": self.ui.sourceFilter.currentData(),
                "found_by": self.ui.finderFilter.currentData(),
            }
        )
        self.ui.problemCount.setText(self.tr("{0} problems").format(self.model.rowCount()))
        if keep:
            select_record(self.ui.problemTable, self.model, keep)
        self._show()

    def _show(self) -> None:
        pid = current_id(self.ui.problemTable, self.model)
        self.ui.addItem.setEnabled(pid is not None)
        self.ui.addItem.setToolTip("" if pid is not None else self.tr("Select a problem first."))
        if pid is None:
            self.ui.problemDetail.setText("")
            return
        p = records.get(self.session, "problem", pid)
        prov = record_provenance(self.session, record_id=pid)
        court = records.get(self.session, "court", p["court_id"])["name"] if p["court_id"] else ""
        examples = "；".join(p["example_cases"] or []) or "—"
        kind = term(p["category"]) + (("·" + term(p["subtype"])) if p["subtype"] else "")
        self.ui.problemDetail.setText(
            f"<b>{escape(court)}　{escape(kind)}</b>　{escape(term(p['severity']))}"
            f"<br>{escape(p['description'])}<br>{escape(self.tr('Example cases: {0}').format(examples))}"
            f"<br>{provenance_line(prov)}"
        )

    def new_record(self) -> None:
        self._open_dialog(
            ProblemDialog(self.session, self, court_id=self.court_id, campaign_id=self.campaign_id)
        )

    def edit_problem(self, problem_id: str) -> None:
        self._open_dialog(ProblemDialog(self.session, self, problem_id=problem_id))

    def _open_dialog(self, dialog: ProblemDialog) -> None:
        def done(_code: int) -> None:
            if dialog.problem_id:
                self.changed.emit()
                self.refresh()
                select_record(self.ui.problemTable, self.model, dialog.problem_id)
                self._show()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def add_item(self, problem_id: str | None = None) -> None:
        pid = problem_id or current_id(self.ui.problemTable, self.model)
        if pid is None:
            return
        dialog = ItemDialog(self.session, pid, self)

        def done(_code: int) -> None:
            if dialog.item_id:
                self.changed.emit()
                self.window_.open_record("rectification_item", dialog.item_id)

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def _has_source(self, problem_id: str) -> bool:
        p = records.get(self.session, "problem", problem_id)
        return bool(p["source_id"]) and p["source_type"] in SOURCE_RECORDS

    def open_source(self, problem_id: str) -> None:
        """The review or interview it was found in, or the item a 回头看 found it again in."""
        p = records.get(self.session, "problem", problem_id)
        kind = SOURCE_RECORDS.get(p["source_type"])
        if kind and p["source_id"] and records.exists(self.session, kind, p["source_id"]):
            self.window_.open_record(kind, p["source_id"])

    def open_record(self, record_type: str, record_id: str) -> None:
        for combo in (self.ui.categoryFilter, self.ui.sourceFilter, self.ui.finderFilter):
            combo.setCurrentIndex(0)
        self.refresh()
        if not select_record(self.ui.problemTable, self.model, record_id):
            self.window_.clear_court_filter()
            select_record(self.ui.problemTable, self.model, record_id)
        self._show()
