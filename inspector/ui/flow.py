"""Rows of filters and buttons that wrap onto a second line when the window is narrow (a
911-pixel-wide screen at 150 %, or the longer English labels) instead of pushing the page
wider than the screen.

Runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Lays its widgets out left to right, wrapping to the next line when one does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() + self._spacing for i in self._items if not _hidden(i))
        height = max((i.sizeHint().height() for i in self._items if not _hidden(i)), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not _hidden(item):
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        right = rect.right()
        shown = [item for item in self._items if not _hidden(item)]
        for index, item in enumerate(shown):
            hint = item.sizeHint()
            width = hint.width()
            # a label goes to the next line with the field it names
            if isinstance(item.widget(), QLabel) and index + 1 < len(shown):
                width += self._spacing + shown[index + 1].sizeHint().width()
            if x > rect.x() and x + width - 1 > right:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


def _hidden(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.isHidden()


def reflow(row: QBoxLayout) -> QWidget:
    """Turn a horizontal row of a form into a wrapping one, in the same place: its widgets
    move into a :class:`FlowLayout` (its spacers go). Returns the row's new widget."""
    parent = row.parent()
    widgets = []
    while row.count():
        item = row.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widgets.append(widget)
    holder = QWidget()
    flow = FlowLayout(holder)
    for widget in widgets:
        flow.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    if isinstance(parent, QBoxLayout):
        index = parent.indexOf(row)
        parent.removeItem(row)
        parent.insertWidget(index, holder)
    row.deleteLater()
    return holder
