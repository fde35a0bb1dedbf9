"""Passwords, key escrow, integrity checks, and backups of a workspace."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from ..storage import keyfile, sqlite
from ..storage.workspace import Workspace, is_encrypted, open_workspace
from .session import Session

if TYPE_CHECKING:
    from ..storage import integrity

# The roster (and its cryptography) and the integrity checker are imported when used: the app
# asks this module whether a workspace needs a password before its window paints.

BACKUP_DIR_SUFFIX = ".backups"
KEEP = {"daily": 7, "manual": 10, "migration": 3, "restore": 3}
_BACKUP = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<label>[a-z]+)\.ledger$")
LAST_BACKUP_KEY = "last_daily_backup"


# --- passwords and escrow -----------------------------------------------------------------


def _file_path(session: Session) -> Path:
    path = session.workspace.path
    if path is None:
        raise UserError("内存中的工作区没有文件")
    return path


def change_password(session: Session, *, old: str, new: str) -> None:
    """A new password for an encrypted workspace (only its key file is rewritten)."""
    path = _file_path(session)
    if not session.workspace.encrypted:
        raise UserError("此工作区没有加密，不能修改密码")
    current = keyfile.load(path)
    key = current.unlock(old)
    keyfile.save(path, current.with_password(key, new))


def escrow_to_leader(session: Session) -> str:
    """Put a copy of the data key, sealed to the team leader's laptop, in the key file.

    Returns the leader's name. If the member forgets the password, the leader's
    laptop can unseal it and set a new one (:func:`recover_with_escrow`).
    """
    path = _file_path(session)
    key = session.workspace.key
    if key is None:
        raise UserError("此工作区没有加密，无需托管密钥")
    from ..sync import roster as roster_mod

    pinned = roster_mod.pinned(session.conn)
    if pinned is None:
        raise UserError("本机尚未导入组长签发的名册，无法托管密钥")
    leader = roster_mod.trusted(session.conn).get(pinned[1])
    if leader is None or not leader.box_key:
        raise UserError("名册中组长的身份信息没有加密公钥，请组长更新名册")
    current = keyfile.load(path)
    keyfile.save(
        path,
        current.with_escrow(
            key, device_id=leader.device_id, name=leader.name, public_key=leader.box_key
        ),
    )
    return leader.name


def recover_with_escrow(leader: Session, *, workspace: Path, new_password: str) -> None:
    """On the leader's laptop: open a member's escrowed key and give it a new password."""
    from ..sync import roster as roster_mod

    with leader.transaction():
        private = roster_mod.ensure_private_key(leader.conn)
    current = keyfile.load(Path(workspace))
    key = current.recover(leader.device_id, private)
    ws = open_workspace(Path(workspace), key=key)  # proves the key fits before changing anything
    ws.close()
    keyfile.save(Path(workspace), current.with_password(key, new_password))


def encrypt_workspace(path: Path, *, password: str) -> Path:
    """Encrypt a plain workspace into a new file beside it (``<name>-加密.ledger``).

    The original is left untouched; open the new file, then delete the old one.
    """
    path = Path(path)
    if is_encrypted(path):
        raise UserError("此工作区已经加密")
    target = path.with_name(f"{path.stem}-加密{path.suffix}")
    if target.exists():
        raise UserError(f"文件已存在：{target.name}")
    key = os.urandom(keyfile.KEY_BYTES)
    made = keyfile.KeyFile.create(key, password)
    source = open_workspace(path)
    try:
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.unlink(missing_ok=True)
        source.conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        source.conn.execute("SELECT sqlcipher_export('encrypted')")
        source.conn.execute("DETACH DATABASE encrypted")
        keyfile.save(target, made)
        os.replace(tmp, target)
    except (OSError, sqlite.Error) as e:
        keyfile.key_path_for(target).unlink(missing_ok=True)
        raise UserError(f"加密工作区失败：{e}") from e
    finally:
        source.close()
    return target


# --- failures -----------------------------------------------------------------------------


def explain_failure(e: BaseException) -> str | None:
    """A plain sentence for a failure the user should hear about (a full disk, a read-only
    stick, a damaged file, an input problem), or None for a bug."""
    from ..storage.workspace import storage_error

    if isinstance(e, UserError):
        return str(e)
    if isinstance(e, sqlite.DatabaseError):
        clear = storage_error(e)
        return str(clear) if clear is not e else f"读写工作区时出错（{e}），请用“检查工作区”查明"
    if isinstance(e, OSError):
        return f"读写文件时出错：{keyfile.describe_os_error(e)}"
    return None


# --- integrity ----------------------------------------------------------------------------


def verify_workspace(session: Session) -> integrity.IntegrityReport:
    """Pages, structure, references and every laptop's hash chain."""
    from ..storage import integrity
    from ..sync import roster as roster_mod

    trusted = roster_mod.trusted(session.conn)
    names = {
        r[0]: r[1]
        for r in session.conn.execute(
            "SELECT device_id, name FROM members WHERE device_id IS NOT NULL"
        )
    }

    def label(device: str) -> str:
        if device == "reference":
            return "内置参考数据"
        name = trusted[device].name if device in trusted else names.get(device)
        return f"{name}的电脑" if name else f"设备{device[:8]}"

    return integrity.verify(session.workspace, label)


