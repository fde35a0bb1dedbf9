"""Drafts of documents as records (文书草稿): the feedback to a court drafted from the ledger,
edited by the team, synced and kept with its history like any record; what is exported is the
edited text. Regenerating asks before it overwrites edits.

Every function here runs on the thread that owns the session it is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..reports.content import TO_WRITE, court_report, unwritten
from ..reports.content import Block as Block
from . import records
from .session import Session


def blocks_as_json(blocks: list[Block]) -> list[dict[str, Any]]:
    """A document's blocks as a draft stores them (a chart is not part of a draft)."""
    out: list[dict[str, Any]] = []
    for b in blocks:
        if b.kind == "image":
            continue
        d: dict[str, Any] = {"kind": b.kind, "text": b.text}
        if b.rows:
            d["rows"] = [list(map(str, r)) for r in b.rows]
        out.append(d)
    return out


def blocks_from_json(value: Any) -> list[Block]:
    if not isinstance(value, list):
        return []
    out = []
    for d in value:
        if isinstance(d, dict) and isinstance(d.get("kind"), str):
            raw = d.get("rows")
            rows: list[Any] = raw if isinstance(raw, list) else []
            out.append(
                Block(d["kind"], str(d.get("text") or ""), [list(map(str, r)) for r in rows])
            )
    return out


def _campaign_of(session: Session, court_id: str | None) -> str | None:
    row = session.conn.execute(
        """SELECT p.campaign_id FROM problems p JOIN campaigns c ON c.id = p.campaign_id
           WHERE p.court_id = ? AND p.deleted = 0 AND c.deleted = 0
           ORDER BY c.start_date DESC LIMIT 1""",
        (court_id,),
    ).fetchone()
    if row:
        return str(row[0])
    row = session.conn.execute(
        "SELECT id FROM campaigns WHERE deleted = 0 ORDER BY start_date DESC LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else None


def draft_of(
    session: Session, *, court_id: str | None, kind: str = "feedback"
) -> dict[str, Any] | None:
    """The court's draft of this kind of document (``court_id`` None: the combined one, to all
    the courts), when there is one."""
    if court_id is None:
        found = records.find(session, "document", "court_id IS NULL AND kind = ?", (kind,))
    else:
        found = records.find(session, "document", "court_id = ? AND kind = ?", (court_id, kind))
    found.sort(key=lambda d: (d["created_at"] or "", d["id"]))
    return found[0] if found else None


def is_to_write(block: Block) -> bool:
    """A block still holding the mark of text for the team to write (【待巡查组填写…】),
    wherever in it the mark is left and whatever kind the block was made."""
    return TO_WRITE in block.text


def still_to_write(blocks: list[Block]) -> list[str]:
    """The sections (their headings without the number) with a paragraph still to write."""
    return unwritten(blocks)


def unwritten_note(blocks: list[Block], court: str | None = None) -> str | None:
    """What a document's reader should be told when sections the team writes are still
    blank in it, or None."""
    sections = unwritten(blocks)
    if not sections:
        return None
    whose = f"{court}的" if court else ""
    return f"{whose}反馈意见中“{'”“'.join(sections)}”尚待巡查组在反馈意见草稿中填写"


def _team_unit(session: Session) -> str:
    m = session.member()
    return (m.get("unit") if m else None) or "巡查组"


def _drafted(
    session: Session, court_id: str | None, kind: str, today: dt.date | None
) -> list[dict[str, Any]]:
    """The document as the ledger drafts it now: one court's, or the combined one (no chart:
    a feedback has none)."""
    day = today or session.today()
    if court_id is not None:
        blocks = court_report(
            session.conn, court_id=court_id, kind=kind, today=day, team=_team_unit(session)
        )
    else:
        from ..reports.content import build_report
        from ..reports.statistics import report_tables

        blocks = build_report(
            session.conn,
            kind=kind,
            today=day,
            unit=_team_unit(session),
            tables=report_tables(session.conn, today=day),
            chart=None,
        )
    return blocks_as_json(blocks)


def ensure_feedback(session: Session, *, court_id: str | None, today: dt.date | None = None) -> str:
    """The court's feedback draft (巡查反馈意见; ``court_id`` None: the combined one), drafted
    from the ledger when there is none."""
    found = draft_of(session, court_id=court_id)
    if found is not None:
        return str(found["id"])
    blocks = _drafted(session, court_id, "feedback", today)
    title = next((b["text"] for b in blocks if b["kind"] == "title"), "巡查反馈意见")
    return records.create(
        session,
        "document",
        {
            "campaign_id": _campaign_of(session, court_id),
            "court_id": court_id,
            "kind": "feedback",
            "title": title,
            "blocks": blocks,
            "generated": blocks,
            "generated_at": session.clock().isoformat(timespec="seconds"),
        },
    )


class DraftEdited(Exception):
    """Regenerating would overwrite what the team wrote in the draft (ask first)."""


def update_draft(session: Session, *, document_id: str, blocks: list[Block]) -> None:
    """The team's edit of a draft: its headings and paragraphs (a revision like any)."""
    if not any(b.text.strip() for b in blocks):
        from ..errors import UserError

        raise UserError("文书正文不能为空")
    title = next((b.text for b in blocks if b.kind == "title"), None)
    changes: dict[str, Any] = {"blocks": blocks_as_json(blocks)}
    if title:
        changes["title"] = title
    records.update(session, "document", document_id, changes)


def is_edited(draft: dict[str, Any]) -> bool:
    """Whether the team changed the draft since it was generated."""
    return bool(draft["blocks"] != draft["generated"])


def regenerate_draft(
    session: Session, *, document_id: str, today: dt.date | None = None, force: bool = False
) -> None:
    """Draft the document again from the ledger as it is now. Edits would be lost: without
    ``force`` that raises :class:`DraftEdited` so the user is asked first."""
    draft = records.get(session, "document", document_id)
    if is_edited(draft) and not force:
        raise DraftEdited(draft["title"] or "")
    blocks = _drafted(session, draft["court_id"], draft["kind"] or "feedback", today)
    records.update(
        session,
        "document",
        document_id,
        {
            "blocks": blocks,
            "generated": blocks,
            "generated_at": session.clock().isoformat(timespec="seconds"),
            "title": next((b["text"] for b in blocks if b["kind"] == "title"), draft["title"]),
        },
    )
