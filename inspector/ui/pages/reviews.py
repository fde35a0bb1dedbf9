"""案卷评查: the case list and a review form whose checklist shows each rule's verdict.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.checklists import Answer, ItemCheck, Verdict
from ...domain.enums import ClosingMethod
from ...reference import checklists
from ...services import records
from ...services.problems import create_problem_from_review_item
from ...services.reviews import auto_check, create_review, review_answers, set_answer
from ..forms.ui_reviews_page import Ui_ReviewsPage
from ..models.record_list import RecordListModel
from .base import Page, current_id, select_record, setup_table

Index = QModelIndex | QPersistentModelIndex
VERDICT_COLORS = {Verdict.PASS: "#2e7d32", Verdict.FAIL: "#c62828", Verdict.UNKNOWN: "#757575"}
ANSWER_COLUMN, NOTE_COLUMN = 3, 4


class ChecklistModel(QAbstractTableModel):
    """One row per checklist item: text, automatic verdict and reason, the answer, a note."""

    HEADERS = ("评查项", "自动判断", "判断依据", "结论", "说明")

    def __init__(self) -> None:
        super().__init__()
        self.checks: list[ItemCheck] = []
        self.answers: dict[str, str] = {}
        self.notes: dict[str, str] = {}

    def load(self, checks: list[ItemCheck], answers: dict[str, str], notes: dict[str, str]) -> None:
        self.beginResetModel()
        self.checks, self.answers, self.notes = checks, answers, notes
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.checks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (ANSWER_COLUMN, NOTE_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self.checks[index.row()]
        code = check.item.code
        col = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if col == 0:
                return check.item.text
            if col == 1:
                return str(check.result.verdict) if check.result else "人工判断"
            if col == 2:
                return check.result.reason if check.result else ""
            if col == ANSWER_COLUMN:
                return self.answers.get(code, "")
            return self.notes.get(code, "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and check.result:
                return QColor(VERDICT_COLORS[check.result.verdict])
            if col == ANSWER_COLUMN and self.answers.get(code) == Answer.FAIL:
                return QColor(VERDICT_COLORS[Verdict.FAIL])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        code = self.checks[index.row()].item.code
        if index.column() == ANSWER_COLUMN:
            self.answers[code] = str(Answer(value))
        elif index.column() == NOTE_COLUMN:
            self.notes[code] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class AnswerDelegate(QStyledItemDelegate):
    """符合 / 不符合 / 不适用 from a drop-down."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.addItems([a.value for a in Answer])
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or Answer.PASS))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


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
        setup_table(self.ui.caseTable, self.cases, stretch=3)
        self.checks = ChecklistModel()
        setup_table(self.ui.checkTable, self.checks, stretch=2)
        self.ui.checkTable.setSortingEnabled(False)
        self.ui.checkTable.setWordWrap(True)
        self.ui.checkTable.setItemDelegateForColumn(ANSWER_COLUMN, AnswerDelegate(self))
        self.ui.checkTable.setColumnWidth(0, 260)
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
            self.ui.methodFilter.addItem(m.value, m.value)
        for code, cl in checklists().items():
            self.ui.templateCombo.addItem(cl.name, code)
        self.ui.reviewedFilter.currentIndexChanged.connect(self.refresh)
        self.ui.methodFilter.currentIndexChanged.connect(self.refresh)
        self.ui.caseTable.selectionModel().currentRowChanged.connect(self._case_selected)
        self.ui.templateCombo.currentIndexChanged.connect(self._template_changed)
        self.ui.saveReview.clicked.connect(self.save)
        self.ui.makeProblem.clicked.connect(self.make_problem)
        self.ui.reviewSplitter.setSizes([520, 700])
        self.case_id: str | None = None
        self.review_id: str | None = None
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (
            self.ui.templateCombo,
            self.ui.checkTable,
            self.ui.reviewNote,
            self.ui.saveReview,
            self.ui.makeProblem,
        ):
            w.setEnabled(on)

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
        keep = self.case_id
        self.cases.reload(filters)
        self.ui.caseCount.setText(self.tr("{0} cases").format(self.cases.rowCount()))
        if keep and select_record(self.ui.caseTable, self.cases, keep):
            self._load_case(keep)

    def _case_selected(self, index: Index) -> None:
        rid = self.cases.record_id(index.row()) if index.isValid() else None
        if rid and rid != self.case_id:
            self._load_case(rid)

    def _load_case(self, case_id: str) -> None:
        self.case_id = case_id
        case = records.get(self.session, "case", case_id)
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
        self.ui.caseTitle.setText(
            f"<b>{case['case_number']}</b>　{case['cause'] or ''}　承办人：{case['judge'] or '—'}　"
            f"{case['closing_method'] or ''} {case['closing_date'] or ''}"
        )
        self.ui.templateCombo.blockSignals(True)
        self.ui.templateCombo.setCurrentIndex(self.ui.templateCombo.findData(code))
        self.ui.templateCombo.blockSignals(False)
        self.ui.templateCombo.setEnabled(self.review_id is None)
        self._load_checks(code, reviews[-1] if reviews else None)

    def _template_changed(self) -> None:
        if self.case_id and self.review_id is None:
            self._load_checks(self.ui.templateCombo.currentData(), None)

    def _load_checks(self, code: str, review: dict[str, Any] | None) -> None:
        assert self.case_id
        checks = auto_check(self.session, case_id=self.case_id, template_code=code)
        if review:
            saved = review_answers(self.session, review_id=review["id"])
            answers = {k: v["result"] for k, v in saved.items()}
            notes = {k: v["note"] or "" for k, v in saved.items()}
            self.ui.reviewNote.setPlainText(review["note"] or "")
            self.ui.gradeLabel.setText(self.tr("Saved review: {0}").format(review["grade"]))
        else:
            answers = {
                c.item.code: str(c.suggested_answer or Answer.NOT_APPLICABLE) for c in checks
            }
            notes = {}
            self.ui.reviewNote.clear()
            self.ui.gradeLabel.setText(
                self.tr("Not saved yet — answers are prefilled from the automatic checks.")
            )
        self.checks.load(checks, answers, notes)
        self.ui.checkTable.resizeRowsToContents()
        self._set_enabled(True)
        self.ui.templateCombo.setEnabled(review is None)

    def save(self) -> None:
        if not self.case_id:
            return
        if self.review_id is None:
            result = self.attempt(
                self.tr("Cannot save review"),
                create_review,
                self.session,
                case_id=self.case_id,
                template_code=self.ui.templateCombo.currentData(),
                campaign_id=self.campaign_id,
                answers=dict(self.checks.answers),
                notes=dict(self.checks.notes),
                note=self.ui.reviewNote.toPlainText(),
            )
            if result is None:
                return
            self.review_id = result.review_id
        else:
            saved = review_answers(self.session, review_id=self.review_id)
            for code, answer in self.checks.answers.items():
                note = self.checks.notes.get(code, "")
                if saved[code]["result"] != answer or (saved[code]["note"] or "") != note:
                    set_answer(
                        self.session,
                        review_id=self.review_id,
                        item_code=code,
                        result=answer,
                        note=note,
                    )
            records.update(
                self.session, "review", self.review_id, {"note": self.ui.reviewNote.toPlainText()}
            )
        self.changed.emit()
        self.refresh()

    def make_problem(self) -> None:
        """The selected 不符合 item becomes a problem, prefilled, in one action (saving first)."""
        row = self.ui.checkTable.currentIndex().row()
        if row < 0 or not self.case_id:
            return
        code = self.checks.checks[row].item.code
        if self.checks.answers.get(code) != Answer.FAIL:
            QMessageBox.information(
                self,
                self.tr("Create problem"),
                self.tr("Only an item answered 不符合 becomes a problem."),
            )
            return
        self.save()
        if self.review_id is None:
            return
        pid = self.attempt(
            self.tr("Create problem"),
            create_problem_from_review_item,
            self.session,
            review_id=self.review_id,
            item_code=code,
        )
        if pid:
            self.changed.emit()
            self.window_.open_record("problem", pid)

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
        self.ui.reviewedFilter.setCurrentIndex(0)
        self.ui.methodFilter.setCurrentIndex(0)
        if not select_record(self.ui.caseTable, self.cases, case_id):
            self.window_.clear_court_filter()
            select_record(self.ui.caseTable, self.cases, case_id)
        self._load_case(case_id)

    def selected_case(self) -> str | None:
        return current_id(self.ui.caseTable, self.cases)
