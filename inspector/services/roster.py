"""The team roster on this laptop: its identity, members' cards, the leader's roster.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    #: the leader's member record the card's laptop was linked to (a card)
    linked_to: str | None = None


@dataclass(frozen=True)
class MemberMatch:
    """A member already on the leader's list who may be the card's owner."""

    member_id: str
    name: str
    unit: str
    role: str
    #: same name and same unit (not only the same name)
    exact: bool


@dataclass(frozen=True)
class RosterFile:
    """What a card or roster file holds, read and checked before anything is trusted: the key
    fingerprint to compare with its owner's, and (a card) the members it may be."""

    kind: str  # card | roster
    identity: Identity  # the card's owner, or the roster's leader
    version: int | None
    members: tuple[Identity, ...]
    matches: tuple[MemberMatch, ...]
    #: an inspected court's liaison's card: the courts it may be bound to, (id, name)
    courts: tuple[tuple[str, str], ...] = ()

    @property
    def liaison(self) -> bool:
        """The card of an inspected court's liaison (bound to a court, not on the team)."""
        return self.kind == "card" and self.identity.role == roster_mod.COURT_ROLE

    @property
    def fingerprint(self) -> str:
        return self.identity.fingerprint


def read_roster_file(session: Session, *, path: Path) -> RosterFile:
    """Read a member's card (leader) or the leader's roster (member) and check it, writing
    nothing: the fingerprint is shown and confirmed before :func:`import_roster_file`."""
    data = _read_small(path)
    kind = roster_mod.kind_of(data)
    me = my_identity(session)
    if kind == "card":
        if me.role != "leader":
            raise RosterError("只有组长可以导入组员身份卡")
        card = roster_mod.read_card(data)
        if card.device_id == session.device_id:
            raise RosterError("这是本机自己的身份卡")
        if card.role == roster_mod.COURT_ROLE:
            courts = sorted(
                ((c["id"], c["name"]) for c in records.find(session, "court")),
                key=lambda c: (c[1] != card.unit, c[1]),  # the court the card names first
            )
            return RosterFile("card", card, None, (card,), (), tuple(courts))
        return RosterFile("card", card, None, (card,), tuple(member_matches(session, card)))
    parsed = roster_mod.read_roster(data)
    with session.transaction():
        roster_mod.trusted_after(session.conn, parsed, session.device_id)  # checks it
    return RosterFile("roster", parsed.leader, parsed.version, parsed.members, ())


def member_matches(session: Session, card: Identity) -> list[MemberMatch]:
    """The leader's members with the card's name who have no laptop yet (or this one), those
    of the same unit first."""
    out = []
    for m in records.find(session, "member", "name = ?", (card.name.strip(),)):
        if m["id"] == card.member_id or m["device_id"] not in (None, "", card.device_id):
            continue
        exact = (m["unit"] or "").strip() == card.unit.strip()
        out.append(MemberMatch(m["id"], m["name"], m["unit"] or "", m["role"], exact))
    out.sort(key=lambda m: (not m.exact, m.name))
    return out


def import_roster_file(
    session: Session,
    *,
    path: Path,
    role: str | None = None,
    link_to: str | None = None,
    fingerprint: str | None = None,
    court: str | None = None,
) -> RosterImport:
    """Trust a member's identity card (leader) or the leader's roster (member), after the user
    compared its fingerprint (``fingerprint``: refused when it differs). A card may be linked
    to the leader's own record of that person (``link_to``): the laptop then writes as that
    member, with the role the leader gave them, and the team has one 李明, not two. An
    inspected court's liaison's card is taken with ``court`` (name, 代字 or id): the laptop is
    trusted for that court only (role ``court``)."""
    preview = read_roster_file(session, path=path)
    if fingerprint is not None and _plain(fingerprint) != _plain(preview.fingerprint):
        raise RosterError(
            "指纹不一致：文件中的密钥不是对方的，可能被替换或伪造，未导入任何内容。请当面或电话向对方核实"
        )
    data = _read_small(path)
    if preview.kind == "card":
        card = preview.identity
        with session.transaction():
            if link_to is not None:
                member = records.get(session, "member", link_to)
                if member["device_id"] not in (None, "", card.device_id):
                    raise UserError(f"{member['name']}已有另一台电脑在名册中，不能再关联")
                card = replace(
                    card, member_id=link_to, name=member["name"], unit=member["unit"] or card.unit
                )
                role = role or member["role"]
            court_id = None
            if court is not None:
                found = records.find(
                    session, "court", "id = ? OR name = ? OR code = ?", (court, court, court)
                )
                if len(found) != 1:
                    raise UserError(
                        f"没有法院“{court}”" if not found else f"有多个法院与“{court}”相符"
                    )
                court_id = found[0]["id"]
                role = roster_mod.COURT_ROLE
            ident = roster_mod.add_card(session.conn, card, role, court_id)
            if link_to is not None:
                records.update(session, "member", link_to, {"device_id": card.device_id})
        return RosterImport("card", (ident,), None, None, link_to)
    parsed = roster_mod.read_roster(data)
    with session.transaction():
        take_roster(session, parsed)
        adopt_linked_member(session)
    return RosterImport("roster", parsed.members, parsed.leader, parsed.version)


def _plain(fingerprint: str) -> str:
    return "".join(ch for ch in fingerprint.upper() if ch.isalnum())


def adopt_linked_member(session: Session) -> bool:
    """The leader linked this laptop to their own record of its member: write as that member
    from now on (once the record has arrived with the leader's package), and take this
    laptop's first record of itself off the list (the revisions made under it keep their
    author). Joins the caller's transaction, or has one of its own. True when it switched."""
    from .session import MEMBER_KEY

    row = session.conn.execute(
        "SELECT member_id FROM trusted_keys WHERE device_id = ? AND source = 'self'",
        (session.device_id,),
    ).fetchone()
    if row is None or row[0] == session.member_id or not row[0]:
        return False
    linked = str(row[0])
    if not records.exists(session, "member", linked):
        return False  # the leader's record comes with the leader's next package
    old = session.member_id
    with session.transaction():
        session.workspace.set_local(MEMBER_KEY, linked)
        session.act_as(linked)
        claimed = session.conn.execute(
            "SELECT 1 FROM trusted_keys WHERE member_id = ? AND device_id != ?",
            (old, session.device_id),
        ).fetchone()
        if old and claimed is None and records.exists(session, "member", old):
            records.delete(session, "member", old)
    return True


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
