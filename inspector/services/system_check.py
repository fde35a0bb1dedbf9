"""系统检查: every automatic rule of every checklist that fits a case, over all the cases of
the workspace (sampled or not), as of a check date; figures by court, judge and rule; and
the failures of a selection turned into problems, one per court and rule.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..domain.checklists import check_case
from ..domain.enums import Severity, SourceType
from ..domain.workdays import format_date
from ..errors import UserError
from ..reference import checklists
from . import records
from .problems import create_problem
from .session import Session

#: the verdicts a result can have, in the order figures show them
VERDICTS = ("不符合", "未到期", "无法判断", "符合", "不适用")
#: example case numbers a problem's description names
EXAMPLES = 3


@dataclass(frozen=True)
class RuleOutcome:
    item: str  # ZB1 … JD9 (and the codes of new rules)
    checklist: str
    verdict: str
    reason: str


@dataclass(frozen=True)
class CaseCheck:
    case_id: str
    case_number: str
    court_id: str | None
    court: str
    judge: str
    results: tuple[RuleOutcome, ...]


@dataclass(frozen=True)
class SystemCheck:
    """The results, and counts of verdicts by court, judge and rule."""

    as_of: dt.date
    cases: tuple[CaseCheck, ...]
    by_court: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    by_judge: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    by_rule: dict[str, dict[str, int]] = field(default_factory=dict)
    rule_texts: dict[str, str] = field(default_factory=dict)

    def failures(self, court_id: str | None, item: str) -> list[CaseCheck]:
        """The cases of a court (None: cases without one) that fail a rule."""
        return [
            c
            for c in self.cases
            if c.court_id == court_id
            and any(r.item == item and r.verdict == "不符合" for r in c.results)
        ]

    def failing_pairs(self) -> list[tuple[str | None, str, str, int]]:
        """(court id, court name, rule, failures) for every court and rule with a failure,
        most failures first."""
        counts: Counter[tuple[str | None, str, str]] = Counter()
        for c in self.cases:
            for r in c.results:
                if r.verdict == "不符合":
                    counts[(c.court_id, c.court, r.item)] += 1
        return [(cid, name, item, n) for (cid, name, item), n in counts.most_common()]

    def node_overdue_rates(self) -> dict[str, dict[str, float | None]]:
        """Per rule, each court's share of judged results that fail (不符合 / (不符合 + 符合)),
        and ``全部`` for all courts: the node-overdue rate higher courts ask for."""
        out: dict[str, dict[str, float | None]] = {}
        for court, rules in self.by_court.items():
            for item, counts in rules.items():
                judged = counts.get("不符合", 0) + counts.get("符合", 0)
                out.setdefault(item, {})[court] = (
                    round(counts.get("不符合", 0) / judged, 4) if judged else None
                )
        for item, counts in self.by_rule.items():
            judged = counts.get("不符合", 0) + counts.get("符合", 0)
            out.setdefault(item, {})["全部"] = (
                round(counts.get("不符合", 0) / judged, 4) if judged else None
            )
        return out

    def as_json(self) -> dict[str, Any]:
        """The form ``inspector check --json`` prints."""
        return {
            "as_of": self.as_of.isoformat(),
            "cases": [
                {
                    "case_number": c.case_number,
                    "court": c.court,
                    "judge": c.judge,
                    "results": [
                        {"item": r.item, "verdict": r.verdict, "reason": r.reason}
                        for r in c.results
                    ],
                }
                for c in self.cases
            ],
            "by_court": self.by_court,
            "by_judge": self.by_judge,
            "by_rule": self.by_rule,
        }


def _count(table: dict[str, dict[str, dict[str, int]]], key: str, item: str, verdict: str) -> None:
    row = table.setdefault(key, {}).setdefault(item, dict.fromkeys(VERDICTS, 0))
    row[verdict] = row.get(verdict, 0) + 1


def run_system_check(
    session: Session,
    *,
    as_of: dt.date | None = None,
    court_id: str | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> SystemCheck:
    """Check every case (of one court when given) against every rule that applies to it.
    Reads only; runs on a worker in the app."""
    as_of = as_of or session.today()
    lists = checklists()
    texts = {it.code: it.text for cl in lists.values() for it in cl.items if it.rule}
    courts = {c["id"]: c["name"] for c in records.find(session, "court")}
    where, params = ("court_id = ?", (court_id,)) if court_id else ("", ())
    found = records.find(session, "case", where, params) if where else records.find(session, "case")
    found.sort(key=lambda c: c["case_number"] or "")
    out: list[CaseCheck] = []
    by_court: dict[str, dict[str, dict[str, int]]] = {}
    by_judge: dict[str, dict[str, dict[str, int]]] = {}
    by_rule: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(VERDICTS, 0))
    for n, case in enumerate(found, 1):
        results = []
        for cl in lists.values():
            if not cl.applies(case):
                continue
            for check in check_case(cl, case, session.calendar, as_of):
                if check.result is None:
                    continue
                verdict = str(check.result.verdict)
                results.append(RuleOutcome(check.item.code, cl.code, verdict, check.result.reason))
        court = courts.get(case["court_id"], "（未关联法院）")
        judge = case.get("judge") or "（未填写承办人）"
        for r in results:
            _count(by_court, court, r.item, r.verdict)
            _count(by_judge, judge, r.item, r.verdict)
            by_rule[r.item][r.verdict] += 1
        out.append(
            CaseCheck(
                case["id"], case["case_number"], case["court_id"], court, judge, tuple(results)
            )
        )
        if progress is not None and n % 2000 == 0:
            progress("check", n)
    return SystemCheck(as_of, tuple(out), by_court, by_judge, dict(by_rule), texts)


def problems_from_check(
    session: Session,
    check: SystemCheck,
    pairs: Iterable[tuple[str | None, str]],
    *,
    campaign_id: str | None = None,
) -> list[str]:
    """One problem per chosen (court, rule) with its failures: how many of the court's
    checked cases fail, and example 案号, in the description; filed under the rule's
    category, found by 系统检查. All of them in one transaction, or none."""
    lists = checklists()
    items = {it.code: it for cl in lists.values() for it in cl.items}
    subjects = {it.code: cl.counted_as for cl in lists.values() for it in cl.items}
    chosen = list(dict.fromkeys(pairs))
    if not chosen:
        raise UserError("请选择要生成问题的法院和检查项")
    drafts = []
    for court_id, code in chosen:
        if court_id is None:
            raise UserError("未关联法院的案件不能生成问题：请先在案件中填写法院")
        failing = check.failures(court_id, code)
        if not failing:
            continue
        item = items[code]
        checked = sum(
            1
            for c in check.cases
            if c.court_id == court_id and any(r.item == code for r in c.results)
        )
        examples = [c.case_number for c in failing[:EXAMPLES]]
        reason = next(r.reason for r in failing[0].results if r.item == code)
        description = (
            f"系统检查（截至{format_date(check.as_of)}）：对照“{item.text}”检查{subjects[code]}{checked}件，"
            f"其中{len(failing)}件{item.failed_as_prose()}，如{'、'.join(examples)}"
            f"{'等' if len(failing) > len(examples) else ''}。{reason}"
        )
        drafts.append((court_id, item, description, [c.case_number for c in failing[:10]]))
    if not drafts:
        raise UserError("所选法院和检查项没有不符合的案件")
    made = []
    with session.transaction():
        for court_id, item, description, cases in drafts:
            made.append(
                create_problem(
                    session,
                    court_id=court_id,
                    category=item.category or "消极执行",
                    subtype=item.subtype,
                    description=description,
                    example_cases=cases,
                    source_type=SourceType.SYSTEM,
                    severity=Severity.MINOR,
                    campaign_id=campaign_id,
                    found_date=check.as_of,
                )
            )
    return made


def verdict_counts(check: SystemCheck) -> dict[str, int]:
    """All results by verdict."""
    total = dict.fromkeys(VERDICTS, 0)
    for counts in check.by_rule.values():
        for verdict, n in counts.items():
            total[verdict] = total.get(verdict, 0) + n
    return total
