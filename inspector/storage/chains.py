"""Giving revisions written before hash chains existed their links (an upgrade step)."""

from __future__ import annotations

import sqlite3

from .revision import GENESIS, REVISION_COLUMNS, Revision


def backfill_chains(conn: sqlite3.Connection) -> int:
    """Give revisions written before chains existed their chain values (upgrade step).

    The caller provides the transaction. Returns how many revisions were linked.
    """
    columns = {r[1] for r in conn.execute("PRAGMA table_info(revisions)")}
    if "chain" not in columns:
        return 0
    devices = [
        r[0] for r in conn.execute("SELECT DISTINCT device_id FROM revisions WHERE chain IS NULL")
    ]
    linked = 0
    for device in devices:
        previous = GENESIS
        rows = conn.execute(
            f"SELECT {REVISION_COLUMNS} FROM revisions WHERE device_id = ? ORDER BY seq",
            (device,),
        ).fetchall()
        for row in rows:
            rev = Revision.from_row(row)
            if row[11] is None:
                rev = rev.chained(previous)
                conn.execute(
                    "UPDATE revisions SET chain = ? WHERE device_id = ? AND seq = ?",
                    (rev.chain, rev.device_id, rev.seq),
                )
                linked += 1
            previous = rev.chain
    return linked
