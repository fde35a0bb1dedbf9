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
        """新建巡查工作区, step by step (``ui/new_workspace_wizard.py``); the workspace is made
        on the runner (its key derived, its reference data seeded, the wizard's campaign,
        courts and members recorded), behind a progress dialog; then the window opens it and,
        when asked, the roster is signed or the identity card exported."""
        from ...paths import documents_dir
        from ...services.session import open_session
        from ..new_workspace_wizard import NewWorkspaceWizard
        from ..operations import security as ops

        w = self.window
        if not w.confirm_leave_all():
            return
        self.wizard = NewWorkspaceWizard(
            documents_dir(), w if isinstance(w, QtWidgets.QWidget) else None
        )
        if self.wizard.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        values = self.wizard.values()
        title = self.tr("Cannot create workspace")

        def made(result: tuple[Path, bytes | None]) -> None:
            path, key = result
            w.switch_to(open_session(path, key=key))
            if values.get("export_card"):
                self.after_made()

        def failed(error: BaseException) -> None:
            from ..ops import show_failure

            show_failure(w, title, error)

        ops.new_workspace(w, values).success(made).failure(failed).run()

    def after_made(self) -> None:
        """The card or roster the wizard's last page asked for (the packages' action)."""
        packages = getattr(self.window, "packages", None)
        if packages is not None:
            packages.choose_roster_export()
