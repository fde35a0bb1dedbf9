"""The team roster: who is on the team, their roles and their laptops' public keys.

At kickoff every member hands the leader an identity card (their laptop's public
key, signed with it). The leader signs the roster and hands it back; each laptop
pins the leader's key on first import (the fingerprint is read aloud) and from
then on trusts only rosters signed by that key. Packages are verified against the
keys pinned here — never against a key a package claims.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from dataclasses import dataclass, replace
from typing import Any

from ..errors import UserError
from ..storage import boxes
from . import keys

CARD_FORMAT = "inspector-identity"
ROSTER_FORMAT = "inspector-roster"
PRIVATE_KEY = "private_key"
ROLES = ("leader", "verifier", "inspector", "court")
#: the inspected court's liaison: on the roster, bound to one court, never one of the team
COURT_ROLE = "court"
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024


class RosterError(UserError):
    """A roster or identity card that cannot be trusted or read."""


def canonical(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _local(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def ensure_private_key(conn: sqlite3.Connection) -> str:
    """This laptop's private key, made on first use. The caller provides the transaction."""
    existing = _local(conn, PRIVATE_KEY)
    if existing:
        return existing
    key = keys.generate_private_key()
    conn.execute("INSERT INTO local_state (key, value) VALUES (?, ?)", (PRIVATE_KEY, key))
    return key


Grant = tuple[int, str]


@dataclass(frozen=True)
class Identity:
    member_id: str
    name: str
    unit: str
    role: str
    device_id: str
    public_key: str
    #: the X25519 key packages and escrowed workspace keys are encrypted to
    box_key: str = ""
    #: the roles the leader set over time: (after_seq, role), each applying to this laptop's
    #: revisions numbered above after_seq; empty when the role never changed
    grants: tuple[Grant, ...] = ()
    #: when the laptop was revoked (lost): its revisions numbered above this are refused
    revoked_after: int | None = None
    revoked_at: str | None = None
    #: the court a liaison's laptop (role ``court``) is bound to: trusted for that court only
    court_id: str = ""

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)

    @property
    def revoked(self) -> bool:
        return self.revoked_after is not None

    def role_at(self, seq: int) -> str:
        """The role the laptop had for its revision numbered ``seq``."""
        role = self.grants[0][1] if self.grants else self.role
        for after, granted in self.grants:
            if seq > after:
                role = granted
        return role

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "member_id": self.member_id,
            "name": self.name,
            "unit": self.unit,
            "role": self.role,
            "device_id": self.device_id,
            "public_key": self.public_key,
        }
        if self.box_key:
            d["box_key"] = self.box_key
        if self.grants:
            d["grants"] = [list(g) for g in self.grants]
        if self.revoked_after is not None:
            d["revoked"] = {"after": self.revoked_after, "at": self.revoked_at or ""}
        if self.court_id:
            d["court_id"] = self.court_id
        return d

    def with_role(self, role: str) -> Identity:
        return replace(self, role=role)

    def with_device(self, device_id: str) -> Identity:
        """The same member and key on another of its hash chains (a laptop whose workspace was
        restored or copied goes on under a new laptop id)."""
        return replace(self, device_id=device_id, grants=(), revoked_after=None)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Identity:
        try:
            ident = cls(
                member_id=str(d["member_id"]),
                name=str(d["name"]),
                unit=str(d.get("unit") or ""),
                role=str(d["role"]),
                device_id=str(d["device_id"]),
                public_key=str(d["public_key"]),
                box_key=str(d.get("box_key") or ""),
                grants=_grants(d.get("grants")),
                court_id=str(d.get("court_id") or ""),
            )
            revoked = d.get("revoked")
            if revoked is not None:
                after = revoked["after"]
                if type(after) is not int or after < 0:
                    raise ValueError("revoked")
                ident = replace(ident, revoked_after=after, revoked_at=str(revoked.get("at", "")))
            if len(keys.unb64(ident.public_key)) != 32:
                raise ValueError("public key")
            if ident.box_key and len(keys.unb64(ident.box_key)) != 32:
                raise ValueError("box key")
        except (KeyError, TypeError, ValueError) as e:
            raise RosterError("名册或身份卡内容不完整") from e
        if ident.role not in ROLES or any(role not in ROLES for _, role in ident.grants):
            raise RosterError(f"名册中的角色“{ident.role}”无效")
        if any((r == COURT_ROLE) != (ident.role == COURT_ROLE) for _, r in ident.grants):
            raise RosterError(f"名册中{ident.name}的法院联络员身份无效")
        return ident


