"""Global search results, grouped by record type, the searched text highlighted in each
snippet; Enter or a double-click opens the record (a checklist answer opens its case's
review).

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.search import SearchGroup
from .terms import term

HIGHLIGHT = "#fff176"


def highlighted(text: str, query: str) -> str:
    """The text as HTML, each part of the query marked (case and width ignored)."""
    parts = [p for p in query.split() if p]
    if not parts:
        return escape(text)
    pattern = re.compile("|".join(re.escape(p) for p in parts), re.IGNORECASE)
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(escape(text[last : found.start()]))
        out.append(f'<span style="background:{HIGHLIGHT}">{escape(found.group())}</span>')
        last = found.end()
    out.append(escape(text[last:]))
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell's text with the query marked."""

    def __init__(self, query: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = query

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setDocumentMargin(2)
        doc.setHtml(highlighted(str(index.data() or ""), self.query))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""  # type: ignore[attr-defined]
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        doc = self._document(option, index)
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchDialog(QDialog):
    """Runs on the GUI thread; emits ``chosen(record_type, record_id)`` of what to open."""

    chosen = Signal(str, str)

    def __init__(
        self, query: str, groups: list[SearchGroup], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search: {0}").format(query))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        total = sum(len(g.hits) for g in groups)
        self.summary = QLabel(self.tr("{0} results for “{1}”").format(total, query))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Where the text appears")])
        self.tree.setColumnWidth(0, 320)
        self.tree.setItemDelegate(HighlightDelegate(query, self.tree))
        layout.addWidget(self.tree)
        for g in groups:
            parent_item = QTreeWidgetItem([f"{term(g.label)}（{len(g.hits)}）", ""])
            self.tree.addTopLevelItem(parent_item)
            for hit in g.hits:
                item = QTreeWidgetItem([hit.title, hit.snippet])
                item.setData(0, Qt.ItemDataRole.UserRole, (hit.open_type, hit.open_id))
                item.setToolTip(1, hit.snippet)
                parent_item.addChild(item)
            parent_item.setExpanded(True)
        first = self.tree.topLevelItem(0)
        child = first.child(0) if first is not None and first.childCount() else None
        if child is not None:
            self.tree.setCurrentItem(child)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))

    def _open(self, item: QTreeWidgetItem | None) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if target:
            self.chosen.emit(*target)
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.tree.currentItem())
            return
        super().keyPressEvent(event)
