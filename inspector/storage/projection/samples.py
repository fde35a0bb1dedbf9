"""Which cases each sample drew, and for whom (the sample_cases table)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable


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