def _grants(value: Any) -> tuple[Grant, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > 1000:
        raise ValueError("grants")
    out: list[Grant] = []
    for g in value:
        if (
            not isinstance(g, list)
            or len(g) != 2
            or type(g[0]) is not int
            or not isinstance(g[1], str)
        ):
            raise ValueError("grants")
        out.append((g[0], g[1]))
    return tuple(out)


def _trust(conn: sqlite3.Connection, ident: Identity, source: str) -> None:
    conn.execute(
        """INSERT INTO trusted_keys
               (device_id, member_id, name, unit, role, public_key, source, added_at, box_key,
                grants, revoked_after, revoked_at, court_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(device_id) DO UPDATE SET member_id = excluded.member_id,
             name = excluded.name, unit = excluded.unit, role = excluded.role,
             public_key = excluded.public_key, source = excluded.source,
             box_key = excluded.box_key, grants = excluded.grants,
             revoked_after = excluded.revoked_after, revoked_at = excluded.revoked_at,
             court_id = excluded.court_id""",
        (
            ident.device_id,
            ident.member_id,
            ident.name,
            ident.unit,
            ident.role,
            ident.public_key,
            source,
            _now(),
            ident.box_key or None,
            json.dumps([list(g) for g in ident.grants]) if ident.grants else None,
            ident.revoked_after,
            ident.revoked_at,
            ident.court_id or None,
        ),
    )


def own_identity(conn: sqlite3.Connection, member: dict[str, Any], device_id: str) -> Identity:
    """This laptop's identity, trusted by itself. The caller provides the transaction."""
    private = ensure_private_key(conn)
    public = keys.public_key_of(private)
    ident = Identity(
        member["id"],
        member["name"],
        member.get("unit") or "",
        member["role"],
        device_id,
        public,
        boxes.box_public_key(private),
    )
    existing = trusted(conn).get(device_id)
    if existing is not None and existing.court_id:
        ident = replace(ident, court_id=existing.court_id)
    if existing is None or existing.public_key != public or existing.box_key != ident.box_key:
        _trust(conn, ident, "self")
        return ident
    # the role is the one the roster gives (the leader's), not the one this ledger says
    return replace(existing, member_id=ident.member_id, name=ident.name, unit=ident.unit)


def trusted(conn: sqlite3.Connection) -> dict[str, Identity]:
    rows = conn.execute(
        "SELECT member_id, name, unit, role, device_id, public_key, box_key, grants,"
        " revoked_after, revoked_at, court_id FROM trusted_keys"
    ).fetchall()
    return {
        r[4]: Identity(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6] or "",
            tuple((int(a), str(b)) for a, b in json.loads(r[7])) if r[7] else (),
            r[8],
            r[9],
            r[10] or "",
        )
        for r in rows
    }


def by_key(trusted_ids: dict[str, Identity]) -> dict[str, Identity]:
    """The trusted identities by public key (a key may sign several hash chains)."""
    out: dict[str, Identity] = {}
    for ident in trusted_ids.values():
        known = out.get(ident.public_key)
        if known is None or (known.revoked and not ident.revoked):
            out.setdefault(ident.public_key, ident)
        if ident.revoked:
            out[ident.public_key] = ident  # a revoked key stays revoked on every chain
    return out


def held_top(conn: sqlite3.Connection, device_id: str) -> int:
    """The highest sequence number of the laptop's revisions this workspace holds (0: none)."""
    row = conn.execute("SELECT MAX(seq) FROM revisions WHERE device_id = ?", (device_id,))
    return int(row.fetchone()[0] or 0)


def identity_card(conn: sqlite3.Connection, ident: Identity) -> bytes:
    """A member's identity card for the leader, signed with the laptop's own key."""
    doc = {"format": CARD_FORMAT, "version": 1, "identity": ident.as_dict(), "created_at": _now()}
    sig = keys.sign(ensure_private_key(conn), canonical(doc))
    return json.dumps(
        {"card": doc, "signature": keys.b64(sig)}, ensure_ascii=False, indent=1
    ).encode()


