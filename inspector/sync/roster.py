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
ROLES = ("leader", "verifier", "inspector")
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

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)

    def as_dict(self) -> dict[str, str]:
        d = {
            "member_id": self.member_id,
            "name": self.name,
            "unit": self.unit,
            "role": self.role,
            "device_id": self.device_id,
            "public_key": self.public_key,
        }
        if self.box_key:
            d["box_key"] = self.box_key
        return d

    def with_role(self, role: str) -> Identity:
        return replace(self, role=role)

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
            )
            keys.unb64(ident.public_key)
            if ident.box_key and len(keys.unb64(ident.box_key)) != 32:
                raise ValueError("box key")
        except (KeyError, TypeError, ValueError) as e:
            raise RosterError("名册或身份卡内容不完整") from e
        if ident.role not in ROLES:
            raise RosterError(f"名册中的角色“{ident.role}”无效")
        return ident


def _trust(conn: sqlite3.Connection, ident: Identity, source: str) -> None:
    conn.execute(
        """INSERT INTO trusted_keys
               (device_id, member_id, name, unit, role, public_key, source, added_at, box_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(device_id) DO UPDATE SET member_id = excluded.member_id,
             name = excluded.name, unit = excluded.unit, role = excluded.role,
             public_key = excluded.public_key, source = excluded.source,
             box_key = excluded.box_key""",
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
    existing = conn.execute(
        "SELECT public_key, role, box_key FROM trusted_keys WHERE device_id = ?", (device_id,)
    ).fetchone()
    if existing is None or existing[0] != public or existing[2] != ident.box_key:
        _trust(conn, ident, "self")
    elif existing[1] != ident.role:
        ident = ident.with_role(existing[1])
    return ident


def trusted(conn: sqlite3.Connection) -> dict[str, Identity]:
    rows = conn.execute(
        "SELECT member_id, name, unit, role, device_id, public_key, box_key FROM trusted_keys"
    ).fetchall()
    return {r[4]: Identity(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "") for r in rows}


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


def add_card(conn: sqlite3.Connection, ident: Identity, role: str | None = None) -> Identity:
    """The leader accepts a member's card (optionally with another role)."""
    if role is not None:
        if role not in ROLES:
            raise RosterError(f"角色“{role}”无效")
        ident = ident.with_role(role)
    _trust(conn, ident, "card")
    return ident


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


def export_roster(conn: sqlite3.Connection, leader: Identity) -> bytes:
    """The signed roster of every trusted laptop (leader only). Caller provides the transaction."""
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


def import_roster(conn: sqlite3.Connection, roster: Roster, own_device: str) -> None:
    """Trust the roster's keys. The first roster pins its leader; later ones must match.

    The caller provides the transaction.
    """
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
    conn.execute("DELETE FROM trusted_keys WHERE device_id != ?", (own_device,))
    for m in (roster.leader, *roster.members):
        _trust(conn, m, "self" if m.device_id == own_device else "roster")
    _pin(conn, roster.team_id, roster.leader, roster.version, roster.document)
