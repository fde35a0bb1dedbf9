"""Writing revisions — the truth of a workspace — and the hybrid logical clock that orders them.

Every change to a record is one immutable revision: the record, the fields it
set, the member and device that made it, a per-device sequence number, a hybrid
logical clock (HLC) value and the revision(s) it was based on.

Each laptop's revisions form a hash chain: a revision's ``chain`` is the SHA-256 of
the previous revision's chain and of the revision's own stored columns, so changing,
removing or reordering any revision of a laptop breaks every later link.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from ..domain import values
from ..domain.clock import Clock, system_clock
from ..domain.records import RecordType, record_type
from . import projection, sqlite
from .revision import (
    GENESIS,
    INSERT_REVISION,
    OPS,
    REVISION_COLUMNS,
    Revision,
    chain_hash,
    format_hlc,
    iter_revisions,
    parse_hlc,
    revision_id,
)

if TYPE_CHECKING:
    import sqlite3

    from .workspace import Workspace


@dataclass
class HybridLogicalClock:
    """Monotonic timestamps that respect causality across devices."""

    clock: Clock = system_clock
    last: tuple[int, int] = (0, 0)

    def tick(self) -> str:
        now_ms = int(self.clock().timestamp() * 1000)
        physical, counter = self.last
        self.last = (now_ms, 0) if now_ms > physical else (physical, counter + 1)
        return format_hlc(*self.last)

    def observe(self, remote: str) -> None:
        """Move past a timestamp seen from another device."""
        self.last = max(self.last, parse_hlc(remote))


@dataclass
class RevisionLog:
    """Writes revisions for one member on one device and keeps projections current.

    Runs on the thread that owns the workspace. Callers wrap calls in
    ``workspace.transaction()``.
    """

    workspace: Workspace
    device_id: str
    member_id: str | None
    clock: Clock = system_clock
    hlc: HybridLogicalClock = field(init=False)
    _position: tuple[int, str, int, str] | None = field(init=False, default=None)
    #: the revisions (up to this rowid) whose HLC the clock has observed
    _observed: int | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.hlc = HybridLogicalClock(self.clock)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.workspace.conn

    def _next_position(self) -> tuple[int, str]:
        """The device's next sequence number and the chain value it follows: read once per
        transaction, then counted.

        No other connection can write while this transaction holds the write lock,
        and a savepoint rollback changes the workspace's generation, so the cached
        position stays exact.
        """
        generation = self.workspace.generation
        cached = self._position
        if cached and cached[0] == generation and cached[1] == self.device_id:
            return cached[2] + 1, cached[3]
        row = self.conn.execute(
            "SELECT seq, chain FROM revisions WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
            (self.device_id,),
        ).fetchone()
        self._observe()
        return (int(row[0]) + 1, row[1] or GENESIS) if row else (1, GENESIS)

    def _observe(self) -> None:
        """Move the clock past every revision held: all of them the first time, then those
        added since (rowids only grow: revisions are never deleted)."""
        top = self.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM revisions").fetchone()[0]
        if self._observed is None:
            latest = latest_hlc(self.conn)
        elif top > self._observed:
            latest = self.conn.execute(
                "SELECT MAX(hlc) FROM revisions WHERE rowid > ?", (self._observed,)
            ).fetchone()[0]
        else:
            latest = None
        self._observed = top
        if latest:
            self.hlc.observe(latest)

    def heads(self, rt: RecordType, record_id: str) -> list[str] | None:
        """The record's current head revisions (None when the record does not exist)."""
        row = self.conn.execute(
            f"SELECT heads FROM {rt.table} WHERE id = ?", (record_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def write(
        self,
        type_name: str,
        record_id: str,
        op: str,
        fields: dict[str, Any] | None = None,
        *,
        checked: bool = False,
    ) -> Revision:
        """Append one revision and apply it to the projection tables (``checked``: the caller
        has already checked the fields' values, see ``domain.values``)."""
        rt = record_type(type_name)
        fields = dict(fields or {})
        if op not in OPS:
            raise ValueError(f"unknown op {op!r}")
        unknown = set(fields) - set(rt.field_names)
        if unknown:
            raise ValueError(f"{rt.name} has no field(s) {sorted(unknown)}")
        if op == "create":
            base: tuple[str, ...] = ()
        else:
            current = self.heads(rt, record_id)
            if current is None:
                raise ValueError(f"{rt.name} {record_id} does not exist")
            if op == "delete":
                fields = {}
            base = tuple(current)
        if not checked:
            values.check_fields(rt, fields)
        if not self.conn.in_transaction:
            raise RuntimeError("RevisionLog.write needs a transaction")
        seq, previous = self._next_position()
        now = self.clock().isoformat(timespec="seconds")
        rev = self._revision(rt, seq, record_id, op, fields, base, now, previous)
        self.conn.execute(INSERT_REVISION, rev.row())
        self._position = (self.workspace.generation, self.device_id, seq, rev.chain)
        try:
            projection.apply(self.conn, rev)
        except sqlite.IntegrityError as e:
            raise ValueError(f"{rt.name} {record_id}: {e}") from e
        return rev

    def _revision(
        self,
        rt: RecordType,
        seq: int,
        record_id: str,
        op: str,
        fields: dict[str, Any],
        base: tuple[str, ...],
        created_at: str,
        previous: str,
    ) -> Revision:
        """The laptop's next revision, chained after ``previous``, no larger than a package
        line may be."""
        rev = Revision(
            id=revision_id(self.device_id, seq),
            device_id=self.device_id,
            seq=seq,
            member_id=self.member_id,
            hlc=self.hlc.tick(),
            record_type=rt.name,
            record_id=record_id,
            op=op,
            fields=fields,
            base=base,
            created_at=created_at,
        ).chained(previous)
        values.check_revision_size(rt, len(orjson.dumps(rev.row())))
        return rev

    def create_many(
        self, type_name: str, records: list[tuple[str, dict[str, Any]]], *, checked: bool = False
    ) -> int:
        """Append one create revision per (record id, fields) and project the new records in
        SQL (a case list of 200,000 rows: one statement each, not two per row). ``checked``:
        the caller has already checked the fields (see ``domain.values``). Returns the number
        of records made."""
        rt = record_type(type_name)
        if not self.conn.in_transaction:
            raise RuntimeError("RevisionLog.create_many needs a transaction")
        if not records:
            return 0
        allowed = set(rt.field_names)
        seq, previous = self._next_position()
        after = self.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM revisions").fetchone()[0]
        now = self.clock().isoformat(timespec="seconds")
        rows = []
        for record_id, fields in records:
            if not allowed.issuperset(fields):
                raise ValueError(f"{rt.name} has no field(s) {sorted(set(fields) - allowed)}")
            if not checked:
                values.check_fields(rt, fields)
            rev = self._revision(rt, seq, record_id, "create", dict(fields), (), now, previous)
            rows.append(rev.row())
            previous = rev.chain
            seq += 1
        self.conn.executemany(INSERT_REVISION, rows)
        self._position = (self.workspace.generation, self.device_id, seq - 1, previous)
        try:
            projection.project_created(self.conn, after, {rt.name: len(rows)}, [])
        except sqlite.IntegrityError as e:
            raise ValueError(f"{rt.name}: {e}") from e
        return len(rows)


def latest_hlc(conn: sqlite3.Connection) -> str | None:
    """The highest HLC of any revision held. A laptop's HLC grows with its sequence numbers,
    so it is the highest of each laptop's latest revision: one index seek per laptop."""
    rows = conn.execute(
        """WITH RECURSIVE laptops (device) AS (
               SELECT MIN(device_id) FROM revisions
               UNION ALL
               SELECT (SELECT MIN(device_id) FROM revisions WHERE device_id > device)
               FROM laptops WHERE device IS NOT NULL
           )
           SELECT (SELECT hlc FROM revisions WHERE device_id = device ORDER BY seq DESC LIMIT 1)
           FROM laptops WHERE device IS NOT NULL"""
    ).fetchall()
    return max((r[0] for r in rows if r[0] is not None), default=None)


__all__ = [
    "GENESIS",
    "INSERT_REVISION",
    "OPS",
    "REVISION_COLUMNS",
    "HybridLogicalClock",
    "Revision",
    "RevisionLog",
    "chain_hash",
    "format_hlc",
    "iter_revisions",
    "latest_hlc",
    "parse_hlc",
    "revision_id",
]
