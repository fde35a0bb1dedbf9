"""What can be done with a record in any list: edit, delete, history, open its source.

Every list installs :class:`RecordActions`: right-clicking a row offers the record's actions,
double-clicking does the first of them (edit, or open). Deleting asks first and says what goes
with the record; Edit → 撤销 brings it back.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import record_type
from ..errors import UserError
from ..services import editing
from ..services.conflicts import record_provenance
from ..services.session import Session
from .formatting import short_time


@dataclass(frozen=True)
class Extra:
    """One more action on a record (open its source, add an item…)."""

    text: str
    run: Callable[[str], object]
    #: whether it is offered for this record (default: always)
    offered: Callable[[str], bool] | None = None


class RecordActions(QObject):
    """The context menu and double-click of one list of records of one type."""

    def __init__(
        self,
        page: Any,
        view: QAbstractItemView,
        model: Any,
        type_name: str,
        *,
        edit: Callable[[str], object] | None = None,
        extras: tuple[Extra, ...] = (),
        deletable: bool = True,
        type_of: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(view)
        self.page, self.view, self.model = page, view, model
        self.type_name = type_name
        self.edit = edit
        self.extras = extras
        self.deletable = deletable
        self.type_of = type_of
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        view.doubleClicked.connect(self._double_clicked)

    def _record(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        rid = self.model.record_id(index.row())
        return str(rid) if rid else None

    def _double_clicked(self, index: QModelIndex) -> None:
        rid = self._record(index)
        if rid is None:
            return
        if self.edit is not None:
            self.edit(rid)
        elif self.extras:
            self.extras[0].run(rid)

    def menu_for(self, rid: str) -> QMenu:
        """The menu shown for a record (built on each right-click)."""
        menu = QMenu(self.view)
        if self.edit is not None:
            edit = self.edit
            menu.addAction(QCoreApplication.translate("RecordActions", "Edit…"), lambda: edit(rid))
        for extra in self.extras:
            if extra.offered is None or extra.offered(rid):
                menu.addAction(extra.text, _caller(extra.run, rid))
        menu.addAction(
            QCoreApplication.translate("RecordActions", "History…"), lambda: self.show_history(rid)
        )
        if self.deletable:
            menu.addSeparator()
            menu.addAction(
                QCoreApplication.translate("RecordActions", "Delete…"), lambda: self.delete(rid)
            )
        return menu

    def _menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        rid = self._record(index)
        if rid is None:
            return
        self.view.setCurrentIndex(index)
        menu = self.menu_for(rid)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _type(self, rid: str) -> str:
        return self.type_of(rid) if self.type_of else self.type_name

    def delete(self, rid: str) -> bool:
        """Ask, then tombstone the record and what goes with it."""
        return delete_record(self.page, self.page.session, self._type(rid), rid)

    def show_history(self, rid: str) -> None:
        dialog = HistoryDialog(self.page.session, rid, self.view)
        dialog.open()
        self._history = dialog


def _caller(run: Callable[[str], object], rid: str) -> Callable[[], None]:
    def call() -> None:
        run(rid)

    return call


def delete_record(page: Any, session: Session, type_name: str, rid: str) -> bool:
    """Ask (saying what goes with the record), then delete it as one undoable step."""
    title = QCoreApplication.translate("RecordActions", "Delete")
    try:
        plan = editing.plan_delete(session, type_name, rid)
    except UserError as e:
        QMessageBox.warning(page, title, str(e))
        return False
    answer = QMessageBox.question(
        page,
        title,
        plan.question(),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    if page.attempt(title, editing.delete, session, type_name, rid) is None:
        return False
    page.changed.emit()
    page.refresh()
    return True


OPS = {"create": "创建", "update": "修改", "delete": "删除"}


class HistoryDialog(QDialog):
    """Every revision of a record: when, who, on which laptop, and what it changed."""

    def __init__(self, session: Session, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prov = record_provenance(session, record_id=record_id)
        changes = editing.changes_by_revision(session, record_id)
        label = record_type(prov.record_type).label
        self.setWindowTitle(
            QCoreApplication.translate("RecordActions", "History of the {0}").format(label)
        )
        layout = QVBoxLayout(self)
        head = QLabel(
            QCoreApplication.translate(
                "RecordActions", "Created by {0} on {1}, {2}; last changed by {3}, {4}."
            ).format(
                prov.created_by,
                prov.created_on,
                short_time(prov.created_at),
                prov.updated_by,
                short_time(prov.updated_at),
            )
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("RecordActions", "Time"),
                QCoreApplication.translate("RecordActions", "By"),
                QCoreApplication.translate("RecordActions", "Change"),
                QCoreApplication.translate("RecordActions", "What changed"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for h in reversed(prov.history):
            row = self.table.rowCount()
            self.table.insertRow(row)
            what = "；".join(
                f"{c.label}：{c.new}" if h["op"] == "create" else f"{c.label}：{c.old} → {c.new}"
                for c in changes.get(h["revision"], [])
            )
            if h["op"] == "update" and not h["fields"]:
                what = QCoreApplication.translate("RecordActions", "restored")
            cells = (
                short_time(h["at"]),
                f"{h['by']}（{h['laptop']}）",
                OPS.get(h["op"], h["op"]),
                what,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)
