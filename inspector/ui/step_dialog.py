"""A dialog whose fields are described in code: one per step of a 一案双查 lead.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from ..errors import UserError
from .dialogs import GuardedDialog, from_qdate, to_qdate
from .forms.ui_step_dialog import Ui_StepDialog
from .screen import fit_to_screen
from .terms import term

#: what an optional date holds when it has none
NO_DATE = QDate(1900, 1, 1)


@dataclass
class Spec:
    key: str
    label: str
    kind: str  # date | line | text | combo | check | checks | optional_date
    choices: list[tuple[str, Any]] = field(default_factory=list)
    default: Any = None


class StepDialog(GuardedDialog):
    """Collects the values of ``specs`` and calls ``action(values)``; a user error keeps it open
    with what was typed, and closing it with changes asks first."""

    def __init__(
        self,
        title: str,
        intro: str,
        specs: list[Spec],
        action: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StepDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(term(title))
        self.ui.intro.setText(term(intro))
        self.ui.intro.setVisible(bool(intro))
        self.action = action
        self.widgets: dict[str, QWidget] = {}
        self.result_value: Any = None
        for spec in specs:
            widget = self._widget(spec)
            self.widgets[spec.key] = widget
            self.ui.fields.addRow(term(spec.label), widget)
        self.ui.buttons.accepted.connect(self.accept)
        fit_to_screen(self, 560, 120 + 44 * len(specs) + 80 * sum(s.kind == "text" for s in specs))
        self.mark_clean()

    def snapshot(self) -> object:
        return self.values()

    def _widget(self, spec: Spec) -> QWidget:
        if spec.kind in ("date", "optional_date"):
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            if spec.kind == "optional_date":
                # the earliest date stands for "none": shown as —, cleared with Delete
                w.setMinimumDate(NO_DATE)
                w.setSpecialValueText("—")
                w.setDate(to_qdate(spec.default) if spec.default else NO_DATE)
            else:
                w.setDate(to_qdate(spec.default or dt.date.today()))
            return w
        if spec.kind == "text":
            t = QPlainTextEdit()
            t.setPlainText(spec.default or "")
            return t
        if spec.kind == "combo":
            c = QComboBox()
            for text, data in spec.choices:
                c.addItem(term(text), data)
            if spec.default is not None:
                c.setCurrentIndex(max(0, c.findData(spec.default)))
            return c
        if spec.kind == "check":
            b = QCheckBox()
            b.setChecked(bool(spec.default))
            return b
        if spec.kind == "checks":
            lst = QListWidget()
            for text, data in spec.choices:
                item = QListWidgetItem(term(text))
                item.setData(Qt.ItemDataRole.UserRole, data)
                checked = data in (spec.default or [])
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                lst.addItem(item)
            lst.setMaximumHeight(22 * max(3, len(spec.choices)) + 6)
            return lst
        e = QLineEdit()
        e.setText(spec.default or "")
        return e

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.widgets.items():
            if isinstance(w, QDateEdit):
                none = w.minimumDate() == NO_DATE and w.date() == NO_DATE
                out[key] = None if none else from_qdate(w.date())
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
            elif isinstance(w, QListWidget):
                items = [w.item(i) for i in range(w.count())]
                out[key] = [
                    i.data(Qt.ItemDataRole.UserRole)
                    for i in items
                    if i.checkState() == Qt.CheckState.Checked
                ]
            elif isinstance(w, QLineEdit):
                out[key] = w.text()
        return out

    def set_value(self, key: str, value: Any) -> None:
        """For tests and prefills: put a value into a field."""
        w = self.widgets[key]
        if isinstance(w, QDateEdit):
            w.setDate(to_qdate(value) if value else NO_DATE)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in value
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif isinstance(w, QLineEdit):
            w.setText(value)

    def accept(self) -> None:
        try:
            self.result_value = self.action(self.values())
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        super().accept()
