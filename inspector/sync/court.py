"""The inspected court in the loop: what a rectification package (整改包) for one court holds,
how the court's laptop takes it in, and what the team accepts back from a court's laptop.

The leader's package for a court holds that court's records and nothing else: the court
(and the courts above it), the campaigns it was inspected in, its problems (those in the
feedback), their items with their whole history and evidence, the court's proposals, the
documents addressed to it and the team members those records name. Each record comes with
every revision it has — verbatim, so that what the court writes on them is based on the same
revisions the team holds. The court's laptop holds only those, never whole hash chains of the
team's laptops: the package is the leader's signed statement of them (see
``package.reading``), and the court's own chain goes back to the team like a member's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..domain.court_scope import CourtWrite, refusal
from ..domain.records import RECORD_TYPES
from ..storage.revisions import Revision, iter_revisions
from .merge import ImportPlan, local_vector, plan_of
from .outline import Outline, outline_of
from .package import Package, PackageError
from .roster import COURT_ROLE, Identity


def _ids(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[str]:
    return [str(r[0]) for r in conn.execute(sql, params) if r[0]]


def _json_in(ids: list[str]) -> str:
    return json.dumps(sorted(set(ids)))


def court_records(conn: sqlite3.Connection, court_id: str) -> dict[str, list[str]]:
    """The records of one court's rectification package, by record type (tombstones too, so
    that a deletion reaches the court)."""
    out: dict[str, list[str]] = {}
    courts: list[str] = []
    current: str | None = court_id
    while current and current not in courts:  # the court, then the courts above it
        courts.append(current)
        row = conn.execute("SELECT parent_id FROM courts WHERE id = ?", (current,)).fetchone()
        current = row[0] if row else None
    out["court"] = courts
    problems = _ids(
        conn,
        "SELECT id FROM problems WHERE court_id = ? AND COALESCE(in_feedback, 1) != 0",
        (court_id,),
    )
    out["problem"] = problems
    items = _ids(
        conn,
        "SELECT id FROM rectification_items WHERE problem_id IN (SELECT value FROM json_each(?))",
        (_json_in(problems),),
    )
    out["rectification_item"] = items
    events = _ids(
        conn,
        "SELECT id FROM item_events WHERE item_id IN (SELECT value FROM json_each(?))",
        (_json_in(items),),
    )
    out["item_event"] = events
    out["attachment"] = _ids(
        conn,
        """SELECT id FROM attachments WHERE owner_id IN (SELECT value FROM json_each(?))
           AND owner_type IN ('rectification_item', 'item_event')""",
        (_json_in(items + events),),
    )
    out["plan_proposal"] = _ids(
        conn,
        "SELECT id FROM plan_proposals WHERE problem_id IN (SELECT value FROM json_each(?))",
        (_json_in(problems),),
    )
    out["document"] = _ids(
        conn, "SELECT id FROM documents WHERE court_id = ? AND kind = 'feedback'", (court_id,)
    )
    campaigns = _ids(
        conn,
        "SELECT DISTINCT campaign_id FROM problems WHERE id IN (SELECT value FROM json_each(?))",
        (_json_in(problems),),
    )
    campaigns += _ids(
        conn,
        "SELECT campaign_id FROM documents WHERE id IN (SELECT value FROM json_each(?))",
        (_json_in(out["document"]),),
    )
    seen: list[str] = []
    while campaigns:  # and the campaigns they follow up (回头看)
        c = campaigns.pop()
        if c in seen:
            continue
        seen.append(c)
        campaigns += _ids(conn, "SELECT follows_id FROM campaigns WHERE id = ?", (c,))
    out["campaign"] = seen
    members = _ids(
        conn,
        "SELECT found_by FROM problems WHERE id IN (SELECT value FROM json_each(?))",
        (_json_in(problems),),
    )
    members += _ids(
        conn,
        "SELECT member_id FROM item_events WHERE id IN (SELECT value FROM json_each(?))",
        (_json_in(events),),
    )
    for column in ("proposed_by", "decided_by"):
        members += _ids(
            conn,
            f"SELECT {column} FROM plan_proposals WHERE id IN (SELECT value FROM json_each(?))",
            (_json_in(out["plan_proposal"]),),
        )
    members += _ids(
        conn,
        "SELECT member_id FROM trusted_keys WHERE role = ? AND court_id = ?",
        (COURT_ROLE, court_id),
    )
    out["member"] = sorted(
        set(
            _ids(
                conn,
                "SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?))",
                (_json_in(members),),
            )
        )
    )
    return {kind: sorted(set(ids)) for kind, ids in out.items() if ids}


def court_revisions(conn: sqlite3.Connection, scope: dict[str, list[str]]) -> Iterator[Revision]:
    """Every revision of the package's records, by laptop and sequence number."""
    ids = [rid for kind in scope for rid in scope[kind]]
    yield from iter_revisions(
        conn,
        "WHERE record_id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
        order="device_id, seq",
    )


