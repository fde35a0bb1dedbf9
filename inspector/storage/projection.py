"""Current-state tables, projected from revisions.

A record's row is :func:`inspector.domain.merge.project_record` of all its
revisions, so local edits, imports in any order and a full :func:`rebuild` give
the same tables. Rectification items also carry columns derived from their
events (state, closing, counts). Conflicts are kept in the ``conflicts`` table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

import orjson

from ..domain.merge import (
    DELETED_FIELD,
    STATE_FIELD,
    Conflict,
    EventRow,
    RecordState,
    item_state,
    project_record,
)
from ..domain.records import RECORD_TYPES, FieldKind, RecordType, record_type

if TYPE_CHECKING:
    from .revisions import Revision

ITEM_TYPE = "rectification_item"
EVENT_TYPE = "item_event"
SAMPLING_TYPE = "sampling"


#: JSON columns are stored compact, as SQLite's own JSON functions give them, so that records
#: projected in SQL (:func:`project_created`) and in Python have the same rows
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def encode(rt: RecordType, name: str, value: Any) -> Any:
    if value is None:
        return None
    if rt.field(name).kind == FieldKind.JSON:
        return _JSON_TEXT(value)
    return value


_META = (
    "created_at",
    "created_by",
    "created_device",
    "created_rev",
    "updated_at",
    "updated_by",
    "updated_device",
    "heads",
    "deleted",
)


@cache
def _upsert_sql(rt: RecordType) -> str:
    cols = ["id", *rt.field_names, *_META]
    marks = ", ".join("?" for _ in cols)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
    derived_cols = [f.name for f in rt.derived]
    derived = ""
    if derived_cols:
        derived = f", {', '.join(derived_cols)}"
        marks += ", " + ", ".join("?" for _ in derived_cols)
    return (
        f"INSERT INTO {rt.table} ({', '.join(cols)}{derived}) VALUES ({marks}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


@cache
def _insert_sql(rt: RecordType) -> str:
    """For records that have no row yet (rows come only from revisions)."""
    return _upsert_sql(rt).split(" ON CONFLICT", 1)[0]


DERIVED_DEFAULTS: dict[tuple[str, str], Any] = {
    (ITEM_TYPE, "state"): "待整改",
    (ITEM_TYPE, "evidence_count"): 0,
    (ITEM_TYPE, "event_count"): 0,
    (ITEM_TYPE, "state_leaves"): "[]",
}


@cache
def _json_fields(rt: RecordType) -> tuple[bool, ...]:
    return tuple(rt.field(n).kind == FieldKind.JSON for n in rt.field_names)


def _heads_text(ids: list[str]) -> str:
    if len(ids) == 1:
        only = ids[0]
        if only.isascii() and only.isprintable() and '"' not in only and "\\" not in only:
            return f'["{only}"]'  # what json.dumps gives, without its overhead
    return json.dumps(ids)


def _created_values(rt: RecordType, rev: Revision) -> list[Any]:
    """The row of a record made by one create and never changed: what :func:`_row_values`
    gives for it, without merging."""
    fields = rev.fields
    values: list[Any] = [rev.record_id]
    for name, is_json in zip(rt.field_names, _json_fields(rt), strict=True):
        value = fields.get(name)
        values.append(_JSON_TEXT(value) if is_json and value is not None else value)
    author = (rev.created_at, rev.member_id, rev.device_id)
    values += [*author, rev.id, *author, _heads_text([rev.id]), 0]
    values += [DERIVED_DEFAULTS.get((rt.name, f.name)) for f in rt.derived]
    return values


def _row_values(rt: RecordType, record_id: str, st: RecordState) -> list[Any]:
    created = st.created or st.updated
    values: list[Any] = [record_id]
    values += [encode(rt, n, st.values.get(n)) for n in rt.field_names]
    values += [created.created_at, created.member_id, created.device_id, created.id]
    values += [st.updated.created_at, st.updated.member_id, st.updated.device_id]
    values += [_heads_text(st.heads), 1 if st.deleted else 0]
    values += [DERIVED_DEFAULTS.get((rt.name, f.name)) for f in rt.derived]
    return values


def _conflict_rows(
    rt: RecordType, record_id: str, conflicts: Iterable[Conflict]
) -> list[tuple[str, ...]]:
    return [
        (
            rt.name,
            record_id,
            c.field,
            json.dumps([x.as_dict() for x in c.candidates], ensure_ascii=False),
        )
        for c in conflicts
    ]


_INSERT_CONFLICT = (
    "INSERT INTO conflicts (record_type, record_id, field, candidates) VALUES (?, ?, ?, ?)"
)


def _flag(conn: sqlite3.Connection, rt: RecordType, record_ids: Iterable[str]) -> None:
    conn.executemany(
        f"UPDATE {rt.table} SET conflicted = EXISTS "
        "(SELECT 1 FROM conflicts WHERE record_id = ?1) WHERE id = ?1",
        [(i,) for i in record_ids],
    )


def record_revisions(conn: sqlite3.Connection, record_id: str) -> list[Revision]:
    from .revisions import iter_revisions

    return list(iter_revisions(conn, "WHERE record_id = ?", (record_id,)))


def recompute_record(conn: sqlite3.Connection, rt: RecordType, record_id: str) -> RecordState:
    """Write a record's row and field conflicts from all of its revisions in the workspace."""
    st = project_record(record_revisions(conn, record_id), rt.field_names)
    conn.execute(_upsert_sql(rt), _row_values(rt, record_id, st))
    conn.execute(
        "DELETE FROM conflicts WHERE record_id = ? AND field != ?", (record_id, STATE_FIELD)
    )
    conn.executemany(_INSERT_CONFLICT, _conflict_rows(rt, record_id, st.conflicts))
    _flag(conn, rt, [record_id])
    return st


