"""File-review checklists and the rules that check a case's recorded dates.

Templates are data (``db/reference/checklists.json``); this module turns them
into typed objects and evaluates each rule against a case, as of the check date, to
符合 / 不符合 / 未到期 / 无法判断 with a one-line reason in Chinese.

A node whose start is recorded and whose end is not is judged against the check date:
past its limit it fails, before it is not yet due (未到期). Only a missing start (or a
missing check date) leaves a rule unable to judge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .records import CASE
from .workdays import (
    DEFAULT_CALENDAR,
    WorkCalendar,
    add_days,
    add_months,
    add_months_nominal,
    add_workdays,
    day_off_reason,
    format_date,
)
from .workdays import workdays_between as _workdays_between


class Verdict(StrEnum):
    PASS = "符合"
    FAIL = "不符合"
    #: the node is not done yet but its limit has not passed as of the check date
    NOT_DUE = "未到期"
    UNKNOWN = "无法判断"


class Answer(StrEnum):
    """What a reviewer records for an item."""

    PASS = "符合"
    FAIL = "不符合"
    NOT_APPLICABLE = "不适用"
    #: the node's limit had not passed on the check date: neither a pass nor a failure
    NOT_DUE = "未到期"
    #: not yet judged: the rule could not decide and no one has checked the dossier
    TO_VERIFY = "待核实"


#: the grade of a review while any of its items is 待核实
GRADE_TO_VERIFY = "待核实"


@dataclass(frozen=True)
class RuleResult:
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    text: str
    rule: Mapping[str, Any] | None
    category: str | None = None
    subtype: str | None = None
    #: what a failed item means, as a feedback says it ("未采取限制消费措施")
    finding: str | None = None

    def failed_as_prose(self) -> str:
        """The failure in a sentence's words: the finding, or the item's text before its
        note with "不符合要求"."""
        return self.finding or f"{self.text.split('（')[0]}不符合要求"


@dataclass(frozen=True)
class Checklist:
    code: str
    name: str
    source: str
    items: tuple[ChecklistItem, ...]
    applies_to: Mapping[str, str]
    grading: Mapping[str, Any]
    #: what the checklist reviews, as a feedback counts it ("评查终本案件40件")
    subject: str = ""

    @property
    def counted_as(self) -> str:
        return self.subject or self.name.removesuffix("评查表") + "案卷"

    def item(self, code: str) -> ChecklistItem:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)

    def applies(self, case: Mapping[str, Any]) -> bool:
        return self.not_applicable_reason(case) is None

    def not_applicable_reason(self, case: Mapping[str, Any]) -> str | None:
        """Why the checklist does not fit a case (None when it does). ``applies_to`` maps a
        case field to the value, or the list of values, it must hold; a case whose type is
        unknown (a legacy number) is not refused for it, its closing method is."""
        for key, wanted in self.applies_to.items():
            allowed = [wanted] if isinstance(wanted, str) else list(wanted)
            value = case.get(key)
            if value in allowed or (value in (None, "") and key != "closing_method"):
                continue
            shown = value or "未填写"
            return (
                f"“{self.name}”只适用于{label(key)}为{'、'.join(allowed)}的案件，"
                f"本案{label(key)}为{shown}"
            )
        return None

    def grade(self, answers: Mapping[str, str]) -> str:
        """The review's grade from its answers (item code → 符合/不符合/不适用/未到期/待核实):
        待核实 while any item is, whatever the others say; 未到期 is not a failure."""
        if any(a == Answer.TO_VERIFY for a in answers.values()):
            return GRADE_TO_VERIFY
        failed = sum(1 for a in answers.values() if a == Answer.FAIL)
        kind = self.grading.get("type", "failed_count")
        if kind == "failed_count":
            for level in self.grading["levels"]:
                if "max_failed" not in level or failed <= level["max_failed"]:
                    return str(level["grade"])
        if kind == "score":
            score = self.score(answers)
            for level in self.grading["levels"]:
                if "min_score" not in level or score >= level["min_score"]:
                    return str(level["grade"])
        raise ValueError(f"评查表“{self.name}”的评分规则无效")

    def score(self, answers: Mapping[str, str]) -> float:
        """Share of applicable items that pass, as 0–100."""
        applicable = [
            a
            for a in answers.values()
            if a not in (Answer.NOT_APPLICABLE, Answer.NOT_DUE, Answer.TO_VERIFY)
        ]
        if not applicable:
            return 100.0
        return round(100.0 * sum(a == Answer.PASS for a in applicable) / len(applicable), 1)


@dataclass(frozen=True)
class GradeSummary:
    """How a court's reviews of one checklist came out: the 合格率 counts only reviews that
    are judged (a review still 待核实 is neither)."""

    reviewed: int
    passed: int
    to_verify: int

    @property
    def judged(self) -> int:
        return self.reviewed - self.to_verify

    @property
    def pass_rate(self) -> float | None:
        return round(self.passed / self.judged, 4) if self.judged else None


def summarize_grades(grades: Sequence[str], passing: str = "合格") -> GradeSummary:
    return GradeSummary(
        reviewed=len(grades),
        passed=sum(1 for g in grades if g == passing),
        to_verify=sum(1 for g in grades if g == GRADE_TO_VERIFY),
    )


def checklist_from_dict(data: Mapping[str, Any]) -> Checklist:
    items = tuple(
        ChecklistItem(
            code=i["code"],
            text=i["text"],
            rule=i.get("rule"),
            category=i.get("category"),
            subtype=i.get("subtype"),
            finding=i.get("finding"),
        )
        for i in data["items"]
    )
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        raise ValueError(f"评查表“{data['name']}”有重复的评查项编号")
    for it in items:
        if it.rule is not None:
            validate_rule(it.rule)
    return Checklist(
        code=data["code"],
        name=data["name"],
        source=data.get("source", ""),
        items=items,
        applies_to=data.get("applies_to", {}),
        grading=data.get("grading", {"type": "failed_count", "levels": [{"grade": "合格"}]}),
        subject=data.get("subject", ""),
    )


_LABELS = {f.name: f.label.removesuffix("日期").removesuffix("时间") for f in CASE.fields}
_RULE_FIELDS = {
    "min_months": ("start", "end"),
    "present_before": ("field", "anchor"),
    "within_months_before": ("field", "anchor"),  # "also": more fields whose dates count
    "workdays_limit": ("start", "end"),
    "days_limit": ("start", "end"),
    "hours_limit": ("start", "end"),
    "months_limit": ("start", "end"),
    "done_by_check": ("field",),
    "paid_in_full": ("paid", "amount"),
    "done_before_if": ("if", "field", "anchor"),
    "all": (),
}


def validate_rule(rule: Mapping[str, Any]) -> None:
    kind = rule.get("type")
    if kind not in _RULE_FIELDS:
        raise ValueError(f"unknown rule type: {kind!r}")
    for key in _RULE_FIELDS[kind]:
        if rule.get(key) not in _LABELS:
            raise ValueError(f"rule {kind}: {key}={rule.get(key)!r} is not a case field")
    for key in ("also", "also_start"):
        for extra in rule.get(key, ()):
            if extra not in _LABELS:
                raise ValueError(f"rule {kind}: {key}={extra!r} is not a case field")
    if kind == "all":
        for sub in rule["rules"]:
            validate_rule(sub)


def label(field: str) -> str:
    return _LABELS.get(field, field)


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return dt.datetime.fromisoformat(str(value).replace("T", " "))


def _missing(field: str) -> RuleResult:
    return RuleResult(Verdict.UNKNOWN, f"未记录{label(field)}日期，无法判断")


#: what a node's end field records, as the act that is still missing ("仍未发起网络查控")
_ACTIONS = {
    "network_query_date": "发起网络查控",
    "last_network_query_date": "进行网络查控",
    "control_date": "采取控制措施",
    "traditional_investigation_date": "进行传统查控",
    "lead_check_time": "启动线索核查",
    "price_start_date": "启动确定财产处置参考价",
    "sale_start_date": "启动变价程序",
    "self_sale_end_date": "结束自行处置",
    "payment_notice_date": "向财务部门发出支付案款通知",
    "payout_date": "发放案款",
    "restriction_date": "采取限制消费措施",
    "restriction_lift_date": "解除限制消费令",
    "zhongben_talk_date": "进行终本约谈",
    "ruling_served_date": "送达终本裁定",
    "dispute_plan_date": "提出协调方案",
    "dispute_done_date": "落实协调意见",
    "petition_entered_date": "录入执行信访办理系统",
    "petition_closed_date": "办结信访",
    "completion_doc_date": "制作执行完毕笔录、说明或结案通知书",
}


def action(field: str) -> str:
    return _ACTIONS.get(field, f"记录{label(field)}")


def evaluate_rule(
    rule: Mapping[str, Any],
    case: Mapping[str, Any],
    calendar: WorkCalendar = DEFAULT_CALENDAR,
    as_of: dt.date | None = None,
) -> RuleResult:
    """Evaluate one rule against a case's recorded values as of the check date ``as_of``
    (without one, a node that is not done cannot be judged)."""
    kind = rule["type"]
    if kind == "all":
        results = [evaluate_rule(r, case, calendar, as_of) for r in rule["rules"]]
        for verdict in (Verdict.FAIL, Verdict.UNKNOWN, Verdict.NOT_DUE):
            picked = [r for r in results if r.verdict == verdict]
            if picked:
                return RuleResult(verdict, "；".join(r.reason for r in picked))
        return RuleResult(Verdict.PASS, "；".join(r.reason for r in results))
    return _EVALUATORS[kind](rule, case, calendar, as_of)


def _min_months(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    start, end = _date(case.get(rule["start"])), _date(case.get(rule["end"]))
    if start is None:
        return _missing(rule["start"])
    if end is None:
        return _missing(rule["end"])
    months = int(rule["months"])
    threshold = add_months_nominal(start, months)
    days = (end - start).days
    if end > threshold:
        return RuleResult(
            Verdict.PASS,
            f"{label(rule['start'])}{start.isoformat()}，{label(rule['end'])}{end.isoformat()}，"
            f"间隔{days}日，已满{months}个月",
        )
    return RuleResult(
        Verdict.FAIL,
        f"{label(rule['start'])}{start.isoformat()}，{label(rule['end'])}{end.isoformat()}，"
        f"间隔仅{days}日，未满{months}个月",
    )


def _present_before(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    value = _date(case.get(rule["field"]))
    anchor = _date(case.get(rule["anchor"]))
    name = label(rule["field"])
    if value is None:
        return RuleResult(Verdict.FAIL, f"未记录{name}，该节点信息为空")
    if anchor is None:
        return RuleResult(Verdict.PASS, f"已于{value.isoformat()}{name}")
    if value > anchor:
        return RuleResult(
            Verdict.FAIL,
            f"{name}{value.isoformat()}晚于{label(rule['anchor'])}{anchor.isoformat()}",
        )
    return RuleResult(Verdict.PASS, f"已于{value.isoformat()}{name}，早于{label(rule['anchor'])}")


def _dates(value: Any) -> list[dt.date]:
    """The dates a field holds: one date, or a list of them (a JSON list field)."""
    if isinstance(value, (list, tuple)):
        return [d for v in value if (d := _date(v)) is not None]
    d = _date(value)
    return [d] if d else []


def _within_months_before(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    """Whether any of the dates the rule's fields hold falls within N months before the anchor
    (the window's days included): a later periodic re-check does not hide one made in time."""
    fields = [rule["field"], *rule.get("also", ())]
    found = sorted({d for f in fields for d in _dates(case.get(f))})
    anchor = _date(case.get(rule["anchor"]))
    months = int(rule["months"])
    name = rule.get("what") or label(rule["field"])
    where = label(rule["anchor"])
    if anchor is None:
        return _missing(rule["anchor"])
    window_start = add_months_nominal(anchor, -months)
    window = f"{where}前{months}个月内（{window_start.isoformat()}至{anchor.isoformat()}）"
    inside = [d for d in found if window_start <= d <= anchor]
    before = [d for d in found if d < window_start]
    after = [d for d in found if d > anchor]
    if inside:
        return RuleResult(
            Verdict.PASS,
            f"{window}进行过{name}（{'、'.join(d.isoformat() for d in inside[-3:])}）",
        )
    if not found:
        return RuleResult(Verdict.FAIL, f"未记录{name}，{window}无{name}")
    parts = [f"{window}无{name}"]
    if before:
        parts.append(f"此前最近一次为{before[-1].isoformat()}")
    if after:
        parts.append(f"{where}后的{name}（{after[0].isoformat()}起）不计")
    return RuleResult(Verdict.FAIL, "，".join(parts))


def _pair(rule: Mapping[str, Any], case: Mapping[str, Any]) -> tuple[str, dt.date, dt.date | None]:
    """The start field and date and the end date of a node rule (``end`` None: not done yet).
    A rule with ``also_start`` runs from the earliest of its start fields that is recorded
    (a restriction is lifted after performance, a guarantee or the applicant's consent). A
    missing start, or an end before the start, is a RuleResult of its own."""
    starts = [
        (d, f)
        for f in (rule["start"], *rule.get("also_start", ()))
        if (d := _date(case.get(f))) is not None
    ]
    end = _date(case.get(rule["end"]))
    if not starts:
        raise _Unjudged(_no_start(rule))
    start, field = min(starts)
    if end is not None and end < start:
        raise _Unjudged(
            RuleResult(
                Verdict.UNKNOWN,
                f"{label(rule['end'])}{end.isoformat()}早于{label(field)}"
                f"{start.isoformat()}，日期记录有误",
            )
        )
    return field, start, end


class _Unjudged(Exception):
    def __init__(self, result: RuleResult) -> None:
        self.result = result


def _no_start(rule: Mapping[str, Any]) -> RuleResult:
    starts = "或".join(label(f) for f in (rule["start"], *rule.get("also_start", ())))
    return RuleResult(
        Verdict.UNKNOWN, f"未记录{starts}，无法判断（本案不涉及该节点的，请评为不适用）"
    )


def _not_done(
    rule: Mapping[str, Any],
    as_of: dt.date | None,
    limit: str,
    due: dt.date,
    provisional: bool = False,
) -> RuleResult:
    """A node whose start is recorded and whose end is not, judged on the check date: late
    once the last day of its limit (``due``) has passed."""
    what = action(rule["end"])
    note = _provisional_note(provisional)
    if as_of is None:
        return RuleResult(
            Verdict.UNKNOWN,
            f"未记录{label(rule['end'])}日期，无法判断（期限于{due.isoformat()}届满）{note}",
        )
    if as_of > due:
        return RuleResult(
            Verdict.FAIL,
            f"截至{format_date(as_of)}仍未{what}，已超过{limit}"
            f"（期限于{due.isoformat()}届满）{note}",
        )
    return RuleResult(
        Verdict.NOT_DUE,
        f"截至{format_date(as_of)}尚未{what}，期限于{due.isoformat()}届满，尚未到期{note}",
    )


def _provisional_note(provisional: bool) -> str:
    return "（含节假日未公布年度，暂定）" if provisional else ""


def _workdays_limit(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    try:
        field, start, end = _pair(rule, case)
    except _Unjudged as e:
        return e.result
    limit = int(rule["limit"])
    if end is None:
        deadline = add_workdays(start, limit, cal)
        return _not_done(rule, as_of, f"{limit}个工作日", deadline.due, deadline.provisional)
    n, provisional = _workdays_between(start, end, cal)
    what = f"{label(rule['end'])}于{label(field)}后第{n}个工作日"
    note = _provisional_note(provisional)
    if n > limit:
        return RuleResult(Verdict.FAIL, f"{what}，超过{limit}个工作日{note}")
    return RuleResult(Verdict.PASS, f"{what}，未超过{limit}个工作日{note}")


def _days_limit(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    try:
        field, start, end = _pair(rule, case)
    except _Unjudged as e:
        return e.result
    days = int(rule["days"])
    roll = rule.get("roll", True)
    if end is None:
        if roll:
            deadline = add_days(start, days, cal)
            return _not_done(rule, as_of, f"{days}日", deadline.due, deadline.provisional)
        return _not_done(rule, as_of, f"最长{days}日", start + dt.timedelta(days=days))
    n = (end - start).days
    what = f"{label(rule['end'])}于{label(field)}后第{n}日"
    if not roll:
        if n > days:
            return RuleResult(Verdict.FAIL, f"{what}，超过最长{days}日")
        return RuleResult(Verdict.PASS, f"{what}，未超过最长{days}日")
    deadline = add_days(start, days, cal)
    note = _provisional_note(deadline.provisional)
    if end > deadline.due:
        return RuleResult(
            Verdict.FAIL, f"{what}，超过{days}日（期限届满{deadline.due.isoformat()}）{note}"
        )
    if n <= days:
        return RuleResult(Verdict.PASS, f"{what}，未超过{days}日{note}")
    nominal = start + dt.timedelta(days=days)
    why = day_off_reason(cal.day(nominal))
    return RuleResult(
        Verdict.PASS,
        f"{what}，已超过{days}日，但第{days}日（{nominal.isoformat()}）为{why}，"
        f"期限顺延至{deadline.due.isoformat()}，未超过期限{note}",
    )


def _months_limit(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    """N months from the start (the corresponding day, rolled past days off)."""
    try:
        field, start, end = _pair(rule, case)
    except _Unjudged as e:
        return e.result
    months = int(rule["months"])
    deadline = add_months(start, months, cal)
    if end is None:
        return _not_done(rule, as_of, f"{months}个月", deadline.due, deadline.provisional)
    what = f"{label(rule['end'])}{end.isoformat()}，{label(field)}{start.isoformat()}"
    note = _provisional_note(deadline.provisional)
    if end > deadline.due:
        return RuleResult(
            Verdict.FAIL, f"{what}，超过{months}个月（期限届满{deadline.due.isoformat()}）{note}"
        )
    return RuleResult(Verdict.PASS, f"{what}，未超过{months}个月{note}")


def _moment(value: Any) -> tuple[dt.datetime, bool] | None:
    """A recorded time and whether it has a time of day (a date alone is the whole day)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value, True
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), False
    text = str(value).strip()
    moment = _datetime(text)
    assert moment is not None
    return moment, len(text) > 10


def _hours_limit(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    start = _moment(case.get(rule["start"]))
    end = _moment(case.get(rule["end"]))
    if start is None:
        return _no_start(rule)
    hours = int(rule["hours"])
    limit = dt.timedelta(hours=hours)
    day = dt.timedelta(days=1)
    # a date without a time may be any moment of that day
    earliest_start, start_timed = start
    latest_start = earliest_start if start_timed else earliest_start + day
    if end is None:
        latest_due = latest_start + limit
        what = action(rule["end"])
        if as_of is None:
            return RuleResult(Verdict.UNKNOWN, f"未记录{label(rule['end'])}日期，无法判断")
        if dt.datetime(as_of.year, as_of.month, as_of.day) >= latest_due:
            return RuleResult(
                Verdict.FAIL, f"截至{format_date(as_of)}仍未{what}，已超过{hours}小时"
            )
        return RuleResult(
            Verdict.NOT_DUE, f"截至{format_date(as_of)}尚未{what}，{hours}小时尚未届满"
        )
    earliest_end, end_timed = end
    latest_end = earliest_end if end_timed else earliest_end + day
    if latest_end < earliest_start:
        return RuleResult(
            Verdict.UNKNOWN,
            f"{label(rule['end'])}早于{label(rule['start'])}，日期记录有误",
        )
    shortest = (earliest_end - latest_start).total_seconds() / 3600
    longest = (latest_end - earliest_start).total_seconds() / 3600
    between = f"{label(rule['end'])}距{label(rule['start'])}"
    if start_timed and end_timed:
        what = f"{between}{longest:.1f}小时"
        if longest > hours:
            return RuleResult(Verdict.FAIL, f"{what}，超过{hours}小时")
        return RuleResult(Verdict.PASS, f"{what}，未超过{hours}小时")
    dated = "、".join(
        label(rule[k]) for k, timed in (("start", start_timed), ("end", end_timed)) if not timed
    )
    if shortest > hours:
        return RuleResult(
            Verdict.FAIL,
            f"{dated}仅记录日期，{between}至少{max(shortest, 0):.1f}小时，超过{hours}小时",
        )
    if longest <= hours:
        return RuleResult(
            Verdict.PASS,
            f"{dated}仅记录日期，{between}至多{longest:.1f}小时，未超过{hours}小时",
        )
    return RuleResult(
        Verdict.UNKNOWN,
        f"{dated}仅记录日期，{between}在{max(shortest, 0):.1f}至{longest:.1f}小时之间，"
        f"无法判断是否超过{hours}小时，请核对卷宗记载的具体时间",
    )


def _done_by_check(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    """A step the seed requires without a time limit (the 终本 ruling served on the parties):
    done, or failed as of the check date."""
    value = _date(case.get(rule["field"]))
    if value is not None:
        return RuleResult(Verdict.PASS, f"已于{value.isoformat()}{action(rule['field'])}")
    if as_of is None:
        return _missing(rule["field"])
    return RuleResult(Verdict.FAIL, f"截至{format_date(as_of)}仍未{action(rule['field'])}")


def _paid_in_full(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    """Whether a case closed as fully performed got the whole amount (a settlement performed
    for less is the reviewer's to accept)."""
    paid, amount = case.get(rule["paid"]), case.get(rule["amount"])
    if amount in (None, "") or paid in (None, ""):
        missing = rule["amount"] if amount in (None, "") else rule["paid"]
        return RuleResult(Verdict.UNKNOWN, f"未记录{label(missing)}，无法判断")
    paid_f, amount_f = float(paid), float(amount)
    if paid_f + 0.005 >= amount_f:
        return RuleResult(
            Verdict.PASS, f"{label(rule['paid'])}{paid_f:,.2f}元，达到{label(rule['amount'])}"
        )
    return RuleResult(
        Verdict.FAIL,
        f"{label(rule['paid'])}{paid_f:,.2f}元，低于{label(rule['amount'])}{amount_f:,.2f}元，"
        "未实际执行完毕（和解履行完毕的，请核对和解材料）",
    )


def _done_before_if(
    rule: Mapping[str, Any], case: Mapping[str, Any], cal: WorkCalendar, as_of: dt.date | None
) -> RuleResult:
    """A step the anchor requires once something happened before it: property seized before
    closing must have its sale started before closing (2021 opinions, item 24)."""
    anchor = _date(case.get(rule["anchor"]))
    if anchor is None:
        return _missing(rule["anchor"])
    trigger = _date(case.get(rule["if"]))
    where = label(rule["anchor"])
    if trigger is None or trigger > anchor:
        return RuleResult(
            Verdict.PASS, f"{where}前未记录{label(rule['if'])}，无须{action(rule['field'])}"
        )
    done = _date(case.get(rule["field"]))
    if done is None or done > anchor:
        return RuleResult(
            Verdict.FAIL,
            f"已于{trigger.isoformat()}{label(rule['if'])}，{where}前未{action(rule['field'])}",
        )
    return RuleResult(
        Verdict.PASS,
        f"已于{trigger.isoformat()}{label(rule['if'])}，{done.isoformat()}{action(rule['field'])}",
    )


_EVALUATORS = {
    "min_months": _min_months,
    "present_before": _present_before,
    "within_months_before": _within_months_before,
    "workdays_limit": _workdays_limit,
    "days_limit": _days_limit,
    "hours_limit": _hours_limit,
    "months_limit": _months_limit,
    "done_by_check": _done_by_check,
    "paid_in_full": _paid_in_full,
    "done_before_if": _done_before_if,
}


@dataclass(frozen=True)
class ItemCheck:
    item: ChecklistItem
    result: RuleResult | None  # None: the item has no automatic rule

    @property
    def suggested_answer(self) -> Answer | None:
        """The answer the rule suggests: 待核实 when it cannot decide (never 不适用, which only
        a reviewer records); None for an item without a rule."""
        if self.result is None:
            return None
        if self.result.verdict == Verdict.UNKNOWN:
            return Answer.TO_VERIFY
        if self.result.verdict == Verdict.NOT_DUE:
            return Answer.NOT_DUE
        return Answer.PASS if self.result.verdict == Verdict.PASS else Answer.FAIL


def check_case(
    checklist: Checklist,
    case: Mapping[str, Any],
    calendar: WorkCalendar = DEFAULT_CALENDAR,
    as_of: dt.date | None = None,
) -> list[ItemCheck]:
    """Run every automatic rule of a checklist against one case as of the check date."""
    return [
        ItemCheck(it, evaluate_rule(it.rule, case, calendar, as_of) if it.rule else None)
        for it in checklist.items
    ]


def checklists_from_data(data: Mapping[str, Any]) -> dict[str, Checklist]:
    templates: Sequence[Mapping[str, Any]] = data["templates"]
    return {t["code"]: checklist_from_dict(t) for t in templates}
