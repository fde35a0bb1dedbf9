"""The main window: the open workspace, its campaign and its counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import RECORD_TYPES
from ..errors import UserError
from ..services.session import Session, open_session
from ..services.sync import (
    default_package_name,
    export_identity_card,
    export_package,
    export_roster,
    import_package,
    import_roster_file,
    list_conflicts,
    my_identity,
    preview_import,
    trusted_identities,
)
from ..services.team import campaigns
from ..services.workspaces import statistics
from ..sync.merge import ImportResult
from .sync_dialogs import ConflictsDialog, ImportPreviewDialog
from .workers import run_with_progress, stop_workers

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
        self._import_queue: list[Path] = []
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
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
        for i, key in enumerate(("overdue", "due_soon", "closed", "closure_rate", "conflicts")):
            label = {
                "overdue": self.tr("Overdue items"),
                "due_soon": self.tr("Due within 3 working days"),
                "closed": self.tr("Closed items"),
                "closure_rate": self.tr("Closure rate"),
                "conflicts": self.tr("Conflicts to decide"),
            }[key]
            tile = CountTile(label)
            self.tiles[key] = tile
            grid.addWidget(tile, 2 + i // 4, i % 4)
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

        sync = self.menuBar().addMenu(self.tr("&Packages"))
        self.export_action = QAction(self.tr("&Export ledger package…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.choose_export)
        self.import_action = QAction(self.tr("&Import ledger packages…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        self.conflicts_action = QAction(self.tr("&Conflicts…"), self)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        roster_out = QAction(self.tr("Export identity card or &roster…"), self)
        roster_out.triggered.connect(self.choose_roster_export)
        roster_in = QAction(self.tr("Import roster or identity &card…"), self)
        roster_in.triggered.connect(self.choose_roster_import)
        for action in (self.export_action, self.import_action, self.conflicts_action):
            sync.addAction(action)
        sync.addSeparator()
        sync.addAction(roster_out)
        sync.addAction(roster_in)

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
        self.tiles["conflicts"].set_value(len(list_conflicts(self.session)))
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
        self.status_label.setText(
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

    # --- packages ---------------------------------------------------------------------

    @property
    def workspace_path(self) -> Path:
        path = self.session.workspace.path
        assert path is not None, "the desktop app always works on a file"
        return path

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def choose_export(self) -> None:
        people = [
            i
            for i in trusted_identities(self.session).values()
            if i.device_id != self.session.device_id
        ]
        names = [self.tr("Everything (full package)")]
        names += [self.tr("Only what {0} has not received").format(p.name) for p in people]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Export ledger package"), self.tr("Contents:"), names, 0, False
        )
        if not ok:
            return
        index = names.index(choice)
        recipient = people[index - 1].member_id if index > 0 else None
        start = str(self.workspace_path.parent / default_package_name(self.session))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export ledger package"), start, self.tr("Ledger packages (*.ledgerpkg)")
        )
        if target:
            self.export_to(Path(target), recipient)

    def export_to(self, target: Path, recipient: str | None = None) -> None:
        def job(s: Session, progress: Any) -> Any:
            return export_package(s, path=target, since_last_to=recipient, progress=progress)

        run_with_progress(
            self,
            self.workspace_path,
            job,
            self.tr("Exporting ledger package"),
            lambda result: self._done(result.summary()),
            lambda message: self._error(self.tr("Export failed"), message),
        )

    def choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import ledger packages"),
            str(self.workspace_path.parent),
            self.tr("Ledger packages (*.ledgerpkg);;All files (*)"),
        )
        if chosen:
            self.import_packages([Path(p) for p in chosen])

    def import_packages(self, paths: list[Path]) -> None:
        """Preview each package, ask, then merge it — one after another, never blocking."""
        self._import_queue = list(paths)
        self._import_next()

    def _import_next(self) -> None:
        if not self._import_queue:
            self.refresh()
            return
        path = self._import_queue.pop(0)

        def job(s: Session, progress: Any) -> Any:
            return preview_import(s, path=path, progress=progress)

        def failed(message: str) -> None:
            self._error(self.tr("Cannot import {0}").format(path.name), message)
            self._import_next()

        run_with_progress(
            self,
            self.workspace_path,
            job,
            self.tr("Checking {0}").format(path.name),
            lambda result: self._confirm_import(path, result),
            failed,
        )

    def _confirm_import(self, path: Path, preview: ImportResult) -> None:
        dialog = ImportPreviewDialog(preview, self)
        self.preview_dialog = dialog
        if preview.already_imported or preview.new_revisions == 0:
            dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        def job(s: Session, progress: Any) -> Any:
            return import_package(s, path=path, progress=progress)

        def imported(result: Any) -> None:
            self._done(result.summary())
            self._import_next()

        def failed(message: str) -> None:
            self._error(self.tr("Import failed"), message)
            self._import_next()

        def decided(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                run_with_progress(
                    self,
                    self.workspace_path,
                    job,
                    self.tr("Importing {0}").format(path.name),
                    imported,
                    failed,
                )
            else:
                self._import_next()

        dialog.finished.connect(decided)
        dialog.open()

    def _done(self, message: str) -> None:
        self.refresh()
        self.statusBar().showMessage(message, 15000)

    def show_conflicts(self) -> None:
        dialog = ConflictsDialog(self.session, self)
        self.conflicts_dialog = dialog
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()

    def choose_roster_export(self) -> None:
        me = my_identity(self.session)
        leader = me.role == "leader"
        title = self.tr("Sign the team roster") if leader else self.tr("Export my identity card")
        suffix = "roster" if leader else "card"
        start = str(self.workspace_path.parent / f"{me.name}.{suffix}")
        target, _ = QFileDialog.getSaveFileName(self, title, start)
        if not target:
            return
        try:
            if leader:
                roster = export_roster(self.session, path=Path(target))
                text = self.tr("Roster version {0} signed. Leader key fingerprint:\n{1}").format(
                    roster.version, roster.leader.fingerprint
                )
            else:
                ident = export_identity_card(self.session, path=Path(target))
                text = self.tr(
                    "Identity card saved. Read this fingerprint to the leader:\n{0}"
                ).format(ident.fingerprint)
        except UserError as e:
            self._error(title, str(e))
            return
        QMessageBox.information(self, title, text)

    def choose_roster_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import roster or identity card"), str(self.workspace_path.parent)
        )
        if not chosen:
            return
        try:
            result = import_roster_file(self.session, path=Path(chosen))
        except UserError as e:
            self._error(self.tr("Cannot import"), str(e))
            return
        if result.kind == "card":
            ident = result.identities[0]
            text = self.tr("{0}'s laptop is now trusted. Fingerprint:\n{1}").format(
                ident.name, ident.fingerprint
            )
        else:
            assert result.leader is not None
            text = self.tr(
                "Roster version {0} imported. Check the leader's fingerprint:\n{1}"
            ).format(result.version, result.leader.fingerprint)
        QMessageBox.information(self, self.tr("Roster"), text)
        self.refresh()

    def closeEvent(self, event: Any) -> None:
        stop_workers(self)
        self.session.close()
        super().closeEvent(event)