def project_new_records(conn: sqlite3.Connection, groups: Iterable[list[Revision]]) -> int:
    """Write rows for records that have no row yet; each group is all of one record's revisions.

    Returns the number of records written. The bulk path of imports and rebuilds.
    """
    rows: dict[RecordType, list[list[Any]]] = {}
    flagged: dict[RecordType, list[str]] = {}
    conflicts: list[tuple[str, ...]] = []
    n = 0

    def flush() -> None:
        for rt, batch in rows.items():
            conn.executemany(_insert_sql(rt), batch)
        conn.executemany(_INSERT_CONFLICT, conflicts)
        for rt, ids in flagged.items():
            _flag(conn, rt, ids)
        rows.clear()
        flagged.clear()
        conflicts.clear()

    for revs in groups:
        rt = record_type(revs[0].record_type)
        if len(revs) == 1 and revs[0].op == "create":
            values = _created_values(rt, revs[0])
        else:
            record_id = revs[0].record_id
            st = project_record(revs, rt.field_names)
            values = _row_values(rt, record_id, st)
            if st.conflicts:
                conflicts.extend(_conflict_rows(rt, record_id, st.conflicts))
                flagged.setdefault(rt, []).append(record_id)
        rows.setdefault(rt, []).append(values)
        n += 1
        if n % 5000 == 0:
            flush()
    flush()
    return n


@cache
def _created_sql(rt: RecordType) -> str:
    """``INSERT … SELECT`` of the rows of records made by one create, from the revisions
    inserted after ``:after`` (a rowid): what :func:`_created_values` gives, computed by SQLite."""
    cols = ["id", *rt.field_names, *_META, *(f.name for f in rt.derived)]
    exprs = ["r.record_id"]
    for f in rt.fields:
        if f.kind == FieldKind.JSON:
            exprs.append(f"nullif(r.fields -> '$.\"{f.name}\"', 'null')")
        else:
            exprs.append(f"r.fields ->> '$.\"{f.name}\"'")
    author = ["r.created_at", "r.member_id", "r.device_id"]
    exprs += [*author, "r.id", *author, "json_array(r.id)", "0"]
    exprs += [f":derived{n}" for n in range(len(rt.derived))]
    return (
        f"INSERT INTO {rt.table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
        "FROM revisions r WHERE r.rowid > :after AND r.record_type = :type AND r.op = 'create' "
        "AND r.record_id NOT IN (SELECT id FROM temp._not_created)"
    )


