"""A session: an open workspace, the member using this laptop, and their device.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.clock import Clock, system_clock
from ..domain.enums import Role
from ..errors import PermissionDenied, UserError, WorkspaceError
from ..storage import keyfile
from ..storage.workspace import Workspace, open_workspace

if TYPE_CHECKING:
    import sqlite3

    from ..domain.workdays import WorkCalendar
    from ..storage.revisions import RevisionLog

# The revision log and the working-day calendar are made when first used: the app's window
# paints without their modules.

DEVICE_KEY = "device_id"
MEMBER_KEY = "current_member_id"
WORKSPACE_KEY = "workspace_id"
HOLIDAYS_KEY = "holidays"
#: where this file lives (machine and file identity): a copied or restored file is noticed
PLACEMENT_KEY = "placement"
#: the laptop ids this workspace wrote under before (a restored or copied workspace goes on
#: under a new one, see :func:`continue_on_new_chain`)
PREVIOUS_DEVICES_KEY = "previous_devices"
#: a sentence for the user about something that happened to the workspace (shown once)
NOTICE_KEY = "notice"

RESTORED_NOTICE = (
    "已从备份恢复。本机之后的修改记在新的记录链上，组长导入时会自动识别；"
    "恢复前已发给组长的修改，导入组长最新的汇总台账即可找回。"
)
COPIED_NOTICE = (
    "此工作区是从别处复制或移动来的。为免与原来的副本冲突，本机之后的修改记在新的记录链上，"
    "组长导入时会自动识别，无需其他操作。"
)

#: raised when a password does not unlock an encrypted workspace
WrongPassword = keyfile.WrongPassword

#: the fixed namespace of ids derived from names (seeded reference records)
ID_NAMESPACE = "6f1d7c36-64c1-4a7e-9a49-2b3a5f0e8d11"

# uuid is imported when an id is first made (it loads the platform module): not at start-up


def uuid_ids() -> str:
    """A new record id: a UUID led by the time it is made (see :mod:`..domain.ids`)."""
    import os
    import time

    from ..domain.ids import time_ordered_id

    return time_ordered_id(time.time_ns() // 1_000_000, int.from_bytes(os.urandom(10), "big"))


def derived_id(name: str) -> str:
    """The same id on every laptop for the same name (reference records, checklist answers)."""
    import uuid

    return str(uuid.uuid5(uuid.UUID(ID_NAMESPACE), name))


@dataclass
class Session:
    """Runs on the thread that opened it; a worker thread opens its own session."""

    workspace: Workspace
    device_id: str
    member_id: str | None
    clock: Clock = system_clock
    new_id: Callable[[], str] = uuid_ids
    _calendar: WorkCalendar | None = field(default=None, repr=False)
    _log: RevisionLog | None = field(default=None, init=False, repr=False)

    @property
    def calendar(self) -> WorkCalendar:
        """Working days: the official calendar, with this laptop's holiday list when loaded."""
        if self._calendar is None:
            from ..domain.workdays import WorkCalendar

            self._calendar = WorkCalendar()
        return self._calendar

    @calendar.setter
    def calendar(self, value: WorkCalendar) -> None:
        self._calendar = value

    @property
    def log(self) -> RevisionLog:
        """Writes this member's revisions on this laptop."""
        if self._log is None:
            from ..storage.revisions import RevisionLog

            self._log = RevisionLog(self.workspace, self.device_id, self.member_id, self.clock)
        return self._log

    @property
    def conn(self) -> sqlite3.Connection:
        return self.workspace.conn

    def use_clock(self, clock: Clock) -> None:
        """Change the clock that stamps new revisions (simulations hand back the real one)."""
        self.clock = clock
        self.log.clock = clock
        self.log.hlc.clock = clock

    def today(self) -> dt.date:
        return self.clock().date()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.workspace.transaction():
            yield

    def act_as(self, member_id: str | None, device_id: str | None = None) -> None:
        """Switch the member (and, when simulating another laptop, the device) making changes."""
        self.member_id = member_id
        self.log.member_id = member_id
        if device_id is not None:
            self.log.device_id = device_id

    def member(self) -> dict[str, Any] | None:
        if self.member_id is None:
            return None
        row = self.conn.execute(
            "SELECT id, name, unit, role FROM members WHERE id = ? AND deleted = 0",
            (self.member_id,),
        ).fetchone()
        return dict(zip(("id", "name", "unit", "role"), row, strict=True)) if row else None

    def role(self) -> Role:
        """The role of the member this laptop writes as: the one the leader's signed roster
        gives this laptop (a member's own ledger may say otherwise, and is not trusted for it);
        before any roster, the one the workspace was made with."""
        m = self.member()
        if m is None:
            raise PermissionDenied("本机尚未设置使用者")
        row = self.conn.execute(
            "SELECT role FROM trusted_keys WHERE device_id = ? AND member_id = ?",
            (self.log.device_id, self.member_id),
        ).fetchone()
        return Role(row[0] if row else m["role"])

    def court_id(self) -> str | None:
        """On an inspected court's liaison's laptop, the court the leader's roster binds it to
        ("" before the roster arrives); None on the team's laptops. (A liaison's workspace is
        made in the court role, and the roster never turns one role into the other.)"""
        m = self.member()
        if m is None or m["role"] != Role.COURT:
            return None
        row = self.conn.execute(
            "SELECT court_id FROM trusted_keys WHERE device_id = ? AND member_id = ?",
            (self.log.device_id, self.member_id),
        ).fetchone()
        return str(row[0] or "") if row is not None else ""

    def close(self) -> None:
        self.workspace.close()


