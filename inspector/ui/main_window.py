"""The main window: left navigation, campaign and court selectors, global search, pages.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMenu, QWidget

from ..services.session import Session
from . import ops
from .actions.packages import PackageActions
from .actions.security import SecurityActions
from .actions.workspaces import WorkspaceActions
from .forms.ui_main_window import Ui_MainWindow
from .notice import NoticeBar
from .pages.base import Page
from .screen import place_window
from .view_state import ViewStates

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QResizeEvent

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
NAV_FONT_PX = 15
BACKUP_DELAY_MS = 4000
# the work waiting for the first paint starts after this long even without one
AFTER_PAINT_LATEST_MS = 1000


#: a while after the first paint, the pages' modules are loaded, one per turn of the event
#: loop, so that a page's first visit does not wait for its import
WARM_UP_AFTER_MS = 1500


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


class PageHolder(QtWidgets.QScrollArea):
    """Holds a page: as large as the room it has, and never smaller than the page can be laid
    out in (then it scrolls). Unlike a resizable scroll area it gives a page whose rows wrap
    (height for width) the room there is, not the height of every list's preferred size."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pageHolder")
        self.setWidgetResizable(False)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit_page)
        return super().eventFilter(watched, event)

    def fit_page(self) -> None:
        page = self.widget()
        if page is None:
            return
        room = self.maximumViewportSize()
        width = max(room.width(), page.minimumSizeHint().width())
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            least = layout.minimumHeightForWidth(width)
        else:
            least = page.minimumSizeHint().height()
        width = max(room.width(), page.minimumSizeHint().width())
        if least > room.height() and width == room.width():
            # a vertical scroll bar takes some of the width
            width -= self.verticalScrollBar().sizeHint().width()
        page.resize(width, max(room.height(), least))


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
        # a page taller or wider than a small screen scrolls rather than pushing the window
        # off it (each page also fits its own lists into the room it has)
        holder = PageHolder()
        holder.setWidget(page)
        w.ui.pages.insertWidget(index, holder)
        if placeholder is not None:
            w.ui.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        w.ui.pages.setCurrentIndex(current)
        page.changed.connect(w._changed)
        self[key] = page
        w.views.built(key, page)  # this workspace's filters
        return page


