"""Global search over every record's text (two-character Chinese queries included).

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.records import RECORD_TYPES
from ..storage import search as index
from .session import Session

#: the order result groups appear in (the records a team works on first, the checklist
#: answers last: at province scale a term like 终本 is in thousands of them), and the
#: column that names a record
TITLES = {
    "problem": "description",
    "rectification_item": "measure",
    "lead": "summary",
    "case": "case_number",
    "interview": "place",
    "item_event": "note",
    "review": "note",
    "court": "name",
    "member": "name",
    "campaign": "name",
    "attachment": "filename",
    "review_answer": "auto_reason",
}
#: at most this many hits of each record type
PER_TYPE = 50


@dataclass(frozen=True)
class SearchHit:
    """One record that holds the text. ``open_type`` / ``open_id`` is what opening it shows
    (a checklist answer opens its case's review)."""

    record_type: str
    record_id: str
    title: str
    snippet: str
    open_type: str = ""
    open_id: str = ""

    def __post_init__(self) -> None:
        if not self.open_type:
            object.__setattr__(self, "open_type", self.record_type)
            object.__setattr__(self, "open_id", self.record_id)


@dataclass
class SearchGroup:
    record_type: str
    label: str
    hits: list[SearchHit] = field(default_factory=list)


def refresh_index(session: Session) -> int:
    """Index whatever changed since the last search (after imports, on a worker)."""
    with session.transaction():
        return index.catch_up(session.conn)


def global_search(session: Session, *, query: str, limit: int = PER_TYPE) -> list[SearchGroup]:
    """Matches grouped by record type, the records a team works on first; at most ``limit``
    of each type. Reviews and checklist answers are named by their case's 案号 (and the
    item's code) and open the case's review. Runs on a worker."""
    refresh_index(session)
    groups: dict[str, SearchGroup] = {}
    for hit in index.search(session.conn, query, limit=limit, record_types=list(TITLES)):
        rt = RECORD_TYPES[hit.record_type]
        group = groups.setdefault(hit.record_type, SearchGroup(hit.record_type, rt.label))
        group.hits.append(_named(session, hit.record_type, hit.record_id, hit.snippet))
    return list(groups.values())


def _named(session: Session, record_type: str, record_id: str, snippet: str) -> SearchHit:
    conn = session.conn
    if record_type in ("review", "review_answer"):
        if record_type == "review":
            row = conn.execute(
                """SELECT c.id, c.case_number, '' FROM reviews r JOIN cases c ON c.id = r.case_id
                   WHERE r.id = ?""",
                (record_id,),
            ).fetchone()
        else:
            row = conn.execute(
                """SELECT c.id, c.case_number, a.item_code FROM review_answers a
                   JOIN reviews r ON r.id = a.review_id JOIN cases c ON c.id = r.case_id
                   WHERE a.id = ?""",
                (record_id,),
            ).fetchone()
        if row is not None:
            title = f"{row[1]}　{row[2]}".strip()
            return SearchHit(record_type, record_id, title, snippet, "case", row[0])
    rt = RECORD_TYPES[record_type]
    column = TITLES.get(record_type, "id")
    found = conn.execute(f"SELECT {column} FROM {rt.table} WHERE id = ?", (record_id,)).fetchone()
    title = str(found[0]) if found and found[0] else rt.label
    return SearchHit(record_type, record_id, title[:60], snippet)
