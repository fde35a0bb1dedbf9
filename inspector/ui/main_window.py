"""The main window: the open workspace, its campaign and its counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import RECORD_TYPES
from ..errors import UserError
from ..services.session import Session, open_session
from ..services.team import campaigns
from ..services.workspaces import statistics

SHOWN_TYPES = (
    "court",
    "member",
    "case",
    "review",
    "interview",
    "problem",
    "rectification_item",
    "attachment",
)


class CountTile(QFrame):
    """A number with its label."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("0")
        self.value.setObjectName("countValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(caption)

    def set_value(self, n: int | str) -> None:
        self.value.setText(str(n))


class MainWindow(QMainWindow):
    """Runs on the GUI thread; owns the session it shows."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.settings = QSettings()
        self.resize(1100, 700)
        self._build_menu()
        central = QWidget()
        layout = QVBoxLayout(central)
        self.campaign_label = QLabel()
        self.campaign_label.setObjectName("campaignTitle")
        self.campaign_label.setWordWrap(True)
        layout.addWidget(self.campaign_label)
        grid = QGridLayout()
        self.tiles: dict[str, CountTile] = {}
        for i, name in enumerate(SHOWN_TYPES):
            tile = CountTile(RECORD_TYPES[name].label)
            self.tiles[name] = tile
            grid.addWidget(tile, i // 4, i % 4)
        for i, key in enumerate(("overdue", "due_soon", "closed", "closure_rate")):
            label = {
                "overdue": self.tr("Overdue items"),
                "due_soon": self.tr("Due within 3 working days"),
                "closed": self.tr("Closed items"),
                "closure_rate": self.tr("Closure rate"),
            }[key]
            tile = CountTile(label)
            self.tiles[key] = tile
            grid.addWidget(tile, 2, i)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.setStyleSheet(
            "#countValue { font-size: 28px; font-weight: bold; }"
            "#campaignTitle { font-size: 18px; padding: 8px 4px; }"
        )
        self.refresh()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("&Open workspace…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_workspace)
        menu.addAction(open_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def stats(self) -> dict[str, Any]:
        return statistics(self.session)

    def refresh(self) -> None:
        stats = self.stats()
        for name in SHOWN_TYPES:
            self.tiles[name].set_value(stats["counts"][name])
        items = stats["items"]
        self.tiles["overdue"].set_value(items["overdue"])
        self.tiles["due_soon"].set_value(items["due_soon"])
        self.tiles["closed"].set_value(items["closed"])
        self.tiles["closure_rate"].set_value(f"{stats['closure_rate']:.1%}")
        found = campaigns(self.session)
        self.campaign_label.setText(
            "；".join(
                c["name"] + (f"（{c['doc_number']}）" if c["doc_number"] else "") for c in found
            )
            or self.tr("No campaign yet")
        )
        path = self.session.workspace.path
        name = path.name if path else self.tr("(in memory)")
        self.setWindowTitle(self.tr("Inspection Ledger — {0}").format(name))
        member = self.session.member()
        who = member["name"] if member else self.tr("not set")
        self.statusBar().showMessage(
            self.tr("Workspace: {0}    Current member: {1}").format(str(path or name), who)
        )

    def choose_workspace(self) -> None:
        start = str(self.session.workspace.path.parent) if self.session.workspace.path else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open workspace"), start, self.tr("Workspaces (*.ledger);;All files (*)")
        )
        if chosen:
            self.open_workspace(Path(chosen))

    def open_workspace(self, path: Path) -> bool:
        try:
            session = open_session(path)
        except UserError as e:
            QMessageBox.warning(self, self.tr("Cannot open workspace"), str(e))
            return False
        self.session.close()
        self.session = session
        self.settings.setValue("last_workspace", str(path))
        self.refresh()
        return True

    def closeEvent(self, event: Any) -> None:
        self.session.close()
        super().closeEvent(event)