class MainWindow(QMainWindow):
    """Runs on the GUI thread; owns the session it shows."""

    _closed = False
    #: its session went on in another window (see ``court_window.hand_over``)
    _handed_over = False

    def __init__(self, session: Session, *, fill_later: bool = False) -> None:
        """``fill_later``: paint first and fill the dashboard from a worker (the app's start)."""
        super().__init__()
        self.session = session
        self.settings = QSettings()
        # work that waits for the first paint at the app's start (None once painted)
        self._after_paint: list[Callable[[], object]] | None = [] if fill_later else None
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # paths and names as typed
        self.statusBar().addPermanentWidget(self.status_label)
        self.notice = NoticeBar(self)
        self.ui.centralLayout.insertWidget(1, self.notice)
        self.demo_banner = self._demo_banner()
        self.ui.centralLayout.insertWidget(1, self.demo_banner)
        self.packages = PackageActions(self)
        self.security = SecurityActions(self)
        self.workspaces = WorkspaceActions(self)
        self.conflicts_dialog: QtWidgets.QDialog | None = None
        self.search_dialog: QtWidgets.QDialog | None = None
        ops.add_listener(self.apply_changes, owner=self)
        # the pages are built (and their modules imported) when first shown; at the app's
        # start the dashboard is built once the window has painted
        self.views = ViewStates(self.settings)
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
        self.ui.navigation.currentRowChanged.connect(self._navigated)
        self.ui.campaignCombo.currentIndexChanged.connect(self._context_changed)
        self.ui.courtCombo.currentIndexChanged.connect(self._context_changed)
        #: the page on show and the campaign and court it shows (to go back to on 取消)
        self._shown_row = 0
        self._shown_context: tuple[Any, Any] = (None, None)
        self.ui.searchEdit.returnPressed.connect(self.search)
        self.ui.searchEdit.setClearButtonEnabled(True)
        self.ui.searchEdit.setMinimumWidth(160)
        # as wide as its longest label needs, no wider: a small screen's width goes to the pages
        nav_font = QFont(self.ui.navigation.font())
        nav_font.setPixelSize(NAV_FONT_PX)
        longest = max(QFontMetrics(nav_font).horizontalAdvance(t) for t in titles.values())
        self.ui.navigation.setFixedWidth(longest + 40)
        self._build_menus()
        # styled on its own: a window-wide style sheet would restyle every widget of every page
        self.ui.navigation.setStyleSheet(
            f"QListWidget#navigation {{ font-size: {NAV_FONT_PX}px; }}"
            "QListWidget#navigation::item { padding: 10px 6px; }"
        )
        place_window(self, self.settings.value("geometry"))
        self._remember(session)
        self.ui.searchEdit.setText(self.views.load(session.workspace.path, {}))
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
        self._show_demo_banner()
        self.after_first_paint(self._index_in_background)
        self.after_first_paint(self._show_notice)
        self.after_first_paint(lambda: QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up))
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

    def _warm_up(self, keys: list[str] | None = None) -> None:
        """Load the next page module not loaded yet (GUI thread, idle time)."""
        if self._closed:
            return
        todo = [k for k in self.page_keys if k not in self.pages] if keys is None else keys
        if todo:
            _page_class(todo[0])
            QTimer.singleShot(0, self, lambda: self._warm_up(todo[1:]))

    def _index_in_background(self) -> None:
        """Bring the search index up to date and take the day's backup, without blocking."""
        from ..services.search import refresh_index

        if self.session.workspace.path is not None:
            ops.Op(self, lambda s, _progress: refresh_index(s), workspace=self.session).failure(
                self._background_failed
            ).run()
            # the day's backup waits until the window has settled
            QTimer.singleShot(BACKUP_DELAY_MS, self, self._daily_backup)

    def _daily_backup(self) -> None:
        from ..services.security import daily_backup

        if self.session.workspace.path is not None and not self._closed:
            ops.Op(self, lambda s, _progress: daily_backup(s), workspace=self.session).failure(
                self._background_failed
            ).run()

    def _background_failed(self, error: BaseException) -> None:
        """Work the user did not ask for (indexing, the day's backup) says so in the notice
        bar instead of interrupting (a bug still goes to the log)."""
        _users, text = ops.describe_failure(error)
        self.notify(text, kind="warning")

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
        self._action(
            file, self.tr("&New workspace…"), self.workspaces.new_workspace, "Ctrl+Shift+N"
        )
        self._action(
            file,
            self.tr("&Open workspace…"),
            self.workspaces.choose_workspace,
            QKeySequence.StandardKey.Open,
        )
        self.recent_menu = file.addMenu(self.tr("Recent workspaces"))
        file.addSeparator()
        self.password_action = self._action(
            file, self.tr("Change &password…"), self.security.change_password
        )
        self.escrow_action = self._action(
            file, self.tr("&Escrow the key to the team leader"), self.security.escrow
        )
        self._action(file, self.tr("&Backups…"), self.security.show_backups)
        self._action(file, self.tr("&Check workspace"), self.security.check_workspace)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            edit, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo
        )
        edit.aboutToShow.connect(self._update_undo)
        edit.addSeparator()
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
        self._action(reports, self.tr("System &check of every case…"), self.system_check)
        self._action(reports, self.tr("Court fill-in &workbook…"), self.court_workbook)
        self._action(reports, self.tr("Feedback &drafts…"), self.edit_feedback)
        self._action(reports, self.tr("Progress by &court…"), self.court_progress)
        reports.addSeparator()
        self._action(reports, self.tr("&Export reports…"), self.export_reports, "Ctrl+Shift+E")
        sync = bar.addMenu(self.tr("&Packages"))
        self.export_action = self._action(
            sync, self.tr("&Export ledger package…"), self.packages.choose_export, "Ctrl+E"
        )
        self.import_action = self._action(
            sync, self.tr("&Import ledger packages…"), self.packages.choose_import, "Ctrl+I"
        )
        self.conflicts_action = self._action(
            sync, self.tr("&Conflicts…"), self.packages.show_conflicts
        )
        self.proposals_action = self._action(
            sync, self.tr("Courts' &plans to decide…"), self.show_proposals
        )
        self._action(
            sync, self.tr("Rectification package for a &court…"), self.export_court_package
        )
        sync.addSeparator()
        self._action(
            sync, self.tr("Export identity card or &roster…"), self.packages.choose_roster_export
        )
        self._action(
            sync, self.tr("Import roster or identity &card…"), self.packages.choose_roster_import
        )
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            self._action(
                self.recent_menu,
                path,
                lambda _=False, p=path: self.workspaces.open_workspace(Path(p)),
            )
        self.recent_menu.setEnabled(bool(self.recent()))

    def recent(self) -> list[str]:
        value: Any = self.settings.value("recent_workspaces", [])
        items = [value] if isinstance(value, str) else [str(v) for v in value or []]
        return [p for p in items if Path(p).exists()]

    def _remember(self, session: Session) -> None:
        if session.workspace.path is None:
            return
        ops.remember_key(session.workspace.path, session.workspace.key)
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

    def _navigated(self, row: int) -> None:
        """The user picked another page: the one on show may first have to save."""
        if row == self._shown_row:
            return
        if not self.pages[self.page_keys[self._shown_row]].confirm_leave():
            self.ui.navigation.blockSignals(True)
            self.ui.navigation.setCurrentRow(self._shown_row)
            self.ui.navigation.blockSignals(False)
            return
        self._page_changed(row)

    def _page_changed(self, row: int) -> None:
        self._shown_row = row
        self._shown_context = (
            self.ui.campaignCombo.currentData(),
            self.ui.courtCombo.currentData(),
        )
        self.ui.pages.setCurrentIndex(row)
        page = self.current_page()
        page.set_context(*self._shown_context)
        page.refresh()

    def confirm_leave_all(self) -> bool:
        """Before the workspace is let go (another one opened, a restore, quitting): every page
        with unsaved changes asks 保存 / 不保存 / 取消; False when the user stays."""
        current = self.page_keys[self.ui.navigation.currentRow()]
        order = [current, *[k for k in self.pages if k != current]]
        for key in order:
            page = self.pages.get(key)
            if page is None or page.unsaved() is None:
                continue
            if key != current:
                self.show_page(key)
            if not page.confirm_leave():
                return False
        return True

    # --- undo -------------------------------------------------------------------------
    def _update_undo(self) -> None:
        from ..services.editing import undo_label

        label = undo_label(self.session)
        self.undo_action.setEnabled(label is not None)
        self.undo_action.setText(self.tr("&Undo {0}").format(label) if label else self.tr("&Undo"))

    def undo(self) -> None:
        """Edit → 撤销: the last edit or delete made here, taken back as a new revision."""
        from ..errors import UserError
        from ..services.editing import undo

        if not self.current_page().confirm_leave():
            return
        try:
            step = undo(self.session)
        except UserError as e:
            self.notify(str(e), kind="warning")
            return
        self.notify(self.tr("Undone: {0}").format(step.label))
        self._changed()
        self.current_page().refresh()

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
        for combo, chars in ((self.ui.campaignCombo, 18), (self.ui.courtCombo, 12)):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(
                QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )

    def _context_changed(self) -> None:
        context = (self.ui.campaignCombo.currentData(), self.ui.courtCombo.currentData())
        if context == self._shown_context:
            return
        if not self.current_page().confirm_leave():
            for combo, data in zip(
                (self.ui.campaignCombo, self.ui.courtCombo), self._shown_context, strict=True
            ):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(data)))
                combo.blockSignals(False)
            return
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
        # the platform adds the app's name (its display name) after the workspace's
        self.setWindowTitle(name)
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

    def system_check(self) -> None:
        from .system_check_dialog import SystemCheckDialog

        self.system_check_dialog = SystemCheckDialog(
            self.session, self, campaign_id=self.ui.campaignCombo.currentData()
        )
        self.system_check_dialog.open()

    def _choose_court(self, title: str, *, combined: str = "") -> dict[str, Any] | None:
        """A court picked from the list (the one the window shows first); None: cancelled.
        With ``combined`` that choice comes first, as a court with no id."""
        from ..services.team import courts

        listed = courts(self.session)
        if not listed:
            QtWidgets.QMessageBox.information(self, title, self.tr("There are no courts yet."))
            return None
        if combined:
            listed = [{"id": None, "name": combined}, *listed]
        names = [c["name"] for c in listed]
        current = self.ui.courtCombo.currentData()
        first = next((n for n, c in enumerate(listed) if c["id"] == current), 0)
        name, ok = QtWidgets.QInputDialog.getItem(
            self, title, self.tr("Court:"), names, first, False
        )
        return listed[names.index(name)] if ok else None

    def court_progress(self) -> None:
        """Each inspected court's items over time."""
        from .court_progress_dialog import CourtProgressDialog

        self.court_progress_dialog = CourtProgressDialog(self.session, self)
        self.court_progress_dialog.open()

    def edit_feedback(self) -> None:
        """The team edits the court's feedback draft (drafted from the ledger when new)."""
        from .document_dialog import DocumentDialog

        court = self._choose_court(
            self.tr("Feedback drafts"), combined=self.tr("All courts (the combined feedback)")
        )
        if court is None:
            return
        self.document_dialog = DocumentDialog(self.session, court["id"], self)
        self.document_dialog.finished.connect(lambda _code: self.refresh())
        self.document_dialog.open()

    def show_proposals(self) -> None:
        """The inspected courts' plans waiting for the leader (accept / return)."""
        from .proposals_dialog import ProposalsDialog

        self.proposals_dialog = ProposalsDialog(self.session, self)
        self.proposals_dialog.finished.connect(lambda _code: self.refresh())
        self.proposals_dialog.open()

    def export_court_package(self) -> None:
        """The leader's rectification package for one inspected court, sealed to its liaison."""
        from .operations.packages import export_court_package

        title = self.tr("Rectification package for a court")
        court = self._choose_court(title)
        if court is None:
            return
        start = str(self.default_folder() / f"{court['name']}-整改包.ledgerpkg")
        target, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, title, start, self.tr("Ledger packages (*.ledgerpkg)")
        )
        if not target:
            return
        export_court_package(self, self.session, court=court["id"], path=Path(target)).success(
            lambda result: self.notify(
                self.tr(
                    "Rectification package “{0}” written: only {1}'s laptop can open it. It "
                    "holds this court's feedback, problems and items, nothing of other courts."
                ).format(result.path.name, "、".join(result.recipients[1:])),
                folder=result.path.parent,
            )
        ).run()

    def court_workbook(self) -> None:
        from .court_workbook_dialog import CourtWorkbookDialog

        self.court_workbook_dialog = CourtWorkbookDialog(
            self.session, self, court_id=self.ui.courtCombo.currentData()
        )
        self.court_workbook_dialog.open()

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

        def found(groups: Any) -> None:
            self.search_dialog = SearchDialog(query, groups, self)
            self.search_dialog.chosen.connect(self.open_record)
            self.search_dialog.open()

        ops.Op(
            self,
            lambda s, _progress: global_search(s, query=query),
            workspace=self.session,
            title=self.tr("Search"),
        ).bound_to(lambda: self.ui.searchEdit.text().strip()).success(found).run()

    # --- workspaces -------------------------------------------------------------------
    def choose_workspace(self) -> None:
        self.workspaces.choose_workspace()

    def open_workspace(self, path: Path) -> bool:
        return self.workspaces.open_workspace(path)

    def new_workspace(self) -> None:
        self.workspaces.new_workspace()

    def switch_to(self, session: Session) -> None:
        """Show another workspace (its session handed over to the window)."""
        self.release_workspace()
        self.session = session
        if self._to_court_window():
            return
        self._switch_view()

    def _to_court_window(self) -> bool:
        """An inspected court's liaison's workspace: shown in the court's window instead."""
        if self.session.court_id() is None:
            return False
        from .court_window import CourtWindow, hand_over

        hand_over(self, CourtWindow(self.session, team_window=MainWindow))
        return True

    def release_workspace(self) -> None:
        """Let go of the workspace: every op cancelled and waited for, the session closed (before
        a restore, a new password, another workspace)."""
        ops.cancel_all()
        self._save_view()
        self.session.close()

    def _save_view(self) -> None:
        """This workspace's filters and search text, for when it is opened again."""
        self.views.save(self.session.workspace.path, dict(self.pages), self.ui.searchEdit.text())

    def reopen(self, path: Path, key: bytes | None) -> None:
        """Open the workspace again after :meth:`release_workspace`."""
        from ..services.session import open_session

        self.session = open_session(path, key=key)
        if self._to_court_window():
            return
        self._switch_view()

    def _switch_view(self) -> None:
        session = self.session
        self._remember(session)
        self._fill_recent()
        self.ui.searchEdit.setText(self.views.load(session.workspace.path, dict(self.pages)))
        self.refresh()
        self._index_in_background()
        self._show_notice()

    def _demo_banner(self) -> QtWidgets.QFrame:
        """Says that the workspace holds made-up data, with the way to a real one."""
        banner = QtWidgets.QFrame()
        banner.setObjectName("demoBanner")
        banner.setStyleSheet(
            "QFrame#demoBanner { background: #e3f2fd; border: 1px solid #90caf9; }"
        )
        row = QtWidgets.QHBoxLayout(banner)
        row.setContentsMargins(8, 0, 2, 0)
        row.setSpacing(4)
        text = QLabel(self.tr("Demo workspace: its courts, cases and people are made up."))
        text.setToolTip(self.tr("Try anything here; for a real inspection, create a workspace."))
        row.addWidget(text, 1)
        start = QtWidgets.QToolButton()
        start.setText(self.tr("New inspection workspace…"))
        start.setObjectName("demoNewWorkspace")
        start.clicked.connect(self.new_workspace)
        row.addWidget(start)
        close = QtWidgets.QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Close"))
        close.setAutoRaise(True)
        close.clicked.connect(banner.hide)
        row.addWidget(close)
        banner.hide()
        return banner

    def _show_demo_banner(self) -> None:
        from ..services.session import is_demo

        self.demo_banner.setVisible(is_demo(self.session))

    def _show_notice(self) -> None:
        """What happened to the workspace since it was last open here (restored from a backup,
        copied from another laptop), once, in the notice bar."""
        from ..services.session import take_notice

        self._show_demo_banner()
        text = take_notice(self.session)
        if text:
            self.notify(text, kind="warning")
        self.packages.check_unauthorized()

    # --- results ----------------------------------------------------------------------
    def notify(
        self,
        text: str,
        *,
        folder: Path | None = None,
        kind: str = "info",
        action: tuple[str, Callable[[], object]] | None = None,
    ) -> None:
        """Show what an action produced where the eye is (the notice bar above the pages),
        with 打开文件夹 when it wrote files (or another ``action``), and in the status bar."""
        self.notice.show_notice(text, folder=folder, kind=kind, action=action)
        self.statusBar().showMessage(text, 30_000)

    def default_folder(self) -> Path:
        """Where packages, cards and reports go unless the user picks elsewhere: a folder
        the user sees, Documents/巡查台账 (the demo workspace lives in the hidden data
        folder)."""
        from ..paths import documents_dir

        return documents_dir()

    def apply_changes(self, changes: ops.Changes) -> None:
        """An op changed the ledger: refresh the selectors when courts or campaigns changed,
        the status, and the page on show when it shows what changed (GUI thread)."""
        if self._closed:
            return
        if changes.everything or changes.types & {"court", "campaign", "member"}:
            self._fill_selectors()
        self.refresh_status()
        page = self.current_page()
        if changes.affects(getattr(page, "SHOWS", None)):
            page.refresh()

    # --- packages (see actions/packages.py) ------------------------------------------
    @property
    def workspace_path(self) -> Path:
        path = self.session.workspace.path
        assert path is not None, "the desktop app always works on a file"
        return path

    def export_to(self, target: Path, recipient: str | None = None) -> None:
        self.packages.export_to(target, recipient)

    def import_packages(self, paths: list[Path]) -> None:
        self.packages.import_packages(paths)

    @property
    def preview_dialog(self) -> QtWidgets.QDialog | None:
        return self.packages.preview_dialog

    def show_conflicts(self) -> None:
        self.packages.show_conflicts()

    # --- security (see actions/security.py) ------------------------------------------
    def show_backups(self) -> None:
        self.security.show_backups()

    def check_workspace(self) -> None:
        self.security.check_workspace()

    def restart_app(self) -> bool:
        """Close (asking about unsaved changes first) and start the app again on this
        workspace; False when the user kept the window open."""
        import sys

        from PySide6.QtCore import QProcess

        path = self.session.workspace.path
        if not self.close():
            return False
        frozen = getattr(sys, "frozen", False)
        program = sys.executable
        # a frozen build is the program itself; otherwise Python runs the script it ran
        args = [] if frozen or not sys.argv or not sys.argv[0] else [sys.argv[0]]
        QProcess.startDetached(program, [*args, *([str(path)] if path else [])])
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.quit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and not self._handed_over and not self.confirm_leave_all():
            event.ignore()
            return
        self._closed = True
        self.settings.setValue("geometry", self.saveGeometry())
        ops.remove_listener(self.apply_changes)
        if not self._handed_over:  # else the session goes on in the other window
            ops.cancel_all()
            self._save_view()
            self.session.close()
        super().closeEvent(event)
