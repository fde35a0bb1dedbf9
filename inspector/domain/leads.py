"""一案双查 (one case, two checks): a lead about a case, checked for the handling and the conduct.

Rules of the Supreme People's Court (2019): lead sources (Art. 3); assignment through the
command centre (Art. 5); investigation methods (Art. 6); the report and supplementary
investigation (Art. 8); conclusions (Art. 9); feedback to the complainant (Art. 10);
clearing the officer when the report is unfounded (Art. 11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any


class LeadSource(StrEnum):
    LETTERS_VISITS = "人民群众来信来访"
    DEPUTIES = "人大代表、政协委员及其他党政机关反映或转交"
    PROCURATORATE = "检察机关检察建议"
    PATROL = "司法巡查或审务督察中发现"
    LEADERS = "院领导、执行机构负责人重点督办"
    INCIDENTS = "涉执行重大突发事件、舆情事件"
    CASES = "执行复议、协调、监督等案件中发现"
    COMMAND_CENTRE = "执行指挥中心运行管理中发现"
    OTHER = "其他途径"


class Method(StrEnum):
    DOSSIER = "调卷审查"
    SYSTEM = "系统检查"
    PARTIES = "听取当事人意见"
    INTERNAL = "内部谈话"
    OTHER = "其他方式"


class Conclusion(StrEnum):
    CORRECT = "执行监督纠正"
    DEADLINE = "督促限期办理"
    DISCIPLINE = "违纪行为处分"
    NOTICE = "通报、约谈及纳入考评"
    UNFOUNDED = "反映问题不实"


class Allegation(StrEnum):
    """What a complaint alleges (Art. 10 names the two kinds)."""

    HANDLING = "执行行为违法或不规范"
    CONDUCT = "执行干警违规违法违纪"


class FeedbackLead(StrEnum):
    """Art. 10: who leads the feedback depends on what the complaint is about."""

    ENFORCEMENT = "执行机构"
    DISCIPLINE = "监察机构"


class Stage(StrEnum):
    RECEIVED = "待研判"
    NOT_STARTED = "不启动"
    STARTED = "待交办"
    INVESTIGATING = "调查中"
    SUPPLEMENTARY = "补充调查"
    REPORTED = "待结论"
    CONCLUDED = "待反馈"
    DONE = "已办结"


class LeadError(ValueError):
    """A step taken out of order; the message is for users."""


def stage(lead: Mapping[str, Any]) -> Stage:
    """Where a lead stands, from what has been recorded on it."""
    if lead.get("decision") == "不启动":
        return Stage.NOT_STARTED
    if lead.get("decision") != "启动":
        return Stage.RECEIVED
    if not lead.get("assigned_date"):
        return Stage.STARTED
    if lead.get("conclusions"):
        unfounded = Conclusion.UNFOUNDED in (lead.get("conclusions") or [])
        if lead.get("feedback_date") and (not unfounded or lead.get("cleared_date")):
            return Stage.DONE
        return Stage.CONCLUDED
    if lead.get("supplementary_deadline") and not lead.get("supplementary_report_date"):
        return Stage.SUPPLEMENTARY
    if lead.get("report_date"):
        return Stage.REPORTED
    return Stage.INVESTIGATING


def current_deadline(lead: Mapping[str, Any]) -> dt.date | None:
    """The deadline the lower court is working to: the report's, or the supplementary one."""
    s = stage(lead)
    if s == Stage.SUPPLEMENTARY and lead.get("supplementary_deadline"):
        return dt.date.fromisoformat(str(lead["supplementary_deadline"]))
    if s == Stage.INVESTIGATING and lead.get("report_deadline"):
        return dt.date.fromisoformat(str(lead["report_deadline"]))
    return None


def require(lead: Mapping[str, Any], *allowed: Stage, action: str) -> None:
    s = stage(lead)
    if s not in allowed:
        raise LeadError(f"线索当前处于“{s}”阶段，不能{action}")


def feedback_lead_for(alleges: Iterable[str]) -> FeedbackLead:
    """Art. 10: a complaint about the officers' conduct is answered with discipline leading,
    one about the enforcement acts alone with enforcement leading — whatever the conclusion."""
    return FeedbackLead.DISCIPLINE if Allegation.CONDUCT in alleges else FeedbackLead.ENFORCEMENT


#: conclusions that may stand with 反映问题不实 (the officer cleared while the case handling is
#: still corrected, Art. 9 (1) and Art. 11)
_WITH_UNFOUNDED = frozenset({Conclusion.UNFOUNDED, Conclusion.CORRECT})


def check_conclusions(chosen: Sequence[str]) -> None:
    """Raise :class:`LeadError` for conclusions that contradict each other: an officer found
    clear (反映问题不实) is not disciplined, reported or pressed; the case may still be corrected."""
    if Conclusion.UNFOUNDED in chosen and not _WITH_UNFOUNDED.issuperset(chosen):
        raise LeadError("“反映问题不实”只能与“执行监督纠正”同时选择")


def finding_category(lead: Mapping[str, Any], categories: Sequence[str]) -> str | None:
    """The problem category the investigation found, when its analysis (or facts, or the
    conclusion's note) names exactly one: what the item 督促限期办理 creates is filed under."""
    for key in ("report_analysis", "report_facts", "conclusion_note"):
        text = str(lead.get(key) or "")
        named = [c for c in categories if c in text]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            return None
    return None
