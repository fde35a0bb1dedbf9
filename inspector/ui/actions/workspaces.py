"""Opening another workspace and creating a new one (GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

from ...errors import UserError
from . import Window


class WorkspaceActions:
    def __init__(self, window: Window) -> None:
        #: the window (also a QWidget: the parent of the dialogs the actions open)
        self.window: Any = window

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("WorkspaceActions", text)

    def choose_workspace(self) -> None:
        w = self.window
        start = str(w.session.workspace.path.parent) if w.session.workspace.path else ""
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            w, self.tr("Open workspace"), start, self.tr("Workspaces (*.ledger);;All files (*)")
        )
        if chosen:
            self.open_workspace(Path(chosen))

    def open_workspace(self, path: Path) -> bool:
        """Open ``path`` (asking for its password, unlocked on the runner); False when it
        cannot be opened or the user cancelled, and the current workspace stays."""
        from ..security_dialogs import open_interactively

        w = self.window
        if not w.confirm_leave_all():
            return False
        try:
            session = open_interactively(path, w)
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, self.tr("Cannot open workspace"), str(e))
            return False
        if session is None:
            return False
        w.switch_to(session)
        return True

    def new_workspace(self) -> None:
        """The new workspace is made on the runner (its key derived, its reference data
        seeded), behind a progress dialog; then the window opens it."""
        from ...services.session import open_session
        from ..dialogs import NewWorkspaceDialog
        from ..operations import security as ops

        w = self.window
        if not w.confirm_leave_all():
            return
        folder = w.session.workspace.path.parent if w.session.workspace.path else Path.home()
        dialog = NewWorkspaceDialog(folder, w)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        title = self.tr("Cannot create workspace")

        def made(result: tuple[Path, bytes | None]) -> None:
            path, key = result
            w.switch_to(open_session(path, key=key))

        def failed(error: BaseException) -> None:
            from ..ops import show_failure

            show_failure(w, title, error)

        ops.new_workspace(w, dialog.values()).success(made).failure(failed).run()
