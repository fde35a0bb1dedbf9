"""Passwords, unlocking, new workspaces and backups: work that must not freeze the window.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...services import security
from ...services.session import Session, open_session, unlock_key
from ...services.setup import set_up_team
from ...services.workspaces import create_workspace
from ..ops import Op


def unlock(parent: QWidget, *, path: Path, password: str) -> Op[bytes]:
    """The workspace's data key from its password (Argon2id: about half a second)."""
    return Op(
        parent,
        lambda _progress: unlock_key(path, password),
        session=False,
        title=QCoreApplication.translate("Operations", "Unlock"),
    )


def new_workspace(parent: QWidget, values: dict[str, Any]) -> Op[tuple[Path, bytes | None]]:
    """Create a workspace (its key derived, its reference data seeded, and the wizard's
    campaign, courts and members recorded) and hand back what opens it: (path, data key). The window then opens it on its own thread."""

    def work(_progress: Callable[[str, int], None]) -> tuple[Path, bytes | None]:
        session = create_workspace(
            values["path"],
            member_name=values["member_name"],
            unit=values["unit"],
            role=values["role"],
            password=values["password"],
        )
        try:
            if values.get("setup") is not None:
                set_up_team(session, values["setup"])
            return Path(values["path"]), session.workspace.key
        finally:
            session.close()

    return Op(
        parent, work, session=False, title=QCoreApplication.translate("Operations", "New workspace")
    ).with_progress(QCoreApplication.translate("Operations", "Creating the workspace"))


def open_workspace(parent: QWidget, *, path: Path, key: bytes | None) -> Op[Session]:
    """A workspace opened (and upgraded, when it needs it) off the GUI thread; the session is
    handed to the GUI thread, which owns it from then on."""
    return Op(parent, lambda _progress: open_session(path, key=key), session=False, title=path.name)


def change_password(
    parent: QWidget, *, path: Path, key: bytes | None, old: str, new: str
) -> Op[bytes | None]:
    """Re-key the workspace under a new password. The window has closed its own session: the
    work opens the workspace alone, and hands back the new data key to open it again."""

    def work(_progress: Callable[[str, int], None]) -> bytes | None:
        session = open_session(path, key=key)
        try:
            security.change_password(session, old=old, new=new)
            return session.workspace.key
        finally:
            session.close()

    return Op(
        parent,
        work,
        session=False,
        title=QCoreApplication.translate("Operations", "Change password"),
    ).with_progress(
        QCoreApplication.translate("Operations", "Encrypting every page under the new key")
    )


def restore(parent: QWidget, *, path: Path, backup: Path, key: bytes | None) -> Op[security.Backup]:
    """Put a backup back (the window has closed its session first); returns the safety backup
    of the state before."""
    return Op(
        parent,
        lambda _progress: security.restore_backup(path, backup, key=key),
        session=False,
        title=QCoreApplication.translate("Operations", "Restore"),
    ).with_progress(QCoreApplication.translate("Operations", "Restoring the backup"))


def backup(parent: QWidget, session: Session) -> Op[security.Backup]:
    return Op(
        parent,
        lambda s, _progress: security.backup_now(s),
        workspace=session,
        title=QCoreApplication.translate("Operations", "Back up"),
    ).with_progress(QCoreApplication.translate("Operations", "Backing up"))
