"""一案双查: a lead from receipt through joint meeting, assignment, investigation, report,
conclusion, feedback and clearing. Each step is one revision of the lead record.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.case_numbers import CaseNumberError, parse_case_number
from ..domain.leads import (
    Allegation,
    Conclusion,
    FeedbackLead,
    LeadError,
    LeadSource,
    Method,
    Stage,
    check_conclusions,
    feedback_lead_for,
    finding_category,
    require,
    stage,
)
from ..domain.rectification import Kind
from ..errors import UserError, rule_errors
from . import records
from .problems import create_problem
from .rectification import add_item
from .session import Session
from .team import categories


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _lead(session: Session, lead_id: str) -> dict[str, Any]:
    return records.get(session, "lead", lead_id)


def _step(
    session: Session, lead_id: str, changes: dict[str, Any], *allowed: Stage, action: str
) -> None:
    lead = _lead(session, lead_id)
    with rule_errors(LeadError):
        require(lead, *allowed, action=action)
    records.update(session, "lead", lead_id, changes)


def _alleges(values: Sequence[str] | None) -> list[str]:
    try:
        return list(dict.fromkeys(str(Allegation(v)) for v in values or []))
    except ValueError:
        raise UserError("反映问题类型应为：" + "、".join(a.value for a in Allegation)) from None


def create_lead(
    session: Session,
    *,
    source: str,
    received_date: dt.date,
    summary: str,
    court_id: str | None = None,
    case_numbers: list[str] | None = None,
    officers: list[str] | None = None,
    campaign_id: str | None = None,
    alleges: Sequence[str] | None = None,
) -> str:
    """Record a lead. ``alleges``: what the complaint is about (values of
    :class:`~inspector.domain.leads.Allegation`), which decides who leads the feedback."""
    if not summary.strip():
        raise UserError("请填写线索摘要")
    alleged = _alleges(alleges)
    try:
        source = str(LeadSource(source))
        numbers = [parse_case_number(n).text for n in case_numbers or []]
    except CaseNumberError as e:
        raise UserError(f"相关案号有误：{e}") from e
    except ValueError:
        raise UserError("线索来源应为：" + "；".join(s.value for s in LeadSource)) from None
    return records.create(
        session,
        "lead",
        {
            "campaign_id": campaign_id,
            "court_id": court_id,
            "source": source,
            "received_date": received_date.isoformat(),
            "summary": summary,
            "case_numbers": numbers,
            "officers": [o.strip() for o in officers or [] if o.strip()],
            "alleges": alleged,
        },
    )


def update_lead(session: Session, *, lead_id: str, **changes: Any) -> None:
    """Correct what was recorded when the lead came in (its steps are recorded by their own
    dialogs, and corrected there)."""
    allowed = {
        "source",
        "received_date",
        "summary",
        "court_id",
        "case_numbers",
        "officers",
        "alleges",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise UserError("线索的办理步骤请在对应步骤中修改")
    _lead(session, lead_id)
    if "summary" in changes and not str(changes["summary"] or "").strip():
        raise UserError("请填写线索摘要")
    try:
        if "source" in changes:
            changes["source"] = str(LeadSource(changes["source"]))
        if "case_numbers" in changes:
            changes["case_numbers"] = [
                parse_case_number(n).text for n in changes["case_numbers"] or []
            ]
    except CaseNumberError as e:
        raise UserError(f"相关案号有误：{e}") from e
    except ValueError:
        raise UserError("线索来源应为：" + "；".join(s.value for s in LeadSource)) from None
    if "alleges" in changes:
        changes["alleges"] = _alleges(changes["alleges"])
    if "officers" in changes:
        changes["officers"] = [o.strip() for o in changes["officers"] or [] if o.strip()]
    if isinstance(changes.get("received_date"), dt.date):
        changes["received_date"] = changes["received_date"].isoformat()
    records.update(session, "lead", lead_id, changes)


@dataclass(frozen=True)
class RelatedRecord:
    """A review or interview the joint investigation may cite."""

    record_id: str
    label: str


def related_records(session: Session, *, lead_id: str) -> list[RelatedRecord]:
    """The reviews of the lead's cases and the interviews at its court, for the investigation
    step to link to."""
    lead = _lead(session, lead_id)
    out: list[RelatedRecord] = []
    numbers = lead.get("case_numbers") or []
    if numbers:
        marks = ", ".join("?" for _ in numbers)
        for rid, number, day in session.conn.execute(
            f"""SELECT r.id, c.case_number, r.review_date FROM reviews r
                JOIN cases c ON c.id = r.case_id
                WHERE r.deleted = 0 AND c.deleted = 0 AND c.case_number IN ({marks})""",
            numbers,
        ):
            out.append(RelatedRecord(rid, f"案卷评查 {number}（{day}）"))
    court = lead.get("assigned_court_id") or lead.get("court_id")
    for rid, method, day, place in session.conn.execute(
        "SELECT id, method, date, place FROM interviews WHERE deleted = 0 AND court_id = ? "
        "ORDER BY date",
        (court,),
    ):
        out.append(RelatedRecord(rid, f"{method} {day} {place or ''}".strip()))
    return out


def record_meeting(
    session: Session,
    *,
    lead_id: str,
    date: dt.date,
    participants: list[str],
    start: bool,
    reason: str,
) -> None:
    """The joint meeting of enforcement and discipline decides whether to start (联席会议)."""
    if not reason.strip():
        raise UserError("请填写研判理由")
    _step(
        session,
        lead_id,
        {
            "meeting_date": date.isoformat(),
            "meeting_participants": participants,
            "decision": "启动" if start else "不启动",
            "decision_reason": reason,
        },
        Stage.RECEIVED,
        action="召开联席会议研判",
    )


def assign_lead(
    session: Session, *, lead_id: str, date: dt.date, court_id: str, deadline: dt.date
) -> None:
    """Assigned to the lower court through the command centre, with a report deadline (Art. 5)."""
    if deadline < date:
        raise UserError("报告期限不能早于交办日期")
    records.get(session, "court", court_id)
    _step(
        session,
        lead_id,
        {
            "assigned_date": date.isoformat(),
            "assigned_court_id": court_id,
            "report_deadline": deadline.isoformat(),
        },
        Stage.STARTED,
        action="交办",
    )


def record_investigation(
    session: Session, *, lead_id: str, methods: list[str], linked_records: list[str] | None = None
) -> None:
    """Methods of Art. 6; file reviews and interviews of the team are linked, not copied."""
    try:
        clean = [str(Method(m)) for m in methods]
    except ValueError:
        raise UserError("调查方式应为：" + "、".join(m.value for m in Method)) from None
    linked = []
    for rid in linked_records or []:
        for type_name in ("review", "interview"):
            try:
                records.get(session, type_name, rid)
            except UserError:
                continue
            linked.append({"type": type_name, "id": rid})
            break
        else:
            raise UserError("关联的评查或走访记录不存在")
    _step(
        session,
        lead_id,
        {"methods": clean, "linked_records": linked},
        Stage.INVESTIGATING,
        Stage.SUPPLEMENTARY,
        action="记录调查",
    )


def submit_report(
    session: Session,
    *,
    lead_id: str,
    date: dt.date,
    process: str,
    facts: str,
    analysis: str,
    opinion: str,
) -> None:
    """The investigation report (Art. 8): 调查经过, 查明事实, 问题分析, 处理意见."""
    if not all(x.strip() for x in (process, facts, analysis, opinion)):
        raise UserError("调查报告应包含调查经过、查明事实、问题分析和处理意见")
    lead = _lead(session, lead_id)
    supplementary = stage(lead) == Stage.SUPPLEMENTARY
    changes = {
        "report_process": process,
        "report_facts": facts,
        "report_analysis": analysis,
        "report_opinion": opinion,
        ("supplementary_report_date" if supplementary else "report_date"): date.isoformat(),
    }
    _step(
        session, lead_id, changes, Stage.INVESTIGATING, Stage.SUPPLEMENTARY, action="上报调查报告"
    )


def order_supplementary(
    session: Session, *, lead_id: str, deadline: dt.date, direct: bool = False
) -> None:
    """The higher court orders more investigation with a new deadline, or investigates itself."""
    _step(
        session,
        lead_id,
        {"supplementary_deadline": deadline.isoformat(), "supplementary_direct": 1 if direct else 0,
         "supplementary_report_date": None},
        Stage.REPORTED,
        action="责令补充调查",
    )  # fmt: skip


def conclude(
    session: Session,
    *,
    lead_id: str,
    conclusions: Sequence[str],
    date: dt.date,
    note: str,
    deadline: dt.date | None = None,
    measure: str = "",
    discipline_referral: str = "",
    category: str | None = None,
    subtype: str | None = None,
) -> list[str]:
    """The joint meeting's conclusion (Art. 9); 督促限期办理 creates a problem and its
    rectification item, filed under ``category`` (and ``subtype``) — by default the one
    category the report's analysis names (消极执行, 选择性执行…).

    Returns the ids of the rectification items created.
    """
    try:
        chosen = list(dict.fromkeys(str(Conclusion(c)) for c in conclusions))
    except ValueError:
        raise UserError("检查结论应为：" + "、".join(c.value for c in Conclusion)) from None
    if not chosen:
        raise UserError("请选择至少一项检查结论")
    with rule_errors(LeadError):
        check_conclusions(chosen)
    if Conclusion.DEADLINE in chosen and deadline is None:
        raise UserError("督促限期办理须指定办理期限")
    if Conclusion.DISCIPLINE in chosen and not discipline_referral.strip():
        raise UserError("违纪行为处分须写明移送处理情况")
    lead = _lead(session, lead_id)
    if Conclusion.DEADLINE in chosen and not category:
        category = finding_category(lead, [c.name for c in categories(session)])
        if category is None:
            raise UserError("督促限期办理须选择问题类别（调查报告的问题分析未写明唯一的类别）")
    items: list[str] = []
    with session.transaction():
        _step(
            session,
            lead_id,
            {
                "conclusions": chosen,
                "conclusion_date": date.isoformat(),
                "conclusion_note": note,
                "discipline_referral": discipline_referral or None,
            },
            Stage.REPORTED,
            action="形成检查结论",
        )
        if Conclusion.DEADLINE in chosen:
            court = lead["assigned_court_id"] or lead["court_id"]
            if not court:
                raise UserError("线索未关联法院，无法督促限期办理")
            problem = create_problem(
                session,
                court_id=court,
                category=str(category),
                subtype=subtype,
                description=f"一案双查：{lead['summary']}",
                example_cases=lead["case_numbers"] or [],
                source_type="其他",
                source_id=lead_id,
                campaign_id=lead["campaign_id"],
                evidence=note,
            )
            items.append(
                add_item(
                    session,
                    problem_id=problem,
                    measure=measure or f"按督办意见限期办理：{lead['summary']}",
                    kind=Kind.BY_DEADLINE,
                    deadline=deadline,
                    note="一案双查督促限期办理",
                )
            )
    return items


def feedback_lead_of(session: Session, *, lead_id: str) -> str | None:
    """Who leads the feedback on a lead by what its complaint alleges (Art. 10): 监察机构 when
    the officers' conduct is alleged, else 执行机构; None while nothing alleged is recorded."""
    alleges = _lead(session, lead_id).get("alleges") or []
    return str(feedback_lead_for(alleges)) if alleges else None


