"""Long work off the GUI thread: a worker opens its own session and reports progress.

The worker never touches widgets; it emits signals that the GUI thread handles.
Cancelling makes the next progress report raise :class:`Cancelled`, which rolls
the work's transaction back.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import UserError
from ..services.session import Session, open_session


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__("已取消，未做任何更改")


Job = Callable[[Session, Callable[[str, int], None]], Any]

# the data key of the open encrypted workspace, for workers' own connections (memory only)
_keys: dict[str, bytes] = {}


def remember_key(path: Path, key: bytes | None) -> None:
    """Workers open ``path`` with ``key`` from now on (the window's current workspace)."""
    _keys.clear()
    if key is not None:
        _keys[str(path)] = key


class Worker(QThread):
    """Runs ``job(session, progress)`` on its own thread with its own database connection."""

    progressed = Signal(str, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, workspace: Path, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.job = job
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, stage: str, n: int) -> None:
        if self._cancel:
            raise Cancelled
        self.progressed.emit(stage, n)

    def run(self) -> None:  # runs on the worker thread
        try:
            session = open_session(self.workspace, key=_keys.get(str(self.workspace)))
        except UserError as e:
            self.failed.emit(str(e))
            return
        try:
            result = self.job(session, self._progress)
        except UserError as e:
            self.failed.emit(str(e))
        except Exception:  # a bug: report it instead of losing the thread silently
            self.failed.emit("内部错误：\n" + traceback.format_exc(limit=5))
        else:
            self.succeeded.emit(result)
        finally:
            session.close()


STAGES = {
    "reading": "正在读取并校验台账包…",
    "attachments": "正在写入附件…",
    "revisions": "正在合并修改记录…",
    "projection": "正在更新台账…",
    "writing": "正在写入台账包…",
    "verifying": "正在回读校验…",
}


# workers whose threads have not ended: a worker must outlive any dialog that started it
_running: set[Worker] = set()


def start_worker(worker: Worker) -> Worker:
    """Start a worker that is deleted only after its thread has ended."""
    _running.add(worker)

    def ended() -> None:
        _running.discard(worker)
        worker.deleteLater()

    worker.finished.connect(ended)
    worker.start()
    return worker


def stop_workers(owner: QObject | None = None) -> None:
    """Cancel every running worker and wait for its thread (before the app or a window goes)."""
    for worker in [*_running, *(owner.findChildren(Worker) if owner is not None else [])]:
        worker.cancel()
        worker.wait()


def run_with_progress(
    parent: QWidget,
    workspace: Path,
    job: Job,
    title: str,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
) -> Worker:
    """Start a worker behind a modal progress dialog with a cancel button."""
    dialog = QProgressDialog(
        title, QCoreApplication.translate("ProgressDialog", "Cancel"), 0, 0, parent
    )
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(workspace, job)

    def progressed(stage: str, n: int) -> None:
        text = STAGES.get(stage, title)
        dialog.setLabelText(f"{text}（{n}）" if n else text)

    def finish() -> None:
        dialog.close()
        dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        on_success(result)

    def failed(message: str) -> None:
        finish()
        on_failure(message)

    worker.progressed.connect(progressed)
    worker.succeeded.connect(succeeded)
    worker.failed.connect(failed)
    dialog.canceled.connect(worker.cancel)
    return start_worker(worker)
