"""案卷评查: the case list and the review of the case chosen, as a column of item cards.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from ...domain.checklists import Answer
from ...domain.enums import ClosingMethod
from ...errors import UserError
from ...reference import checklists
from ...services import records
from ...services.editing import edit
from ...services.problems import drafts_from_review_items
from ...services.reviews import auto_check, create_review, review_answers, save_review
from ..checklist_editor import ChecklistEditor
from ..dialogs import ProblemDialog
from ..forms.ui_reviews_page import Ui_ReviewsPage
from ..models.record_list import RecordListModel
from ..record_actions import Extra, RecordActions, delete_record
from ..step_dialog import Spec, StepDialog
from ..terms import term
from .base import Page, current_id, guard_rows, select_record, setup_table

#: the case list's columns in the order shown: what the reviewer looks for first
CASE_COLUMNS = (
    "case_number",
    "review",
    "sampled",
    "judge",
    "closing_method",
    "closing_date",
    "court",
    "cause",
)


def ask_together(parent: Any, count: int) -> bool | None:
    """Several ticked items: one problem (True), one each (False), or 取消 (None)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ReviewsPage", "Create problems"))
    box.setText(
        QCoreApplication.translate(
            "ReviewsPage", "{0} items are ticked. Make one problem of them, or one each?"
        ).format(count)
    )
    one = box.addButton(
        QCoreApplication.translate("ReviewsPage", "One problem"), QMessageBox.ButtonRole.AcceptRole
    )
    each = box.addButton(
        QCoreApplication.translate("ReviewsPage", "One problem per item"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("ReviewsPage", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(one)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return True if clicked is one else False if clicked is each else None


class ReviewsPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = frozenset(
        {"case", "review", "review_answer", "sampling", "court"}
    )

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.ui = Ui_ReviewsPage()
        self.ui.setupUi(self)
        self.cases = RecordListModel(self.session, "cases")
        setup_table(self.ui.caseTable, self.cases, stretch=self.cases.column_of("cause"))
        header = self.ui.caseTable.horizontalHeader()
        for visual, key in enumerate(CASE_COLUMNS):
            header.moveSection(header.visualIndex(self.cases.column_of(key)), visual)
        self.editor = ChecklistEditor(self.ui.checkHost)
        host = QVBoxLayout(self.ui.checkHost)
        host.setContentsMargins(0, 0, 0, 0)
        host.addWidget(self.editor)
        self.editor.edited.connect(self._edited)
        # the opinion scrolls with the items, and the grade sits beside the buttons: on a
        # 911×512 screen the items keep the height
        opinion = QWidget()
        opinion_layout = QVBoxLayout(opinion)
        opinion_layout.setContentsMargins(0, 4, 0, 0)
        opinion_layout.addWidget(QLabel(self.tr("Reviewer's opinion:")))
        opinion_layout.addWidget(self.ui.reviewNote)
        self.editor.set_footer(opinion)
        self.ui.reviewButtons.insertWidget(1, self.ui.gradeLabel, 1)
        self.ui.gradeLabel.setWordWrap(False)
        self.wrap_rows("caseFilterRow", "reviewButtons")
        self.ui.reviewNote.textChanged.connect(self._edited)
        self.ui.reviewedFilter.addItems(
            [
                self.tr("All cases"),
                self.tr("Not reviewed"),
                self.tr("Reviewed"),
                self.tr("Sampled"),
                self.tr("Sampled for me"),
            ]
        )
        self.ui.methodFilter.addItem(self.tr("All"), None)
        for m in ClosingMethod:
            self.ui.methodFilter.addItem(term(m.value), m.value)
        for code, cl in checklists().items():
            self.ui.templateCombo.addItem(term(cl.name), code)
        self.ui.reviewedFilter.currentIndexChanged.connect(self.refresh)
        self.ui.methodFilter.currentIndexChanged.connect(self.refresh)
        guard_rows(self, self.ui.caseTable, self.cases, lambda: self.case_id, self._load_case)
        self.ui.templateCombo.currentIndexChanged.connect(self._template_changed)
        self.ui.saveReview.clicked.connect(self.save)
        self.ui.makeProblem.clicked.connect(self.make_problems)
        self.actions_ = RecordActions(
            self,
            self.ui.caseTable,
            self.cases,
            "case",
            edit=self.edit_case,
            extras=(
                Extra(
                    self.tr("Delete the review (review again)…"),
                    self._delete_review,
                    offered=self._reviewed,
                ),
            ),
        )
        self.ui.reviewSplitter.setStretchFactor(0, 2)
        self.ui.reviewSplitter.setStretchFactor(1, 3)
        lines = self.ui.reviewNote.fontMetrics().lineSpacing()
        self.ui.reviewNote.setFixedHeight(lines * 4 + 12)
        self._split_fitted = False
        self.case_id: str | None = None
        self.case_number = ""
        self.review_id: str | None = None
        self._baseline: object = None
        self.problem_dialog: ProblemDialog | None = None
        self.case_dialog: StepDialog | None = None
        self._set_enabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_fitted and self.cases.rowCount():
            self._fit_split()

    def _fit_split(self) -> None:
        """The case list as wide as its first columns (案号, 评查状态, 抽样) need — at most 55 %
        the page — and the review the rest."""
        total = sum(self.ui.reviewSplitter.sizes())
        if total <= 0:
            return
        header = self.ui.caseTable.horizontalHeader()
        wanted = sum(header.sectionSize(header.logicalIndex(v)) for v in range(3))
        wanted += self.ui.caseTable.verticalScrollBar().sizeHint().width() + 12
        left = min(max(wanted, int(total * 0.36)), int(total * 0.55))
        self.ui.reviewSplitter.setSizes([left, total - left])
        self._split_fitted = True

    def _set_enabled(self, on: bool) -> None:
        for w in (self.ui.templateCombo, self.editor, self.ui.reviewNote, self.ui.saveReview):
            w.setEnabled(on)
        self._edited()

    # --- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.cases.session = self.session
        choice = self.ui.reviewedFilter.currentIndex()
        filters: dict[str, Any] = {
            "court_id": self.court_id,
            "reviewed": {1: 0, 2: 1}.get(choice),
            "closing_method": self.ui.methodFilter.currentData(),
        }
        if choice == 3:
            filters["sampled"] = 1
        elif choice == 4:
            filters["reviewer"] = self.session.member_id
        self.ui.caseTable.setColumnHidden(self.cases.column_of("court"), self.court_id is not None)
        keep = self.case_id
        selection = self.ui.caseTable.selectionModel()
        selection.blockSignals(True)
        try:
            self.cases.reload(filters)
            if keep:
                select_record(self.ui.caseTable, self.cases, keep)
        finally:
            selection.blockSignals(False)
        self.ui.caseCount.setText(self.tr("{0} cases").format(self.cases.rowCount()))
        if not self._split_fitted and self.isVisible() and self.cases.rowCount():
            self._fit_split()
        if keep and self.unsaved() is None:
            # what is saved may have changed (a package merged): show it, unless the reviewer
            # is in the middle of changing it
            if records.exists(self.session, "case", keep):
                self._load_case(keep)
            else:
                self._clear()

    def _clear(self) -> None:
        self.case_id = self.review_id = None
        self.editor.clear()
        self.ui.reviewNote.clear()
        self.ui.caseTitle.setText(self.tr("Select a case on the left."))
        self.ui.gradeLabel.setText("")
        self._baseline = None
        self._set_enabled(False)

    def _reviewed(self, case_id: str) -> bool:
        return bool(records.find(self.session, "review", "case_id = ?", (case_id,)))

    # --- the review -------------------------------------------------------------------
    def _load_case(self, case_id: str | None) -> None:
        if case_id is None:
            self._clear()
            return
        self.case_id = case_id
        case = records.get(self.session, "case", case_id)
        self.case_number = case["case_number"]
        reviews = records.find(self.session, "review", "case_id = ?", (case_id,))
        reviews.sort(key=lambda r: r["review_date"] or "")
        self.review_id = reviews[-1]["id"] if reviews else None
        code = (
            reviews[-1]["template_code"]
            if reviews
            else (
                "zhongben-2018"
                if case["closing_method"] == ClosingMethod.ZHONGBEN
                else "nodes-2021"
            )
        )
        parts = [
            f"<b>{escape(case['case_number'])}</b>",
            escape(case["cause"] or ""),
            escape(self.tr("Judge: {0}").format(case["judge"] or "—")),
            escape(f"{case['closing_method'] or ''} {case['closing_date'] or ''}".strip()),
        ]
        self.ui.caseTitle.setText("　".join(p for p in parts if p))
        self.ui.templateCombo.blockSignals(True)
        self.ui.templateCombo.setCurrentIndex(self.ui.templateCombo.findData(code))
        self.ui.templateCombo.blockSignals(False)
        self._load_checks(code, reviews[-1] if reviews else None)

    def _template_changed(self) -> None:
        if self.case_id and self.review_id is None:
            self._load_checks(self.ui.templateCombo.currentData(), None)

    def _load_checks(self, code: str, review: dict[str, Any] | None) -> None:
        assert self.case_id
        checks = auto_check(self.session, case_id=self.case_id, template_code=code)
        self.ui.reviewNote.blockSignals(True)
        if review:
            saved = review_answers(self.session, review_id=review["id"])
            answers = {k: v["result"] for k, v in saved.items()}
            notes = {k: v["note"] or "" for k, v in saved.items()}
            self.ui.reviewNote.setPlainText(review["note"] or "")
            self.grade_text = self.tr("Saved review: {0}").format(review["grade"])
        else:
            answers = {c.item.code: str(c.suggested_answer or Answer.TO_VERIFY) for c in checks}
            notes = {}
            self.ui.reviewNote.clear()
            self.grade_text = self.tr(
                "Not saved yet — answers are prefilled from the automatic checks."
            )
        self.ui.reviewNote.blockSignals(False)
        self.editor.load(checks, answers, notes)
        self._set_enabled(True)
        self.ui.templateCombo.setEnabled(review is None)
        self.ui.templateCombo.setToolTip(
            self.tr("A saved review keeps its checklist.") if review is not None else ""
        )
        self._baseline = self._snapshot()
        self._edited()

    def _snapshot(self) -> object:
        return (
            self.editor.answers(),
            self.editor.notes(),
            self.ui.reviewNote.toPlainText().strip(),
        )

    def _edited(self) -> None:
        dirty = self.unsaved() is not None
        text = getattr(self, "grade_text", "")
        if dirty:
            text += "　" + self.tr("(changed, not saved)")
        self.ui.gradeLabel.setText(text)
        failed = bool(self.case_id) and bool(self.editor.failed())
        picked = self.editor.picked() if self.case_id else []
        self.ui.makeProblem.setEnabled(bool(picked))
        self.ui.makeProblem.setToolTip(
            ""
            if picked
            else self.tr("Tick the 不符合 items that should become problems.")
            if failed
            else self.tr("Only items answered {0} become problems.").format(term("不符合"))
        )

    def unsaved(self) -> str | None:
        """The review shown, when the reviewer changed an answer, a note or the opinion since
        it was loaded (looking at a prefilled review is not an edit)."""
        if self.case_id and self._snapshot() != self._baseline:
            return self.tr("The review of case {0}").format(self.case_number)
        return None

    def discard(self) -> None:
        if self.case_id:
            self._load_case(self.case_id)

    def save(self) -> bool:
        if not self.case_id:
            return False
        answers, notes, note = (
            self.editor.answers(),
            self.editor.notes(),
            self.ui.reviewNote.toPlainText(),
        )
        if self.review_id is None:
            result = self.attempt(
                self.tr("Cannot save review"),
                create_review,
                self.session,
                case_id=self.case_id,
                template_code=self.ui.templateCombo.currentData(),
                campaign_id=self.campaign_id,
                answers=answers,
                notes=notes,
                note=note,
            )
            if result is None:
                return False
            self.review_id = result.review_id
        elif (
            self.attempt(
                self.tr("Cannot save review"),
                save_review,
                self.session,
                review_id=self.review_id,
                answers=answers,
                notes=notes,
                note=note,
            )
            is None
        ):
            return False
        self.changed.emit()
        case = self.case_id
        self._baseline = self._snapshot()
        self.refresh()
        if self.case_id != case:
            self._load_case(case)
        return True

    # --- problems from failed items ---------------------------------------------------
    def make_problems(self) -> None:
        """The ticked 不符合 items become problems: the problem dialog opens prefilled, for one
        problem of them all or one each, to be edited before it is saved."""
        codes = self.editor.picked()
        if not codes or not self.case_id:
            QMessageBox.information(
                self,
                self.tr("Create problems"),
                self.tr("Tick the 不符合 items that should become problems."),
            )
            return
        together = True if len(codes) == 1 else ask_together(self, len(codes))
        if together is None:
            return
        if (self.unsaved() is not None or self.review_id is None) and not self.save():
            return
        assert self.review_id
        try:
            drafts = drafts_from_review_items(
                self.session, review_id=self.review_id, item_codes=codes, together=together
            )
        except UserError as e:
            QMessageBox.warning(self, self.tr("Create problems"), str(e))
            return
        dialog = ProblemDialog(self.session, self, drafts=drafts)
        dialog.finished.connect(lambda _code: self._problems_made(dialog))
        self.problem_dialog = dialog
        dialog.open()

    def _problems_made(self, dialog: ProblemDialog) -> None:
        if dialog.made:
            self.changed.emit()
            self.window_.notify(
                self.tr("{0} problem(s) made from the review of {1}.").format(
                    len(dialog.made), self.case_number
                )
            )

    # --- correcting -------------------------------------------------------------------
    def edit_case(self, case_id: str) -> None:
        """Correct a case's particulars (the case list's data as imported or typed)."""
        from ...services.team import courts

        case = records.get(self.session, "case", case_id)
        methods = [("", None)] + [(m.value, m.value) for m in ClosingMethod]

        def save(v: dict[str, Any]) -> None:
            edit(self.session, "case", case_id, v, label=self.tr("Edit case"))
            self.changed.emit()

        specs = [
            Spec("case_number", "案号", "line", default=case["case_number"]),
            Spec(
                "court_id",
                "法院",
                "combo",
                [("", None)] + [(c["name"], c["id"]) for c in courts(self.session)],
                case["court_id"],
            ),
            Spec("cause", "案由", "line", default=case["cause"] or ""),
            Spec("judge", "承办人", "line", default=case["judge"] or ""),
            Spec("applicant", "申请执行人", "line", default=case["applicant"] or ""),
            Spec("respondent", "被执行人", "line", default=case["respondent"] or ""),
            Spec("filing_date", "立案日期", "optional_date", default=_date(case["filing_date"])),
            Spec("closing_method", "结案方式", "combo", methods, case["closing_method"]),
            Spec("closing_date", "结案日期", "optional_date", default=_date(case["closing_date"])),
        ]
        self.case_dialog = StepDialog(self.tr("Edit case"), "", specs, save, self)
        self.case_dialog.finished.connect(lambda _c: self.refresh())
        self.case_dialog.open()

    def _delete_review(self, case_id: str) -> None:
        reviews = records.find(self.session, "review", "case_id = ?", (case_id,))
        if reviews:
            reviews.sort(key=lambda r: r["review_date"] or "")
            if (
                delete_record(self, self.session, "review", reviews[-1]["id"])
                and case_id == self.case_id
            ):
                self._load_case(case_id)

    # --- the window -------------------------------------------------------------------
    def new_record(self) -> None:
        self.ui.reviewedFilter.setCurrentIndex(1)
        self.ui.caseTable.setFocus()

    def open_record(self, record_type: str, record_id: str) -> None:
        case_id = record_id
        if record_type == "review":
            case_id = records.get(self.session, "review", record_id)["case_id"]
        elif record_type == "review_answer":
            review = records.get(self.session, "review_answer", record_id)["review_id"]
            case_id = records.get(self.session, "review", review)["case_id"]
        if case_id != self.case_id and not self.confirm_leave():
            return
        self.ui.reviewedFilter.setCurrentIndex(0)
        self.ui.methodFilter.setCurrentIndex(0)
        if not select_record(self.ui.caseTable, self.cases, case_id):
            self.window_.clear_court_filter()
            select_record(self.ui.caseTable, self.cases, case_id)
        if case_id != self.case_id:
            self._load_case(case_id)

    def selected_case(self) -> str | None:
        return current_id(self.ui.caseTable, self.cases)


def _date(text: str | None) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text) if text else None
