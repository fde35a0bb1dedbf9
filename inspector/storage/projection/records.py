"""Records' rows: each record folded from all its revisions, in Python or in SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from functools import cache
from typing import Any

from ...domain.merge import (
    STATE_FIELD,
    Conflict,
    RecordState,
    project_record,
)
from ...domain.records import FieldKind, RecordType, record_type
from ..revision import Revision, iter_revisions

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