# --- the court's laptop takes in the leader's package ------------------------------------


def plan_court_import(
    conn: sqlite3.Connection, pkg: Package, *, own_device: str, trusted: dict[str, Identity]
) -> ImportPlan:
    """A court's laptop takes in the leader's rectification package: the revisions it does not
    hold yet (those it holds must be byte-identical), nothing of its own that it lacks, every
    attachment present. Everything checked, nothing written."""
    m = pkg.manifest
    leader = trusted.get(m.sender_device)
    if leader is None or leader.role != "leader":
        raise PackageError("整改包只能由本组组长签发，拒绝导入")
    seen = conn.execute(
        "SELECT manifest_sha256 FROM imported_packages WHERE package_id = ?", (m.package_id,)
    ).fetchone()
    if seen:
        if seen[0] != m.sha256:
            raise PackageError("该整改包与已导入的同编号整改包内容不同，疑似被篡改，拒绝导入")
        return ImportPlan(pkg, True, outline_of(()), set(), len(pkg.outline))
    newer = conn.execute(
        "SELECT MAX(sequence) FROM imported_packages WHERE sender_device = ?", (m.sender_device,)
    ).fetchone()[0]
    if newer is not None and newer > m.sequence:
        raise PackageError(
            f"这是组长较早签发的整改包（第{m.sequence}号），本机已导入第{newer}号；为防止重放，拒绝导入"
        )
    outline = pkg.outline
    rows = outline.rows
    stored: dict[str, tuple[Any, ...]] = {}
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(
            "SELECT id, device_id, seq, member_id, hlc, record_type, record_id, op, fields,"
            f" base, created_at, chain FROM revisions WHERE id IN ({marks})",
            chunk,
        ):
            stored[row[0]] = tuple(row)
    held = set(stored)
    own_top = local_vector(conn, [own_device]).get(own_device, 0)
    for row in rows:
        if row[0] in held:
            if stored[row[0]] != tuple(row):
                raise PackageError("整改包中的修改记录与本机已有记录不一致，疑似被篡改，拒绝导入")
        elif row[1] == own_device and row[2] <= own_top:
            raise PackageError("整改包中本机的修改记录与本机记录不一致，疑似伪造，拒绝导入")
        elif row[1] == own_device:
            raise PackageError(
                "整改包中有本机名下但本机没有的修改记录（本机的工作区可能是从备份恢复的），"
                "请联系组长"
            )
    new: Outline = outline_of(Revision.stored(r) for r in rows if r[0] not in held)
    if new.outside_bases - held - set(r[0] for r in rows):
        raise PackageError("整改包缺少前序修改记录，文件不完整")
    return plan_of(conn, pkg, new, len(held))


# --- the team takes in a court's package ---------------------------------------------------


def _lookup(conn: sqlite3.Connection, table: str, column: str, record_id: str) -> Any:
    row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return row[0] if row else None


