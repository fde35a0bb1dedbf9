"""Problems found by the team (问题清单).

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.case_numbers import CaseNumberError, parse_case_number
from ..domain.categories import validate_problem_category
from ..domain.enums import Severity, SourceType
from ..errors import UserError, rule_errors
from ..reference import checklist
from . import records
from .session import Session
from .team import categories


def _example_numbers(numbers: list[str]) -> list[str]:
    out = []
    for n in numbers:
        try:
            out.append(parse_case_number(n).text)
        except CaseNumberError as e:
            raise UserError(f"例证案号有误：{e}") from e
    return list(dict.fromkeys(out))


def create_problem(
    session: Session,
    *,
    court_id: str,
    category: str,
    description: str,
    subtype: str | None = None,
    example_cases: list[str] | None = None,
    source_type: str = SourceType.OTHER,
    source_id: str | None = None,
    severity: str = Severity.MINOR,
    campaign_id: str | None = None,
    found_date: dt.date | None = None,
    evidence: str = "",
) -> str:
    if not description.strip():
        raise UserError("请填写问题描述")
    with rule_errors():
        validate_problem_category(categories(session), category, subtype)
        severity = str(Severity(severity))
        source_type = str(SourceType(source_type))
    records.get(session, "court", court_id)
    return records.create(
        session,
        "problem",
        {
            "campaign_id": campaign_id,
            "court_id": court_id,
            "category": category,
            "subtype": subtype,
            "description": description,
            "example_cases": _example_numbers(example_cases or []),
            "source_type": source_type,
            "source_id": source_id,
            "severity": severity,
            "found_by": session.member_id,
            "found_date": (found_date or session.today()).isoformat(),
            "evidence": evidence,
            "in_feedback": 1,
        },
    )


@dataclass(frozen=True)
class ProblemDraft:
    """A problem prefilled from a failed checklist item, for the user to confirm."""

    court_id: str
    category: str
    subtype: str | None
    description: str
    example_cases: list[str]
    source_type: str
    source_id: str
    campaign_id: str | None


def draft_from_review_item(session: Session, *, review_id: str, item_code: str) -> ProblemDraft:
    review = records.get(session, "review", review_id)
    case = records.get(session, "case", review["case_id"])
    item = checklist(review["template_code"]).item(item_code)
    answer = records.find(
        session, "review_answer", "review_id = ? AND item_code = ?", (review_id, item_code)
    )
    if not answer or answer[0]["result"] != "不符合":
        raise UserError("只有评查结论为“不符合”的评查项可以生成问题")
    reason = answer[0]["note"] or answer[0]["auto_reason"] or ""
    text = f"{case['case_number']}：{item.text.split('（')[0]}不符合要求"
    if reason:
        text += f"，{reason}"
    if not case["court_id"]:
        raise UserError("该案件未关联法院，请先在案件信息中补充")
    return ProblemDraft(
        court_id=case["court_id"],
        category=item.category or "消极执行",
        subtype=item.subtype,
        description=text + "。",
        example_cases=[case["case_number"]],
        source_type=str(SourceType.REVIEW),
        source_id=review_id,
        campaign_id=review["campaign_id"],
    )


def create_problem_from_review_item(
    session: Session, *, review_id: str, item_code: str, severity: str = Severity.MINOR
) -> str:
    """One action: a failed review item becomes a problem, prefilled."""
    d = draft_from_review_item(session, review_id=review_id, item_code=item_code)
    return create_problem(
        session,
        court_id=d.court_id,
        category=d.category,
        subtype=d.subtype,
        description=d.description,
        example_cases=d.example_cases,
        source_type=d.source_type,
        source_id=d.source_id,
        campaign_id=d.campaign_id,
        severity=severity,
    )
