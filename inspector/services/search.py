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
    hits = index.search(session.conn, query, limit=limit, record_types=list(TITLES))
    by_type: dict[str, list[index.Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.record_type, []).append(hit)
    for record_type, found in by_type.items():
        rt = RECORD_TYPES[record_type]
        group = groups.setdefault(record_type, SearchGroup(record_type, rt.label))
        names = _names(session, record_type, [h.record_id for h in found])
        for hit in found:
            title, open_type, open_id = names.get(hit.record_id, (rt.label, "", ""))
            group.hits.append(
                SearchHit(record_type, hit.record_id, title, hit.snippet, open_type, open_id)
            )
    return list(groups.values())


def _names(session: Session, record_type: str, ids: list[str]) -> dict[str, tuple[str, str, str]]:
    """Each record's title, and what opening it shows (type, id; empty: the record itself)
    — one query for all of them."""
    conn = session.conn
    marks = ", ".join("?" for _ in ids)
    if record_type == "review":
        rows = conn.execute(
            f"""SELECT r.id, c.case_number, '', c.id FROM reviews r
                JOIN cases c ON c.id = r.case_id WHERE r.id IN ({marks})""",
            ids,
        )
        return {rid: (f"{num}", "case", cid) for rid, num, _code, cid in rows}
    if record_type == "review_answer":
        rows = conn.execute(
            f"""SELECT a.id, c.case_number, a.item_code, c.id FROM review_answers a
                JOIN reviews r ON r.id = a.review_id JOIN cases c ON c.id = r.case_id
                WHERE a.id IN ({marks})""",
            ids,
        )
        return {rid: (f"{num}　{code}", "case", cid) for rid, num, code, cid in rows}
    rt = RECORD_TYPES[record_type]
    column = TITLES.get(record_type, "id")
    return {
        rid: ((str(title) if title else rt.label)[:60], "", "")
        for rid, title in conn.execute(
            f"SELECT id, {column} FROM {rt.table} WHERE id IN ({marks})", ids
        )
    }
