"""The main window: left navigation, campaign and court selectors, global search, pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6 import QtWidgets
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMenu, QWidget

from ..errors import UserError
from ..services.session import Session
from .forms.ui_main_window import Ui_MainWindow
from .pages.base import Page
from .workers import Worker, remember_key, run_with_progress, start_worker, stop_workers

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from ..services.packages import ImportResult
    from .pages.dashboard import CountTile, DashboardPage

# The dialogs and the services behind menu items are imported when first used, and Qt's dialog
# classes named through their module when first used: the window paints without them.

# where a search hit opens
OPENS_ON = {
    "case": "reviews",
    "review": "reviews",
    "review_answer": "reviews",
    "interview": "interviews",
    "attachment": "interviews",
    "problem": "problems",
    "rectification_item": "ledger",
    "item_event": "ledger",
    "lead": "leads",
    "court": "team",
    "member": "team",
    "campaign": "team",
}
MAX_RECENT = 8
BACKUP_DELAY_MS = 4000
# the work waiting for the first paint starts after this long even without one
AFTER_PAINT_LATEST_MS = 1000


def _page_class(key: str) -> type[Page]:
    if key == "dashboard":
        from .pages.dashboard import DashboardPage

        return DashboardPage
    if key == "reviews":
        from .pages.reviews import ReviewsPage

        return ReviewsPage
    if key == "interviews":
        from .pages.interviews import InterviewsPage

        return InterviewsPage
    if key == "problems":
        from .pages.problems import ProblemsPage

        return ProblemsPage
    if key == "ledger":
        from .pages.ledger import LedgerPage

        return LedgerPage
    if key == "leads":
        from .pages.leads import LeadsPage

        return LeadsPage
    from .pages.team import TeamPage

    return TeamPage


class _Pages(dict[str, Page]):
    """The window's pages by key, each built when first asked for and put in its place."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window

    def __missing__(self, key: str) -> Page:
        w = self.window
        index = w.page_keys.index(key)
        page = _page_class(key)(w)
        placeholder = w.ui.pages.widget(index)
        current = w.ui.pages.currentIndex()
        w.ui.pages.insertWidget(index, page)
        if placeholder is not None:
            w.ui.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        w.ui.pages.setCurrentIndex(current)
        page.changed.connect(w._changed)
        self[key] = page
        return page


