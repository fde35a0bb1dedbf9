"""A table model over record ids: filtering and sorting happen in SQL, rows are fetched lazily.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ...domain.rectification import Light, State, item_status
from ...services.lists import SPECS, fetch_rows, list_ids
from ...services.session import Session
from ..terms import term

Index = QModelIndex | QPersistentModelIndex
BLOCK = 200
LIGHT_COLORS = {
    Light.GREEN: "#2e7d32",
    Light.YELLOW: "#f9a825",
    Light.RED: "#c62828",
    Light.VERIFYING: "#8e24aa",
    Light.DONE: "#9e9e9e",
}
CONFLICT_BACKGROUND = QColor("#fff3e0")
#: what a grey light means in lists other than the ledger
LIGHT_TEXT = {"leads": {Light.DONE: "已办结"}}
_icons: dict[str, QIcon] = {}
#: longer cell texts are free text, not terms
TERM_MAX = 40


def light_icon(light: Light) -> QIcon:
    """A round traffic light."""
    if light not in _icons:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(LIGHT_COLORS[light]))
        painter.setPen(QColor(LIGHT_COLORS[light]).darker(130))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        _icons[light] = QIcon(pixmap)
    return _icons[light]


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, str) and value[:1] == "[":
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return "；".join(
                f"{i.get('name', '')}（{i.get('role', '')}）" if isinstance(i, dict) else str(i)
                for i in items
            )
    return str(value)


class RecordListModel(QAbstractTableModel):
    """Runs on the GUI thread with the window's session."""

    reloaded = Signal()

    def __init__(self, session: Session, list_name: str) -> None:
        super().__init__()
        self.session = session
        self.spec = SPECS[list_name]
        self.list_name = list_name
        self.filters: dict[str, Any] = {}
        self.ids: list[str] = []
        self.rows: dict[str, tuple[Any, ...]] = {}
        self.order: tuple[str | None, bool] = (None, False)
        self.today = session.today()

    # --- loading ----------------------------------------------------------------------
    def reload(self, filters: dict[str, Any] | None = None) -> None:
        if filters is not None:
            self.filters = filters
        self.beginResetModel()
        self.today = self.session.today()
        key, descending = self.order
        self.ids = list_ids(
            self.session,
            list_name=self.list_name,
            filters=self.filters,
            order_by=key,
            descending=descending,
        )
        self.rows = {}
        self.endResetModel()
        self.reloaded.emit()

    def _row(self, row: int) -> tuple[Any, ...]:
        rid = self.ids[row]
        if rid not in self.rows:
            start = (row // BLOCK) * BLOCK
            block = [i for i in self.ids[start : start + BLOCK] if i not in self.rows]
            self.rows.update(fetch_rows(self.session, list_name=self.list_name, ids=block))
        return self.rows.get(rid, (0,) + ("",) * len(self.spec.columns))

    def record_id(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def column_of(self, key: str) -> int:
        """The column showing ``key`` (-1 when the list has none)."""
        keys = [c.key for c in self.spec.columns]
        return keys.index(key) if key in keys else -1

    def row_of(self, record_id: str) -> int:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return -1

    # --- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return term(self.spec.columns[section].label)
        return None

    def light(self, row: int) -> Light | None:
        values = self._row(row)
        if self.list_name != "items":
            keys = [c.key for c in self.spec.columns]
            value = values[1 + keys.index("light")] if "light" in keys else None
            return value if isinstance(value, Light) else None
        keys = [c.key for c in self.spec.columns]
        state = values[1 + keys.index("state")]
        deadline = values[1 + keys.index("deadline")]
        if not state:
            return None
        due = dt.date.fromisoformat(deadline) if deadline else None
        changed = values[1 + len(keys)] if len(values) > 1 + len(keys) else None
        submitted = dt.date.fromisoformat(str(changed)[:10]) if changed else None
        return item_status(
            State(state), due, self.today, self.session.calendar, submitted_on=submitted
        ).light

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        values = self._row(index.row())
        column = self.spec.columns[index.column()]
        if column.key == "light":
            light = self.light(index.row())
            if light is None:
                return None
            if role == Qt.ItemDataRole.DecorationRole:
                return light_icon(light)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return term(LIGHT_TEXT.get(self.list_name, {}).get(light, light.zh))
            if role == Qt.ItemDataRole.UserRole:
                return light
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = display(values[1 + index.column()])
            # states, stages, categories … in the user's language (names and text as they are)
            return term(text) if len(text) <= TERM_MAX else text
        if role == Qt.ItemDataRole.BackgroundRole and values[0]:
            return CONFLICT_BACKGROUND
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.spec.columns[column].key
        if key == "light":
            key = "deadline"
        self.order = (key, order == Qt.SortOrder.DescendingOrder)
        self.reload()
