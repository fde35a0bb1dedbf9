import datetime as dt

import pytest

from inspector.domain.enums import Role
from inspector.domain.rectification import (
    Action,
    Kind,
    Light,
    State,
    TransitionError,
    allowed_actions,
    due_soon_before,
    is_overdue,
    item_status,
    transition,
    validate_item,
)

D = dt.date


def go(state, action, role=Role.INSPECTOR, evidence=1, note="说明"):
    return transition(state, action, role=role, evidence_count=evidence, note=note)


def test_the_happy_path():
    s = go(State.PENDING, Action.START)
    s = go(s, Action.SUBMIT)
    assert s == State.AWAITING_CHECK
    assert go(s, Action.CLOSE, role=Role.LEADER) == State.CLOSED
    assert go(s, Action.CLOSE, role=Role.VERIFIER) == State.CLOSED


def test_an_inspector_cannot_close_return_or_reopen():
    for action, state in (
        (Action.CLOSE, State.AWAITING_CHECK),
        (Action.RETURN, State.AWAITING_CHECK),
        (Action.REOPEN, State.CLOSED),
    ):
        with pytest.raises(TransitionError, match="只有组长或核查人"):
            go(state, action, role=Role.INSPECTOR)


def test_closing_needs_evidence_and_a_note():
    with pytest.raises(TransitionError, match="佐证材料"):
        go(State.AWAITING_CHECK, Action.CLOSE, role=Role.LEADER, evidence=0)
    with pytest.raises(TransitionError, match="说明"):
        go(State.AWAITING_CHECK, Action.CLOSE, role=Role.LEADER, note="  ")


def test_submitting_needs_evidence():
    with pytest.raises(TransitionError, match="佐证材料"):
        go(State.IN_PROGRESS, Action.SUBMIT, evidence=0)


def test_return_and_reopen_go_back_to_in_progress():
    assert go(State.AWAITING_CHECK, Action.RETURN, role=Role.VERIFIER) == State.IN_PROGRESS
    assert go(State.CLOSED, Action.REOPEN, role=Role.LEADER) == State.IN_PROGRESS


def test_actions_from_the_wrong_state_are_refused():
    with pytest.raises(TransitionError, match="当前状态为“待整改”"):
        go(State.PENDING, Action.CLOSE, role=Role.LEADER)
    with pytest.raises(TransitionError):
        go(State.CLOSED, Action.START)


def test_allowed_actions_depend_on_role():
    assert allowed_actions(State.AWAITING_CHECK, Role.INSPECTOR) == []
    assert set(allowed_actions(State.AWAITING_CHECK, Role.LEADER)) == {Action.RETURN, Action.CLOSE}
    assert allowed_actions(State.PENDING, Role.INSPECTOR) == [Action.START]


def test_deadline_required_for_by_deadline_items():
    with pytest.raises(ValueError):
        validate_item(Kind.BY_DEADLINE, None)
    validate_item(Kind.ONGOING, None)


def test_traffic_light():
    deadline = D(2025, 11, 21)  # Friday
    assert item_status(State.IN_PROGRESS, deadline, D(2025, 11, 24)).light == Light.RED
    assert item_status(State.IN_PROGRESS, deadline, D(2025, 11, 24)).overdue_days == 3
    assert item_status(State.IN_PROGRESS, deadline, D(2025, 11, 18)).light == Light.YELLOW
    assert item_status(State.IN_PROGRESS, deadline, D(2025, 11, 21)).light == Light.YELLOW
    assert item_status(State.IN_PROGRESS, deadline, D(2025, 11, 14)).light == Light.GREEN
    assert item_status(State.CLOSED, deadline, D(2025, 12, 31)).light == Light.DONE
    assert item_status(State.PENDING, None, D(2025, 12, 31)).light == Light.GREEN


def test_yellow_window_counts_working_days_across_national_day():
    # Sep 30 → Oct 9 2025 is 1 working day apart: still yellow
    assert item_status(State.PENDING, D(2025, 10, 9), D(2025, 9, 30)).light == Light.YELLOW


def test_due_soon_bound_agrees_with_item_status():
    today = D(2025, 9, 26)
    bound = due_soon_before(today)
    for offset in range(0, 30):
        deadline = today + dt.timedelta(days=offset)
        yellow = item_status(State.PENDING, deadline, today).light == Light.YELLOW
        assert yellow == (deadline < bound), deadline


def test_overdue():
    assert is_overdue(State.PENDING, D(2025, 1, 1), D(2025, 1, 2))
    assert not is_overdue(State.CLOSED, D(2025, 1, 1), D(2025, 1, 2))
    assert not is_overdue(State.PENDING, D(2025, 1, 2), D(2025, 1, 2))
