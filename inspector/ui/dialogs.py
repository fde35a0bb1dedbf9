"""Dialogs for new records: problem, rectification item, workspace.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget

from ..domain.enums import Severity, SourceType
from ..domain.rectification import Kind
from ..errors import UserError
from ..services import records
from ..services.editing import edit
from ..services.problems import ProblemDraft, create_problem, example_case_warnings
from ..services.rectification import add_item
from ..services.session import Session
from ..services.team import categories, courts
from ..services.workspaces import compute_deadline
from . import unsaved
from .forms.ui_item_dialog import Ui_ItemDialog
from .forms.ui_problem_dialog import Ui_ProblemDialog
from .screen import fit_to_screen
from .terms import add_terms, choose, term


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class GuardedDialog(QDialog):
    """A dialog that asks before what was typed into it is thrown away (Esc, 取消, the close
    button), and saves with Ctrl+S as with 确定."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._baseline: object = None
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(self.accept)

    def snapshot(self) -> object:
        """What the user can change, to compare with what the dialog opened with."""
        return None

    def mark_clean(self) -> None:
        self._baseline = self.snapshot()

    def has_changes(self) -> bool:
        return bool(self.snapshot() != self._baseline)

    def reject(self) -> None:
        if self.has_changes() and not unsaved.ask_discard(self, self.windowTitle()):
            return
        super().reject()


def _split_numbers(text: str) -> list[str]:
    return [e for e in re.split(r"[；;，,、\s]+", text) if e]


