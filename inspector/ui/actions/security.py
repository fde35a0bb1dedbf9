"""Passwords, key escrow, backups and the integrity check, from the File menu (GUI thread)."""

from __future__ import annotations

from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

from ...errors import UserError
from . import Window


class SecurityActions:
    def __init__(self, window: Window) -> None:
        #: the window (also a QWidget: the parent of the dialogs the actions open)
        self.window: Any = window

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("SecurityActions", text)

    def change_password(self) -> None:
        """Re-key the workspace under a new password: the window lets go of the workspace
        while the work runs, then opens it again with the new key."""
        from ..operations import security as ops
        from ..security_dialogs import ChangePasswordDialog

        w = self.window
        if not w.confirm_leave_all():
            return
        dialog = ChangePasswordDialog(w)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        title = dialog.windowTitle()
        path, key = w.workspace_path, w.session.workspace.key
        w.release_workspace()

        def done(new_key: bytes | None) -> None:
            w.reopen(path, new_key)
            w.notify(self.tr("The password was changed. The old password opens nothing now."))

        def failed(error: BaseException) -> None:
            w.reopen(path, key)
            from ..ops import show_failure

            show_failure(w, title, error)

        ops.change_password(
            w, path=path, key=key, old=dialog.old.text(), new=dialog.new.text()
        ).success(done).failure(failed).run()

    def escrow(self) -> None:
        from ...services.security import escrow_to_leader

        w = self.window
        title = self.tr("Escrow the key")
        try:
            leader = escrow_to_leader(w.session)
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, title, str(e))
            return
        QtWidgets.QMessageBox.information(
            w,
            title,
            self.tr(
                "A copy of the workspace key, readable only on %1's laptop, is now in the key "
                "file. If you forget the password, the leader can set a new one."
            ).replace("%1", leader),
        )

    def show_backups(self) -> None:
        """Backups: take one now, or restore one (the window lets go of the workspace, the
        restore runs on the runner, the workspace opens again on its new laptop id)."""
        from ..operations import security as ops
        from ..security_dialogs import BackupsDialog

        w = self.window
        dialog = BackupsDialog(w.session, w)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.restore_from is None:
            return
        title = dialog.windowTitle()
        if not w.confirm_leave_all():
            return
        path, key = w.workspace_path, w.session.workspace.key
        w.release_workspace()

        def done(safety: Any) -> None:
            w.reopen(path, key)
            QtWidgets.QMessageBox.information(
                w,
                title,
                self.tr("Restored. The state before restoring was saved as %1.").replace(
                    "%1", safety.path.name
                ),
            )

        def failed(error: BaseException) -> None:
            w.reopen(path, key)
            from ..ops import show_failure

            show_failure(w, title, error)

        ops.restore(w, path=path, backup=dialog.restore_from.path, key=key).success(done).failure(
            failed
        ).run()

    def check_workspace(self) -> None:
        from ..operations import packages as package_ops

        w = self.window
        title = self.tr("Check workspace")

        def done(report: Any) -> None:
            if report.ok:
                QtWidgets.QMessageBox.information(
                    w,
                    title,
                    self.tr(
                        "The workspace is intact: every page and the structure check out, and "
                        "the change history of %1 laptops (%2 changes) is unbroken and signed."
                    )
                    .replace("%1", str(report.devices))
                    .replace("%2", str(report.revisions)),
                )
            else:
                QtWidgets.QMessageBox.critical(w, title, "\n".join(report.problems[:20]))

        package_ops.verify_workspace(w, w.session).success(done).run()