class _Scope:
    """Where a court's revisions belong: the court of each record they touch, from the
    workspace and from what the package itself creates."""

    def __init__(self, conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        self.conn = conn
        #: the fields of records the package creates: record id -> (type, fields, device)
        self.created: dict[str, tuple[str, dict[str, Any], str]] = {}
        for row in rows:
            if row[7] == "create":
                r = Revision.stored(row)
                self.created[r.record_id] = (r.record_type, r.fields, r.device_id)

    def _field(self, kind: str, record_id: str, name: str) -> Any:
        """A field of a record: as the workspace holds it, or as the package creates it."""
        table = RECORD_TYPES[kind].table
        row = self.conn.execute(f"SELECT {name} FROM {table} WHERE id = ?", (record_id,))
        found = row.fetchone()
        if found is not None:
            return found[0]
        made = self.created.get(record_id)
        if made is not None and made[0] == kind:
            return made[1].get(name)
        return None

    def problem_court(self, problem_id: Any) -> str | None:
        if not isinstance(problem_id, str):
            return None
        value = self._field("problem", problem_id, "court_id")
        return str(value) if value else None

    def item_court(self, item_id: Any) -> str | None:
        if not isinstance(item_id, str):
            return None
        return self.problem_court(self._field("rectification_item", item_id, "problem_id"))

    def event_court(self, event_id: Any) -> str | None:
        if not isinstance(event_id, str):
            return None
        return self.item_court(self._field("item_event", event_id, "item_id"))

    def court_of(self, kind: str, record_id: str, fields: dict[str, Any]) -> str | None:
        if kind == "plan_proposal":
            court = self.problem_court(
                fields.get("problem_id") or self._field(kind, record_id, "problem_id")
            )
            item = fields.get("item_id") or self._field(kind, record_id, "item_id")
            if item and self.item_court(item) != court:
                return None
            return court
        if kind == "item_event":
            return self.item_court(fields.get("item_id") or self._field(kind, record_id, "item_id"))
        if kind == "attachment":
            owner_type = fields.get("owner_type") or self._field(kind, record_id, "owner_type")
            owner = fields.get("owner_id") or self._field(kind, record_id, "owner_id")
            if owner_type == "rectification_item":
                return self.item_court(owner)
            if owner_type == "item_event":
                return self.event_court(owner)
        return None

    def creator(self, record_id: str) -> str | None:
        made = self.created.get(record_id)
        if made is not None:
            return made[2]
        row = self.conn.execute(
            "SELECT device_id FROM revisions WHERE record_id = ? AND op = 'create' "
            "ORDER BY hlc LIMIT 1",
            (record_id,),
        ).fetchone()
        return str(row[0]) if row else None


def describe(conn: sqlite3.Connection, kind: str, record_id: str, fields: dict[str, Any]) -> str:
    """A record as a message names it: its type and what users know it by."""
    rt = RECORD_TYPES.get(kind)
    label = rt.label if rt else kind
    text = ""
    for name in ("measure", "description", "name", "filename", "note", "title"):
        value = fields.get(name)
        if value is None and rt is not None and name in rt.field_set:
            value = _lookup(conn, rt.table, name, record_id)
        if isinstance(value, str) and value.strip():
            text = value.strip()
            break
    if kind == "item_event":
        item = fields.get("item_id") or _lookup(conn, "item_events", "item_id", record_id)
        measure = _lookup(conn, "rectification_items", "measure", item) if item else None
        if measure:
            text = f"整改事项“{str(measure)[:24]}”的记录"
            return text
    if not text:
        return f"{label}（编号{record_id[:8]}）"
    short = text if len(text) <= 24 else text[:24] + "…"
    return f"{label}“{short}”"


def check_court_writes(
    conn: sqlite3.Connection,
    new: Outline,
    identity_of: Any,
    *,
    later: list[tuple[tuple[Any, ...], Identity]] | None = None,
) -> None:
    """Every new revision signed by an inspected court's laptop is one the court may write
    (``domain.court_scope``); otherwise the whole package is refused, naming the record.
    ``identity_of(device)`` gives the laptop's identity on the roster. With ``later``, a
    revision on a problem or item neither the workspace nor the package holds yet (a batch may
    bring it in another package) is put there, for :func:`recheck_court_writes` once the whole
    batch is merged."""
    courts: dict[str, Identity] = {}
    for device in new.firsts:
        ident = identity_of(device)
        if ident is not None and (ident.role == COURT_ROLE or ident.court_id):
            courts[device] = ident
    if courts:
        _check_rows(conn, new.rows, courts, _Scope(conn, new.rows), later)


def recheck_court_writes(
    conn: sqlite3.Connection, deferred: list[tuple[tuple[Any, ...], Identity]]
) -> None:
    """The court revisions :func:`check_court_writes` left for the end of a batch, checked now
    that every package of it is merged."""
    if deferred:
        courts = {ident.device_id: ident for _row, ident in deferred}
        _check_rows(conn, [row for row, _ident in deferred], courts, _Scope(conn, []), None)


def _check_rows(
    conn: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    courts: dict[str, Identity],
    scope: _Scope,
    later: list[tuple[tuple[Any, ...], Identity]] | None,
) -> None:
    for row in rows:
        ident = courts.get(row[1])
        if ident is None:
            continue
        r = Revision.stored(row)
        fields = r.fields if isinstance(r.fields, dict) else {}
        kind = r.record_type
        court = scope.court_of(kind, r.record_id, fields) if kind != "member" else None
        if court is None and later is not None and kind != "member":
            later.append((tuple(row), ident))
            continue
        write = CourtWrite(
            record_type=kind,
            op=r.op,
            fields=fields,
            court_id=court,
            own_record=scope.creator(r.record_id) in courts,
            own_member=kind == "member" and r.record_id == ident.member_id,
        )
        why = refusal(write, bound_court=ident.court_id)
        if (
            why is None
            and kind == "item_event"
            and r.op == "create"
            and fields.get("member_id") not in (None, ident.member_id)
        ):
            why = "以巡查组成员的名义写入整改记录"
        if why is not None:
            name = _lookup(conn, "courts", "name", ident.court_id) or "被检查法院"
            raise PackageError(
                f"台账包中{ident.name}（{name}联络员）对{describe(conn, kind, r.record_id, fields)}"
                f"的修改不能接受：{why}。法院联络员只能提交本院的整改方案、整改进展、佐证材料和"
                "核查申请，整个台账包未导入"
            )
