"""The team roster on this laptop: its identity, members' cards, the leader's roster.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import PermissionDenied, UserError, describe_os_error
from ..storage.keyfile import write_atomic
from ..storage.migrations import known_names, schema_version
from ..sync import roster as roster_mod
from ..sync.roster import Identity, RosterError
from . import records
from .session import Session


def _schema() -> int:
    return schema_version(known_names())


def _member(session: Session) -> dict[str, Any]:
    m = session.member()
    if m is None:
        raise PermissionDenied("本机尚未设置使用者，请先在“团队与设置”中选择本人")
    return m


def my_identity(session: Session) -> Identity:
    with session.transaction():
        return roster_mod.own_identity(session.conn, _member(session), session.device_id)


def trusted_identities(session: Session) -> dict[str, Identity]:
    my_identity(session)
    return roster_mod.trusted(session.conn)


# --- roster -----------------------------------------------------------------------------


def export_identity_card(session: Session, *, path: Path) -> Identity:
    """A member's card for the leader: name, role, laptop and public key."""
    ident = my_identity(session)
    with session.transaction():
        data = roster_mod.identity_card(session.conn, ident)
    _write_small(path, data)
    return ident


def export_roster(session: Session, *, path: Path) -> roster_mod.Roster:
    """The signed roster (leader only) for the members to import at kickoff."""
    ident = my_identity(session)
    with session.transaction():
        data = roster_mod.export_roster(session.conn, ident)
    _write_small(path, data)
    return roster_mod.read_roster(data)


@dataclass(frozen=True)
class RosterImport:
    kind: str  # card | roster
    identities: tuple[Identity, ...]
    leader: Identity | None
    version: int | None


def import_roster_file(session: Session, *, path: Path, role: str | None = None) -> RosterImport:
    """Import a member's identity card (leader) or the leader's roster (member)."""
    data = _read_small(path)
    kind = roster_mod.kind_of(data)
    me = my_identity(session)
    if kind == "card":
        if me.role != "leader":
            raise RosterError("只有组长可以导入组员身份卡")
        card = roster_mod.read_card(data)
        if card.device_id == session.device_id:
            raise RosterError("这是本机自己的身份卡")
        with session.transaction():
            ident = roster_mod.add_card(session.conn, card, role)
        return RosterImport("card", (ident,), None, None)
    parsed = roster_mod.read_roster(data)
    take_roster(session, parsed)
    return RosterImport("roster", parsed.members, parsed.leader, parsed.version)


def take_roster(session: Session, roster: roster_mod.Roster) -> None:
    """Trust the leader's roster (a file, or one that came with the leader's package) and take
    this laptop's own role from it. Joins the caller's transaction, or has one of its own."""
    with session.transaction():
        roster_mod.import_roster(session.conn, roster, session.device_id)
        mine = next((m for m in roster.members if m.device_id == session.device_id), None)
        if mine and session.member_id == mine.member_id:
            current = records.get(session, "member", mine.member_id)
            if current["role"] != mine.role:
                records.update(session, "member", mine.member_id, {"role": mine.role})


def revoke_laptop(session: Session, *, who: str) -> list[Identity]:
    """Leader: revoke a lost laptop (a member's name, member id or laptop id) and sign a new
    roster. What this workspace holds of the laptop stays; its later revisions and any package
    it sends from now on are refused, here and on every laptop that imports the new roster."""
    me = my_identity(session)
    if me.role != "leader":
        raise PermissionDenied("只有组长可以注销组员的电脑")
    on_roster = roster_mod.trusted(session.conn)
    found = {
        i.public_key: i
        for i in on_roster.values()
        if who in (i.name, i.member_id, i.device_id)
        or (len(who) >= 8 and i.device_id.startswith(who))
    }
    if not found:
        raise UserError(f"名册中没有“{who}”")
    if len(found) > 1:
        raise UserError(f"名册中有多台电脑与“{who}”相符，请改用电脑编号")
    (target,) = found.values()
    if target.public_key == me.public_key:
        raise UserError("不能注销本机")
    with session.transaction():
        revoked = roster_mod.revoke(
            session.conn, target.device_id, session.clock().isoformat(timespec="seconds")
        )
        roster_mod.export_roster(session.conn, me)
    return revoked


def roster_entries(session: Session) -> list[Identity]:
    """Everyone this laptop trusts, the leader first."""
    my_identity(session)
    order = {r: n for n, r in enumerate(roster_mod.ROLES)}
    return sorted(
        roster_mod.trusted(session.conn).values(),
        key=lambda i: (i.revoked, order.get(i.role, 9), i.name, i.device_id),
    )


def _write_small(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"无法写入“{path}”：{describe_os_error(e)}") from e
    write_atomic(path, data)


def _read_small(path: Path) -> bytes:
    try:
        if path.stat().st_size > roster_mod.MAX_DOCUMENT_BYTES:
            raise RosterError("文件过大，不是名册或身份卡")
        return path.read_bytes()
    except OSError as e:
        raise UserError(f"无法读取“{path}”：{e.strerror}") from e


# --- export -----------------------------------------------------------------------------
