"""The rectification state machine: 解决一个、销号一个 (resolve one, close one).

States: 待整改 → 整改中 → 待核查 (evidence submitted) → 已销号; 待核查 → 整改中 when
the verifier returns it; 已销号 → 整改中 when reopened (回头看). Only a leader or a
verifier closes, with at least one piece of evidence and a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .enums import Role
from .workdays import DEFAULT_CALENDAR, WorkCalendar, add_workdays, workdays_between


class State(StrEnum):
    PENDING = "待整改"
    IN_PROGRESS = "整改中"
    AWAITING_CHECK = "待核查"
    CLOSED = "已销号"


class Kind(StrEnum):
    IMMEDIATE = "立行立改"
    BY_DEADLINE = "限期整改"
    ONGOING = "长期坚持"


class Action(StrEnum):
    START = "start"
    SUBMIT = "submit"
    RETURN = "return"
    CLOSE = "close"
    REOPEN = "reopen"
    #: the leader settles a state set differently on two laptops (not a normal transition)
    RESOLVE = "resolve"
    #: 回头看 re-checks of a closed item, notes that change no state: the rectification held;
    #: the problem recurred and the item was reopened; it recurred and a new problem of the
    #: follow-up records it (see ``domain/follow_up.py``)
    RECHECK_HELD = "recheck_held"
    RECHECK_REOPENED = "recheck_reopened"
    RECHECK_NEW_PROBLEM = "recheck_new_problem"

    @property
    def zh(self) -> str:
        return ACTION_ZH[self]


ACTION_ZH = {
    Action.START: "开始整改",
    Action.SUBMIT: "提交核查",
    Action.RETURN: "退回整改",
    Action.CLOSE: "销号",
    Action.REOPEN: "重新打开",
    Action.RESOLVE: "确定状态",
    Action.RECHECK_HELD: "回头看复查：巩固",
    Action.RECHECK_REOPENED: "回头看复查：复发，重新整改",
    Action.RECHECK_NEW_PROBLEM: "回头看复查：复发，另立问题",
}


class EventKind(StrEnum):
    TRANSITION = "transition"
    PROGRESS = "progress"
    EVIDENCE = "evidence"


class TransitionError(ValueError):
    """A transition the rules forbid; the message is for users."""


_TRANSITIONS: dict[Action, tuple[State, State]] = {
    Action.START: (State.PENDING, State.IN_PROGRESS),
    Action.SUBMIT: (State.IN_PROGRESS, State.AWAITING_CHECK),
    Action.RETURN: (State.AWAITING_CHECK, State.IN_PROGRESS),
    Action.CLOSE: (State.AWAITING_CHECK, State.CLOSED),
    Action.REOPEN: (State.CLOSED, State.IN_PROGRESS),
}

_VERIFYING_ROLES = frozenset({Role.LEADER, Role.VERIFIER})
_NEEDS_VERIFIER = frozenset({Action.RETURN, Action.CLOSE, Action.REOPEN})
_NEEDS_NOTE = frozenset({Action.RETURN, Action.CLOSE, Action.REOPEN})


def allowed_actions(state: State, role: Role) -> list[Action]:
    """Actions a member with ``role`` may take on an item in ``state``."""
    return [
        a
        for a, (src, _dst) in _TRANSITIONS.items()
        if src == state and (a not in _NEEDS_VERIFIER or role in _VERIFYING_ROLES)
    ]


def blocked_by(state: State, role: Role, action: Action) -> tuple[str, State | None] | None:
    """Why a member with ``role`` may not take ``action`` on an item in ``state``: ("role",
    None) when it needs the leader or a verifier, ("state", the state it needs) when the item
    is elsewhere, None when it may."""
    if action not in _TRANSITIONS:
        return ("state", None)
    src, _dst = _TRANSITIONS[action]
    if action in _NEEDS_VERIFIER and role not in _VERIFYING_ROLES:
        return ("role", None)
    if state != src:
        return ("state", src)
    return None


def transition(
    state: State, action: Action, *, role: Role, evidence_count: int, note: str
) -> State:
    """The state after ``action``; raises :class:`TransitionError` when forbidden.

    ``evidence_count`` is the number of pieces of evidence the item holds,
    including any submitted with this action.
    """
    if action not in _TRANSITIONS:
        if action != Action.RESOLVE:
            raise TransitionError("回头看复查不改变事项状态，请在回头看中记录")
        raise TransitionError(f"“{action.zh}”不是普通的状态变更，请在冲突处理中进行")
    src, dst = _TRANSITIONS[action]
    if state != src:
        raise TransitionError(f"事项当前状态为“{state}”，不能{action.zh}（需为“{src}”）")
    if action in _NEEDS_VERIFIER and role not in _VERIFYING_ROLES:
        raise TransitionError(f"只有组长或核查人可以{action.zh}")
    if action in (Action.SUBMIT, Action.CLOSE) and evidence_count < 1:
        raise TransitionError(f"{action.zh}需要至少一份佐证材料")
    if action in _NEEDS_NOTE and not note.strip():
        raise TransitionError(f"{action.zh}需要填写说明")
    return dst


def validate_item(kind: Kind, deadline: dt.date | None) -> None:
    if kind == Kind.BY_DEADLINE and deadline is None:
        raise ValueError("限期整改事项必须填写整改时限")


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    #: past the deadline, but the evidence was submitted in time and awaits the verifier: the
    #: delay is the team's, not the court's
    VERIFYING = "verifying"
    DONE = "done"

    @property
    def zh(self) -> str:
        return {
            "green": "正常",
            "yellow": "临期",
            "red": "逾期",
            "verifying": "待核查逾期",
            "done": "已销号",
        }[self.value]


#: an item is yellow within this many working days of its deadline
DUE_SOON_WORKDAYS = 3


@dataclass(frozen=True)
class Status:
    light: Light
    overdue_days: int  # calendar days past the deadline (0 when not overdue)
    workdays_left: int | None  # working days until the deadline, when not overdue


def awaits_verification(
    state: State, deadline: dt.date | None, submitted_on: dt.date | None
) -> bool:
    """An item whose evidence was submitted for checking by its deadline and not yet verified:
    once the deadline passes it is overdue for the verifier, not the court's delay."""
    return (
        state == State.AWAITING_CHECK
        and deadline is not None
        and submitted_on is not None
        and submitted_on <= deadline
    )


