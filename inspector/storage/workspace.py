"""Opening, creating, migrating and backing up a workspace file.

A workspace is one SQLite file in WAL mode with ``synchronous=FULL`` and foreign
keys on, encrypted with SQLCipher when it has a key (see :mod:`.keyfile`). A copy
is made (with the SQLite backup API) before any migration; a file written by a
newer version of the app is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..errors import WorkspaceError, describe_os_error
from . import lock, sqlite
from . import migrations as mig
from .keyfile import PasswordRequired, key_path_for, sync_directory, write_atomic

if TYPE_CHECKING:
    import sqlite3

SQLITE_HEADER = b"SQLite format 3\x00"
#: page cache while a batch of packages is merged: index pages stay in memory
BULK_CACHE_KIB = 256 * 1024
#: pages of new unencrypted workspaces: a quarter of the pages (and write-ahead-log frames) of
#: SQLite's default 4 KiB, which makes a leader's batch import commit about three times faster
#: (encrypted workspaces keep SQLCipher's 4 KiB pages, which are authenticated one by one)
PAGE_SIZE = 16384
ENCRYPTED_CACHE_KIB = 64 * 1024


class Workspace:
    """An open workspace file. One instance per thread: a worker opens its own."""

    def __init__(
        self,
        path: Path | None,
        conn: sqlite3.Connection,
        key: bytes | None = None,
        hold: lock.Lock | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        #: this workspace's share of the lock that says it is open (see :mod:`.lock`)
        self.hold = hold
        #: the data key of an encrypted workspace (kept in memory while it is open)
        self.key = key
        self._db: Any = None
        self._depth = 0
        self._savepoints = 0
        #: changes whenever a transaction starts or a savepoint rolls back; values cached
        #: from the database are valid only while it stays the same
        self.generation = 0

    @property
    def db(self) -> Any:
        """The sqlite-utils view of the connection, made on first use (its import is slow)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing. A nested block joins the outer transaction: an error that
        leaves it rolls back everything, so callers need no partial-undo logic."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite.OperationalError as e:
            if _is_busy(e):
                raise WorkspaceError(lock.busy_message(self.path)) from e
            clear = storage_error(e)
            if clear is not e:
                raise clear from e
            raise
        self.generation += 1
        self._depth = 1
        try:
            yield
        except BaseException as e:
            self._depth = 0
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite.OperationalError) and _is_busy(e):
                raise WorkspaceError(lock.busy_message(self.path)) from e
            clear = storage_error(e) if isinstance(e, sqlite.DatabaseError) else e
            if clear is not e:
                raise clear from e
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except BaseException as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            clear = storage_error(e) if isinstance(e, sqlite.DatabaseError) else e
            if clear is not e:
                raise clear from e
            raise

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the current transaction that can fail alone (e.g. one row of a batch)."""
        self._savepoints += 1
        name = f"sp{self._savepoints}"
        with self.transaction():
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.generation += 1
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            self.conn.execute(f"RELEASE {name}")

    def get_local(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_local(self, key: str, value: str | None) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO local_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def schema_version(self) -> int:
        return mig.schema_version(mig.applied_names(self.conn))

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the whole workspace (SQLite backup API)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite.connect(target, self.key)
        try:
            with dest:
                self.conn.backup(dest)
        finally:
            dest.close()
        return target

    def backup_into(self, folder: Path, label: str, now: dt.datetime | None = None) -> Path:
        """A backup named ``<stem>-<YYYYmmdd-HHMMSS>-<label>.ledger`` in ``folder``, with a
        copy of the key file when encrypted. Written to a temporary name, synced and
        renamed, so a crash never leaves a half backup that looks whole."""
        assert self.path is not None
        stamp = (now or dt.datetime.now()).replace(microsecond=0)
        folder.mkdir(parents=True, exist_ok=True)
        while True:  # two backups within a second get distinct names
            target = folder / f"{self.path.stem}-{stamp:%Y%m%d-%H%M%S}-{label}.ledger"
            if not target.exists():
                break
            stamp += dt.timedelta(seconds=1)
        tmp = folder / f".{target.name}.tmp"
        try:
            tmp.unlink(missing_ok=True)
            self.backup_to(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            if self.key is not None:
                # owner-only, as the live key file (mkstemp's mode), never the umask's 0644
                write_atomic(key_path_for(target), key_path_for(self.path).read_bytes())
            os.replace(tmp, target)
            sync_directory(folder)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return target

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @contextlib.contextmanager
    def bulk_cache(self, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
        """A larger page cache for a bulk write (a batch import), given back afterwards."""
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(before)}")
            self.conn.execute("PRAGMA shrink_memory")

    def checkpoint(self) -> None:
        """Fold the write-ahead log back into the file (after a bulk write it can be huge)."""
        if self.path is not None and not self.conn.in_transaction:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def rekey(self, new_key: bytes) -> None:
        """Encrypt every page under a new data key (the caller holds the workspace alone and
        has already saved a key file that opens it either way)."""
        self.checkpoint()
        self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        self.checkpoint()
        self.key = new_key

    def busy(self, operation: str) -> contextlib.AbstractContextManager[None]:
        """Tell other programs kept waiting which operation holds the workspace."""
        return lock.busy(self.path, operation)

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self.hold is not None:
                self.hold.release()


def _is_busy(e: BaseException) -> bool:
    text = str(e).lower()
    return "database is locked" in text or "database is busy" in text


def remove_stray_files(path: Path) -> int:
    """Temporary files a killed program left beside the workspace and in its backups folder
    (half-written backups, restores, demos). Only called while nobody has it open."""
    removed = 0
    folders = [path.parent, path.with_name(path.name + ".backups")]
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for p in entries:
            name = p.name
            if (
                name.startswith(f".{path.name}")
                or (folder != path.parent and name.startswith(f".{path.stem}-"))
            ) and ".tmp" in name:
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed += 1
    return removed


def storage_error(e: BaseException) -> BaseException:
    """A clear message for the storage failures users meet (the change was rolled back)."""
    text = str(e).lower()
    if "full" in text:
        return WorkspaceError("磁盘空间不足，本次操作已撤销，工作区未改动；请腾出空间后重试")
    if "readonly" in text or "read-only" in text:
        return WorkspaceError("工作区所在位置只读（U盘写保护？），本次操作已撤销，工作区未改动")
    if "disk i/o" in text:
        return WorkspaceError("读写磁盘出错（U盘被拔出或损坏？），本次操作已撤销，工作区未改动")
    if "malformed" in text or "not a database" in text:
        return WorkspaceError(
            "工作区文件已损坏，本次操作已撤销；请用“检查工作区”查明，并从备份恢复"
        )
    return e


#: how long a writer waits for another program's write to finish before saying who holds it
BUSY_TIMEOUT_S = 15


def _connect(path: Path | None, key: bytes | None, fresh: bool = False) -> sqlite3.Connection:
    conn = sqlite.connect(path, key, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    conn.isolation_level = None  # explicit transactions only (Workspace.transaction)
    if fresh and key is None:
        # set before the first table; existing files keep the page size they were made with
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    if path is not None:
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        except sqlite.DatabaseError as e:
            conn.close()
            if key is not None:
                raise WorkspaceError(
                    f"工作区“{path.name}”无法解密：文件已损坏，或与密钥文件不是同一个工作区"
                ) from e
            raise
        if mode.lower() != "wal":
            conn.close()
            raise WorkspaceError(f"无法以 WAL 模式打开工作区：{path}")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    if key is not None:
        # decrypting a page costs more than reading it: keep more decrypted pages in memory
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    return cast("sqlite3.Connection", conn)


def is_encrypted(path: Path) -> bool:
    """True for a workspace that needs its password: it has a key file beside it."""
    return key_path_for(Path(path)).exists()


def _check_is_workspace(path: Path, key: bytes | None) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise WorkspaceError(f"无法读取工作区文件 {path}：{e.strerror}") from e
    if key is None and is_encrypted(path):
        raise PasswordRequired(f"工作区“{path.name}”已加密，需要密码才能打开")
    if key is None and header and header != SQLITE_HEADER:
        raise WorkspaceError(f"{path.name} 不是巡查台账工作区文件")
    if key is not None and header == SQLITE_HEADER:
        raise WorkspaceError(f"工作区“{path.name}”没有加密，却有密钥文件：请核对文件")


def _check_writable(path: Path) -> None:
    """A workspace on a write-protected stick or read-only share cannot be worked on in place."""
    for target in (path, path.parent):
        if target.exists() and not os.access(target, os.W_OK):
            raise WorkspaceError(
                f"“{target}”只读（U盘写保护或没有写入权限）：请先把工作区复制到本机硬盘再打开"
            )


def open_workspace(
    path: Path | str | None, *, create: bool = False, key: bytes | None = None
) -> Workspace:
    """Open (and migrate) a workspace; ``path=None`` gives an in-memory one for tests.

    ``key`` is the data key of an encrypted workspace (or of a new one to encrypt).
    Raises :class:`WorkspaceError` for a missing file, a file that is not a
    workspace, a read-only location, or a workspace written by a newer version.
    """
    p = Path(path) if path is not None else None
    fresh = p is not None and (not p.exists() or p.stat().st_size == 0)
    if p is not None:
        if p.exists():
            _check_is_workspace(p, key)
            _check_writable(p)
        elif not create:
            raise WorkspaceError(f"找不到工作区文件：{p}")
        else:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise WorkspaceError(f"无法创建工作区（{describe_os_error(e)}）") from e
            _check_writable(p)
    hold = _hold(p) if p is not None else None
    try:
        conn = _connect(p, key, fresh)
    except sqlite.DatabaseError as e:
        if hold is not None:
            hold.release()
        clear = storage_error(e)
        if clear is not e:
            raise WorkspaceError(f"无法打开工作区：{str(clear).split('，')[0]}") from e
        raise WorkspaceError(f"无法打开工作区 {p}：{e}") from e
    except BaseException:
        if hold is not None:
            hold.release()
        raise
    ws = Workspace(p, conn, key, hold)
    try:
        _migrate(ws, p)
    except BaseException:
        ws.close()
        raise
    return ws


def _hold(path: Path) -> lock.Lock:
    """A share of the workspace's lock; the first program to open it also clears what a killed
    one left behind."""
    alone = lock.try_exclusive(path)
    if alone is None:
        return lock.acquire_shared(path)
    remove_stray_files(path)
    lock.downgrade(alone)
    return alone


def _migrate(ws: Workspace, path: Path | None) -> None:
    try:
        applied = mig.applied_names(ws.conn)
        tables = {
            r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite.DatabaseError as e:
        raise WorkspaceError(f"工作区文件已损坏或不是巡查台账工作区：{e}") from e
    known = mig.known_names()
    unknown = [n for n in applied if n not in known]
    if unknown:
        raise WorkspaceError(
            f"此工作区由较新版本的巡查台账创建（架构版本 {mig.schema_version(applied)}，"
            f"本软件支持到 {mig.schema_version(known)}），请升级软件后再打开。"
        )
    if not applied and tables - {mig.MIGRATIONS_TABLE}:
        raise WorkspaceError("该文件是 SQLite 数据库，但不是巡查台账工作区")
    if not [n for n in known if n not in applied]:
        return
    backup = ""
    if applied and path is not None:
        try:
            target = ws.backup_into(path.with_name(path.name + ".backups"), "migration")
        except OSError as e:
            raise WorkspaceError(
                f"升级工作区前无法备份（{describe_os_error(e)}），未升级，文件未改动"
            ) from e
        backup = f"；升级前的备份：{target.name}"
    try:
        mig.migrations().apply(ws.db)
        from .chains import backfill_chains  # only when upgrading: not on every open

        with ws.transaction():
            backfill_chains(ws.conn)
    except sqlite.Error as e:
        raise WorkspaceError(f"升级工作区失败（{e}），未完成的升级已撤销{backup}") from e