class MainWindow(QMainWindow):
    """Runs on the GUI thread; owns the session it shows."""

    _closed = False

    def __init__(self, session: Session, *, fill_later: bool = False) -> None:
        """``fill_later``: paint first and fill the dashboard from a worker (the app's start)."""
        super().__init__()
        self.session = session
        self.settings = QSettings()
        # work that waits for the first paint at the app's start (None once painted)
        self._after_paint: list[Callable[[], object]] | None = [] if fill_later else None
        self._import_queue: list[Path] = []
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        # the pages are built (and their modules imported) when first shown; at the app's
        # start the dashboard is built once the window has painted
        self.pages = _Pages(self)
        titles = {
            "dashboard": self.tr("Dashboard"),
            "reviews": self.tr("File reviews"),
            "interviews": self.tr("Interviews and visits"),
            "problems": self.tr("Problems"),
            "ledger": self.tr("Rectification ledger"),
            "leads": self.tr("One case, two checks"),
            "team": self.tr("Team and settings"),
        }
        self.page_keys = list(titles)
        for key in self.page_keys:
            self.ui.pages.addWidget(QWidget())
            self.ui.navigation.addItem(QListWidgetItem(titles[key]))
        self.ui.navigation.currentRowChanged.connect(self._page_changed)
        self.ui.campaignCombo.currentIndexChanged.connect(self._context_changed)
        self.ui.courtCombo.currentIndexChanged.connect(self._context_changed)
        self.ui.searchEdit.returnPressed.connect(self.search)
        self.ui.searchEdit.setClearButtonEnabled(True)
        self.ui.searchEdit.setMinimumWidth(260)
        self.ui.navigation.setMinimumWidth(150)
        self.ui.navigation.setMaximumWidth(190)
        self._build_menus()
        # styled on its own: a window-wide style sheet would restyle every widget of every page
        self.ui.navigation.setStyleSheet(
            "QListWidget#navigation { font-size: 15px; }"
            "QListWidget#navigation::item { padding: 10px 6px; }"
        )
        self.resize(1280, 800)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._remember(session)
        # select the dashboard without a refresh of its own: it is filled once, below
        self.ui.navigation.blockSignals(True)
        self.ui.navigation.setCurrentRow(0)
        self.ui.navigation.blockSignals(False)
        if fill_later:
            self._fill_selectors()
            self.refresh_status()
            self.after_first_paint(self._show_dashboard)
        else:
            self.refresh()
        self.after_first_paint(self._index_in_background)
        self.after_first_paint(self._show_notice)
        if self._after_paint is not None:
            # a window kept from painting (started minimised) does the work all the same
            QTimer.singleShot(AFTER_PAINT_LATEST_MS, self, self._painted)

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the window has first painted (at once when it has, or when the
        window does not wait for its paint)."""
        if self._after_paint is None:
            work()
        else:
            self._after_paint.append(work)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint:
            QTimer.singleShot(0, self, self._painted)

    def _painted(self) -> None:
        work, self._after_paint = self._after_paint or [], None
        if self._closed:  # closed before it painted: its session is gone
            return
        for job in work:
            job()

    @property
    def closed(self) -> bool:
        """Closed, its session with it (late worker results are dropped)."""
        return self._closed

    def _show_dashboard(self) -> None:
        """At the app's start: the dashboard, its numbers counted by a worker."""
        self.dashboard.fill_later = True
        self._page_changed(self.ui.navigation.currentRow())

    def _index_in_background(self) -> None:
        """Bring the search index up to date and take the day's backup, without blocking."""
        from ..services.search import refresh_index

        path = self.session.workspace.path
        if path is not None:
            start_worker(Worker(path, lambda s, _progress: refresh_index(s)))
            # the day's backup waits until the window has settled
            QTimer.singleShot(BACKUP_DELAY_MS, self, self._daily_backup)

    def _daily_backup(self) -> None:
        from ..services.security import daily_backup

        path = self.session.workspace.path
        if path is not None and not self._closed:
            start_worker(Worker(path, lambda s, _progress: daily_backup(s)))

    # --- menus ------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # the first shortcut makes PySide6 build all of Qt's enums: after the first paint
            self.after_first_paint(lambda: action.setShortcut(QKeySequence(shortcut)))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&New workspace…"), self.new_workspace, "Ctrl+Shift+N")
        self._action(
            file, self.tr("&Open workspace…"), self.choose_workspace, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file.addMenu(self.tr("Recent workspaces"))
        file.addSeparator()
        self.password_action = self._action(
            file, self.tr("Change &password…"), self.change_password
        )
        self.escrow_action = self._action(
            file, self.tr("&Escrow the key to the team leader"), self.escrow
        )
        self._action(file, self.tr("&Backups…"), self.show_backups)
        self._action(file, self.tr("&Check workspace"), self.check_workspace)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self._action(edit, self.tr("&Find…"), self.focus_search, QKeySequence.StandardKey.Find)
        self._action(
            edit, self.tr("&New record"), lambda: self.current_page().new_record(), "Ctrl+N"
        )
        self._action(
            edit,
            self.tr("&Save"),
            lambda: self.current_page().save(),
            QKeySequence.StandardKey.Save,
        )
        view = bar.addMenu(self.tr("&View"))
        for i, key in enumerate(self.page_keys):
            self._action(
                view,
                self.ui.navigation.item(i).text(),
                lambda _=False, k=key: self.show_page(k),
                f"Ctrl+{i + 1}",
            )
        reports = bar.addMenu(self.tr("&Reports"))
        self._action(reports, self.tr("Import case &list…"), self.import_cases)
        self._action(reports, self.tr("&Sample cases…"), self.sample)
        reports.addSeparator()
        self._action(reports, self.tr("&Export reports…"), self.export_reports, "Ctrl+Shift+E")
        sync = bar.addMenu(self.tr("&Packages"))
        self.export_action = self._action(
            sync, self.tr("&Export ledger package…"), self.choose_export, "Ctrl+E"
        )
        self.import_action = self._action(
            sync, self.tr("&Import ledger packages…"), self.choose_import, "Ctrl+I"
        )
        self.conflicts_action = self._action(sync, self.tr("&Conflicts…"), self.show_conflicts)
        sync.addSeparator()
        self._action(sync, self.tr("Export identity card or &roster…"), self.choose_roster_export)
        self._action(sync, self.tr("Import roster or identity &card…"), self.choose_roster_import)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            self._action(
                self.recent_menu, path, lambda _=False, p=path: self.open_workspace(Path(p))
            )
        self.recent_menu.setEnabled(bool(self.recent()))

    def recent(self) -> list[str]:
        value: Any = self.settings.value("recent_workspaces", [])
        items = [value] if isinstance(value, str) else [str(v) for v in value or []]
        return [p for p in items if Path(p).exists()]

    def _remember(self, session: Session) -> None:
        if session.workspace.path is None:
            return
        remember_key(session.workspace.path, session.workspace.key)
        if hasattr(self, "password_action"):
            self.password_action.setEnabled(session.workspace.encrypted)
            self.escrow_action.setEnabled(session.workspace.encrypted)
        path = str(session.workspace.path)
        items = [path, *[p for p in self.recent() if p != path]][:MAX_RECENT]
        self.settings.setValue("recent_workspaces", items)
        self.settings.setValue("last_workspace", path)

    # --- pages and context ------------------------------------------------------------
    @property
    def dashboard(self) -> DashboardPage:
        return cast("DashboardPage", self.pages["dashboard"])

    @property
    def tiles(self) -> dict[str, CountTile]:
        return self.dashboard.tiles

    def current_page(self) -> Page:
        return self.pages[self.page_keys[self.ui.navigation.currentRow()]]

    def show_page(self, key: str) -> Page:
        self.ui.navigation.setCurrentRow(self.page_keys.index(key))
        return self.pages[key]

    def _page_changed(self, row: int) -> None:
        self.ui.pages.setCurrentIndex(row)
        page = self.current_page()
        page.set_context(self.ui.campaignCombo.currentData(), self.ui.courtCombo.currentData())
        page.refresh()

    def _fill_selectors(self) -> None:
        from ..services.team import campaigns, courts

        for combo, entries, blank in (
            (self.ui.campaignCombo, [(c["name"], c["id"]) for c in campaigns(self.session)], None),
            (
                self.ui.courtCombo,
                [(c["name"], c["id"]) for c in courts(self.session)],
                self.tr("All courts"),
            ),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if blank:
                combo.addItem(blank, None)
            for text, data in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)
        self.ui.campaignCombo.setMinimumWidth(260)
        self.ui.courtCombo.setMinimumWidth(220)

    def _context_changed(self) -> None:
        self._page_changed(self.ui.navigation.currentRow())

    def clear_court_filter(self) -> None:
        self.ui.courtCombo.setCurrentIndex(0)

    def _changed(self) -> None:
        self._fill_selectors()
        self.refresh_status()

    def refresh(self) -> None:
        self._fill_selectors()
        self._page_changed(self.ui.navigation.currentRow())
        self.refresh_status()

    def refresh_status(self) -> None:
        path = self.session.workspace.path
        name = path.name if path else self.tr("(in memory)")
        self.setWindowTitle(self.tr("Inspection Ledger — {0}").format(name))
        member = self.session.member()
        who = member["name"] if member else self.tr("not set")
        self.status_label.setText(
            self.tr("Workspace: {0}    Current member: {1}").format(str(path or name), who)
        )

    def open_record(self, record_type: str, record_id: str) -> None:
        page = self.show_page(OPENS_ON.get(record_type, "dashboard"))
        page.open_record(record_type, record_id)

    # --- case lists and reports --------------------------------------------------------
    def import_cases(self) -> None:
        from .report_dialogs import CaseImportDialog

        self.case_import_dialog = CaseImportDialog(
            self.session, self, court_id=self.ui.courtCombo.currentData()
        )
        self.case_import_dialog.finished.connect(lambda _code: self.refresh())
        self.case_import_dialog.open()

    def sample(self) -> None:
        from .report_dialogs import SamplingDialog

        self.sampling_dialog = SamplingDialog(
            self.session, self, campaign_id=self.ui.campaignCombo.currentData()
        )
        self.sampling_dialog.finished.connect(lambda _code: self.refresh())
        self.sampling_dialog.open()

    def export_reports(self) -> None:
        from .report_dialogs import ReportDialog

        self.report_dialog = ReportDialog(self.session, self)
        self.report_dialog.open()

    # --- search -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def search(self) -> None:
        from ..services.search import global_search
        from .search_dialog import SearchDialog

        query = self.ui.searchEdit.text().strip()
        if not query:
            return
        groups = global_search(self.session, query=query)
        self.search_dialog = SearchDialog(query, groups, self)
        self.search_dialog.chosen.connect(self.open_record)
        self.search_dialog.open()

    # --- workspaces -------------------------------------------------------------------
    def choose_workspace(self) -> None:
        start = str(self.session.workspace.path.parent) if self.session.workspace.path else ""
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open workspace"), start, self.tr("Workspaces (*.ledger);;All files (*)")
        )
        if chosen:
            self.open_workspace(Path(chosen))

    def open_workspace(self, path: Path) -> bool:
        from .security_dialogs import open_interactively

        try:
            session = open_interactively(path, self)
        except UserError as e:
            QtWidgets.QMessageBox.warning(self, self.tr("Cannot open workspace"), str(e))
            return False
        if session is None:
            return False
        self._switch(session)
        return True

    def new_workspace(self) -> None:
        from ..services.workspaces import create_workspace
        from .dialogs import NewWorkspaceDialog

        folder = self.session.workspace.path.parent if self.session.workspace.path else Path.home()
        dialog = NewWorkspaceDialog(folder, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        try:
            session = create_workspace(
                v["path"],
                member_name=v["member_name"],
                unit=v["unit"],
                role=v["role"],
                password=v["password"],
            )
        except UserError as e:
            QtWidgets.QMessageBox.warning(self, self.tr("Cannot create workspace"), str(e))
            return
        self._switch(session)

    def _switch(self, session: Session) -> None:
        stop_workers(self)
        self.session.close()
        self.session = session
        self._switch_view()

    def _switch_view(self) -> None:
        session = self.session
        self._remember(session)
        self._fill_recent()
        self.refresh()
        self._index_in_background()
        self._show_notice()

    def _show_notice(self) -> None:
        """What happened to the workspace since it was last open here (restored from a backup,
        copied from another laptop), once, without stopping the user (GUI thread)."""
        from ..services.session import take_notice

        text = take_notice(self.session)
        if not text:
            return
        self.statusBar().showMessage(text, 30_000)
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Information, self.tr("Workspace"), text, parent=self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- packages ---------------------------------------------------------------------

    @property
    def workspace_path(self) -> Path:
        path = self.session.workspace.path
        assert path is not None, "the desktop app always works on a file"
        return path

    def _error(self, title: str, message: str) -> None:
        QtWidgets.QMessageBox.warning(self, title, message)

    def choose_export(self) -> None:
        from ..services.packages import default_package_name
        from ..services.roster import trusted_identities

        people = [
            i
            for i in trusted_identities(self.session).values()
            if i.device_id != self.session.device_id
        ]
        names = [self.tr("Everything (full package)")]
        names += [self.tr("Only what {0} has not received").format(p.name) for p in people]
        choice, ok = QtWidgets.QInputDialog.getItem(
            self, self.tr("Export ledger package"), self.tr("Contents:"), names, 0, False
        )
        if not ok:
            return
        index = names.index(choice)
        recipient = people[index - 1].member_id if index > 0 else None
        start = str(self.workspace_path.parent / default_package_name(self.session))
        target, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export ledger package"), start, self.tr("Ledger packages (*.ledgerpkg)")
        )
        if target:
            self.export_to(Path(target), recipient)

    def export_to(self, target: Path, recipient: str | None = None) -> None:
        from ..services.packages import export_package

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
        chosen, _ = QtWidgets.QFileDialog.getOpenFileNames(
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
        from ..services.packages import preview_import

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
        from ..services.packages import import_package
        from ..services.search import refresh_index
        from .sync_dialogs import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, self)
        self.preview_dialog = dialog
        if preview.already_imported or preview.new_revisions == 0:
            dialog.ui.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        def job(s: Session, progress: Any) -> Any:
            result = import_package(s, path=path, progress=progress)
            refresh_index(s)
            return result

        def imported(result: Any) -> None:
            self._done(result.summary())
            self._import_next()

        def failed(message: str) -> None:
            self._error(self.tr("Import failed"), message)
            self._import_next()

        def decided(code: int) -> None:
            if code == QtWidgets.QDialog.DialogCode.Accepted:
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
        from .sync_dialogs import ConflictsDialog

        dialog = ConflictsDialog(self.session, self)
        self.conflicts_dialog = dialog
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()

    def choose_roster_export(self) -> None:
        from ..services.roster import export_identity_card, export_roster, my_identity

        me = my_identity(self.session)
        leader = me.role == "leader"
        title = self.tr("Sign the team roster") if leader else self.tr("Export my identity card")
        suffix = "roster" if leader else "card"
        start = str(self.workspace_path.parent / f"{me.name}.{suffix}")
        target, _ = QtWidgets.QFileDialog.getSaveFileName(self, title, start)
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
        QtWidgets.QMessageBox.information(self, title, text)

    def choose_roster_import(self) -> None:
        from ..services.roster import import_roster_file

        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
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
        QtWidgets.QMessageBox.information(self, self.tr("Roster"), text)
        self.refresh()

    # --- security -----------------------------------------------------------------------
    def change_password(self) -> None:
        from ..services.security import change_password
        from .security_dialogs import ChangePasswordDialog

        dialog = ChangePasswordDialog(self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        try:
            change_password(self.session, old=dialog.old.text(), new=dialog.new.text())
        except UserError as e:
            QtWidgets.QMessageBox.warning(self, dialog.windowTitle(), str(e))
            return
        QtWidgets.QMessageBox.information(
            self, dialog.windowTitle(), self.tr("The password was changed.")
        )

    def escrow(self) -> None:
        from ..services.security import escrow_to_leader

        title = self.tr("Escrow the key")
        try:
            leader = escrow_to_leader(self.session)
        except UserError as e:
            QtWidgets.QMessageBox.warning(self, title, str(e))
            return
        QtWidgets.QMessageBox.information(
            self,
            title,
            self.tr(
                "A copy of the workspace key, readable only on %1's laptop, is now in the key "
                "file. If you forget the password, the leader can set a new one."
            ).replace("%1", leader),
        )

    def show_backups(self) -> None:
        from ..services.security import restore_backup
        from ..services.session import open_session
        from .security_dialogs import BackupsDialog

        dialog = BackupsDialog(self.session, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.restore_from is None:
            return
        path, key = self.workspace_path, self.session.workspace.key
        stop_workers(self)
        self.session.close()
        try:
            safety = restore_backup(path, dialog.restore_from.path, key=key)
            message = self.tr("Restored. The state before restoring was saved as %1.").replace(
                "%1", safety.path.name
            )
        except UserError as e:
            message = str(e)
        self.session = open_session(path, key=key)
        self._switch_view()
        QtWidgets.QMessageBox.information(self, dialog.windowTitle(), message)

    def check_workspace(self) -> None:
        from ..services.security import verify_workspace

        title = self.tr("Check workspace")

        def done(report: Any) -> None:
            if report.ok:
                QtWidgets.QMessageBox.information(
                    self,
                    title,
                    self.tr(
                        "The workspace is intact: every page and the structure check out, and "
                        "the change history of %1 laptops (%2 changes) is unbroken."
                    )
                    .replace("%1", str(report.devices))
                    .replace("%2", str(report.revisions)),
                )
            else:
                QtWidgets.QMessageBox.critical(self, title, "\n".join(report.problems[:20]))

        run_with_progress(
            self,
            self.workspace_path,
            lambda s, _progress: verify_workspace(s),
            title,
            done,
            lambda message: self._error(title, message),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.settings.setValue("geometry", self.saveGeometry())
        stop_workers(self)
        self.session.close()
        super().closeEvent(event)