class ProblemDialog(GuardedDialog):
    """A problem: new, prefilled from drafts (failed checklist items, one after the other), or
    an existing one corrected (``problem_id``)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        court_id: str | None = None,
        source_type: str = SourceType.OTHER,
        source_id: str | None = None,
        campaign_id: str | None = None,
        drafts: list[ProblemDraft] | None = None,
        problem_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.source = (str(source_type), source_id, campaign_id)
        self.ui = Ui_ProblemDialog()
        self.ui.setupUi(self)
        fit_to_screen(self, 620, 460)
        for c in courts(session):
            self.ui.courtCombo.addItem(c["name"], c["id"])
        self.cats = {c.name: c for c in categories(session)}
        add_terms(self.ui.categoryCombo, self.cats)
        self.ui.categoryCombo.currentIndexChanged.connect(
            lambda _i: self._subtypes(self.ui.categoryCombo.currentData() or "")
        )
        self._subtypes(self.ui.categoryCombo.currentData() or "")
        add_terms(self.ui.severityCombo, Severity)
        self.edit_id = problem_id
        self.drafts = list(drafts or [])
        #: the problems made by the dialog (several when it went through several drafts)
        self.made: list[str] = []
        self.problem_id: str | None = None
        if problem_id:
            self._fill_from(records.get(session, "problem", problem_id))
            self.setWindowTitle(self.tr("Edit problem"))
        elif self.drafts:
            self._fill_draft()
        elif court_id:
            self._set_court(court_id)
        self.mark_clean()

    def _set_court(self, court_id: str | None) -> None:
        index = self.ui.courtCombo.findData(court_id)
        if index >= 0:
            self.ui.courtCombo.setCurrentIndex(index)

    def _fill_from(self, p: dict[str, Any]) -> None:
        self._set_court(p["court_id"])
        choose(self.ui.categoryCombo, p["category"])
        self._subtypes(p["category"])
        self.ui.subtypeCombo.setCurrentIndex(max(0, self.ui.subtypeCombo.findData(p["subtype"])))
        self.ui.description.setPlainText(p["description"] or "")
        self.ui.examples.setText("；".join(p["example_cases"] or []))
        if p.get("severity"):
            choose(self.ui.severityCombo, p["severity"])
        self.ui.evidence.setText(p.get("evidence") or "")

    def _fill_draft(self) -> None:
        d = self.drafts[len(self.made)]
        self.source = (d.source_type, d.source_id, d.campaign_id)
        self._fill_from(
            {
                "court_id": d.court_id,
                "category": d.category,
                "subtype": d.subtype,
                "description": d.description,
                "example_cases": d.example_cases,
            }
        )
        if len(self.drafts) > 1:
            self.setWindowTitle(
                self.tr("New problem ({0} of {1})").format(len(self.made) + 1, len(self.drafts))
            )

    def snapshot(self) -> object:
        return (
            self.ui.courtCombo.currentData(),
            self.ui.categoryCombo.currentData(),
            self.ui.subtypeCombo.currentData(),
            self.ui.description.toPlainText(),
            self.ui.examples.text(),
            self.ui.severityCombo.currentData(),
            self.ui.evidence.text(),
        )

    def _subtypes(self, name: str) -> None:
        self.ui.subtypeCombo.clear()
        self.ui.subtypeCombo.addItem("", None)
        for s in self.cats[name].subtypes if name in self.cats else ():
            self.ui.subtypeCombo.addItem(term(s), s)

    def _values(self) -> dict[str, Any]:
        return {
            "court_id": self.ui.courtCombo.currentData(),
            "category": self.ui.categoryCombo.currentData(),
            "subtype": self.ui.subtypeCombo.currentData(),
            "description": self.ui.description.toPlainText(),
            "example_cases": _split_numbers(self.ui.examples.text()),
            "severity": self.ui.severityCombo.currentData(),
            "evidence": self.ui.evidence.text(),
        }

    def accept(self) -> None:
        source_type, source_id, campaign_id = self.source
        values = self._values()
        warnings = example_case_warnings(
            self.session, court_id=values["court_id"], example_cases=values["example_cases"]
        )
        if warnings:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                "\n".join(warnings) + "\n\n" + self.tr("Save the problem all the same?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return  # the dialog stays open with what was typed
        try:
            if self.edit_id:
                edit(self.session, "problem", self.edit_id, values)
                self.problem_id = self.edit_id
            else:
                self.problem_id = create_problem(
                    self.session,
                    source_type=source_type,
                    source_id=source_id,
                    campaign_id=campaign_id,
                    **values,
                )
                self.made.append(self.problem_id)
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        if not self.edit_id and len(self.made) < len(self.drafts):
            self._fill_draft()
            self.mark_clean()
            return
        super().accept()


class ItemDialog(GuardedDialog):
    """A rectification item for a problem, with a deadline in working days if wished; or an
    existing item corrected (``item_id``: everything but its state, which moves only by the
    ledger's transitions)."""

    def __init__(
        self,
        session: Session,
        problem_id: str,
        parent: QWidget | None = None,
        *,
        item_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.problem_id = problem_id
        self.ui = Ui_ItemDialog()
        self.ui.setupUi(self)
        fit_to_screen(self, 620, 460)
        problem = records.get(session, "problem", problem_id)
        self.ui.problemText.setText(problem["description"])
        court = (
            records.get(session, "court", problem["court_id"])["name"]
            if problem["court_id"]
            else ""
        )
        self.ui.unit.setText(court + "执行局" if court else "")
        add_terms(self.ui.kindCombo, Kind)
        choose(self.ui.kindCombo, Kind.BY_DEADLINE)
        self.ui.hasDeadline.setChecked(True)
        self.ui.workdays.setValue(20)
        self.ui.deadline.setDate(to_qdate(session.today() + dt.timedelta(days=30)))
        self.ui.applyWorkdays.clicked.connect(self._from_workdays)
        # what the item is to achieve, and the number to call (the ledger's 整改目标, 联系电话)
        self.goal = QLineEdit()
        self.goal.setObjectName("goal")
        self.goal.setPlaceholderText(self.tr("What the rectification is to achieve"))
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.ui.itemForm.addRow(self.tr("Goal:"), self.goal)
        self.ui.itemForm.addRow(self.tr("Contact phone:"), self.phone)
        self.ui.hasDeadline.toggled.connect(self.ui.deadline.setEnabled)
        self.edit_id = item_id
        self.item_id: str | None = None
        if item_id:
            item = records.get(session, "rectification_item", item_id)
            self.ui.measure.setPlainText(item["measure"] or "")
            choose(self.ui.kindCombo, item["kind"])
            self.ui.hasDeadline.setChecked(bool(item["deadline"]))
            if item["deadline"]:
                self.ui.deadline.setDate(to_qdate(dt.date.fromisoformat(item["deadline"])))
            self.ui.unit.setText(item["responsible_unit"] or "")
            self.ui.person.setText(item["responsible_person"] or "")
            self.ui.supervisor.setText(item["supervisor"] or "")
            self.goal.setText(item.get("goal") or "")
            self.phone.setText(item.get("phone") or "")
            self.setWindowTitle(self.tr("Edit rectification item"))
        self.mark_clean()

    def snapshot(self) -> object:
        return (
            self.ui.measure.toPlainText(),
            self.ui.kindCombo.currentData(),
            self.ui.hasDeadline.isChecked(),
            self.ui.deadline.date(),
            self.ui.unit.text(),
            self.ui.person.text(),
            self.ui.supervisor.text(),
            self.goal.text(),
            self.phone.text(),
        )

    def _from_workdays(self) -> None:
        d = compute_deadline(
            self.session.calendar,
            start=self.session.today(),
            amount=self.ui.workdays.value(),
            unit="workdays",
        )
        self.ui.deadline.setDate(to_qdate(d.due))
        self.ui.hasDeadline.setChecked(True)
        self.ui.deadlineNote.setText(d.summary())

    def accept(self) -> None:
        deadline = from_qdate(self.ui.deadline.date()) if self.ui.hasDeadline.isChecked() else None
        measure = self.ui.measure.toPlainText()
        values: dict[str, Any] = {
            "measure": measure,
            "kind": self.ui.kindCombo.currentData(),
            "deadline": deadline,
            "responsible_unit": self.ui.unit.text(),
            "responsible_person": self.ui.person.text(),
            "supervisor": self.ui.supervisor.text(),
            "goal": self.goal.text().strip(),
            "phone": self.phone.text().strip(),
        }
        try:
            if self.edit_id:
                if not measure.strip():
                    raise UserError("请填写整改措施")
                edit(self.session, "rectification_item", self.edit_id, values)
                self.item_id = self.edit_id
            else:
                self.item_id = add_item(self.session, problem_id=self.problem_id, **values)
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        super().accept()
