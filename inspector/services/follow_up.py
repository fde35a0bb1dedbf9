"""回头看 (follow-up inspection): a campaign that re-checks what an earlier one closed and
carries over what it left open (the rules: ``domain/follow_up.py``).

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.enums import CampaignKind, Role, Severity, SourceType
from ..domain.follow_up import follow_up_for, recheck_note, recheck_refusal
from ..domain.rectification import Action, State
from ..errors import PermissionDenied, UserError
from ..reports.follow_up import (
    EarlierItem,
    FollowUpCampaign,
    earlier_items,
    follow_up_campaign,
    follow_up_campaigns,
)
from ..reports.statistics import FollowUpStatistics, follow_up_statistics
from . import records
from .problems import create_problem
from .rectification import act, add_recheck
from .session import Session
from .team import create_campaign, find_campaign

__all__ = [
    "EarlierItem",
    "FollowUpCampaign",
    "FollowUpStatistics",
    "RecheckResult",
    "carried_over",
    "create_follow_up",
    "find_earlier_item",
    "follow_up",
    "follow_up_rates",
    "follow_ups",
    "recheck_candidates",
    "recheck_subject",
    "record_recheck",
]


def _day(value: dt.date | str | None, label: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{label}“{value}”无效，应为 2025-09-30 格式") from None


def create_follow_up(
    session: Session,
    *,
    follows: str,
    name: str,
    start_date: dt.date | str | None,
    end_date: dt.date | str | None = None,
    kind: str | None = None,
    issuing_court: str | None = None,
    doc_number: str = "",
    report_deadline: dt.date | str | None = None,
    target_courts: list[str] | None = None,
    note: str = "",
) -> str:
    """The leader's 回头看 of an earlier campaign (``follows``: its id or name). It starts after
    the earlier one ended; its kind, issuing court and target courts are the earlier one's
    unless given."""
    if session.role() != Role.LEADER:
        raise PermissionDenied("只有组长可以新建回头看")
    earlier = find_campaign(session, follows)
    if kind and kind not in set(CampaignKind):
        raise UserError(f"巡查类型“{kind}”无效（{'、'.join(CampaignKind)}）")
    start = _day(start_date, "开始日期")
    if start is None:
        raise UserError("请填写回头看的开始日期")
    last = _day(earlier["end_date"] or earlier["start_date"], "原巡查日期")
    if last is not None and start <= last:
        raise UserError(
            f"回头看的开始日期应晚于原巡查“{earlier['name']}”的结束日期（{last.isoformat()}）"
        )
    if issuing_court is None:
        issuing_court = earlier["issuing_court"] or ""
    if target_courts is None:
        target_courts = list(earlier["target_courts"] or [])
    return create_campaign(
        session,
        name=name,
        kind=kind or earlier["kind"] or CampaignKind.PATROL,
        issuing_court=issuing_court,
        doc_number=doc_number,
        start_date=start,
        end_date=_day(end_date, "结束日期"),
        report_deadline=_day(report_deadline, "报告期限"),
        target_courts=target_courts,
        note=note,
        follows_id=earlier["id"],
    )


def follow_ups(session: Session) -> list[FollowUpCampaign]:
    """Every 回头看 campaign of the ledger, by start date."""
    return follow_up_campaigns(session.conn, today=session.today())


def follow_up(session: Session, *, campaign_id: str) -> FollowUpCampaign:
    """The 回头看 campaign and the campaign it follows up; a user error for any other."""
    found = follow_up_campaign(session.conn, campaign_id, today=session.today())
    if found is None:
        campaign = records.get(session, "campaign", campaign_id)
        raise UserError(f"“{campaign['name']}”不是回头看（没有关联原巡查）")
    return found


def recheck_candidates(session: Session, *, campaign_id: str) -> list[EarlierItem]:
    """The earlier campaign's items that stood closed (已销号) when the follow-up started, with
    their problem, court, category, closing and what this follow-up's re-check found."""
    return [i for i in _items(session, campaign_id) if i.candidate]


def carried_over(session: Session, *, campaign_id: str) -> list[EarlierItem]:
    """The earlier campaign's items still open when the follow-up started: the same records,
    with their whole history, followed up by it."""
    return [i for i in _items(session, campaign_id) if not i.candidate]


def _items(session: Session, campaign_id: str) -> list[EarlierItem]:
    return earlier_items(session.conn, follow_up(session, campaign_id=campaign_id))


def find_earlier_item(session: Session, *, campaign_id: str, which: str) -> EarlierItem:
    """An item of the campaign a follow-up follows up, by its id or the first characters of it
    (at least 6; for the command line)."""
    which = which.strip()
    if len(which) < 6:
        raise UserError("请给出整改事项编号（至少前6位）")
    found = [i for i in _items(session, campaign_id) if i.item_id.startswith(which)]
    if not found:
        fu = follow_up(session, campaign_id=campaign_id)
        raise UserError(f"原巡查“{fu.follows}”中没有编号为“{which}”的整改事项")
    if len(found) > 1:
        raise UserError(f"有多个整改事项的编号以“{which}”开头，请多给几位")
    return found[0]