# --- backups ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    label: str

    @property
    def label_text(self) -> str:
        return {
            "daily": "每日自动备份",
            "manual": "手动备份",
            "migration": "升级前备份",
            "restore": "恢复前备份",
        }.get(self.label, self.label)


def backup_dir(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + BACKUP_DIR_SUFFIX)


def list_backups(workspace: Path) -> list[Backup]:
    """Newest first."""
    folder = backup_dir(Path(workspace))
    out = []
    if folder.is_dir():
        for p in folder.iterdir():
            m = _BACKUP.match(p.name)
            if m and m["stem"] == Path(workspace).stem:
                stamp = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
                out.append(Backup(p, stamp, m["label"]))
    return sorted(out, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backup_now(
    session: Session, *, label: str = "manual", now: dt.datetime | None = None
) -> Backup:
    """A consistent copy (SQLite backup API) in the backups folder, encrypted like the
    workspace; old backups of the same kind beyond the kept number are removed."""
    _file_path(session)
    return backup_workspace(session.workspace, label=label, now=now)


def backup_workspace(ws: Workspace, *, label: str, now: dt.datetime | None = None) -> Backup:
    path = ws.path
    assert path is not None
    try:
        target = ws.backup_into(backup_dir(path), label, now)
    except (OSError, sqlite.Error) as e:
        reason = keyfile.describe_os_error(e) if isinstance(e, OSError) else str(e)
        raise UserError(f"备份失败（{reason}），工作区未受影响") from e
    _rotate(path, label)
    m = _BACKUP.match(target.name)
    assert m is not None
    return Backup(target, dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S"), label)


def _rotate(workspace: Path, label: str) -> None:
    same = [b for b in list_backups(workspace) if b.label == label]
    for old in same[KEEP.get(label, 5) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            keyfile.key_path_for(old.path).unlink(missing_ok=True)


def daily_backup_due(session: Session, *, now: dt.datetime | None = None) -> bool:
    if session.workspace.path is None:
        return False
    latest = [b for b in list_backups(session.workspace.path) if b.label == "daily"]
    moment = now or dt.datetime.now()
    return not latest or moment - latest[0].taken_at >= dt.timedelta(hours=24)


def daily_backup(session: Session, *, now: dt.datetime | None = None) -> Backup | None:
    """The day's automatic backup, when the last one is a day old or there is none."""
    if not daily_backup_due(session, now=now):
        return None
    return backup_now(session, label="daily", now=now)


def check_backup(workspace: Path, backup: Path, key: bytes | None) -> None:
    """A backup opens with the workspace's key and passes SQLite's integrity check."""
    try:
        conn = sqlite.connect(backup, key)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite.Error as e:
        raise UserError(f"备份“{backup.name}”无法读取（{e}），未恢复") from e
    if rows != ["ok"]:
        raise UserError(f"备份“{backup.name}”已损坏，未恢复")


def restore_backup(
    workspace: Path, backup: Path, *, key: bytes | None, now: dt.datetime | None = None
) -> Backup:
    """Replace a closed workspace with a backup, after checking the backup and backing up
    the current state (label ``restore``). Returns that safety backup."""
    workspace, backup = Path(workspace), Path(backup)
    check_backup(workspace, backup, key)
    current = open_workspace(workspace, key=key)
    try:
        safety = backup_workspace(current, label="restore", now=now)
        current.checkpoint()
    finally:
        current.close()
    tmp = workspace.with_name(f".{workspace.name}.restore.tmp")
    try:
        shutil.copyfile(backup, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        for suffix in ("-wal", "-shm"):
            Path(str(workspace) + suffix).unlink(missing_ok=True)
        os.replace(tmp, workspace)
        keyfile.sync_directory(workspace.parent)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise UserError(f"恢复失败（{keyfile.describe_os_error(e)}），工作区未改动") from e
    return safety


def workspace_files(workspace: Path) -> list[Path]:
    """Every file that belongs to a workspace on disk (for checks and moving)."""
    out = [Path(str(workspace) + s) for s in ("", "-wal", "-shm")]
    out.append(keyfile.key_path_for(workspace))
    return [p for p in out if p.exists()]


def needs_password(path: Path) -> bool:
    return is_encrypted(Path(path))
