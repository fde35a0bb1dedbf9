"""Rectification items' state, closing and counts, derived from their events."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ...domain.merge import (
    STATE_FIELD,
    Conflict,
    EventRow,
    item_state,
)
from ...domain.records import RECORD_TYPES
from ..jsontext import loads
from .records import _INSERT_CONFLICT, ITEM_TYPE, _conflict_rows, _flag

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
