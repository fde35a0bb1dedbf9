"""File reviews (案卷评查): a checklist filled for one case, with automatic rule checks.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from ..domain.checklists import Answer, ItemCheck, check_case
from ..domain.ids import is_time_ordered, time_ordered_child
from ..errors import UserError
from ..reference import checklist
from . import records
from .session import Session, derived_id


def answer_id(review_id: str, item_code: str) -> str:
    """One answer per item of a review: the same id on every laptop, so edits meet. A review
    with a time-ordered id has its answers' ids sort with its own."""
    if is_time_ordered(review_id):
        digest = hashlib.sha256(f"answer:{review_id}:{item_code}".encode()).digest()
        return time_ordered_child(review_id, digest)
    return derived_id(f"answer:{review_id}:{item_code}")


@dataclass(frozen=True)
class ReviewResult:
    review_id: str
    grade: str
    checks: list[ItemCheck]
    answers: dict[str, str]


def auto_check(
    session: Session, *, case_id: str, template_code: str, as_of: dt.date | None = None
) -> list[ItemCheck]:
    """Each automatic rule's verdict and reason for a case as of the check date (today when
    not given): a node not done past its limit fails, before it is 未到期. No writes."""
    case = records.get(session, "case", case_id)
    return check_case(checklist(template_code), case, session.calendar, as_of or session.today())


def create_review(
    session: Session,
    *,
    case_id: str,
    template_code: str,
    campaign_id: str | None = None,
    review_date: dt.date | None = None,
    answers: dict[str, str] | None = None,
    notes: dict[str, str] | None = None,
    note: str = "",
) -> ReviewResult:
    """Review a case: one answer per checklist item, prefilled from the automatic checks.

    ``answers`` (item code → 符合/不符合/不适用/未到期/待核实) overrides the suggestions; an item
    with neither an answer nor a conclusive rule is recorded 待核实 (and the review grades
    待核实 until it is judged).
    """
    cl = checklist(template_code)
    why_not = cl.not_applicable_reason(records.get(session, "case", case_id))
    if why_not:
        raise UserError(why_not)
    answers = dict(answers or {})
    notes = dict(notes or {})
    unknown = set(answers) - {i.code for i in cl.items}
    if unknown:
        raise UserError(f"评查表“{cl.name}”没有评查项 {', '.join(sorted(unknown))}")
    for code, a in answers.items():
        try:
            answers[code] = str(Answer(a))
        except ValueError:
            raise UserError(f"评查项{code}的结论应为符合、不符合、不适用、未到期或待核实") from None
    day = review_date or session.today()
    checks = auto_check(session, case_id=case_id, template_code=template_code, as_of=day)
    final = {
        c.item.code: answers.get(c.item.code) or str(c.suggested_answer or Answer.TO_VERIFY)
        for c in checks
    }
    grade = cl.grade(final)
    with session.transaction():
        review_id = records.create(
            session,
            "review",
            {
                "campaign_id": campaign_id,
                "case_id": case_id,
                "reviewer_id": session.member_id,
                "review_date": day.isoformat(),
                "template_code": template_code,
                "grade": grade,
                "score": cl.score(final),
                "note": note,
            },
        )
        for c in checks:
            records.create(
                session,
                "review_answer",
                {
                    "review_id": review_id,
                    "item_code": c.item.code,
                    "result": final[c.item.code],
                    "note": notes.get(c.item.code, ""),
                    "auto_verdict": str(c.result.verdict) if c.result else None,
                    "auto_reason": c.result.reason if c.result else None,
                },
                record_id=answer_id(review_id, c.item.code),
            )
    return ReviewResult(review_id, grade, checks, final)


def review_answers(session: Session, *, review_id: str) -> dict[str, dict[str, Any]]:
    rows = records.find(session, "review_answer", "review_id = ?", (review_id,))
    return {r["item_code"]: r for r in rows}


def set_answer(
    session: Session, *, review_id: str, item_code: str, result: str, note: str = ""
) -> str:
    """Change one answer; the review's grade and score follow. Returns the new grade."""
    review = records.get(session, "review", review_id)
    cl = checklist(review["template_code"])
    cl.item(item_code)
    try:
        result = str(Answer(result))
    except ValueError:
        raise UserError("结论应为符合、不符合、不适用、未到期或待核实") from None
    with session.transaction():
        records.update(
            session,
            "review_answer",
            answer_id(review_id, item_code),
            {"result": result, "note": note},
        )
        final = {k: v["result"] for k, v in review_answers(session, review_id=review_id).items()}
        grade = cl.grade(final)
        records.update(session, "review", review_id, {"grade": grade, "score": cl.score(final)})
    return grade


def save_review(
    session: Session,
    *,
    review_id: str,
    answers: dict[str, str],
    notes: dict[str, str],
    note: str,
) -> str:
    """Save a reviewer's corrections to a review — answers, their notes, the opinion — in one
    transaction and as one step Edit → 撤销 can take back. Returns the grade."""
    from .editing import one_step

    review = records.get(session, "review", review_id)
    saved = review_answers(session, review_id=review_id)
    unknown = set(answers) - set(saved)
    if unknown:
        raise UserError(f"评查表中没有评查项 {', '.join(sorted(unknown))}")
    grade = str(review["grade"])
    with one_step(session, "修改评查") as step:
        changed = False
        for code, answer in answers.items():
            row = saved[code]
            new_note = (notes.get(code) or "").strip()
            if row["result"] != answer or (row["note"] or "") != new_note:
                step.reverts.append(
                    ("review_answer", row["id"], {"result": row["result"], "note": row["note"]})
                )
                grade = set_answer(
                    session, review_id=review_id, item_code=code, result=answer, note=new_note
                )
                changed = True
        if (review["note"] or "") != note.strip():
            records.update(session, "review", review_id, {"note": note})
            changed = True
        if changed:
            step.reverts.append(
                (
                    "review",
                    review_id,
                    {"note": review["note"], "grade": review["grade"], "score": review["score"]},
                )
            )
    return grade
