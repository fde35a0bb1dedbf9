"""Dialogs for new records: problem, rectification item, workspace.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..domain.enums import Role, Severity, SourceType
from ..domain.rectification import Kind
from ..errors import UserError
from ..paths import WORKSPACE_SUFFIX
from ..services import records
from ..services.problems import create_problem
from ..services.rectification import add_item
from ..services.session import Session
from ..services.team import categories, courts
from ..services.workspaces import compute_deadline
from .forms.ui_item_dialog import Ui_ItemDialog
from .forms.ui_new_workspace_dialog import Ui_NewWorkspaceDialog
from .forms.ui_problem_dialog import Ui_ProblemDialog


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class ProblemDialog(QDialog):
    """A new problem; prefilled when it comes from an interview or a court filter."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        court_id: str | None = None,
        source_type: str = SourceType.OTHER,
        source_id: str | None = None,
        campaign_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.source = (str(source_type), source_id, campaign_id)
        self.ui = Ui_ProblemDialog()
        self.ui.setupUi(self)
        for c in courts(session):
            self.ui.courtCombo.addItem(c["name"], c["id"])
        if court_id:
            self.ui.courtCombo.setCurrentIndex(self.ui.courtCombo.findData(court_id))
        self.cats = {c.name: c for c in categories(session)}
        self.ui.categoryCombo.addItems(list(self.cats))
        self.ui.categoryCombo.currentTextChanged.connect(self._subtypes)
        self._subtypes(self.ui.categoryCombo.currentText())
        self.ui.severityCombo.addItems([s.value for s in Severity])
        self.problem_id: str | None = None

    def _subtypes(self, name: str) -> None:
        self.ui.subtypeCombo.clear()
        self.ui.subtypeCombo.addItem("", None)
        for s in self.cats[name].subtypes if name in self.cats else ():
            self.ui.subtypeCombo.addItem(s, s)

    def accept(self) -> None:
        source_type, source_id, campaign_id = self.source
        examples = [e for e in re.split(r"[；;，,\s]+", self.ui.examples.text()) if e]
        try:
            self.problem_id = create_problem(
                self.session,
                court_id=self.ui.courtCombo.currentData(),
                category=self.ui.categoryCombo.currentText(),
                subtype=self.ui.subtypeCombo.currentData(),
                description=self.ui.description.toPlainText(),
                example_cases=examples,
                severity=self.ui.severityCombo.currentText(),
                source_type=source_type,
                source_id=source_id,
                campaign_id=campaign_id,
                evidence=self.ui.evidence.text(),
            )
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        super().accept()


class ItemDialog(QDialog):
    """A rectification item for a problem, with a deadline in working days if wished."""

    def __init__(self, session: Session, problem_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problem_id = problem_id
        self.ui = Ui_ItemDialog()
        self.ui.setupUi(self)
        problem = records.get(session, "problem", problem_id)
        self.ui.problemText.setText(problem["description"])
        court = (
            records.get(session, "court", problem["court_id"])["name"]
            if problem["court_id"]
            else ""
        )
        self.ui.unit.setText(court + "执行局" if court else "")
        self.ui.kindCombo.addItems([k.value for k in Kind])
        self.ui.kindCombo.setCurrentText(Kind.BY_DEADLINE)
        self.ui.hasDeadline.setChecked(True)
        self.ui.workdays.setValue(20)
        self.ui.deadline.setDate(to_qdate(session.today() + dt.timedelta(days=30)))
        self.ui.applyWorkdays.clicked.connect(self._from_workdays)
        self.ui.hasDeadline.toggled.connect(self.ui.deadline.setEnabled)
        self.item_id: str | None = None

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
        try:
            self.item_id = add_item(
                self.session,
                problem_id=self.problem_id,
                measure=self.ui.measure.toPlainText(),
                kind=self.ui.kindCombo.currentText(),
                deadline=deadline,
                responsible_unit=self.ui.unit.text(),
                responsible_person=self.ui.person.text(),
                supervisor=self.ui.supervisor.text(),
            )
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        super().accept()


class NewWorkspaceDialog(QDialog):
    """Where the new workspace goes and who uses this laptop."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewWorkspaceDialog()
        self.ui.setupUi(self)
        self.ui.path.setText(str(folder / f"巡查台账{WORKSPACE_SUFFIX}"))
        for role in Role:
            self.ui.roleCombo.addItem(role.zh, role.value)
        self.ui.browse.clicked.connect(self._browse)
        self.ui.encrypt.toggled.connect(self._encrypt_toggled)

    def _encrypt_toggled(self, on: bool) -> None:
        for w in (self.ui.password, self.ui.confirm, self.ui.passwordLabel, self.ui.confirmLabel):
            w.setEnabled(on)

    def _browse(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.ui.path.text(), f"*{WORKSPACE_SUFFIX}"
        )
        if target:
            self.ui.path.setText(
                target if target.endswith(WORKSPACE_SUFFIX) else target + WORKSPACE_SUFFIX
            )

    def values(self) -> dict[str, Any]:
        return {
            "path": Path(self.ui.path.text().strip()),
            "member_name": self.ui.memberName.text().strip(),
            "unit": self.ui.memberUnit.text().strip(),
            "role": self.ui.roleCombo.currentData(),
            "password": self.ui.password.text() if self.ui.encrypt.isChecked() else None,
        }

    def accept(self) -> None:
        v = self.values()
        if not v["member_name"]:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Please enter your name."))
            return
        if v["path"].exists():
            QMessageBox.warning(self, self.windowTitle(), self.tr("That file exists already."))
            return
        if v["password"] is not None:
            if len(v["password"]) < 6:
                QMessageBox.warning(
                    self, self.windowTitle(), self.tr("The password needs at least 6 characters.")
                )
                return
            if v["password"] != self.ui.confirm.text():
                QMessageBox.warning(self, self.windowTitle(), self.tr("The passwords differ."))
                return
        super().accept()