def project_created(
    conn: sqlite3.Connection, after: int, counts: dict[str, int], others: Iterable[str]
) -> None:
    """Write the rows of the records made by one create among the revisions inserted after
    rowid ``after`` — ``counts`` of them per record type — in SQL, without a Python object
    per row. ``others`` are the ids of the other records those revisions touch."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _not_created (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp._not_created")
    conn.executemany("INSERT OR IGNORE INTO temp._not_created VALUES (?)", ((i,) for i in others))
    for name, expected in counts.items():
        rt = record_type(name)
        params: dict[str, Any] = {"after": after, "type": name}
        for n, f in enumerate(rt.derived):
            params[f"derived{n}"] = DERIVED_DEFAULTS.get((name, f.name))
        written = conn.execute(_created_sql(rt), params).rowcount
        if written != expected:
            raise RuntimeError(
                f"projected {written} new {name} records in SQL, expected {expected}"
            )
    conn.execute("DELETE FROM temp._not_created")


def loads(text: str) -> Any:
    """Stored JSON text (fast path; the standard parser for anything it refuses)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


_EVENT_COLUMNS = """e.item_id, e.id, e.event_kind, e.to_state, e.after_events, e.note, e.evidence,
                  e.at, e.member_id, r.device_id"""
_EVENT_ORDER = "ORDER BY e.item_id, r.hlc, r.device_id, r.seq"
# the revision that made an event, found by its laptop and sequence number ("<device>:<seq>")
_BY_CREATED_REV = """r.device_id = substr(e.created_rev, 1, instr(e.created_rev, ':') - 1)
    AND r.seq = CAST(substr(e.created_rev, instr(e.created_rev, ':') + 1) AS INTEGER)"""
_UPDATE_ITEM = """UPDATE rectification_items SET state = ?, state_changed_at = ?, closed_by = ?,
               closed_at = ?, last_progress = ?, evidence_count = ?, event_count = ?,
               state_leaves = ?
           WHERE id = ?"""


def _event_row(r: Any) -> EventRow:
    return EventRow(
        id=r[1],
        kind=r[2],
        to_state=r[3],
        after=tuple(loads(r[4]) if r[4] else ()),
        note=r[5],
        evidence=len(loads(r[6])) if r[6] else 0,
        at=r[7],
        member_id=r[8],
        device_id=r[9],
    )


def _item_update(item_id: str, events: list[EventRow]) -> tuple[tuple[Any, ...], Conflict | None]:
    st = item_state(events)
    values = (
        st.state,
        st.state_changed_at,
        st.closed_by,
        st.closed_at,
        st.last_progress,
        st.evidence_count,
        st.event_count,
        json.dumps(st.leaves),
        item_id,
    )
    return values, st.conflict


def recompute_item(conn: sqlite3.Connection, item_id: str) -> None:
    """One item's state, closing and counts from its events (the path of local edits)."""
    rows = conn.execute(
        f"""SELECT {_EVENT_COLUMNS} FROM item_events e JOIN revisions r ON {_BY_CREATED_REV}
            WHERE e.item_id = ? AND e.deleted = 0 {_EVENT_ORDER}""",
        (item_id,),
    ).fetchall()
    values, conflict = _item_update(item_id, [_event_row(r) for r in rows])
    conn.execute(_UPDATE_ITEM, values)
    removed = conn.execute(
        "DELETE FROM conflicts WHERE record_id = ? AND field = ?", (item_id, STATE_FIELD)
    ).rowcount
    if conflict is not None:
        conn.executemany(
            _INSERT_CONFLICT, _conflict_rows(RECORD_TYPES[ITEM_TYPE], item_id, [conflict])
        )
    if conflict is not None or removed:
        _flag(conn, RECORD_TYPES[ITEM_TYPE], [item_id])


