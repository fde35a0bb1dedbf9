"""Global search results, grouped by record type; Enter opens the record.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..services.search import SearchGroup


class SearchDialog(QDialog):
    """Runs on the GUI thread; emits ``chosen(record_type, record_id)``."""

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
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Where the text appears")])
        self.tree.setColumnWidth(0, 320)
        layout.addWidget(self.tree)
        for g in groups:
            parent_item = QTreeWidgetItem([f"{g.label}（{len(g.hits)}）", ""])
            self.tree.addTopLevelItem(parent_item)
            for hit in g.hits:
                item = QTreeWidgetItem([hit.title, hit.snippet])
                item.setData(0, Qt.ItemDataRole.UserRole, (hit.record_type, hit.record_id))
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
