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


def example_case_warnings(
    session: Session, *, court_id: str | None, example_cases: list[str]
) -> list[str]:
    """Warnings (not errors) for example case numbers that belong to another court than the
    problem's: a number of the court itself or of a court below it (its code extended) is fine;
    a legacy number, whose court is written differently, is not checked."""
    if not court_id:
        return []
    court = records.get(session, "court", court_id)
    code = (court.get("code") or "").strip()
    if not code:
        return []
    out = []
    for number in example_cases:
        try:
            cn = parse_case_number(number)
        except CaseNumberError:
            continue  # refused with its own message when saved
        if cn.court_code and not cn.court_code.startswith(code):
            out.append(
                f"例证案号{cn.text}的法院代字为{cn.court_code}，"
                f"不属于被检查法院“{court['name']}”（{code}），请核对"
            )
    return out


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
    recurrence_of: str | None = None,
) -> str:
    """A problem; ``recurrence_of``: the earlier problem it is found again of (回头看)."""
    if not description.strip():
        raise UserError("请填写问题描述")
    with rule_errors():
        validate_problem_category(categories(session), category, subtype)
        severity = str(Severity(severity))
        source_type = str(SourceType(source_type))
    records.get(session, "court", court_id)
    if recurrence_of is not None:
        records.get(session, "problem", recurrence_of)
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
            **({"recurrence_of": recurrence_of} if recurrence_of else {}),
        },
    )


def update_problem(session: Session, *, problem_id: str, **changes: object) -> None:
    """Correct a problem: its court, category, description, example cases, severity…"""
    current = records.get(session, "problem", problem_id)
    if "description" in changes and not str(changes["description"] or "").strip():
        raise UserError("请填写问题描述")
    category = str(changes.get("category", current["category"]))
    subtype = changes.get("subtype", current["subtype"])
    with rule_errors():
        validate_problem_category(categories(session), category, subtype or None)  # type: ignore[arg-type]
        if "severity" in changes:
            changes["severity"] = str(Severity(str(changes["severity"])))
        if "source_type" in changes:
            changes["source_type"] = str(SourceType(str(changes["source_type"])))
    if "court_id" in changes:
        if not changes["court_id"]:
            raise UserError("请选择被检查法院")
        records.get(session, "court", str(changes["court_id"]))
    if "example_cases" in changes:
        changes["example_cases"] = _example_numbers(list(changes["example_cases"] or []))  # type: ignore[call-overload]
    found = changes.get("found_date")
    if isinstance(found, dt.date):
        changes["found_date"] = found.isoformat()
    records.update(session, "problem", problem_id, dict(changes))


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
    text = f"{case['case_number']}：{item.failed_as_prose()}"
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


def drafts_from_review_items(
    session: Session, *, review_id: str, item_codes: list[str], together: bool
) -> list[ProblemDraft]:
    """Failed checklist items as problems to confirm: one each, or ``together`` as one problem
    whose description lists every item (category and subtype from the first)."""
    drafts = [
        draft_from_review_item(session, review_id=review_id, item_code=code) for code in item_codes
    ]
    if not together or len(drafts) < 2:
        return drafts
    first = drafts[0]
    number = first.example_cases[0] if first.example_cases else ""
    parts = [d.description.removeprefix(f"{number}：").rstrip("。") for d in drafts]
    text = f"{number}：" + "；".join(parts) + "。"
    subtypes = {d.subtype for d in drafts}
    return [
        ProblemDraft(
            court_id=first.court_id,
            category=first.category,
            subtype=first.subtype if len(subtypes) == 1 else None,
            description=text,
            example_cases=first.example_cases,
            source_type=first.source_type,
            source_id=first.source_id,
            campaign_id=first.campaign_id,
        )
    ]


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
