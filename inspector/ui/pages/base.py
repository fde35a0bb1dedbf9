"""What every page of the main window offers the window.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QTableView, QWidget

from ...errors import UserError
from ...services.session import Session
from .. import unsaved


class Host(Protocol):
    """What a page asks of the window that shows it (the main window is one)."""

    session: Session

    @property
    def closed(self) -> bool: ...

    def after_first_paint(self, work: Callable[[], object]) -> None: ...

    def clear_court_filter(self) -> None: ...

    def notify(self, text: str, *, folder: Any = None, kind: str = "info") -> None: ...

    def open_record(self, record_type: str, record_id: str) -> None: ...

    def show_page(self, key: str) -> Page: ...

    def restart_app(self) -> bool: ...


class Page(QWidget):
    """A page: refreshes from the window's session; Ctrl+N and Ctrl+S act on it."""

    #: emitted after the page changed the ledger, so other pages refresh
    changed = Signal()
    #: the record types the page shows (None: anything); an op that changes one refreshes it
    SHOWS: frozenset[str] | None = None

    def __init__(self, window: Host) -> None:
        super().__init__()
        self.window_ = window
        # filters and forms built by the page's form are made compact after it is set up
        QTimer.singleShot(0, self, lambda: compact_combos(self))
        self.campaign_id: str | None = None
        self.court_id: str | None = None

    @property
    def session(self) -> Session:
        return self.window_.session

    def wrap_rows(self, *names: str) -> None:
        """The form's rows of filters or buttons wrap on a narrow window (see ``ui/flow.py``)."""
        from ..flow import reflow

        for name in names:
            reflow(getattr(self.ui, name))  # type: ignore[attr-defined]  # each page's form

    def set_context(self, campaign_id: str | None, court_id: str | None) -> None:
        self.campaign_id, self.court_id = campaign_id, court_id

    def refresh(self) -> None:
        """Reload from the workspace."""

    def new_record(self) -> None:
        """Ctrl+N."""

    def save(self) -> object:
        """Ctrl+S: save what the page's editor holds; falsy when it could not."""
        return True

    def unsaved(self) -> str | None:
        """What the page's editor holds that is not saved (for the question), None if nothing."""
        return None

    def discard(self) -> None:
        """Throw away the editor's unsaved changes (show the saved record again)."""

    def confirm_leave(self) -> bool:
        """Before anything replaces what the editor shows: True when it may go on (nothing
        unsaved, saved, or thrown away at the user's word); False to stay."""
        what = self.unsaved()
        if what is None:
            return True
        choice = unsaved.ask(self, what)
        if choice is unsaved.Choice.SAVE:
            return bool(self.save()) and self.unsaved() is None
        if choice is unsaved.Choice.DISCARD:
            self.discard()
            return True
        return False

    def open_record(self, record_type: str, record_id: str) -> None:
        """Show a record found by search."""

    def attempt(self, title: str, call: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Run a service call: its result (True when it returns nothing), or None after
        showing a user error in a message box."""
        try:
            result = call(*args, **kwargs)
        except UserError as e:
            QtWidgets.QMessageBox.warning(self, title, str(e))
            return None
        return True if result is None else result


def compact_combos(widget: QWidget, chars: int = 8) -> None:
    """Combo boxes no wider than ``chars`` characters need, unless there is room: a row of
    filters fits a 911-pixel-wide screen whatever the longest court or category name."""
    for combo in widget.findChildren(QtWidgets.QComboBox):
        combo.setMinimumContentsLength(chars)
        combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )


def setup_table(view: QTableView, model: Any, stretch: int | None = None) -> None:
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
    # size columns from the rows near the top, not from a thousand rows of a big list
    header.setResizeContentsPrecision(60)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    reloaded = getattr(model, "reloaded", None)
    if reloaded is not None:
        fitted: list[bool] = []

        def fit_once() -> None:
            # sized from the first rows shown; later filters keep the user's widths
            if not fitted and model.rowCount():
                fit_columns(view, stretch)
                fitted.append(True)

        reloaded.connect(fit_once)


def fit_columns(view: QTableView, stretch: int | None, cap: int = 260) -> None:
    """Size columns to what is on screen, without letting one take the whole width."""
    model = view.model()
    for col in range(model.columnCount()):
        if col == stretch:
            continue
        view.resizeColumnToContents(col)
        view.setColumnWidth(col, min(view.columnWidth(col), cap))


def select_record(view: QTableView, model: Any, record_id: str) -> bool:
    row = model.row_of(record_id)
    if row < 0:
        return False
    view.selectRow(row)
    view.scrollTo(model.index(row, 0), QTableView.ScrollHint.PositionAtCenter)
    return True


def current_id(view: QTableView, model: Any) -> str | None:
    index: QModelIndex = view.currentIndex()
    return model.record_id(index.row()) if index.isValid() else None


def guard_rows(
    page: Page,
    view: QTableView,
    model: Any,
    shown: Callable[[], str | None],
    load: Callable[[str | None], None],
) -> None:
    """Load the record of the row the user moves to, after asking about the unsaved changes of
    the one shown; 取消 puts the selection back on it."""

    def moved(current: QModelIndex, _previous: QModelIndex) -> None:
        rid = model.record_id(current.row()) if current.isValid() else None
        if rid is None or rid == shown():
            return
        if page.confirm_leave():
            load(rid)
            return
        QTimer.singleShot(0, view, lambda: _reselect(view, model, shown()))

    view.selectionModel().currentRowChanged.connect(moved)


def _reselect(view: QTableView, model: Any, record_id: str | None) -> None:
    selection = view.selectionModel()
    selection.blockSignals(True)
    try:
        if record_id is None or not select_record(view, model, record_id):
            view.clearSelection()
    finally:
        selection.blockSignals(False)
    view.viewport().update()
