"""回头看 (follow-up inspection): a later campaign that re-checks what an earlier one closed and
follows up what it left open.

The follow-up's start date is the cut: every rectification item of the earlier campaign
either stood closed (已销号) before it — offered for re-check — or did not — carried over, the
same record with its whole history, shown and counted with the follow-up. A re-check that
held leaves the item closed; a recurrence (复发) reopens it, or is recorded as a new problem
of the follow-up that names the earlier one (``recurrence_of``). Each re-check is a note on
the item (an item event of kind progress whose action says the outcome), so the statistics
count what each follow-up found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import StrEnum

from .rectification import Action, State

#: the outcomes of a re-check, as the action of its event
RECHECKS = (Action.RECHECK_HELD, Action.RECHECK_REOPENED, Action.RECHECK_NEW_PROBLEM)
RECURRED = frozenset({Action.RECHECK_REOPENED, Action.RECHECK_NEW_PROBLEM})


class Mark(StrEnum):
    """How the ledger marks an item in a 回头看."""

    #: closed before the latest follow-up of its campaign started, not re-checked yet
    TO_RECHECK = "待复查"
    #: open when it started: carried over
    CARRIED = "延续整改"
    HELD = "复查巩固"
    REOPENED = "复发·重新整改"
    NEW_PROBLEM = "复发·另立问题"
    #: an item of the follow-up's problem that records a recurrence
    RECURRENCE = "复发问题"


#: the mark of an item by the outcome of its latest re-check
MARK_OF = {
    Action.RECHECK_HELD: Mark.HELD,
    Action.RECHECK_REOPENED: Mark.REOPENED,
    Action.RECHECK_NEW_PROBLEM: Mark.NEW_PROBLEM,
}

_FINDINGS = {
    Action.RECHECK_HELD: "整改成果巩固，未发现问题反弹",
    Action.RECHECK_REOPENED: "问题复发，事项重新打开整改",
    Action.RECHECK_NEW_PROBLEM: "问题复发，已作为本次回头看发现的问题另行整改",
}


def cut_day(start: dt.date | None, today: dt.date) -> dt.date:
    """The first day that no longer counts as before the follow-up: its start, or, while it
    has not started (or has no start date), tomorrow — every change made so far is before."""
    if start is not None and start <= today:
        return start
    return today + dt.timedelta(days=1)


def standing_before(moves: Iterable[tuple[str, str]], day: dt.date) -> tuple[State, str | None]:
    """An item's state before ``day`` and when it entered it, from its transitions as (time,
    state entered), in the order they were made."""
    state, since = State.PENDING, None
    limit = day.isoformat()
    for at, to_state in moves:
        if at[:10] >= limit:
            break
        state, since = State(to_state), at
    return state, since


def follow_up_for(day: dt.date, follow_ups: Sequence[tuple[str, dt.date | None]]) -> str | None:
    """Which of the follow-ups of one campaign, as (id, start date), a re-check made on ``day``
    belongs to: the last one started by then; before any has started, the first one."""
    ordered = sorted(follow_ups, key=lambda f: (f[1] or dt.date.max, f[0]))
    if not ordered:
        return None
    started = [fid for fid, start in ordered if start is not None and start <= day]
    return started[-1] if started else ordered[0][0]


def recheck_refusal(current: Action | None, *, held: bool) -> str | None:
    """Why an item whose latest re-check in this follow-up is ``current`` may not be
    re-checked again with this outcome (None when it may): a re-check that held may later be
    found to have recurred; a recurrence is final for the visit."""
    if current is None:
        return None
    if current in RECURRED:
        return "该事项已在本次回头看中记录为复发，不能再次复查"
    if held:
        return "该事项已在本次回头看中复查为巩固，无需重复记录"
    return None


def recheck_note(outcome: Action, day: dt.date, note: str = "") -> str:
    """The text of a re-check's event: it is the item's latest 整改进展 in the ledger, so it
    says that it is a re-check, when, and what it found, before the re-checker's own words."""
    head = f"回头看复查（{day.year}年{day.month}月{day.day}日）：{_FINDINGS[outcome]}。"
    return head + note.strip()
