"""回头看's rules: the cut at the follow-up's start, which follow-up a re-check belongs to,
which re-checks may follow which, and what a re-check's note says."""

import datetime as dt

from inspector.domain.court_scope import CourtWrite, refusal
from inspector.domain.follow_up import (
    cut_day,
    follow_up_for,
    recheck_note,
    recheck_refusal,
    standing_before,
)
from inspector.domain.rectification import Action, State, TransitionError, transition

D = dt.date


def test_the_cut_is_the_start_once_the_follow_up_has_started_and_tomorrow_before():
    assert cut_day(D(2025, 11, 17), D(2025, 11, 20)) == D(2025, 11, 17)
    assert cut_day(D(2025, 11, 20), D(2025, 11, 20)) == D(2025, 11, 20)
    assert cut_day(D(2025, 12, 1), D(2025, 11, 20)) == D(2025, 11, 21)
    assert cut_day(None, D(2025, 11, 20)) == D(2025, 11, 21)


def test_an_item_stands_as_its_last_transition_before_the_cut_day_left_it():
    moves = [
        ("2025-10-20T10:00:00+08:00", "整改中"),
        ("2025-10-30T10:00:00+08:00", "待核查"),
        ("2025-11-16T17:59:00+08:00", "已销号"),
        ("2025-11-17T09:00:00+08:00", "整改中"),
    ]
    assert standing_before(moves, D(2025, 11, 17)) == (State.CLOSED, "2025-11-16T17:59:00+08:00")
    assert standing_before(moves, D(2025, 11, 16))[0] == State.AWAITING_CHECK
    assert standing_before(moves, D(2025, 11, 18))[0] == State.IN_PROGRESS
    assert standing_before(moves, D(2025, 10, 1)) == (State.PENDING, None)
    assert standing_before([], D(2025, 11, 17)) == (State.PENDING, None)


def test_a_recheck_belongs_to_the_follow_up_under_way_or_before_any_to_the_first():
    spring, autumn = ("spring", D(2026, 4, 1)), ("autumn", D(2026, 10, 9))
    both = [autumn, spring]
    assert follow_up_for(D(2026, 4, 1), both) == "spring"
    assert follow_up_for(D(2026, 9, 30), both) == "spring"
    assert follow_up_for(D(2026, 10, 9), both) == "autumn"
    assert follow_up_for(D(2026, 3, 20), both) == "spring"  # prepared before it started
    assert follow_up_for(D(2026, 3, 20), [("undated", None), spring]) == "spring"
    assert follow_up_for(D(2026, 3, 20), [("undated", None)]) == "undated"
    assert follow_up_for(D(2026, 3, 20), []) is None


def test_a_held_recheck_may_later_be_found_recurred_and_a_recurrence_is_final():
    assert recheck_refusal(None, held=True) is None
    assert recheck_refusal(None, held=False) is None
    assert recheck_refusal(Action.RECHECK_HELD, held=False) is None
    assert "无需重复" in recheck_refusal(Action.RECHECK_HELD, held=True)
    for recurred in (Action.RECHECK_REOPENED, Action.RECHECK_NEW_PROBLEM):
        assert "复发" in recheck_refusal(recurred, held=True)
        assert "复发" in recheck_refusal(recurred, held=False)


def test_a_rechecks_note_says_it_is_one_when_and_what_it_found():
    day = D(2025, 11, 7)
    assert (
        recheck_note(Action.RECHECK_HELD, day, " 抽查5件 ")
        == "回头看复查（2025年11月7日）：整改成果巩固，未发现问题反弹。抽查5件"
    )
    assert "重新打开" in recheck_note(Action.RECHECK_REOPENED, day)
    assert "另行整改" in recheck_note(Action.RECHECK_NEW_PROBLEM, day)


def test_a_recheck_is_no_state_transition():
    for outcome in (Action.RECHECK_HELD, Action.RECHECK_REOPENED, Action.RECHECK_NEW_PROBLEM):
        try:
            transition(State.CLOSED, outcome, role="leader", evidence_count=1, note="x")
        except TransitionError as e:
            assert "回头看" in str(e)
        else:
            raise AssertionError(outcome)


def test_a_court_may_not_write_a_recheck_of_its_own_items():
    def event(**fields):
        return CourtWrite("item_event", "create", fields, court_id="c1", own_record=True)

    progress = {"item_id": "i", "event_kind": "progress", "note": "已整改"}
    assert refusal(event(**progress), bound_court="c1") is None
    forged = {**progress, "action": str(Action.RECHECK_HELD)}
    assert "回头看" in refusal(event(**forged), bound_court="c1")
