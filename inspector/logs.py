"""The app's log: a rotating file in the user's data folder (standard ``logging``).

A bug anywhere — the GUI thread, a worker, a command — is written here with its traceback, and
the user sees one short sentence that says where the log is. User errors are not logged as
bugs: they are one clear sentence, and that is all.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import user_data_dir

LOGGER = "inspector"
_configured: Path | None = None


def log_path() -> Path:
    return user_data_dir() / "logs" / "inspector.log"


def setup() -> Path:
    """Log to the rotating file (1 MB, 5 old files kept); idempotent. Returns the file."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_path()
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError:  # a read-only home: the log is lost, the app goes on
        handler = logging.NullHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    logger.addHandler(handler)
    logger.propagate = False
    _configured = path
    return path


def internal_error(exc: BaseException, doing: str = "") -> str:
    """Log a bug with its traceback; the one sentence to show the user."""
    path = setup()
    logging.getLogger(LOGGER).error(
        "internal error%s", f" while {doing}" if doing else "", exc_info=exc
    )
    return f"内部错误（{type(exc).__name__}）：操作未完成，已记入日志 {path}"
