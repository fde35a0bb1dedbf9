"""Ledger statistics: one module for the dashboard, the CLI and the reports.

Runs on whichever thread owns the connection; reads only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from ..domain.categories import SIX_CATEGORIES
from ..domain.records import RECORD_TYPES
from ..domain.rectification import State, due_soon_before
from ..domain.workdays import DEFAULT_CALENDAR, WorkCalendar


def _pairs(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> dict[str, int]:
    return {str(k): int(v) for k, v in conn.execute(sql, params).fetchall()}


def ledger_statistics(
    conn: sqlite3.Connection, *, today: dt.date, calendar: WorkCalendar = DEFAULT_CALENDAR
) -> dict[str, Any]:
    """Counts by record type, problems by category and court, items by state and light."""
    counts = {
        name: conn.execute(f"SELECT COUNT(*) FROM {rt.table} WHERE deleted = 0").fetchone()[0]
        for name, rt in RECORD_TYPES.items()
    }
    categories = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM categories WHERE deleted = 0 AND active = 1 ORDER BY sort_order, name"
        )
    ] or list(SIX_CATEGORIES)
    by_category = dict.fromkeys(categories, 0)
    by_category.update(
        _pairs(conn, "SELECT category, COUNT(*) FROM problems WHERE deleted = 0 GROUP BY category")
    )
    by_court = _pairs(
        conn,
        """SELECT COALESCE(c.name, '（未关联法院）'), COUNT(*) FROM problems p
           LEFT JOIN courts c ON c.id = p.court_id
           WHERE p.deleted = 0 GROUP BY 1 ORDER BY 2 DESC, 1""",
    )
    by_state = {str(s): 0 for s in State}
    by_state.update(
        _pairs(
            conn, "SELECT state, COUNT(*) FROM rectification_items WHERE deleted = 0 GROUP BY state"
        )
    )
    iso = today.isoformat()
    soon = due_soon_before(today, calendar).isoformat()
    open_items = "deleted = 0 AND state != '已销号'"
    overdue = conn.execute(
        f"SELECT COUNT(*) FROM rectification_items WHERE {open_items} AND deadline < ?", (iso,)
    ).fetchone()[0]
    due_soon = conn.execute(
        f"SELECT COUNT(*) FROM rectification_items WHERE {open_items} "
        "AND deadline >= ? AND deadline < ?",
        (iso, soon),
    ).fetchone()[0]
    overdue_by_court = _pairs(
        conn,
        """SELECT COALESCE(c.name, '（未关联法院）'), COUNT(*) FROM rectification_items i
            JOIN problems p ON p.id = i.problem_id LEFT JOIN courts c ON c.id = p.court_id
            WHERE i.deleted = 0 AND i.state != '已销号' AND i.deadline < ?
            GROUP BY 1 ORDER BY 2 DESC, 1""",
        (iso,),
    )
    total_items = sum(by_state.values())
    closed = by_state[str(State.CLOSED)]
    grades = _pairs(conn, "SELECT grade, COUNT(*) FROM reviews WHERE deleted = 0 GROUP BY grade")
    return {
        "as_of": iso,
        "counts": counts,
        "problems_by_category": by_category,
        "problems_by_court": by_court,
        "items_by_state": by_state,
        "items": {
            "total": total_items,
            "closed": closed,
            "open": total_items - closed,
            "overdue": overdue,
            "due_soon": due_soon,
            "on_track": total_items - closed - overdue - due_soon,
        },
        "overdue_by_court": overdue_by_court,
        "closure_rate": round(closed / total_items, 4) if total_items else 0.0,
        "reviews_by_grade": grades,
    }


def closure_trend(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """Per day with a change: (date, items so far, items closed so far)."""
    created = {
        d: n
        for d, n in conn.execute(
            "SELECT substr(created_at, 1, 10), COUNT(*) FROM rectification_items "
            "WHERE deleted = 0 GROUP BY 1"
        )
    }
    closed: dict[str, int] = {}
    for day, action, n in conn.execute(
        """SELECT substr(e.at, 1, 10), e.action, COUNT(*) FROM item_events e
           JOIN rectification_items i ON i.id = e.item_id AND i.deleted = 0
           WHERE e.deleted = 0 AND e.event_kind = 'transition'
             AND e.action IN ('close', 'reopen')
           GROUP BY 1, 2"""
    ):
        delta = n if action == "close" else (-n if action == "reopen" else 0)
        closed[day] = closed.get(day, 0) + delta
    total = done = 0
    out = []
    for day in sorted(set(created) | set(closed)):
        total += created.get(day, 0)
        done += closed.get(day, 0)
        out.append((day, total, done))
    return out
