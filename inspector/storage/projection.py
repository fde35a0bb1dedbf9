"""Current-state tables, projected from revisions.

:func:`apply` folds one revision into the tables; :func:`rebuild` empties them and
replays every revision in HLC order, which must give the same tables as the
live ones.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..domain.records import RECORD_TYPES, FieldKind, RecordType, record_type

if TYPE_CHECKING:
    from .revisions import Revision


def encode(rt: RecordType, name: str, value: Any) -> Any:
    if value is None:
        return None
    if rt.field(name).kind == FieldKind.JSON:
        return json.dumps(value, ensure_ascii=False)
    return value


@cache
def _insert_sql(rt: RecordType) -> str:
    cols = ["id", *rt.field_names, *(f.name for f in rt.derived)]
    cols += ["created_at", "created_by", "created_device"]
    cols += ["updated_at", "updated_by", "updated_device", "head_rev", "deleted"]
    marks = ", ".join("?" for _ in cols)
    return f"INSERT INTO {rt.table} ({', '.join(cols)}) VALUES ({marks})"


def _initial_derived(rt: RecordType) -> list[Any]:
    return [DERIVED_DEFAULTS.get((rt.name, f.name)) for f in rt.derived]


DERIVED_DEFAULTS: dict[tuple[str, str], Any] = {
    ("rectification_item", "state"): "待整改",
    ("rectification_item", "evidence_count"): 0,
    ("rectification_item", "event_count"): 0,
}


def apply(conn: sqlite3.Connection, rev: Revision) -> None:
    rt = record_type(rev.record_type)
    who = (rev.created_at, rev.member_id, rev.device_id)
    if rev.op == "create":
        values: list[Any] = [rev.record_id]
        values += [encode(rt, n, rev.fields.get(n)) for n in rt.field_names]
        values += _initial_derived(rt)
        values += [*who, *who, rev.id, 0]
        conn.execute(_insert_sql(rt), values)
    else:
        sets = [f"{n} = ?" for n in rev.fields]
        params = [encode(rt, n, v) for n, v in rev.fields.items()]
        if rev.op == "delete":
            sets.append("deleted = 1")
        sets += ["updated_at = ?", "updated_by = ?", "updated_device = ?", "head_rev = ?"]
        params += [*who, rev.id, rev.record_id]
        conn.execute(f"UPDATE {rt.table} SET {', '.join(sets)} WHERE id = ?", params)
    hook = _HOOKS.get(rt.name)
    if hook is not None:
        hook(conn, rev)


def _item_event(conn: sqlite3.Connection, rev: Revision) -> None:
    """Keep a rectification item's state, closing and counts in step with its events."""
    if rev.op != "create":
        return
    f = rev.fields
    sets = ["event_count = event_count + 1"]
    params: list[Any] = []
    evidence = f.get("evidence") or []
    if evidence:
        sets.append("evidence_count = evidence_count + ?")
        params.append(len(evidence))
    if f.get("event_kind") == "progress" and f.get("note"):
        sets.append("last_progress = ?")
        params.append(f["note"])
    if f.get("event_kind") == "transition":
        sets += ["state = ?", "state_changed_at = ?"]
        params += [f["to_state"], f.get("at")]
        if f["to_state"] == "已销号":
            sets += ["closed_by = ?", "closed_at = ?"]
            params += [f.get("member_id"), f.get("at")]
        elif f.get("from_state") == "已销号":
            sets += ["closed_by = NULL", "closed_at = NULL"]
    params.append(f["item_id"])
    conn.execute(f"UPDATE rectification_items SET {', '.join(sets)} WHERE id = ?", params)


_HOOKS: dict[str, Callable[[sqlite3.Connection, Revision], None]] = {
    "item_event": _item_event,
}


def projection_tables() -> list[str]:
    return [rt.table for rt in RECORD_TYPES.values()]


def rebuild(conn: sqlite3.Connection) -> int:
    """Empty every projection table and replay all revisions; returns the count replayed.

    The caller provides the transaction.
    """
    from .revisions import iter_revisions

    for table in projection_tables():
        conn.execute(f"DELETE FROM {table}")
    n = 0
    for rev in iter_revisions(conn):
        apply(conn, rev)
        n += 1
    return n


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every projection row, ordered by id — for comparing a rebuild with the live tables."""
    return {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in projection_tables()
    }
