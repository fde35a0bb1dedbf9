"""Current-state tables, projected from revisions.

A record's row is :func:`inspector.domain.merge.project_record` of all its
revisions, so local edits, imports in any order and a full :func:`rebuild` give
the same tables. Rectification items also carry columns derived from their
events (state, closing, counts). Conflicts are kept in the ``conflicts`` table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any

from ...domain.merge import STATE_FIELD, project_record
from ...domain.records import RECORD_TYPES, record_type
from ..jsontext import loads
from ..revision import Revision, iter_revisions
from .items import recompute_item, recompute_items
from .records import (
    EVENT_TYPE,
    ITEM_TYPE,
    SAMPLING_TYPE,
    _row_values,
    _upsert_sql,
    encode,
    project_created,
    project_new_records,
    recompute_record,
    record_revisions,
)
from .samples import recompute_samples

__all__ = [
    "STATE_FIELD",
    "apply",
    "encode",
    "loads",
    "project_created",
    "project_new_records",
    "projection_tables",
    "rebuild",
    "recompute_item",
    "recompute_items",
    "recompute_record",
    "recompute_samples",
    "record_revisions",
    "refresh",
    "snapshot",
]


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
