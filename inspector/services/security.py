"""Passwords, key escrow, integrity checks, and backups of a workspace.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError, describe_os_error
from ..storage import keyfile, lock, sqlite
from ..storage.workspace import Workspace, is_encrypted, open_workspace
from .session import RESTORED_NOTICE, Session, continue_on_new_chain, own_devices

if TYPE_CHECKING:
    from ..storage import integrity
    from ..storage.integrity import IntegrityReport as IntegrityReport

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
    """A new password for an encrypted workspace, and a new data key under it: the database is
    re-keyed, so that neither the old password nor a copy of the old key file opens it. Every
    backup's key file is wrapped under the new password too (owner-only, like the live one).
    Needs the workspace alone: refused while another program or window has it open.
    Runs on the session's thread."""
    from ..sync import roster as roster_mod

    path = _file_path(session)
    if not session.workspace.encrypted:
        raise UserError("此工作区没有加密，不能修改密码")
    keyfile.check_password(new)
    current = keyfile.load(path)
    old_kek = current.kek(old)
    data_key = current.unlock_with(old_kek)
    box_keys = {i.device_id: i.box_key for i in roster_mod.trusted(session.conn).values()}

    def backup_key(kf: keyfile.KeyFile, keks: dict[bytes, bytes]) -> bytes | None:
        if kf.salt not in keks:
            keks[kf.salt] = kf.kek(old)
        try:
            return kf.unlock_with(keks[kf.salt])
        except keyfile.WrongPassword:
            return None

    with lock.exclusive_while_open(path, "修改密码"):
        _rekey(session.workspace, path, current, data_key, new, box_keys)
    _rewrap_backups(path, new, backup_key)


def _rekey(
    ws: Workspace,
    path: Path,
    current: keyfile.KeyFile,
    data_key: bytes,
    password: str,
    box_keys: dict[str, str],
) -> None:
    """Re-key an open workspace that this program holds alone. Crash-safe: the key file that
    is written first also holds the previous key (see ``KeyFile.pending``), so the workspace
    opens whichever side of the re-keying a crash falls on."""
    import secrets

    new_key = secrets.token_bytes(keyfile.KEY_BYTES)
    staged = current.rekeyed(new_key, password, previous_key=data_key, box_keys=box_keys)
    keyfile.save(path, staged)
    try:
        ws.rekey(new_key)
    except sqlite.Error as e:
        # the database keeps its key: so does the key file
        keyfile.save(path, current)
        raise UserError(f"修改密码失败（{e}），工作区和原密码未改动") from e
    keyfile.save(path, staged.settled())


def _rewrap_backups(
    workspace: Path,
    password: str,
    data_key_of: Callable[[keyfile.KeyFile, dict[bytes, bytes]], bytes | None],
) -> None:
    """Wrap every backup's data key under ``password`` (one Argon2id derivation for all)."""
    import secrets

    salt = secrets.token_bytes(16)
    new_kek = keyfile.derive(password, salt, keyfile.DEFAULT_KDF)
    keks: dict[bytes, bytes] = {}
    for b in list_backups(workspace):
        key_file = keyfile.key_path_for(b.path)
        if not key_file.exists():
            continue
        try:
            kf = keyfile.load(b.path)
        except UserError:
            continue
        data_key = data_key_of(kf, keks)
        if data_key is None:
            continue  # wrapped under a password before this one, and unlocked by neither
        fresh = keyfile.KeyFile.with_kek(new_kek, salt, keyfile.DEFAULT_KDF, data_key)
        with contextlib.suppress(UserError):
            keyfile.save(b.path, replace(fresh, escrow=kf.escrow))


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
    """On the leader's laptop: open a member's escrowed key and set a new password, re-keying
    the member's workspace (the forgotten password then opens nothing) and its backups. The
    member's workspace must be closed."""
    from ..sync import roster as roster_mod

    with leader.transaction():
        private = roster_mod.ensure_private_key(leader.conn)
    path = Path(workspace)
    keyfile.check_password(new_password)
    current = keyfile.load(path)
    key = current.recover(leader.device_id, private)
    box_keys = {i.device_id: i.box_key for i in roster_mod.trusted(leader.conn).values()}
    hold = lock.acquire_exclusive(path, "重设密码")
    try:
        ws = open_workspace(path, key=key)  # proves the key fits before changing anything
        try:
            _rekey(ws, path, current, key, new_password, box_keys)
        finally:
            ws.close()
    finally:
        hold.release()

    def escrowed(kf: keyfile.KeyFile, _keks: dict[bytes, bytes]) -> bytes | None:
        try:
            return kf.recover(leader.device_id, private)
        except UserError:
            return None

    _rewrap_backups(path, new_password, escrowed)


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
        return f"读写文件时出错：{describe_os_error(e)}"
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

    from ..sync import heads, keys

    mine = set(own_devices(session)) | {session.device_id}
    # a court's laptop holds the team's revisions of its own records only, as the leader's
    # signed packages brought them (checked then): its own chain is held whole
    court = session.court_id() is not None
    report = integrity.verify(
        session.workspace, label, (lambda device: device not in mine) if court else None
    )
    try:
        private = session.workspace.get_local(roster_mod.PRIVATE_KEY)
        own_key = keys.public_key_of(private) if private else None
        if not court:
            report.problems += heads.unsigned_problems(
                session.conn, trusted, own_key, set(own_devices(session)), label
            )
    except (sqlite.DatabaseError, MemoryError) as e:
        if not report.problems:
            report.problems.append(f"读取签名时出错（文件已损坏）：{e}")
    return report


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
        reason = describe_os_error(e) if isinstance(e, OSError) else str(e)
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
    the current state (label ``restore``). Returns that safety backup.

    Refused while any program has the workspace open: a file swapped under a live connection
    would take every later save with it. The restored workspace goes on under a new laptop id
    (see :func:`continue_on_new_chain`), so that the leader, who may hold this laptop's later
    revisions, takes its new work too.
    """
    from ..storage import lock

    workspace, backup = Path(workspace), Path(backup)
    hold = lock.acquire_exclusive(workspace, "恢复备份")
    try:
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
            raise UserError(f"恢复失败（{describe_os_error(e)}），工作区未改动") from e
        restored = open_workspace(workspace, key=key)
        try:
            continue_on_new_chain(restored, notice=RESTORED_NOTICE)
        finally:
            restored.close()
    finally:
        hold.release()
    return safety


def workspace_files(workspace: Path) -> list[Path]:
    """Every file that belongs to a workspace on disk (for checks and moving)."""
    out = [Path(str(workspace) + s) for s in ("", "-wal", "-shm")]
    out.append(keyfile.key_path_for(workspace))
    return [p for p in out if p.exists()]


def needs_password(path: Path) -> bool:
    return is_encrypted(Path(path))
