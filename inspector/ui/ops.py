"""The operation runner: every user action that may take more than a moment runs here.

    Op(parent, fn).success(on_done).failure(on_error).with_progress(title).run()

``fn`` runs on a thread of the pool, with a session of its own on the window's workspace (or,
``session=False``, with none: unlocking, creating a workspace); ``success`` and ``failure`` are
called on the GUI thread. A failure hands over the exception itself; by default a user error
is shown as its one sentence and a bug as one line naming the log file that holds its
traceback. An op bound to something (``bound_to``) whose token has changed when the result
arrives — the page moved to another record, the search text changed — is dropped, here, in one
place. Cancelling works for any op: the work's database connection is interrupted (its
transaction rolls back) and whatever it returns later is dropped; an op that reports progress
also stops at its next report.

Each op returns what it changed: the record types of the revisions it wrote (read from the
revision log around the work), or everything for an op that replaced the workspace. The window
refreshes only the pages that show those types (see :func:`add_listener`).

The Qt event loop must run for results to arrive (tests wait on :meth:`Op.wait`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..errors import UserError
from ..services.session import Session, open_session

T = TypeVar("T")

#: what the work is doing, by the stage its progress reports name (translated when shown)
STAGES = {
    "reading": QT_TRANSLATE_NOOP("Ops", "Reading and checking the packages…"),
    "merging": QT_TRANSLATE_NOOP("Ops", "Merging…"),
    "attachments": QT_TRANSLATE_NOOP("Ops", "Writing attachments…"),
    "revisions": QT_TRANSLATE_NOOP("Ops", "Merging changes…"),
    "projection": QT_TRANSLATE_NOOP("Ops", "Updating the ledger…"),
    "writing": QT_TRANSLATE_NOOP("Ops", "Writing the package…"),
    "verifying": QT_TRANSLATE_NOOP("Ops", "Reading it back to check it…"),
    "check": QT_TRANSLATE_NOOP("Ops", "Checking the cases…"),
}

#: progress shows for work that takes longer than this
PROGRESS_AFTER_MS = 500


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__("已取消，未做任何更改")


@dataclass(frozen=True)
class Changes:
    """What an op changed: record types, or everything (a restored or re-opened workspace)."""

    types: frozenset[str] = frozenset()
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or bool(self.types)

    def affects(self, shown: frozenset[str] | None) -> bool:
        """Whether a page showing ``shown`` types (None: anything) must refresh."""
        if self.everything or shown is None:
            return bool(self)
        return bool(self.types & shown)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.types | other.types, self.everything or other.everything)


EVERYTHING = Changes(everything=True)
Progress = Callable[[str, int], None]

_listeners: list[Callable[[Changes], None]] = []


def add_listener(listener: Callable[[Changes], None], owner: QObject | None = None) -> None:
    """Call ``listener`` (GUI thread) with what each op that changed something changed, until
    it is removed or its ``owner`` is destroyed."""
    _listeners.append(listener)
    if owner is not None:
        owner.destroyed.connect(lambda *_: remove_listener(listener))


def remove_listener(listener: Callable[[Changes], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def changed(changes: Changes) -> None:
    """Tell the listeners (for changes made on the GUI thread, not by an op)."""
    if changes:
        for listener in list(_listeners):
            listener(changes)


# --- where ops run -------------------------------------------------------------------------

# the data key of the open encrypted workspace, for the ops' own connections (memory only)
_keys: dict[str, bytes] = {}


def remember_key(path: Path, key: bytes | None) -> None:
    """Ops open ``path`` with ``key`` from now on (the window's current workspace)."""
    _keys.clear()
    if key is not None:
        _keys[str(path)] = key


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


_running: set[Op[Any]] = set()


def idle() -> bool:
    """No op is running (tests wait for it)."""
    return not _running


def cancel_all(wait_ms: int = 30_000) -> None:
    """Cancel every running op and wait for the pool (before a workspace or the app goes)."""
    for op in list(_running):
        op.cancel()
    pool().waitForDone(wait_ms)
    QCoreApplication.processEvents()


class _Relay(QObject):
    """Lives on the GUI thread: what the pool's threads emit reaches it there."""

    finished = Signal(object, object, object)  # op, result, error
    progressed = Signal(object, str, int)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.finished.connect(lambda op, result, error: op._finish(result, error))
        _relay.progressed.connect(lambda op, stage, n: op._progressed(stage, n))
    return _relay


class _Task(QRunnable):
    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:  # on a pool thread
        op = self.op
        result: Any = None
        error: BaseException | None = None
        try:
            result = op._work()
        except BaseException as e:  # handed to the GUI thread, which decides what to say
            error = e
        finally:
            op._stopped.set()
        relay = _the_relay()
        # the application may have quit meanwhile: then there is no one to tell
        with contextlib.suppress(RuntimeError):
            relay.finished.emit(op, result, error)


class Op(Generic[T]):
    """One action run off the GUI thread (see the module's docstring)."""

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[..., T],
        *,
        workspace: Session | Path | None = None,
        session: bool = True,
        title: str = "",
    ) -> None:
        self.parent = parent
        self.fn = fn
        self.title = title or QCoreApplication.translate("Ops", "Inspection Ledger")
        self.needs_session = session
        if isinstance(workspace, Session):
            self.path: Path | None = workspace.workspace.path
        else:
            self.path = workspace
        if session and self.path is None:
            raise ValueError("an op with a session needs a workspace file")
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress_title: str | None = None
        self._token: Callable[[], object] | None = None
        self._token_at_start: object = None
        self._cancelled = threading.Event()
        self._stopped = threading.Event()  # the work has returned or raised
        self._worker_session: Session | None = None
        self._dialog: QProgressDialog | None = None
        self.changes = Changes()
        self.done = False
        self.dropped = False
        self.result: T | None = None
        self.error: BaseException | None = None

    # --- building ---------------------------------------------------------------------
    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._failure = callback
        return self

    def with_progress(self, title: str | None = None) -> Op[T]:
        """A progress dialog with a cancel button, shown when the work takes a while."""
        self._progress_title = title or self.title
        return self

    def bound_to(self, token: Callable[[], object]) -> Op[T]:
        """Drop the result when ``token()`` has changed by the time it arrives."""
        self._token = token
        return self

    def run(self) -> Op[T]:
        """Start the work (GUI thread)."""
        _the_relay()
        self._token_at_start = self._token() if self._token else None
        _running.add(self)
        if self._progress_title is not None:
            dialog = QProgressDialog(
                self._progress_title,
                QCoreApplication.translate("Ops", "Cancel"),
                0,
                0,
                self.parent,
            )
            dialog.setWindowTitle(self.title)
            dialog.setMinimumDuration(PROGRESS_AFTER_MS)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self._dialog = dialog
        pool().start(_Task(self))
        return self

    def cancel(self) -> None:
        """Stop the work (any thread): its transaction rolls back and its result is dropped.

        SQLite ignores an interrupt that comes between two statements, so the work's connection
        is interrupted again every few milliseconds until the work has stopped."""
        if self._cancelled.is_set():
            return
        self._cancelled.set()

        def keep_interrupting() -> None:
            import time

            deadline = time.monotonic() + 60
            while not self._stopped.is_set() and time.monotonic() < deadline:
                session = self._worker_session
                if session is not None:
                    with contextlib.suppress(Exception):  # closed already
                        session.conn.interrupt()
                self._stopped.wait(0.02)

        threading.Thread(target=keep_interrupting, name="op-cancel", daemon=True).start()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """For tests: run the event loop until the op has finished (or timed out)."""
        import time

        deadline = time.monotonic() + timeout_ms / 1000
        while not self.done and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        QCoreApplication.processEvents()
        return self.done

    # --- on the pool's thread -------------------------------------------------------------
    def _report(self, stage: str, n: int) -> None:
        if self._cancelled.is_set():
            raise Cancelled
        _the_relay().progressed.emit(self, stage, n)

    def _work(self) -> T:
        if self._cancelled.is_set():
            raise Cancelled
        if not self.needs_session:
            return self.fn(self._report)
        assert self.path is not None
        session = open_session(self.path, key=_keys.get(str(self.path)))
        self._worker_session = session
        try:
            before = _top(session)
            result = self.fn(session, self._report)
            self.changes = _changes_since(session, before)
            return result
        finally:
            self._worker_session = None
            session.close()

    # --- back on the GUI thread -----------------------------------------------------------
    def _progressed(self, stage: str, n: int) -> None:
        if self._dialog is not None:
            source = STAGES.get(stage)
            text = (
                QCoreApplication.translate("Ops", str(source)) if source else self._progress_title
            )
            text = text or ""
            self._dialog.setLabelText(f"{text}（{n}）" if n else text)

    def _finish(self, result: T, error: BaseException | None) -> None:
        _running.discard(self)
        self.done = True
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)  # closing it says "canceled"
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        if self.changes:
            changed(self.changes)
        stale = self._token is not None and self._token() != self._token_at_start
        if self.cancelled or stale:
            self.dropped = True
            return
        self.result, self.error = result, error
        if error is None:
            if self._success is not None:
                self._success(result)
        elif self._failure is not None:
            self._failure(error)
        else:
            show_failure(self.parent, self.title, error)


def _top(session: Session) -> int:
    from ..services.records import revision_mark

    return revision_mark(session)


def _changes_since(session: Session, rowid: int) -> Changes:
    from ..services.records import types_changed_since

    return Changes(types_changed_since(session, rowid))


def describe_failure(error: BaseException) -> tuple[bool, str]:
    """(is it the user's to fix, the sentence to show) for an op's exception."""
    from ..services.security import explain_failure

    message = explain_failure(error)
    if message is not None:
        return True, message
    from ..logs import internal_error

    return False, internal_error(error, "running an operation")


def show_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """The default failure: one sentence (a user error) or the bug's line naming the log."""
    if isinstance(error, Cancelled):
        return
    users, text = describe_failure(error)
    if users:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.critical(parent, title, text)


def later(ms: int, owner: QObject, work: Callable[[], object]) -> None:
    """Run ``work`` on the GUI thread after ``ms`` (unless ``owner`` is gone by then)."""
    QTimer.singleShot(ms, owner, work)
