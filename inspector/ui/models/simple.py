"""A small read-only table over a Python list (summaries, histories, conflict values).

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..terms import term

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """Subclasses name their ``HEADERS`` and say what a ``cell`` shows."""

    HEADERS: tuple[Any, ...] = ()
    #: translation context of the headers (None: headers are shown as they are)
    CONTEXT: str | None = None

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def cell(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def style(self, row: Any, column: int, role: int) -> Any:
        """Colours and the like; nothing by default."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            text = str(self.HEADERS[section])
            return QCoreApplication.translate(self.CONTEXT, text) if self.CONTEXT else term(text)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        return self.style(row, index.column(), role)
