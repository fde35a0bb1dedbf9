"""Starting the desktop app: ``python main.py [WORKSPACE]``.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QSettings, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ..errors import UserError
from ..paths import demo_workspace_path
from . import ops
from .i18n import current_language, install_translators
from .main_window import MainWindow
from .screen import install_screen_guard

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from ..services.session import Session

# What only a first run, a password or a failure needs is imported then: the window paints
# without it.

# messages of Qt's platform plugins that say nothing about the app (headless runs)
HARMLESS = ("This plugin does not support propagateSizeHints()",)


def _qt_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in HARMLESS:
        return
    sys.stderr.write(f"{message}\n")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="inspector-gui")
    parser.add_argument("workspace", nargs="?", help="workspace file (default: the demo workspace)")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def open_or_create_demo(path: Path | None) -> Session | None:
    """The given workspace (asking for its password when it is encrypted; None when the
    user cancels), or the demo one in the user's data folder (made on first run)."""
    if path is not None:
        return _open(path)
    demo = demo_workspace_path()
    if demo.exists():
        return _open(demo)
    return _build_demo_with_progress(demo)


def build_in_background(demo: Path) -> Path:
    """Build the demo workspace (on a worker thread; its session is closed there)."""
    from ..demo import build_demo  # only on the first run

    # with a 回头看 of its campaign: the first run shows re-checks and recurrences too
    build_demo(demo, scale="small", seed=1, follow_up=True).close()
    return demo


def _build_demo_with_progress(demo: Path) -> Session | None:
    """The first run builds the demo workspace on a worker, behind a progress dialog (it
    takes a few seconds), then opens it here."""
    from PySide6.QtCore import QEventLoop

    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def finished(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    op = ops.Op(
        None,
        lambda _progress: build_in_background(demo),
        session=False,
        title=QCoreApplication.translate("app", "Inspection Ledger"),
    )
    op.with_progress(
        QCoreApplication.translate("app", "Preparing the demo workspace for the first run…")
    )
    op.success(lambda path: finished("built", path)).failure(lambda e: finished("error", e))
    op.run()
    if not outcome:
        loop.exec()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        if isinstance(error, ops.Cancelled):
            return None
        raise error
    return _open(demo)


def _open(path: Path) -> Session | None:
    from ..services.security import needs_password
    from ..services.session import open_session

    if not needs_password(path):
        return open_session(path)
    from .security_dialogs import open_interactively  # asks for the password

    return open_interactively(path)


def _unhandled(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """An exception that escaped a slot: say what happened instead of failing silently."""
    sys.__excepthook__(kind, error, tb)
    if QApplication.instance() is None or not isinstance(error, Exception):
        return
    from ..services.security import explain_failure

    title = QCoreApplication.translate("app", "Inspection Ledger")
    message = explain_failure(error)
    if message is not None:
        QtWidgets.QMessageBox.warning(QApplication.activeWindow(), title, message)
    else:
        from ..logs import internal_error

        QtWidgets.QMessageBox.critical(
            QApplication.activeWindow(), title, internal_error(error, "handling a window event")
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sys.excepthook = _unhandled
    qInstallMessageHandler(_qt_messages)
    QCoreApplication.setOrganizationName("inspector-ledger")
    QCoreApplication.setApplicationName("inspector-ledger")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    translators = install_translators(app, current_language(QSettings()))
    guard = install_screen_guard(app)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Inspection Ledger"))
    try:
        session = open_or_create_demo(Path(args.workspace) if args.workspace else None)
    except UserError as e:
        QtWidgets.QMessageBox.critical(
            None, QCoreApplication.translate("app", "Cannot open workspace"), str(e)
        )
        return 1
    if session is None:
        return 1
    window: QtWidgets.QMainWindow
    if session.court_id() is not None:
        from .court_window import CourtWindow

        window = CourtWindow(session, team_window=MainWindow)
    else:
        window = MainWindow(session, fill_later=True)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    code = app.exec()
    ops.cancel_all()
    del translators, guard
    return int(code)
