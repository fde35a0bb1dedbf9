"""系统检查: every rule over every case of the workspace, run on the runner, its figures by
rule and by court; the failures of the chosen courts and rules become problems.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.session import Session
from ..services.system_check import SystemCheck, problems_from_check, run_system_check
from . import ops
from .models.simple import ListTableModel
from .pages.base import setup_table
from .terms import term


class RuleModel(ListTableModel):
    HEADERS = ("检查项", "检查内容", "不符合", "未到期", "无法判断", "符合")

    def cell(self, row: tuple[str, str, dict[str, int]], column: int) -> Any:
        code, text, counts = row
        if column == 0:
            return code
        if column == 1:
            return text
        return counts.get(("不符合", "未到期", "无法判断", "符合")[column - 2], 0)


class FailureModel(ListTableModel):
    HEADERS = ("被检查法院", "检查项", "不符合")

    def cell(self, row: tuple[str | None, str, str, int], column: int) -> Any:
        return (row[1], row[2], row[3])[column]


class SystemCheckDialog(QDialog):
    """Runs on the GUI thread; the check itself on the runner."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, campaign_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.campaign_id = campaign_id
        self.check: SystemCheck | None = None
        self.made: list[str] = []
        self.setWindowTitle(self.tr("System check"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every automatic rule on every case of the workspace, sampled or not, as of "
                "the check date."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("As of:")))
        today = session.today()
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(self.as_of)
        self.run_button = QPushButton(self.tr("Check"))
        self.run_button.setObjectName("runCheck")
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.rules = RuleModel()
        self.rule_table = QTableView()
        setup_table(self.rule_table, self.rules, stretch=1)
        self.failures = FailureModel()
        self.failure_table = QTableView()
        setup_table(self.failure_table, self.failures, stretch=0)
        self.failure_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        split.addWidget(self.rule_table)
        split.addWidget(self.failure_table)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.make = QPushButton(self.tr("Make problems of the chosen failures"))
        self.make.setObjectName("makeProblems")
        self.make.setEnabled(False)
        self.make.setToolTip(self.tr("Choose courts and rules in the lower list first."))
        self.make.clicked.connect(self.make_problems)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.make)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.failure_table.selectionModel().selectionChanged.connect(self._chosen)
        self.resize(860, 600)

    def _chosen(self) -> None:
        some = bool(self.failure_table.selectionModel().selectedRows())
        self.make.setEnabled(some)
        self.make.setToolTip(
            "" if some else self.tr("Choose courts and rules in the lower list first.")
        )

    def run(self) -> None:
        as_of: dt.date = self.as_of.date().toPython()  # type: ignore[assignment]
        workspace = self.session.workspace.path
        self.run_button.setEnabled(False)

        def job(s: Session, progress: Any) -> SystemCheck:
            return run_system_check(s, as_of=as_of, progress=progress)

        def done(check: SystemCheck) -> None:
            self.run_button.setEnabled(True)
            self.show_check(check)

        def failed(error: BaseException) -> None:
            self.run_button.setEnabled(True)
            ops.show_failure(self, self.windowTitle(), error)

        assert workspace is not None
        self.op = ops.Op(self, job, workspace=workspace, title=self.windowTitle())
        self.op.with_progress(self.tr("Checking every case")).success(done).failure(failed).run()

    def show_check(self, check: SystemCheck) -> None:
        self.check = check
        failing = sum(c.get("不符合", 0) for c in check.by_rule.values())
        self.summary.setText(
            self.tr("{0} cases checked as of {1}: {2} failures of {3} rules.").format(
                len(check.cases), check.as_of.isoformat(), failing, len(check.by_rule)
            )
        )
        self.rules.set_rows(
            [
                (code, check.rule_texts.get(code, ""), counts)
                for code, counts in sorted(check.by_rule.items())
            ]
        )
        self.failures.set_rows(check.failing_pairs())
        self._chosen()

    def make_problems(self) -> None:
        if self.check is None:
            return
        rows = sorted({i.row() for i in self.failure_table.selectionModel().selectedRows()})
        pairs = [(self.failures.rows[r][0], self.failures.rows[r][2]) for r in rows]
        try:
            self.made = problems_from_check(
                self.session, self.check, pairs, campaign_id=self.campaign_id
            )
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        ops.changed(ops.Changes(frozenset({"problem"})))
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("{0} problems recorded, one per court and rule (found by: {1}).").format(
                len(self.made), term("系统检查")
            ),
        )
