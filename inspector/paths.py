"""Where the app finds its bundled resources and keeps its per-user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "inspector-ledger"
WORKSPACE_SUFFIX = ".ledger"


def resource_path(*parts: str) -> Path:
    """A file shipped with the app (``db/``, translations …), frozen or not."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user data folder; ``INSPECTOR_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("INSPECTOR_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_workspace_path() -> Path:
    return user_data_dir() / f"demo{WORKSPACE_SUFFIX}"


DOCUMENTS_FOLDER = "巡查台账"


def documents_dir() -> Path:
    """Where reports, packages and cards go unless the user picks elsewhere: a folder the
    user sees, Documents/巡查台账 (not the hidden data folder). ``INSPECTOR_DOCUMENTS_DIR``
    overrides it (tests, portable use). Created when asked for; falls back to the home
    folder when Documents cannot be written."""
    override = os.environ.get("INSPECTOR_DOCUMENTS_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_documents_dir()) / DOCUMENTS_FOLDER
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return path