def _machine_id() -> str:
    import sys
    import uuid

    if sys.platform == "win32":  # pragma: no cover - Windows builds
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography") as k:
                return str(winreg.QueryValueEx(k, "MachineGuid")[0])
        except OSError:
            pass
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(candidate).read_text().strip()
        except OSError:
            continue
        if text:
            return text
    return str(uuid.getnode())


def placement(path: Path) -> str:
    """This file on this machine: changes when the file is copied, restored or moved to
    another disk (not when it is renamed or moved within one)."""
    import hashlib

    st = Path(path).stat()
    text = f"{_machine_id()}\x1f{st.st_dev}\x1f{st.st_ino}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def continue_on_new_chain(ws: Workspace, *, notice: str) -> str:
    """Go on under a new laptop id: the workspace was restored from a backup or copied, so its
    own hash chain may have been continued elsewhere (by the laptop before the restore, or by
    the original of the copy). Writing on under the old id would fork that chain and the
    leader would refuse the new work; a new chain, signed with the same key, is recognised as
    the same member's. Returns the new laptop id."""
    import json

    old = ws.get_local(DEVICE_KEY)
    new = uuid_ids()
    earlier = json.loads(ws.get_local(PREVIOUS_DEVICES_KEY) or "[]")
    with ws.transaction():
        ws.set_local(DEVICE_KEY, new)
        ws.set_local(PREVIOUS_DEVICES_KEY, json.dumps([*earlier, old]))
        ws.set_local(NOTICE_KEY, notice)
        if ws.path is not None:
            ws.set_local(PLACEMENT_KEY, placement(ws.path))
        if old:
            from ..sync.roster import continue_chain

            continue_chain(ws.conn, old, new)
    return new


def own_devices(session: Session) -> list[str]:
    """The laptop ids this workspace writes or wrote under: the current one first."""
    import json

    earlier = json.loads(session.workspace.get_local(PREVIOUS_DEVICES_KEY) or "[]")
    return [session.device_id, *[d for d in earlier if d != session.device_id]]


def take_notice(session: Session) -> str | None:
    """The sentence about what happened to the workspace, once (then it is cleared)."""
    text = session.workspace.get_local(NOTICE_KEY)
    if text:
        session.workspace.set_local(NOTICE_KEY, None)
    return text


def unlock_key(path: Path | str, password: str) -> bytes:
    """The data key of an encrypted workspace; a wrong password raises before any file is
    touched. A password change cut off before the database was re-keyed is finished here."""
    kf = keyfile.load(Path(path))
    kek = kf.kek(password)
    key = kf.unlock_with(kek)
    previous = kf.pending_key(kek)
    if previous is not None:
        try:
            open_workspace(Path(path), key=key).close()
        except WorkspaceError:
            ws = open_workspace(Path(path), key=previous)
            try:
                ws.rekey(key)
            finally:
                ws.close()
        keyfile.save(Path(path), kf.settled())
    return key


