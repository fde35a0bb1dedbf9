"""The main window's actions by area, each run through the operation runner (:mod:`..ops`):
ledger packages and the roster (:mod:`.packages`), passwords, backups and checks
(:mod:`.security`), opening and creating workspaces (:mod:`.workspaces`).

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from ...services.session import Session


class Window(Protocol):
    """What the actions ask of the window they act for (the main window is one)."""

    session: Session
    conflicts_dialog: Any

    @property
    def workspace_path(self) -> Path: ...

    def notify(
        self,
        text: str,
        *,
        folder: Path | None = None,
        kind: str = "info",
        action: tuple[str, Callable[[], object]] | None = None,
    ) -> None: ...

    def default_folder(self) -> Path: ...

    def refresh(self) -> None: ...

    def release_workspace(self) -> None: ...

    def confirm_leave_all(self) -> bool: ...

    def reopen(self, path: Path, key: bytes | None) -> None: ...

    def switch_to(self, session: Session) -> None: ...
