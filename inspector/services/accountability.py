"""约谈、通报、问责: talks with a court's leaders, notices and accountability measures that
problems or overdue items ordered — who, when, which court or officers, for which problems or
items, and what followed. Each is a record linked from the items' history and counted in the
statistics.

Every function here runs on the thread that owns the session it is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from ..domain.enums import AccountabilityKind, Role
from ..errors import PermissionDenied, UserError, rule_errors
from . import records
from .session import Session


def _check(session: Session, court_id: str, problem_ids: list[str], item_ids: list[str]) -> None:
    records.get(session, "court", court_id)
    for pid in problem_ids:
        problem = records.get(session, "problem", pid)
        if problem["court_id"] != court_id:
            raise UserError("所涉问题不属于该法院")
    for iid in item_ids:
        item = records.get(session, "rectification_item", iid)
        problem = records.get(session, "problem", item["problem_id"])
        if problem["court_id"] != court_id:
            raise UserError("所涉整改事项不属于该法院")


def add_accountability(
    session: Session,
    *,
    court_id: str,
    kind: str,
    date: dt.date,
    reason: str,
    target: str = "",
    officers: list[str] | None = None,
    by_whom: str = "",
    problem_ids: list[str] | None = None,
    item_ids: list[str] | None = None,
    follow_up: str = "",
    follow_up_date: dt.date | None = None,
    note: str = "",
    campaign_id: str | None = None,
) -> str:
    """Record a talk, a notice or an accountability measure (the team's, not a court's)."""
    if session.role() == Role.COURT:
        raise PermissionDenied("约谈、通报、问责由巡查组记录")
    with rule_errors():
        k = AccountabilityKind(kind)
    if not reason.strip():
        raise UserError("请填写事由")
    problems = list(dict.fromkeys(problem_ids or []))
    items = list(dict.fromkeys(item_ids or []))
    _check(session, court_id, problems, items)
    if campaign_id is None:
        row = session.conn.execute(
            "SELECT id FROM campaigns WHERE deleted = 0 ORDER BY start_date DESC LIMIT 1"
        ).fetchone()
        campaign_id = row[0] if row else None
    return records.create(
        session,
        "accountability",
        {
            "campaign_id": campaign_id,
            "court_id": court_id,
            "kind": str(k),
            "date": date.isoformat(),
            "target": target,
            "officers": [o.strip() for o in officers or [] if o.strip()],
            "by_whom": by_whom,
            "reason": reason,
            "problem_ids": problems,
            "item_ids": items,
            "follow_up": follow_up,
            "follow_up_date": follow_up_date.isoformat() if follow_up_date else None,
            "note": note,
        },
    )


def update_accountability(session: Session, *, record_id: str, **changes: Any) -> None:
    row = records.get(session, "accountability", record_id)
    for name in ("date", "follow_up_date"):
        if isinstance(changes.get(name), dt.date):
            changes[name] = changes[name].isoformat()
    if "kind" in changes:
        with rule_errors():
            changes["kind"] = str(AccountabilityKind(changes["kind"]))
    _check(
        session,
        row["court_id"],
        list(changes.get("problem_ids", row["problem_ids"] or [])),
        list(changes.get("item_ids", row["item_ids"] or [])),
    )
    records.update(session, "accountability", record_id, changes)


def accountability_records(
    session: Session, *, court_id: str | None = None, item_id: str | None = None
) -> list[dict[str, Any]]:
    """The records of a court, or those an item ordered, newest first."""
    where, params = "1", cast(tuple[str, ...], ())
    if court_id is not None:
        where, params = "court_id = ?", (court_id,)
    rows = records.find(session, "accountability", where, params)
    if item_id is not None:
        item = records.get(session, "rectification_item", item_id)
        rows = [
            r
            for r in rows
            if item_id in (r["item_ids"] or []) or item["problem_id"] in (r["problem_ids"] or [])
        ]
    rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return rows


def item_history_entries(session: Session, *, item_id: str) -> list[dict[str, Any]]:
    """The talks, notices and accountability measures an item (or its problem) ordered, as
    entries of the item's history: what the ledger's history shows beside its events."""
    out = []
    for r in accountability_records(session, item_id=item_id):
        what = "，".join(
            x
            for x in (
                r["target"],
                "、".join(r["officers"] or []),
                r["reason"],
            )
            if x
        )
        if r["follow_up"]:
            what += f"。后续：{r['follow_up']}"
            if r["follow_up_date"]:
                what += f"（{r['follow_up_date']}）"
        out.append(
            {
                "id": r["id"],
                "at": r["date"] or "",
                "member_id": r["created_by"],
                "action": None,
                "event_kind": r["kind"],
                "from_state": None,
                "to_state": None,
                "note": what,
                "evidence": [],
                "by": r["by_whom"] or "",
            }
        )
    return out