def open_session(
    path: Path | str | None,
    *,
    create: bool = False,
    password: str | None = None,
    key: bytes | None = None,
    clock: Clock = system_clock,
    new_id: Callable[[], str] = uuid_ids,
) -> Session:
    """Open a workspace for this laptop's member (``path=None``: in memory, for tests).

    An encrypted workspace needs its ``password`` (or, for a worker thread of an open
    session, its data ``key``). With ``create`` and a password, the new workspace is
    encrypted: its key file is written first, and removed again if creating fails.
    """
    made_key_file: Path | None = None
    if path is not None and password is not None and key is None:
        if create and not Path(path).exists():
            import secrets

            key = secrets.token_bytes(keyfile.KEY_BYTES)
            made = keyfile.KeyFile.create(key, password)
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            made_key_file = keyfile.save(Path(path), made)
        else:
            key = unlock_key(path, password)
    try:
        ws = open_workspace(path, create=create, key=key)
    except BaseException:
        if made_key_file is not None:
            made_key_file.unlink(missing_ok=True)
        raise
    try:
        device = ws.get_local(DEVICE_KEY)
        if device is None:
            if not create:
                raise WorkspaceError("工作区缺少本机设备标识，文件可能不完整")
            device = new_id()
            ws.set_local(DEVICE_KEY, device)
            ws.set_local(WORKSPACE_KEY, new_id())
        if ws.path is not None:
            here = placement(ws.path)
            known = ws.get_local(PLACEMENT_KEY)
            if known is None:
                ws.set_local(PLACEMENT_KEY, here)
            elif known != here:
                device = continue_on_new_chain(ws, notice=COPIED_NOTICE)
        session = Session(ws, device, ws.get_local(MEMBER_KEY), clock=clock, new_id=new_id)
        holidays = ws.get_local(HOLIDAYS_KEY)
        if holidays:
            from ..domain.workdays import WorkCalendar, parse_holiday_list

            days, names = parse_holiday_list(holidays.splitlines())
            session.calendar = WorkCalendar(days, names)
        return session
    except BaseException:
        ws.close()
        raise


def set_current_member(session: Session, *, member_id: str) -> None:
    """Record who uses this laptop when the workspace is made (or when the leader's roster
    links the laptop to the leader's record of its member). The laptop's member is fixed by its
    identity keys: no one can switch it to another member."""
    row = session.conn.execute(
        "SELECT 1 FROM members WHERE id = ? AND deleted = 0", (member_id,)
    ).fetchone()
    if row is None:
        raise WorkspaceError("没有这名组员")
    mine = session.conn.execute(
        "SELECT member_id FROM trusted_keys WHERE device_id = ? AND source = 'self'",
        (session.device_id,),
    ).fetchone()
    if mine is not None and mine[0] != member_id:
        raise PermissionDenied("本机的使用者由本机的身份密钥确定，不能改为其他组员")
    session.workspace.set_local(MEMBER_KEY, member_id)
    session.act_as(member_id)


def save_holidays(session: Session, *, text: str) -> WorkCalendar:
    """Store this laptop's holiday list for years the official calendar does not know yet."""
    from ..domain.workdays import WorkCalendar, parse_holiday_list

    try:
        days, names = parse_holiday_list(text.splitlines())
    except ValueError as e:
        raise UserError(f"节假日安排有误：{e}") from e
    session.workspace.set_local(HOLIDAYS_KEY, text.strip() or None)
    session.calendar = WorkCalendar(days, names)
    return session.calendar


def holidays_text(session: Session) -> str:
    return session.workspace.get_local(HOLIDAYS_KEY) or ""


#: this laptop's copy of the workspace is demo data (kept locally, not synced)
DEMO_KEY = "demo"


def mark_demo(session: Session) -> None:
    """Mark the workspace as demo data: the app says so while it is open."""
    session.workspace.set_local(DEMO_KEY, "1")


def is_demo(session: Session) -> bool:
    """Whether the workspace holds the demo data (made by ``inspector demo`` or the first
    run). Runs on the thread that owns the session."""
    return session.workspace.get_local(DEMO_KEY) == "1"
