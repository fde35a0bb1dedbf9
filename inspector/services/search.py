"""Global search over every record's text (two-character Chinese queries included).

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.records import RECORD_TYPES
from ..storage import search as index
from .session import Session

#: the order result groups appear in, and the column that names a record
TITLES = {
    "problem": "description",
    "rectification_item": "measure",
    "lead": "summary",
    "case": "case_number",
    "review": "note",
    "review_answer": "auto_reason",
    "interview": "place",
    "item_event": "note",
    "court": "name",
    "member": "name",
    "campaign": "name",
    "attachment": "filename",
}


@dataclass(frozen=True)
class SearchHit:
    record_type: str
    record_id: str
    title: str
    snippet: str


@dataclass
class SearchGroup:
    record_type: str
    label: str
    hits: list[SearchHit] = field(default_factory=list)


def refresh_index(session: Session) -> int:
    """Index whatever changed since the last search (after imports, on a worker)."""
    with session.transaction():
        return index.catch_up(session.conn)


def global_search(session: Session, *, query: str, limit: int = 200) -> list[SearchGroup]:
    """Matches grouped by record type, in a fixed order."""
    refresh_index(session)
    groups: dict[str, SearchGroup] = {}
    for hit in index.search(session.conn, query, limit=limit):
        rt = RECORD_TYPES[hit.record_type]
        title_col = TITLES.get(hit.record_type, "id")
        row = session.conn.execute(
            f"SELECT {title_col} FROM {rt.table} WHERE id = ?", (hit.record_id,)
        ).fetchone()
        group = groups.setdefault(hit.record_type, SearchGroup(hit.record_type, rt.label))
        title = str(row[0]) if row and row[0] else rt.label
        group.hits.append(SearchHit(hit.record_type, hit.record_id, title[:60], hit.snippet))
    order = list(TITLES)
    return sorted(
        groups.values(), key=lambda g: order.index(g.record_type) if g.record_type in order else 99
    )