def record_feedback(
    session: Session, *, lead_id: str, date: dt.date, note: str, by: str | None = None
) -> str:
    """Feedback to the complainant (Art. 10), led by enforcement or discipline according to what
    the complaint alleges (``by`` overrides it)."""
    _lead(session, lead_id)
    if by:
        try:
            lead_by = str(FeedbackLead(by))
        except ValueError:
            raise UserError(
                "反馈牵头部门应为：" + "或".join(f.value for f in FeedbackLead)
            ) from None
    else:
        suggested = feedback_lead_of(session, lead_id=lead_id)
        if suggested is None:
            raise UserError(
                "请先记录线索反映的问题类型（"
                + "、".join(a.value for a in Allegation)
                + "），或指定反馈牵头部门"
            )
        lead_by = suggested
    if not note.strip():
        raise UserError("请填写反馈情况")
    _step(
        session,
        lead_id,
        {"feedback_date": date.isoformat(), "feedback_by": lead_by, "feedback_note": note},
        Stage.CONCLUDED,
        action="反馈",
    )
    return lead_by


def clear_officer(session: Session, *, lead_id: str, date: dt.date, note: str) -> None:
    """Clearing the officer's name when the report was unfounded (Art. 11)."""
    lead = _lead(session, lead_id)
    if Conclusion.UNFOUNDED not in (lead["conclusions"] or []):
        raise UserError("只有结论为“反映问题不实”的线索才需要澄清正名")
    if not note.strip():
        raise UserError("请填写澄清范围和方式")
    _step(
        session,
        lead_id,
        {"cleared_date": date.isoformat(), "clearing_note": note},
        Stage.CONCLUDED,
        Stage.DONE,
        action="澄清正名",
    )
