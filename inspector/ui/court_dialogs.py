"""The inspected court's dialogs: its 整改方案 for a problem (a new item or a change to one),
and a progress report on an item (整改进展, 佐证材料, 提交核查). A refusal keeps the dialog
open with what was typed; closing it with changes asks first.

Runs on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.rectification import Kind
from ..errors import UserError
from .dialogs import GuardedDialog, from_qdate, to_qdate
from .screen import fit_to_screen
from .terms import add_terms
from .widgets import error_label, ok_cancel


class _CourtDialog(GuardedDialog):
    """What the court's dialogs share: a title, the record they are about, and the action
    that writes what was typed (a user error shown under the fields, the dialog kept open)."""

    def __init__(self, title: str, subject: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.box = QVBoxLayout(self)
        about = QLabel(subject)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.box.addWidget(about)
        self.error = error_label()

    def finish(self, width: int, height: int) -> None:
        self.box.addWidget(self.error)
        self.box.addWidget(ok_cancel(self))
        fit_to_screen(self, width, height)
        self.mark_clean()

    def attempt(self, write: Callable[[], Any]) -> None:
        try:
            write()
        except UserError as e:
            self.error.setText(str(e))
            self.error.show()
            return
        self.mark_clean()
        super().accept()


class PlanDialog(_CourtDialog):
    """The court's plan for a problem: measure, goal, 责任单位 / 责任人, phone, kind and deadline.
    ``action(values)`` writes it; a user error keeps the dialog open."""

    def __init__(
        self,
        title: str,
        subject: str,
        action: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
        *,
        values: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(title, subject, parent)
        self.action = action
        layout = self.box
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.measure = QPlainTextEdit()
        self.measure.setObjectName("measure")
        self.measure.setPlaceholderText(self.tr("What the court will do, concretely"))
        form.addRow(self.tr("Measure:"), self.measure)
        self.goal = QLineEdit()
        form.addRow(self.tr("Goal:"), self.goal)
        self.unit = QLineEdit()
        self.unit.setObjectName("responsibleUnit")
        form.addRow(self.tr("Responsible unit:"), self.unit)
        self.person = QLineEdit()
        form.addRow(self.tr("Responsible person:"), self.person)
        self.phone = QLineEdit()
        form.addRow(self.tr("Phone:"), self.phone)
        self.kind = QComboBox()
        add_terms(self.kind, [str(k) for k in Kind])
        form.addRow(self.tr("Kind:"), self.kind)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setDate(QDate.currentDate().addDays(30))
        self.no_deadline = QCheckBox(self.tr("No deadline (ongoing)"))
        self.no_deadline.toggled.connect(self._no_deadline)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        # a new plan: by its deadline, the most common kind
        self.kind.setCurrentIndex(max(0, self.kind.findData(str(Kind.BY_DEADLINE))))
        row = QHBoxLayout()
        row.addWidget(self.deadline)
        row.addWidget(self.no_deadline)
        row.addStretch(1)
        form.addRow(self.tr("Deadline:"), row)
        self.note = QLineEdit()
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form, 1)
        if values:
            self._fill(values)
        self.finish(620, 520)

    def _no_deadline(self, on: bool) -> None:
        """No deadline is a standing measure (长期坚持); a deadline, a measure by it."""
        self.deadline.setEnabled(not on)
        if on and self.kind.currentData() != str(Kind.ONGOING):
            self.kind.setCurrentIndex(self.kind.findData(str(Kind.ONGOING)))

    def _kind_changed(self) -> None:
        if self.kind.currentData() == str(Kind.BY_DEADLINE) and self.no_deadline.isChecked():
            self.no_deadline.setChecked(False)

    def _fill(self, v: dict[str, Any]) -> None:
        self.measure.setPlainText(v.get("measure") or "")
        self.goal.setText(v.get("goal") or "")
        self.unit.setText(v.get("responsible_unit") or "")
        self.person.setText(v.get("responsible_person") or "")
        self.phone.setText(v.get("phone") or "")
        index = self.kind.findData(v.get("kind") or str(Kind.BY_DEADLINE))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        deadline = v.get("deadline")
        if deadline:
            self.deadline.setDate(to_qdate(dt.date.fromisoformat(str(deadline))))
        else:
            self.no_deadline.setChecked(v.get("kind") == str(Kind.ONGOING))
        self.note.setText(v.get("note") or "")

    def values(self) -> dict[str, Any]:
        return {
            "measure": self.measure.toPlainText().strip(),
            "goal": self.goal.text().strip(),
            "responsible_unit": self.unit.text().strip(),
            "responsible_person": self.person.text().strip(),
            "phone": self.phone.text().strip(),
            "kind": self.kind.currentData(),
            "deadline": None if self.no_deadline.isChecked() else from_qdate(self.deadline.date()),
            "note": self.note.text().strip(),
        }

    def snapshot(self) -> object:
        return self.values()

    def accept(self) -> None:
        self.attempt(lambda: self.action(self.values()))


class ProgressDialog(_CourtDialog):
    """What the court did on an item: a progress note, evidence files, and, when ready, the
    request to verify it (提交核查). ``action(note, files, submit)`` writes it."""

    def __init__(
        self,
        subject: str,
        action: Callable[[str, list[Path], bool], Any],
        parent: QWidget | None = None,
        *,
        can_submit: bool = True,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ProgressDialog", "Report progress"), subject, parent
        )
        self.action = action
        layout = self.box
        layout.addWidget(QLabel(self.tr("What was done:")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("progressNote")
        layout.addWidget(self.note, 1)
        layout.addWidget(QLabel(self.tr("Evidence:")))
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        layout.addWidget(self.files)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add files…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.submit = QCheckBox(self.tr("Rectification done: submit for verification"))
        self.submit.setEnabled(can_submit)
        if not can_submit:
            self.submit.setToolTip(self.tr("Start the rectification first."))
        layout.addWidget(self.submit)
        self.finish(600, 480)

    def _add_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose evidence files"))
        for name in chosen:
            self.files.addItem(name)

    def add_file(self, path: Path) -> None:
        self.files.addItem(str(path))

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def snapshot(self) -> object:
        return (self.note.toPlainText(), [str(p) for p in self.paths()], self.submit.isChecked())

    def accept(self) -> None:
        note = self.note.toPlainText().strip()
        files = self.paths()
        if not note and not files:
            self.error.setText(self.tr("Write what was done or add evidence."))
            self.error.show()
            return
        self.attempt(lambda: self.action(note, files, self.submit.isChecked()))
