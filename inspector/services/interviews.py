"""Interviews and visits (座谈走访): method, people, place and the written record.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt

from ..domain.enums import InterviewMethod
from ..errors import UserError
from . import records
from .session import Session


def create_interview(
    session: Session,
    *,
    method: str,
    date: dt.date,
    court_id: str | None = None,
    campaign_id: str | None = None,
    place: str = "",
    interviewees: list[dict[str, str]] | None = None,
    text: str = "",
) -> str:
    try:
        method = str(InterviewMethod(method))
    except ValueError:
        raise UserError(f"检查方式“{method}”无效") from None
    people = [
        {"name": p.get("name", "").strip(), "role": p.get("role", "").strip()}
        for p in (interviewees or [])
        if p.get("name", "").strip()
    ]
    return records.create(
        session,
        "interview",
        {
            "campaign_id": campaign_id,
            "court_id": court_id,
            "method": method,
            "date": date.isoformat(),
            "place": place,
            "interviewees": people,
            "text": text,
            "recorded_by": session.member_id,
        },
    )


def update_interview(session: Session, *, interview_id: str, **changes: object) -> None:
    if "method" in changes:
        changes["method"] = str(InterviewMethod(str(changes["method"])))
    day = changes.get("date")
    if isinstance(day, dt.date):
        changes["date"] = day.isoformat()
    records.update(session, "interview", interview_id, dict(changes))
