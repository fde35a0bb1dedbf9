"""Each inspected court's rectification over time: where its items stand today (planned, in
progress, submitted, closed, overdue, plans waiting for the leader) and, for the court chosen,
week by week since its first item.

Runs on the GUI thread; the figures are counted on the operation runner.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.court_loop import CourtProgress
from ..services.session import Session
from . import ops
from .screen import fit_to_screen


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))


class CourtProgressDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Rectification progress by court"))
        layout = QVBoxLayout(self)
        counts = [
            self.tr("Pending"),
            self.tr("In progress"),
            self.tr("Submitted"),
            self.tr("Closed"),
            self.tr("Overdue"),
        ]
        self.courts = _table([self.tr("Court"), *counts, self.tr("Plans to decide")])
        self.courts.setObjectName("progressCourts")
        self.courts.currentCellChanged.connect(lambda *_: self._show())
        layout.addWidget(self.courts, 3)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.weeks = _table([self.tr("As of"), *counts])
        self.weeks.setObjectName("progressWeeks")
        layout.addWidget(self.weeks, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 600)
        self.progress: list[CourtProgress] = []
        from ..services.court_loop import court_progress

        workspace = session.workspace.path
        if workspace is None:  # a workspace in memory (tests): counted here
            self._filled(court_progress(session))
        else:
            ops.Op(
                self, lambda s, _p: court_progress(s), workspace=workspace, title=self.windowTitle()
            ).success(self._filled).run()

    def _filled(self, progress: list[CourtProgress]) -> None:
        self.progress = progress
        rows = []
        for c in progress:
            latest = c.latest or (dt.date.today(), 0, 0, 0, 0, 0)
            rows.append([c.court, *latest[1:], c.proposals_waiting])
        _fill(self.courts, rows)
        if rows:
            self.courts.selectRow(0)
        self._show()

    def _show(self) -> None:
        row = self.courts.currentRow()
        if not 0 <= row < len(self.progress):
            self.caption.setText(self.tr("No court has rectification items yet."))
            _fill(self.weeks, [])
            return
        court = self.progress[row]
        self.caption.setText(self.tr("{0}, week by week:").format(court.court))
        _fill(self.weeks, [[d.isoformat(), *rest] for d, *rest in reversed(court.points)])