def recompute_items(conn: sqlite3.Connection, item_ids: Iterable[str] | None = None) -> None:
    """Many items at once (imports and rebuilds; all items if None)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _items (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM _items")
    if item_ids is None:
        conn.execute("INSERT INTO _items SELECT id FROM rectification_items")
    else:
        conn.executemany("INSERT OR IGNORE INTO _items VALUES (?)", [(i,) for i in item_ids])
    rows = conn.execute(
        # CROSS JOIN keeps this order: the items asked for, their events, each one's revision
        f"""SELECT {_EVENT_COLUMNS} FROM _items t
            CROSS JOIN item_events e ON e.item_id = t.id
            CROSS JOIN revisions r ON {_BY_CREATED_REV}
            WHERE e.deleted = 0 {_EVENT_ORDER}"""
    )
    events: dict[str, list[EventRow]] = {}
    for r in rows:
        events.setdefault(r[0], []).append(_event_row(r))
    ids = [r[0] for r in conn.execute("SELECT id FROM _items")]
    updates = []
    conflicts: list[tuple[str, ...]] = []
    item_rt = RECORD_TYPES[ITEM_TYPE]
    for item_id in ids:
        values, conflict = _item_update(item_id, events.get(item_id, []))
        updates.append(values)
        if conflict:
            conflicts.extend(_conflict_rows(item_rt, item_id, [conflict]))
    conn.executemany(_UPDATE_ITEM, updates)
    conn.execute(
        "DELETE FROM conflicts WHERE field = ? AND record_id IN (SELECT id FROM _items)",
        (STATE_FIELD,),
    )
    conn.executemany(_INSERT_CONFLICT, conflicts)
    conn.execute(
        "UPDATE rectification_items SET conflicted = EXISTS "
        "(SELECT 1 FROM conflicts c WHERE c.record_id = rectification_items.id) "
        "WHERE id IN (SELECT id FROM _items)"
    )
    conn.execute("DELETE FROM _items")


def recompute_samples(conn: sqlite3.Connection, sampling_ids: Iterable[str] | None = None) -> None:
    """The cases each sampling chose, with their reviewers (all samplings if None)."""
    if sampling_ids is None:
        conn.execute("DELETE FROM sample_cases")
        rows = conn.execute("SELECT id, cases, assignments, deleted FROM samplings").fetchall()
    else:
        ids = list(sampling_ids)
        conn.executemany("DELETE FROM sample_cases WHERE sampling_id = ?", [(i,) for i in ids])
        rows = [
            r
            for i in ids
            for r in conn.execute(
                "SELECT id, cases, assignments, deleted FROM samplings WHERE id = ?", (i,)
            )
        ]
    for sampling_id, cases, assignments, deleted in rows:
        if deleted:
            continue
        who = json.loads(assignments) if assignments else {}
        conn.executemany(
            "INSERT OR IGNORE INTO sample_cases (sampling_id, case_id, reviewer_id) "
            "VALUES (?, ?, ?)",
            [(sampling_id, c, who.get(c)) for c in json.loads(cases or "[]")],
        )


def apply(conn: sqlite3.Connection, rev: Revision) -> None:
    """Fold a revision written on this laptop into the tables (its base is the current heads)."""
    rt = record_type(rev.record_type)
    if rev.op == "create":
        # a single revision cannot conflict with anything
        state = project_record([rev], rt.field_names)
        conn.execute(_upsert_sql(rt), _row_values(rt, rev.record_id, state))
    else:
        recompute_record(conn, rt, rev.record_id)
    if rt.name == EVENT_TYPE:
        item_id = rev.fields.get("item_id")
        if item_id is None:
            row = conn.execute("SELECT item_id FROM item_events WHERE id = ?", (rev.record_id,))
            item_id = row.fetchone()[0]
        recompute_item(conn, item_id)
    elif rt.name == SAMPLING_TYPE:
        recompute_samples(conn, [rev.record_id])


def refresh(
    conn: sqlite3.Connection,
    rows: Sequence[Sequence[Any]],
    records: dict[str, list[int]],
    existing: set[str],
    *,
    inserted_after: int | None = None,
    items_later: set[str] | None = None,
) -> None:
    """Bring the tables up to date after new revisions were added to the workspace: ``rows``
    (their stored columns) and ``records`` (per record, the indices of its rows, in causal
    order).

    ``existing`` holds the ids of records that had revisions before; the others are
    projected in bulk from their new revisions alone. When the new revisions are exactly the
    rows inserted after rowid ``inserted_after``, records they make by one create are
    projected in SQL. The rectification items whose state the new revisions may change are
    recomputed here, or added to ``items_later`` for the caller to recompute (a batch does
    it once, at its end).
    """
    from .revisions import Revision

    def revisions(indices: list[int]) -> list[Revision]:
        return [Revision.stored(rows[i]) for i in indices]

    if inserted_after is None:
        project_new_records(
            conn, (revisions(ix) for rid, ix in records.items() if rid not in existing)
        )
    else:
        created: dict[str, int] = {}
        others: list[str] = []
        merged: list[list[Revision]] = []
        for rid, ix in records.items():
            if rid in existing:
                others.append(rid)
            elif len(ix) == 1 and rows[ix[0]][7] == "create":
                kind = rows[ix[0]][5]
                created[kind] = created.get(kind, 0) + 1
            else:
                others.append(rid)
                merged.append(revisions(ix))
        project_created(conn, inserted_after, created, others)
        project_new_records(conn, merged)
    items: set[str] = set()
    events: list[str] = []
    samplings: list[str] = []
    for rid, ix in records.items():
        kind = rows[ix[0]][5]
        if rid in existing:
            recompute_record(conn, record_type(kind), rid)
        if kind == ITEM_TYPE:
            items.add(rid)
        elif kind == EVENT_TYPE:
            events.append(rid)
        elif kind == SAMPLING_TYPE:
            samplings.append(rid)
    for chunk_start in range(0, len(events), 500):
        chunk = events[chunk_start : chunk_start + 500]
        marks = ", ".join("?" for _ in chunk)
        items.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT item_id FROM item_events WHERE id IN ({marks})", chunk
            )
            if r[0]
        )
    if items_later is not None:
        items_later.update(items)
    elif items:
        recompute_items(conn, items)
    if samplings:
        recompute_samples(conn, samplings)


def projection_tables() -> list[str]:
    return [rt.table for rt in RECORD_TYPES.values()]


def rebuild(conn: sqlite3.Connection) -> int:
    """Empty every projection table and recompute it from all revisions.

    Returns the number of revisions read. The caller provides the transaction.
    """
    from .revisions import iter_revisions

    for table in [*projection_tables(), "conflicts"]:
        conn.execute(f"DELETE FROM {table}")
    count = 0

    def groups() -> Iterable[list[Revision]]:
        nonlocal count
        for _record_id, group in groupby(
            iter_revisions(conn, order="record_id, hlc, device_id, seq"), key=lambda r: r.record_id
        ):
            revs = list(group)
            count += len(revs)
            yield revs

    project_new_records(conn, groups())
    recompute_items(conn)
    recompute_samples(conn)
    return count


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every projection row and conflict, ordered — to compare workspaces and rebuilds."""
    tables = {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in projection_tables()
    }
    tables["conflicts"] = conn.execute(
        "SELECT * FROM conflicts ORDER BY record_id, field"
    ).fetchall()
    return tables


__all__ = [
    "DELETED_FIELD",
    "STATE_FIELD",
    "apply",
    "rebuild",
    "recompute_items",
    "refresh",
    "snapshot",
]