def _load(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise RosterError("文件过大，不是名册或身份卡")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise RosterError("文件不是有效的名册或身份卡") from e
    if not isinstance(doc, dict):
        raise RosterError("文件不是有效的名册或身份卡")
    return doc


def kind_of(data: bytes) -> str:
    """``card`` or ``roster``."""
    doc = _load(data)
    if "card" in doc:
        return "card"
    if "roster" in doc:
        return "roster"
    raise RosterError("文件不是有效的名册或身份卡")


def read_card(data: bytes) -> Identity:
    doc = _load(data)
    card = doc.get("card")
    if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
        raise RosterError("文件不是身份卡")
    ident = Identity.from_dict(card.get("identity") or {})
    try:
        sig = keys.unb64(str(doc.get("signature", "")))
    except ValueError as e:
        raise RosterError("身份卡签名无效") from e
    if not keys.verify(ident.public_key, sig, canonical(card)):
        raise RosterError("身份卡签名无效：文件可能被改动")
    return ident


def add_card(
    conn: sqlite3.Connection, ident: Identity, role: str | None = None, court_id: str | None = None
) -> Identity:
    """The leader accepts a member's card. The role the card declares is never trusted: it is
    the one the leader gives (an inspector by default; a card imported again keeps the role the
    leader set). An inspected court's liaison (role ``court``) is bound to ``court_id``, the
    only court it is trusted for. A card that claims a laptop or a key already on the roster for
    someone else is refused. The caller provides the transaction."""
    if role is not None and role not in ROLES:
        raise RosterError(f"角色“{role}”无效")
    if role == COURT_ROLE and not court_id:
        raise RosterError("法院联络员须指定其所属的被检查法院")
    if court_id and role != COURT_ROLE:
        raise RosterError("只有法院联络员绑定被检查法院")
    if ident.role == COURT_ROLE and role not in (None, COURT_ROLE):
        raise RosterError(
            f"这是{ident.name}（法院联络员）的身份卡，只能以法院联络员身份加入并指定其法院"
        )
    on_roster = trusted(conn)
    known = on_roster.get(ident.device_id)
    if known is not None and known.public_key != ident.public_key:
        raise RosterError(
            f"身份卡中的电脑编号已在名册中（属于{known.name}），但密钥不同：拒绝导入。"
            "可能是冒用他人电脑编号的身份卡，请当面核实"
        )
    for other in on_roster.values():
        if other.public_key == ident.public_key and other.device_id != ident.device_id:
            raise RosterError(f"身份卡中的密钥已在名册中（属于{other.name}的另一台电脑），拒绝导入")
    if known is not None and known.revoked:
        raise RosterError(f"{known.name}的这台电脑已挂失注销，不能再加入名册")
    if known is None:  # a new laptop: nothing of it can be held yet, the role applies to all
        ident = replace(ident, role=role or "inspector", grants=(), court_id=court_id or "")
    else:
        ident = replace(ident, role=known.role, grants=known.grants, court_id=known.court_id)
        if role is not None and (role == COURT_ROLE) != (known.role == COURT_ROLE):
            raise RosterError(
                f"{known.name}的电脑已在名册中（{'法院联络员' if known.court_id else '巡查组成员'}），"
                "不能改为另一种身份；请对方新建工作区并重新提交身份卡"
            )
        if court_id and court_id != known.court_id:
            raise RosterError(f"{known.name}的电脑已绑定另一家法院，不能改绑")
        if role is not None and role != ident.role:
            ident = _regranted(conn, ident, role)
    _trust(conn, ident, "card")
    return ident


def _regranted(conn: sqlite3.Connection, ident: Identity, role: str) -> Identity:
    """The identity with a new role for its revisions after those this workspace holds."""
    top = held_top(conn, ident.device_id)
    grants = ident.grants or ((0, ident.role),)
    if grants[-1][0] >= top:  # nothing of the old role held since: it never applied
        grants = grants[:-1]
    return replace(ident, role=role, grants=(*grants, (top, role)))


def set_role(
    conn: sqlite3.Connection, member_id: str, role: str, device_id: str | None = None
) -> list[Identity]:
    """The leader changes a member's role on every laptop of theirs (those of the member's id,
    and ``device_id``, the laptop the ledger names for them): from the revisions after those
    this workspace holds. The caller provides the transaction and signs a new roster."""
    if role not in ROLES or role == COURT_ROLE:
        raise RosterError(f"角色“{role}”无效")
    on_roster = trusted(conn)
    if any(i.member_id == member_id and i.role == COURT_ROLE for i in on_roster.values()):
        raise RosterError("法院联络员的身份不能改为巡查组角色")
    keys_of = {
        i.public_key
        for i in on_roster.values()
        if i.member_id == member_id or i.device_id == device_id
    }
    changed = []
    for ident in on_roster.values():
        if ident.public_key in keys_of and ident.role != role:
            updated = _regranted(conn, ident, role)
            _trust(conn, updated, _source(conn, ident.device_id))
            changed.append(updated)
    return changed


def revoke(conn: sqlite3.Connection, device_id: str, at: str | None = None) -> list[Identity]:
    """Revoke a lost laptop (every hash chain its key signs): what this workspace holds of it
    stays; anything numbered later is refused. The caller provides the transaction."""
    on_roster = trusted(conn)
    target = on_roster.get(device_id)
    if target is None:
        raise RosterError("名册中没有这台电脑")
    out = []
    for ident in on_roster.values():
        if ident.public_key == target.public_key and not ident.revoked:
            updated = replace(
                ident, revoked_after=held_top(conn, ident.device_id), revoked_at=at or _now()
            )
            _trust(conn, updated, _source(conn, ident.device_id))
            out.append(updated)
    return out


def continue_chain(conn: sqlite3.Connection, old_device: str, new_device: str) -> None:
    """This laptop goes on under a new laptop id: trust it as its own, with the same member,
    role and key (the caller provides the transaction)."""
    mine = trusted(conn).get(old_device)
    if mine is not None:
        _trust(conn, replace(mine.with_device(new_device), grants=()), "self")


def trust_chain(conn: sqlite3.Connection, ident: Identity) -> None:
    """Trust a new hash chain of a key already on the roster (the caller checked the key)."""
    if conn.execute(
        "SELECT 1 FROM trusted_keys WHERE device_id = ?", (ident.device_id,)
    ).fetchone():
        return
    _trust(conn, ident, "chain")


def _source(conn: sqlite3.Connection, device_id: str) -> str:
    row = conn.execute("SELECT source FROM trusted_keys WHERE device_id = ?", (device_id,))
    found = row.fetchone()
    return str(found[0]) if found else "card"


@dataclass(frozen=True)
class Roster:
    team_id: str
    version: int
    leader: Identity
    members: tuple[Identity, ...]
    document: bytes


def pinned(conn: sqlite3.Connection) -> tuple[str, str, int] | None:
    """(team id, leader device, roster version) of the roster this laptop trusts."""
    row = conn.execute("SELECT team_id, leader_device, version FROM roster_state").fetchone()
    return (row[0], row[1], int(row[2])) if row else None


def current_document(conn: sqlite3.Connection) -> bytes | None:
    """The signed roster this laptop holds (made here, on the leader's, or imported)."""
    row = conn.execute("SELECT document FROM roster_state").fetchone()
    return row[0].encode("utf-8") if row else None


def export_roster(conn: sqlite3.Connection, leader: Identity) -> bytes:
    """Sign a new version of the roster of every trusted laptop (leader only) and keep it as
    the current one. The caller provides the transaction."""
    if leader.role != "leader":
        raise RosterError("只有组长可以签发名册")
    state = conn.execute("SELECT team_id, version FROM roster_state").fetchone()
    team_id, version = (state[0], state[1] + 1) if state else (str(uuid.uuid4()), 1)
    members = sorted(
        trusted(conn).values(), key=lambda i: (ROLES.index(i.role), i.name, i.device_id)
    )
    doc = {
        "format": ROSTER_FORMAT,
        "version": 1,
        "team_id": team_id,
        "roster_version": version,
        "created_at": _now(),
        "leader": leader.as_dict(),
        "members": [m.as_dict() for m in members],
    }
    sig = keys.sign(ensure_private_key(conn), canonical(doc))
    data = json.dumps(
        {"roster": doc, "signature": keys.b64(sig)}, ensure_ascii=False, indent=1
    ).encode()
    _pin(conn, team_id, leader, version, data)
    return data


def read_roster(data: bytes) -> Roster:
    doc = _load(data)
    body = doc.get("roster")
    if not isinstance(body, dict) or body.get("format") != ROSTER_FORMAT:
        raise RosterError("文件不是名册")
    if body.get("version") != 1:
        raise RosterError("名册格式版本较新，请升级软件")
    leader = Identity.from_dict(body.get("leader") or {})
    try:
        sig = keys.unb64(str(doc.get("signature", "")))
    except ValueError as e:
        raise RosterError("名册签名无效") from e
    if not keys.verify(leader.public_key, sig, canonical(body)):
        raise RosterError("名册签名无效：文件可能被改动")
    if leader.role != "leader":
        raise RosterError("名册签发人不是组长")
    raw_members = body.get("members")
    if not isinstance(raw_members, list):
        raise RosterError("名册内容不完整")
    members = tuple(Identity.from_dict(m) for m in raw_members)
    if len({m.device_id for m in members}) != len(members):
        raise RosterError("名册中有重复的设备")
    try:
        version = int(body["roster_version"])
        team_id = str(body["team_id"])
    except (KeyError, TypeError, ValueError) as e:
        raise RosterError("名册内容不完整") from e
    return Roster(team_id, version, leader, members, data)


def _pin(
    conn: sqlite3.Connection, team_id: str, leader: Identity, version: int, data: bytes
) -> None:
    conn.execute(
        """INSERT INTO roster_state
               (id, team_id, leader_device, leader_key, version, document, imported_at)
           VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET version = excluded.version,
             document = excluded.document, imported_at = excluded.imported_at""",
        (team_id, leader.device_id, leader.public_key, version, data.decode("utf-8"), _now()),
    )


def _roster_rows(
    conn: sqlite3.Connection, roster: Roster, own_device: str
) -> list[tuple[Identity, str]]:
    """What trusting the roster would leave in ``trusted_keys`` besides this laptop's own row:
    (identity, source) pairs, after checking it may be trusted. Writes nothing."""
    row = conn.execute("SELECT team_id, leader_key, version FROM roster_state").fetchone()
    if row is not None:
        team_id, leader_key, version = row
        if roster.team_id != team_id or roster.leader.public_key != leader_key:
            raise RosterError("该名册不是本组组长签发的（与已信任的组长密钥不一致），已拒绝")
        if roster.version < version:
            raise RosterError(f"这是旧版名册（第{roster.version}版），本机已有第{version}版")
    own = conn.execute(
        "SELECT public_key FROM trusted_keys WHERE device_id = ?", (own_device,)
    ).fetchone()
    for m in roster.members:
        if m.device_id == own_device and own and m.public_key != own[0]:
            raise RosterError("名册中本机的公钥与本机密钥不一致，请向组长核实")
    listed = {m.public_key for m in (roster.leader, *roster.members)}
    revoked = {m.public_key for m in roster.members if m.revoked}
    leader_listed = any(m.device_id == roster.leader.device_id for m in roster.members)
    rows = [
        (m, "self" if m.device_id == own_device else "roster")
        for m in (*(() if leader_listed else (roster.leader,)), *roster.members)
    ]
    on_roster = {m.device_id for m, _ in rows}
    rows += [
        (i, "chain")
        for i in trusted(conn).values()
        if _source(conn, i.device_id) == "chain"
        and i.public_key in listed - revoked
        and i.device_id not in on_roster
    ]
    return rows


def trusted_after(conn: sqlite3.Connection, roster: Roster, own_device: str) -> dict[str, Identity]:
    """The laptops this one would trust after importing the roster (nothing is written)."""
    out = {i.device_id: i for i, _ in _roster_rows(conn, roster, own_device)}
    own = trusted(conn).get(own_device)
    if own is not None and own_device not in out:
        out[own_device] = own
    return out


def import_roster(conn: sqlite3.Connection, roster: Roster, own_device: str) -> None:
    """Trust the roster's keys. The first roster pins its leader; later ones must match.

    The caller provides the transaction.
    """
    rows = _roster_rows(conn, roster, own_device)
    conn.execute("DELETE FROM trusted_keys WHERE device_id != ?", (own_device,))
    for ident, source in rows:
        _trust(conn, ident, source)
    _pin(conn, roster.team_id, roster.leader, roster.version, roster.document)