def item_status(
    state: State,
    deadline: dt.date | None,
    today: dt.date,
    calendar: WorkCalendar = DEFAULT_CALENDAR,
    submitted_on: dt.date | None = None,
) -> Status:
    """Traffic light: red past the deadline, yellow within 3 working days of it. With
    ``submitted_on`` (the day an item entered 待核查), one submitted in time and past its
    deadline is 待核查逾期, counted apart from the court's overdue items."""
    if state == State.CLOSED:
        return Status(Light.DONE, 0, None)
    if deadline is None:
        return Status(Light.GREEN, 0, None)
    if today > deadline:
        late = Light.VERIFYING if awaits_verification(state, deadline, submitted_on) else Light.RED
        return Status(late, (today - deadline).days, None)
    left, _ = workdays_between(today, deadline, calendar)
    return Status(Light.YELLOW if left <= DUE_SOON_WORKDAYS else Light.GREEN, 0, left)


def due_soon_before(today: dt.date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> dt.date:
    """Open items with ``today <= deadline < due_soon_before(today)`` are yellow.

    Equivalent to :func:`item_status` for whole tables, without a calendar walk per row.
    """
    return add_workdays(today, DUE_SOON_WORKDAYS + 1, calendar).due


def is_overdue(state: State, deadline: dt.date | None, today: dt.date) -> bool:
    return state != State.CLOSED and deadline is not None and today > deadline
