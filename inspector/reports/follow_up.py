"""回头看 as the ledger holds it: the follow-up campaigns, and the earlier campaign's items as
each follow-up sees them — closed before its start (to re-check) or carried over — with what
its re-checks found (the rules: ``domain/follow_up.py``).

Runs on whichever thread owns the connection; reads only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from ..domain.follow_up import RECHECKS, cut_day, follow_up_for, standing_before
from ..domain.rectification import Action, State

_RECHECK_SQL = ", ".join(f"'{a.value}'" for a in RECHECKS)


@dataclass(frozen=True)
class FollowUpCampaign:
    """A 回头看 campaign and the campaign it follows up."""

    id: str
    name: str
    start_date: dt.date | None
    end_date: dt.date | None
    follows_id: str
    follows: str
    #: the earlier campaign's last day on site (the last visit)
    follows_end: dt.date | None
    #: the first day that is no longer before the follow-up (its start, or tomorrow until then)
    cut: dt.date


@dataclass(frozen=True)
class EarlierItem:
    """An item of the earlier campaign as one follow-up sees it."""

    item_id: str
    problem_id: str
    court_id: str | None
    court: str
    category: str
    subtype: str
    description: str
    measure: str
    deadline: str | None
    #: its state now
    state: str
    #: its state before the follow-up's start, and since when (the closing, for a closed one)
    standing: str
    since: str | None
    #: the latest re-check of this follow-up (an Action value), when, and its note
    recheck: str | None = None
    rechecked_at: str | None = None
    recheck_note: str = ""
    #: the follow-up's problem that records the recurrence of this item's problem
    recurrence_id: str | None = None

    @property
    def candidate(self) -> bool:
        """Closed before the follow-up started: offered for re-check."""
        return self.standing == State.CLOSED


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def follow_up_campaigns(conn: sqlite3.Connection, *, today: dt.date) -> list[FollowUpCampaign]:
    """Every follow-up campaign whose earlier campaign is in the ledger, by start date."""
    rows = conn.execute(
        """SELECT f.id, f.name, f.start_date, f.end_date, e.id, e.name, e.end_date
           FROM campaigns f JOIN campaigns e ON e.id = f.follows_id AND e.deleted = 0
           WHERE f.deleted = 0 ORDER BY COALESCE(f.start_date, '9999'), f.id"""
    ).fetchall()
    out = []
    for fid, name, start, end, eid, earlier, earlier_end in rows:
        begins = _date(start)
        out.append(
            FollowUpCampaign(
                fid,
                name or "",
                begins,
                _date(end),
                eid,
                earlier or "",
                _date(earlier_end),
                cut_day(begins, today),
            )
        )
    return out


def follow_up_campaign(
    conn: sqlite3.Connection, campaign_id: str, *, today: dt.date
) -> FollowUpCampaign | None:
    return next((f for f in follow_up_campaigns(conn, today=today) if f.id == campaign_id), None)


def earlier_items(
    conn: sqlite3.Connection, follow_up: FollowUpCampaign, *, only: str | None = None
) -> list[EarlierItem]:
    """The earlier campaign's items (or the one ``only`` names), each as it stood before the
    follow-up started and with the follow-up's latest re-check of it, by court and deadline."""
    one = "AND i.id = :only" if only is not None else ""
    params = {"earlier": follow_up.follows_id, "only": only}
    rows = conn.execute(
        f"""SELECT i.id, p.id, p.court_id, COALESCE(c.name, '（未关联法院）'), p.category,
                  COALESCE(p.subtype, ''), COALESCE(p.description, ''), COALESCE(i.measure, ''),
                  i.deadline, i.state
           FROM rectification_items i JOIN problems p ON p.id = i.problem_id
           LEFT JOIN courts c ON c.id = p.court_id
           WHERE i.deleted = 0 AND p.deleted = 0 AND p.campaign_id = :earlier {one}
           ORDER BY c.code, c.name, i.deadline, i.id""",
        params,
    ).fetchall()
    moves: dict[str, list[tuple[str, str]]] = {}
    rechecks: dict[str, tuple[str, str, str]] = {}
    siblings = [
        (fid, _date(start))
        for fid, start in conn.execute(
            "SELECT id, start_date FROM campaigns WHERE follows_id = ? AND deleted = 0",
            (follow_up.follows_id,),
        )
    ]
    for item_id, kind, action, to_state, at, note in conn.execute(
        f"""SELECT e.item_id, e.event_kind, e.action, e.to_state, e.at, COALESCE(e.note, '')
            FROM item_events e JOIN rectification_items i ON i.id = e.item_id
            JOIN problems p ON p.id = i.problem_id
            WHERE e.deleted = 0 AND p.campaign_id = :earlier {one} AND e.at IS NOT NULL
              AND ((e.event_kind = 'transition' AND e.to_state IS NOT NULL)
                   OR e.action IN ({_RECHECK_SQL}))
            ORDER BY e.at, e.id""",
        params,
    ):
        if kind == "transition":
            moves.setdefault(item_id, []).append((at, to_state))
        elif follow_up_for(dt.date.fromisoformat(at[:10]), siblings) == follow_up.id:
            rechecks[item_id] = (action, at, note)
    recurrences = dict(
        conn.execute(
            """SELECT recurrence_of, id FROM problems
               WHERE campaign_id = ? AND recurrence_of IS NOT NULL AND deleted = 0
               ORDER BY found_date, id""",
            (follow_up.id,),
        ).fetchall()
    )
    out = []
    for item_id, problem_id, court_id, court, category, subtype, desc, measure, due, state in rows:
        standing, since = standing_before(moves.get(item_id, ()), follow_up.cut)
        action, at, note = rechecks.get(item_id, (None, None, ""))
        out.append(
            EarlierItem(
                item_id=item_id,
                problem_id=problem_id,
                court_id=court_id,
                court=court,
                category=category or "",
                subtype=subtype,
                description=desc,
                measure=measure,
                deadline=due,
                state=state,
                standing=str(standing),
                since=since,
                recheck=str(Action(action)) if action else None,
                rechecked_at=at,
                recheck_note=note,
                recurrence_id=recurrences.get(problem_id),
            )
        )
    return out
