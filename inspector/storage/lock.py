"""Who has a workspace open: a lock file beside it, held shared by every open workspace.

Every program that opens a workspace (the desktop app, a command, their worker threads) holds a
shared lock on ``NAME.ledger.lock`` for as long as it is open. Operations that replace or
re-key the file (restore, a new password) need it exclusively, and are refused with a clear
message while anyone else has the workspace open: a file swapped under a live connection would
take every later save with it. Locks are the operating system's (``flock`` on POSIX,
``LockFileEx`` on Windows), so a killed program leaves none behind.

Within one process, opening the same workspace again shares the lock already held.

While a long write runs (a batch import, a case list), the program writes what it is doing to
``NAME.ledger.busy``, so that another program kept waiting can say which operation holds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import WorkspaceError

LOCK_SUFFIX = ".lock"
BUSY_SUFFIX = ".busy"


class WorkspaceInUse(WorkspaceError):
    """Another program has the workspace open, and the operation needs it alone."""


def lock_path_for(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + LOCK_SUFFIX)


def busy_path_for(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + BUSY_SUFFIX)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = (
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        )

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _LOCK_EXCLUSIVE = 0x2
    _FAIL_IMMEDIATELY = 0x1

    def _os_lock(fd: int, exclusive: bool) -> bool:
        handle = msvcrt.get_osfhandle(fd)
        flags = _FAIL_IMMEDIATELY | (_LOCK_EXCLUSIVE if exclusive else 0)
        ov = _Overlapped()
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(ov)))

    def _os_unlock(fd: int) -> None:
        handle = msvcrt.get_osfhandle(fd)
        ov = _Overlapped()
        _kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(ov))

    def _os_relock(fd: int, exclusive: bool) -> bool:
        _os_unlock(fd)
        return _os_lock(fd, exclusive)

else:
    import fcntl

    def _os_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _os_unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _os_relock(fd: int, exclusive: bool) -> bool:
        return _os_lock(fd, exclusive)  # flock converts the lock it holds


@dataclass
class _Held:
    fd: int
    exclusive: bool
    count: int


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def _key(workspace: Path) -> str:
    return str(Path(workspace).resolve())


def _open_lock_file(workspace: Path) -> int:
    path = lock_path_for(workspace)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as e:
        from ..errors import describe_os_error

        raise WorkspaceError(f"无法打开工作区锁文件“{path.name}”：{describe_os_error(e)}") from e


def _in_use(workspace: Path, what: str) -> WorkspaceInUse:
    holder = busy_holder(workspace)
    who = f"（{holder}）" if holder else ""
    return WorkspaceInUse(
        f"工作区“{Path(workspace).name}”正被另一个程序打开{who}，{what}需要独占；"
        "请先关闭其他打开它的巡查台账窗口或命令，再重试"
    )


@dataclass
class Lock:
    """A hold on a workspace's lock (shared, or exclusive); ``release`` gives it back."""

    workspace: Path
    exclusive: bool
    released: bool = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with _guard:
            key = _key(self.workspace)
            held = _held.get(key)
            if held is None:
                return
            held.count -= 1
            if held.count <= 0:
                with contextlib.suppress(OSError):
                    _os_unlock(held.fd)
                os.close(held.fd)
                del _held[key]


def acquire_shared(workspace: Path) -> Lock:
    """Hold the workspace open. Refused while another program holds it exclusively."""
    with _guard:
        key = _key(workspace)
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return Lock(Path(workspace), False)
        fd = _open_lock_file(workspace)
        if not _os_lock(fd, exclusive=False):
            os.close(fd)
            raise WorkspaceInUse(
                f"工作区“{Path(workspace).name}”正在被恢复或修改密码，请稍候再打开"
            )
        _held[key] = _Held(fd, False, 1)
        return Lock(Path(workspace), False)


def try_exclusive(workspace: Path) -> Lock | None:
    """The lock exclusively when nobody else (no other program, nothing else in this one)
    has the workspace open; None otherwise."""
    with _guard:
        key = _key(workspace)
        if key in _held:
            return None
        fd = _open_lock_file(workspace)
        if not _os_lock(fd, exclusive=True):
            os.close(fd)
            return None
        _held[key] = _Held(fd, True, 1)
        return Lock(Path(workspace), True)


def acquire_exclusive(workspace: Path, what: str) -> Lock:
    """The workspace alone (``what``: the operation, for the message when it is not)."""
    lock = try_exclusive(workspace)
    if lock is None:
        raise _in_use(workspace, what)
    return lock


@contextlib.contextmanager
def exclusive_while_open(workspace: Path, what: str) -> Iterator[None]:
    """For an operation on a workspace this program has open once (one session, no worker):
    upgrade its shared lock to exclusive for the duration, refused if anyone else has it."""
    with _guard:
        held = _held.get(_key(workspace))
        if held is None or held.count != 1 or held.exclusive:
            raise (
                _in_use(workspace, what)
                if held is None
                else WorkspaceInUse(
                    f"工作区正被本程序的其他窗口或后台任务使用，请等它们结束后再{what}"
                )
            )
        if not _os_relock(held.fd, exclusive=True):
            _os_relock(held.fd, exclusive=False)
            raise _in_use(workspace, what)
        held.exclusive = True
    try:
        yield
    finally:
        with _guard:
            held.exclusive = False
            _os_relock(held.fd, exclusive=False)


def downgrade(lock: Lock) -> None:
    """An exclusive hold becomes a shared one (others may open the workspace again)."""
    with _guard:
        held = _held.get(_key(lock.workspace))
        if held is not None and held.exclusive:
            _os_relock(held.fd, exclusive=False)
            held.exclusive = False
            lock.exclusive = False


# --- what a long write is doing -------------------------------------------------------------


def busy_holder(workspace: Path) -> str | None:
    """What another program said it is doing with the workspace, if it still runs."""
    path = busy_path_for(Path(workspace))
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        what, pid, since = str(doc["operation"]), int(doc["pid"]), str(doc["since"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid != os.getpid() and not _alive(pid):
        return None
    return f"{what}，自{since[11:16]}起" if len(since) >= 16 else what


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        return True  # the lock file tells; a stale note only names an operation
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def busy(workspace: Path | None, operation: str) -> Iterator[None]:
    """Say what this program is doing while a long write runs (best effort)."""
    if workspace is None:
        yield
        return
    path = busy_path_for(Path(workspace))
    note = {
        "operation": operation,
        "pid": os.getpid(),
        "since": dt.datetime.now().isoformat(timespec="seconds"),
    }
    written = False
    with contextlib.suppress(OSError):
        path.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        written = True
    try:
        yield
    finally:
        if written:
            with contextlib.suppress(OSError):
                path.unlink()


def busy_message(workspace: Path | None) -> str:
    holder = busy_holder(workspace) if workspace is not None else None
    if holder:
        return f"工作区正被另一个操作占用（{holder}），请等它完成后再试；本次操作未执行"
    return "工作区正被另一个程序写入，请稍候再试；本次操作未执行"