def follow_up_rates(
    session: Session, *, campaign_id: str | None = None, today: dt.date | None = None
) -> list[FollowUpStatistics]:
    """Each follow-up's (or one's) re-checks, recurrence rates, carried-over items and items
    closed since the last visit, as of ``today`` (the session's when not given)."""
    found = follow_up_statistics(session.conn, today=today or session.today())
    if campaign_id is None:
        return found
    follow_up(session, campaign_id=campaign_id)
    return [f for f in found if f.campaign_id == campaign_id]


def recheck_subject(
    session: Session, *, item_id: str
) -> tuple[FollowUpCampaign, EarlierItem] | None:
    """The follow-up an item would be re-checked in today — the one of its campaign under way
    (or, before any has started, the first) — and the item as that follow-up sees it; None when
    the item's campaign has no follow-up."""
    item = records.get(session, "rectification_item", item_id)
    problem = records.get(session, "problem", item["problem_id"])
    siblings = [f for f in follow_ups(session) if f.follows_id == problem["campaign_id"]]
    current = follow_up_for(session.today(), [(f.id, f.start_date) for f in siblings])
    fu = next((f for f in siblings if f.id == current), None)
    if fu is None:
        return None
    return fu, earlier_items(session.conn, fu, only=item_id)[0]


@dataclass(frozen=True)
class RecheckResult:
    outcome: Action
    #: the re-check's note on the item
    event_id: str
    #: the item's state after it
    state: State
    #: the follow-up's new problem recording the recurrence
    problem_id: str | None = None


def record_recheck(
    session: Session,
    *,
    item_id: str,
    campaign_id: str,
    held: bool,
    note: str = "",
    new_problem: bool = False,
    description: str | None = None,
) -> RecheckResult:
    """A 回头看 re-check of an item the earlier campaign had closed before the follow-up
    started. It held: a note, the item stays closed. It recurred (复发): the item is reopened
    (leader or verifier, with the note), or — ``new_problem`` — a problem of the follow-up of
    the same court, category and subtype records it, linked to the earlier one, and the item
    stays closed. Checked first, then written in one transaction."""
    role = session.role()
    if not role.on_team:
        raise PermissionDenied("法院联络员不能记录回头看复查")
    fu = follow_up(session, campaign_id=campaign_id)
    subject = recheck_subject(session, item_id=item_id)
    if subject is None or subject[0].follows_id != fu.follows_id:
        raise UserError(f"该整改事项不属于原巡查“{fu.follows}”，不能在“{fu.name}”中复查")
    current, seen = subject
    if current.id != fu.id:
        raise UserError(
            f"原巡查“{fu.follows}”已有更晚开始的回头看“{current.name}”，请在其中记录复查"
        )
    item = records.get(session, "rectification_item", item_id)
    problem = records.get(session, "problem", item["problem_id"])
    today = session.today()
    if not seen.candidate:
        raise UserError(
            "该事项在回头看开始时尚未销号，属于延续整改事项：继续跟踪整改、核查销号即可，无需复查"
        )
    if item["state"] != State.CLOSED:
        raise UserError(f"事项当前状态为“{item['state']}”，只有已销号的事项可以复查")
    if held and new_problem:
        raise UserError("复查结论为巩固时不能另立复发问题")
    why = recheck_refusal(Action(seen.recheck) if seen.recheck else None, held=held)
    if why:
        raise UserError(why)
    if held:
        outcome = Action.RECHECK_HELD
    elif new_problem:
        outcome = Action.RECHECK_NEW_PROBLEM
    else:
        outcome = Action.RECHECK_REOPENED
        if role not in (Role.LEADER, Role.VERIFIER):
            raise PermissionDenied("只有组长或核查人可以重新打开事项；也可以另立复发问题")
        if not note.strip():
            raise UserError("重新打开事项需要填写说明：复查发现了什么")
    with session.transaction():
        new_id = None
        if outcome == Action.RECHECK_NEW_PROBLEM:
            new_id = create_problem(
                session,
                court_id=problem["court_id"],
                category=problem["category"],
                subtype=problem["subtype"],
                description=(description or "").strip() or problem["description"],
                source_type=SourceType.FOLLOW_UP,
                source_id=item_id,
                severity=problem["severity"] or Severity.MINOR,
                campaign_id=fu.id,
                recurrence_of=problem["id"],
            )
        event = add_recheck(
            session, item_id=item_id, outcome=outcome, note=recheck_note(outcome, today, note)
        )
        state = State.CLOSED
        if outcome == Action.RECHECK_REOPENED:
            state = act(
                session,
                item_id=item_id,
                action=Action.REOPEN,
                note=f"回头看（{fu.name}）复查发现问题复发：{note.strip()}",
            )
    return RecheckResult(outcome, event, state, new_id)
