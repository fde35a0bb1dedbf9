"""Ledger statistics: one module for the dashboard, the CLI and the reports.

Runs on whichever thread owns the connection; reads only.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from ..domain.categories import SIX_CATEGORIES
from ..domain.follow_up import RECURRED
from ..domain.records import RECORD_TYPES
from ..domain.rectification import Action, State, due_soon_before
from ..domain.workdays import DEFAULT_CALENDAR, WorkCalendar
from .follow_up import earlier_items, follow_up_campaigns

#: an item submitted for checking (待核查) on or before its deadline: once the deadline passes it
#: is overdue for the verifier, not through the court's delay (``x``: the items table's alias)
AWAITING_VERIFICATION_SQL = (
    "({x}.state = '待核查' AND {x}.deadline IS NOT NULL "
    "AND substr({x}.state_changed_at, 1, 10) <= {x}.deadline)"
)


@dataclass(frozen=True)
class ItemCounts:
    """The rectification items by how they stand as of the day."""

    total: int
    closed: int
    open: int
    #: past the deadline through the court's delay
    overdue: int
    #: past the deadline, but submitted for checking in time and not yet verified
    overdue_awaiting_verification: int
    due_soon: int
    on_track: int


@dataclass(frozen=True)
class PassRate:
    """终本合格率 of a set of reviews: the latest 终本 review of each case."""

    reviewed: int
    passed: int
    to_verify: int
    pass_rate: float | None


@dataclass(frozen=True)
class ZhongbenPassRates:
    by_court: dict[str, PassRate]
    overall: PassRate


@dataclass(frozen=True)
class LeadStatistics:
    """一案双查: leads by source, stage and conclusion; investigations past their deadline."""

    total: int
    by_source: dict[str, int]
    by_stage: dict[str, int]
    by_conclusion: dict[str, int]
    overdue: int


@dataclass(frozen=True)
class CourtFigures:
    """The rates higher courts judge a court by (the Yunnan plan: 首次执行案件实际执行到位率,
    终本合格率, 终本率, the 30 % floor of 终本 checks; 按期整改率 of the ledger)."""

    zhongben_cases: int  # 终本 population
    zhongben_sampled: int
    sampling_ratio: float | None  # sampled / population
    meets_sampling_floor: bool  # ≥ 30 %
    first_amount: float  # 首次执行 (执) cases closed: amounts claimed …
    first_paid: float  # … and actually paid
    first_paid_rate: float | None  # 首次执行案件实际执行到位率 (by amount)
    closed_cases: int  # enforcement cases closed (执, 执恢)
    zhongben_closed: int
    zhongben_rate: float | None  # 终本率
    items_due: int  # items closed or past their deadline
    items_on_time: int  # closed by their deadline
    on_time_rate: float | None  # 按期整改率
    overdue: int  # the court's delay
    overdue_awaiting_verification: int  # submitted in time, the team's delay


@dataclass(frozen=True)
class Figures:
    by_court: dict[str, CourtFigures]
    overall: CourtFigures


#: the Yunnan plan: check no less than 30 % of 终本 cases
SAMPLING_FLOOR = 0.3


def _rate(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def court_figures(conn: sqlite3.Connection, *, today: dt.date) -> Figures:
    """Each court's rates and the overall ones, from the cases, samples and items."""
    none = "（未关联法院）"
    cases = conn.execute(
        f"""SELECT COALESCE(co.name, '{none}'),
               SUM(c.closing_method = '终结本次执行程序'),
               SUM(c.closing_method = '终结本次执行程序' AND EXISTS (
                   SELECT 1 FROM sample_cases s WHERE s.case_id = c.id)),
               SUM(CASE WHEN c.case_type = '执' AND c.closing_date IS NOT NULL
                        THEN COALESCE(c.amount, 0) ELSE 0 END),
               SUM(CASE WHEN c.case_type = '执' AND c.closing_date IS NOT NULL
                        THEN MIN(COALESCE(c.paid_amount, 0), COALESCE(c.amount, 0)) ELSE 0 END),
               SUM(c.case_type IN ('执', '执恢') AND c.closing_date IS NOT NULL),
               SUM(c.case_type IN ('执', '执恢') AND c.closing_date IS NOT NULL
                   AND c.closing_method = '终结本次执行程序')
           FROM cases c LEFT JOIN courts co ON co.id = c.court_id
           WHERE c.deleted = 0 GROUP BY 1"""
    ).fetchall()
    iso = today.isoformat()
    awaiting_sql = AWAITING_VERIFICATION_SQL.format(x="i")
    items = conn.execute(
        f"""SELECT COALESCE(co.name, '{none}'),
               SUM(i.state = '已销号' OR (i.deadline IS NOT NULL AND i.deadline < ?)),
               SUM(i.state = '已销号' AND i.deadline IS NOT NULL
                   AND substr(i.closed_at, 1, 10) <= i.deadline),
               SUM(i.state != '已销号' AND i.deadline < ? AND NOT {awaiting_sql}),
               SUM(i.deadline < ? AND {awaiting_sql})
           FROM rectification_items i JOIN problems p ON p.id = i.problem_id
           LEFT JOIN courts co ON co.id = p.court_id
           WHERE i.deleted = 0 GROUP BY 1""",
        (iso, iso, iso),
    ).fetchall()
    raw: dict[str, list[float]] = {}
    for court, *numbers in cases:
        raw.setdefault(str(court), [0.0] * 11)[:6] = [float(n or 0) for n in numbers]
    for court, *numbers in items:
        raw.setdefault(str(court), [0.0] * 11)[6:10] = [float(n or 0) for n in numbers]

    def figures(v: list[float]) -> CourtFigures:
        population, sampled, amount, paid, closed, zhongben, due, on_time, overdue, awaiting = v[
            :10
        ]
        ratio = _rate(sampled, population)
        return CourtFigures(
            zhongben_cases=int(population),
            zhongben_sampled=int(sampled),
            sampling_ratio=ratio,
            meets_sampling_floor=ratio is not None and ratio >= SAMPLING_FLOOR,
            first_amount=round(amount, 2),
            first_paid=round(paid, 2),
            first_paid_rate=_rate(paid, amount),
            closed_cases=int(closed),
            zhongben_closed=int(zhongben),
            zhongben_rate=_rate(zhongben, closed),
            items_due=int(due),
            items_on_time=int(on_time),
            on_time_rate=_rate(on_time, due),
            overdue=int(overdue),
            overdue_awaiting_verification=int(awaiting),
        )

    total = [sum(v[i] for v in raw.values()) for i in range(11)]
    return Figures(
        by_court={court: figures(v) for court, v in sorted(raw.items())},
        overall=figures(total),
    )


@dataclass(frozen=True)
class RecurrenceRate:
    """回头看: problems re-checked and how many of them recurred (复发)."""

    rechecked: int
    recurred: int
    #: recurred problems / re-checked problems
    rate: float | None


@dataclass(frozen=True)
class FollowUpStatistics:
    """回头看: what one follow-up campaign found of the campaign it follows up."""

    campaign_id: str
    campaign: str
    follows_id: str
    follows: str
    start_date: str | None
    #: the earlier campaign's items closed before the follow-up started: to re-check
    candidates: int
    #: of them, re-checked by the follow-up: held, or recurred (reopened, or recorded again as a
    #: new problem of the follow-up — ``new_problems`` counts those problems)
    rechecked: int
    held: int
    recurred: int
    reopened: int
    new_problems: int
    #: by problem: a problem is re-checked when one of its items is, recurred when one of its
    #: items recurred
    recurrence: RecurrenceRate
    by_court: dict[str, RecurrenceRate]
    by_category: dict[str, RecurrenceRate]
    #: items still open when the follow-up started (the same records, with their history), and
    #: how many of them are closed by now
    carried_over: int
    carried_closed: int
    #: items closed after the earlier campaign's visit ended and before the follow-up started
    closed_since_last_visit: int


def _recurrence(pairs: list[tuple[bool, bool]]) -> RecurrenceRate:
    checked = sum(1 for rechecked, _ in pairs if rechecked)
    recurred = sum(1 for _, again in pairs if again)
    return RecurrenceRate(checked, recurred, _rate(recurred, checked))


def follow_up_statistics(conn: sqlite3.Connection, *, today: dt.date) -> list[FollowUpStatistics]:
    """Each 回头看 campaign: re-checks, recurrences and their rates by court and category, items
    carried over, and items closed since the last visit."""
    out = []
    for fu in follow_up_campaigns(conn, today=today):
        items = earlier_items(conn, fu)
        candidates = [i for i in items if i.candidate]
        carried = [i for i in items if not i.candidate]
        checked = [i for i in candidates if i.recheck]
        recurred = [i for i in checked if i.recheck in RECURRED]
        problems: dict[str, tuple[str, str, bool, bool]] = {}
        for i in candidates:
            again = i.recheck in RECURRED or i.recurrence_id is not None
            rechecked = bool(i.recheck) or again
            _, _, was_checked, was_again = problems.get(i.problem_id, ("", "", False, False))
            problems[i.problem_id] = (
                i.court,
                i.category,
                was_checked or rechecked,
                was_again or again,
            )
        by_court: dict[str, list[tuple[bool, bool]]] = {}
        by_category: dict[str, list[tuple[bool, bool]]] = {}
        for court, category, rechecked, again in problems.values():
            if rechecked:
                by_court.setdefault(court, []).append((rechecked, again))
                by_category.setdefault(category, []).append((rechecked, again))
        last_visit = fu.follows_end.isoformat() if fu.follows_end else ""
        new_problems = conn.execute(
            """SELECT COUNT(*) FROM problems n JOIN problems o ON o.id = n.recurrence_of
               WHERE n.campaign_id = ? AND n.deleted = 0 AND o.campaign_id = ?""",
            (fu.id, fu.follows_id),
        ).fetchone()[0]
        out.append(
            FollowUpStatistics(
                campaign_id=fu.id,
                campaign=fu.name,
                follows_id=fu.follows_id,
                follows=fu.follows,
                start_date=fu.start_date.isoformat() if fu.start_date else None,
                candidates=len(candidates),
                rechecked=len(checked),
                held=sum(1 for i in checked if i.recheck == Action.RECHECK_HELD),
                recurred=len(recurred),
                reopened=sum(1 for i in recurred if i.recheck == Action.RECHECK_REOPENED),
                new_problems=int(new_problems),
                recurrence=_recurrence([(r, a) for _, _, r, a in problems.values() if r]),
                by_court={k: _recurrence(v) for k, v in sorted(by_court.items())},
                by_category={k: _recurrence(v) for k, v in sorted(by_category.items())},
                carried_over=len(carried),
                carried_closed=sum(1 for i in carried if i.state == State.CLOSED),
                closed_since_last_visit=sum(
                    1 for i in candidates if (i.since or "")[:10] > last_visit
                ),
            )
        )
    return out


@dataclass(frozen=True)
class LedgerStatistics:
    """What the dashboard, the CLI and the reports count, as of a day."""

    as_of: str
    counts: dict[str, int]
    problems_by_category: dict[str, int]
    problems_by_court: dict[str, int]
    items_by_state: dict[str, int]
    items: ItemCounts
    overdue_by_court: dict[str, int]
    closure_rate: float
    reviews_by_grade: dict[str, int]
    zhongben_pass_rate: ZhongbenPassRates
    leads: LeadStatistics
    figures: Figures
    #: 约谈、通报、问责 by kind, overall and per court
    accountability: dict[str, int] = field(default_factory=dict)
    accountability_by_court: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the inspected courts' plan proposals waiting for the leader's decision
    proposals_waiting: int = 0
    #: 回头看: each follow-up campaign's re-checks, recurrences and carried-over items
    follow_ups: list[FollowUpStatistics] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain data (``inspector stats --json``)."""
        return asdict(self)


def _pairs(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> dict[str, int]:
    return {str(k): int(v) for k, v in conn.execute(sql, params).fetchall()}


def ledger_statistics(
    conn: sqlite3.Connection, *, today: dt.date, calendar: WorkCalendar = DEFAULT_CALENDAR
) -> LedgerStatistics:
    """Counts by record type, problems by category and court, items by state and light."""
    counts = {
        name: conn.execute(f"SELECT COUNT(*) FROM {rt.table} WHERE deleted = 0").fetchone()[0]
        for name, rt in RECORD_TYPES.items()
    }
    categories = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM categories WHERE deleted = 0 AND active = 1 ORDER BY sort_order, name"
        )
    ] or list(SIX_CATEGORIES)
    by_category = dict.fromkeys(categories, 0)
    by_category.update(
        _pairs(conn, "SELECT category, COUNT(*) FROM problems WHERE deleted = 0 GROUP BY category")
    )
    by_court = _pairs(
        conn,
        """SELECT COALESCE(c.name, '（未关联法院）'), COUNT(*) FROM problems p
           LEFT JOIN courts c ON c.id = p.court_id
           WHERE p.deleted = 0 GROUP BY 1 ORDER BY 2 DESC, 1""",
    )
    by_state = {str(s): 0 for s in State}
    by_state.update(
        _pairs(
            conn, "SELECT state, COUNT(*) FROM rectification_items WHERE deleted = 0 GROUP BY state"
        )
    )
    iso = today.isoformat()
    soon = due_soon_before(today, calendar).isoformat()
    open_items = "deleted = 0 AND state != '已销号'"
    overdue = conn.execute(
        f"SELECT COUNT(*) FROM rectification_items WHERE {open_items} AND deadline < ? "
        f"AND NOT {AWAITING_VERIFICATION_SQL.format(x='rectification_items')}",
        (iso,),
    ).fetchone()[0]
    awaiting = conn.execute(
        f"SELECT COUNT(*) FROM rectification_items WHERE deleted = 0 AND deadline < ? "
        f"AND {AWAITING_VERIFICATION_SQL.format(x='rectification_items')}",
        (iso,),
    ).fetchone()[0]
    due_soon = conn.execute(
        f"SELECT COUNT(*) FROM rectification_items WHERE {open_items} "
        "AND deadline >= ? AND deadline < ?",
        (iso, soon),
    ).fetchone()[0]
    overdue_by_court = _pairs(
        conn,
        """SELECT COALESCE(c.name, '（未关联法院）'), COUNT(*) FROM rectification_items i
            JOIN problems p ON p.id = i.problem_id LEFT JOIN courts c ON c.id = p.court_id
            WHERE i.deleted = 0 AND i.state != '已销号' AND i.deadline < ?
              AND NOT """
        + AWAITING_VERIFICATION_SQL.format(x="i")
        + """
            GROUP BY 1 ORDER BY 2 DESC, 1""",
        (iso,),
    )
    total_items = sum(by_state.values())
    closed = by_state[str(State.CLOSED)]
    grades = _pairs(conn, "SELECT grade, COUNT(*) FROM reviews WHERE deleted = 0 GROUP BY grade")
    measures: dict[str, int] = {"约谈": 0, "通报": 0, "问责": 0}
    by_court_measures: dict[str, dict[str, int]] = {}
    for court, kind, n in conn.execute(
        """SELECT COALESCE(c.name, '（未关联法院）'), a.kind, COUNT(*) FROM accountability a
           LEFT JOIN courts c ON c.id = a.court_id WHERE a.deleted = 0 GROUP BY 1, 2"""
    ):
        measures[kind] = measures.get(kind, 0) + n
        by_court_measures.setdefault(court, {})[kind] = n
    waiting = conn.execute(
        "SELECT COUNT(*) FROM plan_proposals WHERE deleted = 0 AND COALESCE(status, '待审定') = '待审定'"
    ).fetchone()[0]
    return LedgerStatistics(
        as_of=iso,
        counts=counts,
        problems_by_category=by_category,
        problems_by_court=by_court,
        items_by_state=by_state,
        items=ItemCounts(
            total=total_items,
            closed=closed,
            open=total_items - closed,
            overdue=overdue,
            overdue_awaiting_verification=awaiting,
            due_soon=due_soon,
            on_track=total_items - closed - overdue - awaiting - due_soon,
        ),
        overdue_by_court=overdue_by_court,
        closure_rate=round(closed / total_items, 4) if total_items else 0.0,
        reviews_by_grade=grades,
        zhongben_pass_rate=zhongben_pass_rates(conn),
        leads=lead_statistics(conn, today=today),
        figures=court_figures(conn, today=today),
        accountability=measures,
        accountability_by_court=by_court_measures,
        proposals_waiting=int(waiting),
        follow_ups=follow_up_statistics(conn, today=today),
    )


def zhongben_pass_rates(conn: sqlite3.Connection) -> ZhongbenPassRates:
    """终本合格率 (the Yunnan plan's measure of 终本 quality): per court and overall, over each
    case's latest 终本 review — reviewed, 合格, 待核实, and 合格 / judged."""
    from ..domain.checklists import summarize_grades

    grades: dict[str, list[str]] = {}
    for court, grade in conn.execute(
        """SELECT COALESCE(co.name, '（未关联法院）'), r.grade FROM reviews r
           JOIN cases c ON c.id = r.case_id LEFT JOIN courts co ON co.id = c.court_id
           WHERE r.deleted = 0 AND r.template_code = 'zhongben-2018'
             AND NOT EXISTS (
                 SELECT 1 FROM reviews later WHERE later.case_id = r.case_id
                   AND later.template_code = r.template_code AND later.deleted = 0
                   AND (later.review_date > r.review_date
                        OR (later.review_date = r.review_date AND later.id > r.id)))"""
    ):
        grades.setdefault(str(court), []).append(str(grade or ""))

    def summary(values: list[str]) -> PassRate:
        s = summarize_grades(values)
        return PassRate(s.reviewed, s.passed, s.to_verify, s.pass_rate)

    return ZhongbenPassRates(
        by_court={court: summary(values) for court, values in sorted(grades.items())},
        overall=summary([g for values in grades.values() for g in values]),
    )


def closure_trend(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """Per day with a change: (date, items so far, items closed so far)."""
    created = {
        d: n
        for d, n in conn.execute(
            "SELECT substr(created_at, 1, 10), COUNT(*) FROM rectification_items "
            "WHERE deleted = 0 GROUP BY 1"
        )
    }
    closed: dict[str, int] = {}
    for day, action, n in conn.execute(
        """SELECT substr(e.at, 1, 10), e.action, COUNT(*) FROM item_events e
           JOIN rectification_items i ON i.id = e.item_id AND i.deleted = 0
           WHERE e.deleted = 0 AND e.event_kind = 'transition'
             AND e.action IN ('close', 'reopen')
           GROUP BY 1, 2"""
    ):
        delta = n if action == "close" else (-n if action == "reopen" else 0)
        closed[day] = closed.get(day, 0) + delta
    total = done = 0
    out = []
    for day in sorted(set(created) | set(closed)):
        total += created.get(day, 0)
        done += closed.get(day, 0)
        out.append((day, total, done))
    return out


ProgressPoint = tuple[dt.date, int, int, int, int, int]


def court_progress_series(
    conn: sqlite3.Connection, *, today: dt.date, every_days: int = 7
) -> list[tuple[str, str, list[ProgressPoint]]]:
    """Per inspected court, its items as of each ``every_days`` since its first item and as
    of ``today``: (day, planned (待整改), in progress, submitted (待核查), closed, overdue)."""
    items: dict[str, list[tuple[str, str, str | None]]] = {}
    names: dict[str, str] = {}
    for item_id, court_id, court, created, deadline in conn.execute(
        """SELECT i.id, p.court_id, c.name, substr(i.created_at, 1, 10), i.deadline
           FROM rectification_items i JOIN problems p ON p.id = i.problem_id
           JOIN courts c ON c.id = p.court_id
           WHERE i.deleted = 0 AND p.deleted = 0 ORDER BY c.code, c.name"""
    ):
        items.setdefault(court_id, []).append((item_id, created or today.isoformat(), deadline))
        names[court_id] = court
    moves: dict[str, list[tuple[str, str]]] = {}
    for item_id, day, to_state in conn.execute(
        """SELECT item_id, substr(at, 1, 10), to_state FROM item_events
           WHERE deleted = 0 AND event_kind = 'transition' AND to_state IS NOT NULL
           ORDER BY at, id"""
    ):
        moves.setdefault(item_id, []).append((day, to_state))
    out = []
    for court_id, rows in items.items():
        start = dt.date.fromisoformat(min(created for _, created, _ in rows))
        days = []
        day = start
        while day < today:
            days.append(day)
            day += dt.timedelta(days=every_days)
        days.append(today)
        points: list[ProgressPoint] = []
        for day in days:
            iso = day.isoformat()
            counts = {s: 0 for s in State}
            overdue = 0
            for item_id, created, deadline in rows:
                if created > iso:
                    continue
                state = State.PENDING
                for moved, to_state in moves.get(item_id, ()):
                    if moved > iso:
                        break
                    state = State(to_state)
                counts[state] += 1
                if state != State.CLOSED and deadline and deadline < iso:
                    overdue += 1
            points.append(
                (
                    day,
                    counts[State.PENDING],
                    counts[State.IN_PROGRESS],
                    counts[State.AWAITING_CHECK],
                    counts[State.CLOSED],
                    overdue,
                )
            )
        out.append((court_id, names[court_id], points))
    return out


# --- tables for reports (pandas) -------------------------------------------------------

AGING_BUCKETS = ("≤7天", "8–30天", ">30天")


def _frame(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> Any:
    import pandas as pd

    cur = conn.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def report_tables(conn: sqlite3.Connection, *, today: dt.date) -> dict[str, Any]:
    """The statistics every report shows, as pandas DataFrames keyed by their Chinese title."""
    import pandas as pd

    problems = _frame(
        conn,
        """SELECT COALESCE(c.name, '（未关联法院）') AS 法院, p.category AS 问题类别
           FROM problems p LEFT JOIN courts c ON c.id = p.court_id WHERE p.deleted = 0""",
    )
    categories = [
        r[0]
        for r in conn.execute("SELECT name FROM categories WHERE deleted = 0 ORDER BY sort_order")
    ]
    if problems.empty:
        by_court = pd.DataFrame(columns=["法院", *categories, "合计"])
    else:
        pivot = pd.crosstab(problems["法院"], problems["问题类别"])
        pivot = pivot.reindex(columns=categories, fill_value=0)
        pivot["合计"] = pivot.sum(axis=1)
        pivot = pivot.sort_values("合计", ascending=False)
        pivot.loc["合计"] = pivot.sum()
        by_court = pivot.reset_index()
    items = _frame(
        conn,
        f"""SELECT i.state AS 状态, i.deadline, COALESCE(c.name, '（未关联法院）') AS 法院,
                  {AWAITING_VERIFICATION_SQL.format(x="i")} AS awaiting
           FROM rectification_items i LEFT JOIN problems p ON p.id = i.problem_id
           LEFT JOIN courts c ON c.id = p.court_id WHERE i.deleted = 0""",
    )
    states = ["待整改", "整改中", "待核查", "已销号"]
    by_state = (
        items["状态"]
        .value_counts()
        .reindex(states, fill_value=0)
        .rename_axis("状态")
        .reset_index(name="事项数")
        if not items.empty
        else pd.DataFrame({"状态": states, "事项数": [0] * 4})
    )
    open_items = (
        items[(items["状态"] != "已销号") & items["deadline"].notna() & (items["awaiting"] != 1)]
        if not items.empty
        else items
    )
    days = (
        (pd.Timestamp(today) - pd.to_datetime(open_items["deadline"])).dt.days
        if not open_items.empty
        else pd.Series(dtype=int)
    )
    overdue_days = days[days > 0]
    aging = pd.DataFrame(
        {
            "逾期时长": list(AGING_BUCKETS),
            "事项数": [
                int((overdue_days <= 7).sum()),
                int(((overdue_days > 7) & (overdue_days <= 30)).sum()),
                int((overdue_days > 30).sum()),
            ],
        }
    )
    if items.empty:
        closure = pd.DataFrame(columns=["法院", "整改事项", "已销号", "销号率"])
    else:
        g = items.groupby("法院")["状态"]
        closure = pd.DataFrame(
            {"整改事项": g.size(), "已销号": g.apply(lambda s: int((s == "已销号").sum()))}
        )
        closure.loc["合计"] = closure.sum()
        # rates are numbers (a ratio, 0.5 for half): the spreadsheet formats them as percent,
        # the written report as text
        closure["销号率"] = (closure["已销号"] / closure["整改事项"]).round(4)
        closure = closure.reset_index()
    if items.empty:
        overdue = pd.DataFrame(columns=["法院", "未销号", "逾期", "待核查逾期"])
    else:
        past = items["deadline"].notna() & (items["deadline"] < today.isoformat())
        flags = pd.DataFrame(
            {
                "法院": items["法院"],
                "未销号": items["状态"] != "已销号",
                # past the deadline through the court's delay, or submitted in time and
                # waiting for the verifier (the same split as the statistics' item counts)
                "逾期": past & (items["状态"] != "已销号") & (items["awaiting"] != 1),
                "待核查逾期": past & (items["awaiting"] == 1),
            }
        )
        overdue = flags.groupby("法院")[["未销号", "逾期", "待核查逾期"]].sum().astype(int)
        overdue = overdue.sort_values(["逾期", "待核查逾期"], ascending=False)
        overdue.loc["合计"] = overdue.sum()
        overdue = overdue.reset_index()
    rates = zhongben_pass_rates(conn)
    zhongben = pd.DataFrame(
        [
            {
                "法院": court,
                "评查终本案件": r.reviewed,
                "合格": r.passed,
                "待核实": r.to_verify,
                "终本合格率": r.pass_rate,
            }
            for court, r in [*rates.by_court.items(), ("合计", rates.overall)]
        ]
        if rates.by_court
        else None,
        columns=["法院", "评查终本案件", "合格", "待核实", "终本合格率"],
    )
    rules = _frame(
        conn,
        """SELECT r.template_code AS 评查表, a.item_code AS 评查项,
                  COUNT(*) AS 评查数, SUM(a.result = '不符合') AS 不符合数
           FROM review_answers a JOIN reviews r ON r.id = a.review_id
           WHERE a.deleted = 0 AND r.deleted = 0
           GROUP BY 1, 2 ORDER BY 1, 2""",
    )
    if not rules.empty:
        from ..reference import checklists

        known = checklists()

        def item_text(row: Any) -> str:
            cl = known.get(row["评查表"])
            return cl.item(row["评查项"]).text if cl else str(row["评查项"])

        rules["评查项"] = rules.apply(item_text, axis=1)
        rules["评查表"] = rules["评查表"].map(lambda c: known[c].name if c in known else c)
        rules["不符合率"] = (rules["不符合数"] / rules["评查数"]).round(4)
    workload = _frame(
        conn,
        """SELECT m.name AS 评查人,
                  (SELECT COUNT(*) FROM reviews r WHERE r.reviewer_id = m.id AND r.deleted = 0) AS 评查案件,
                  (SELECT COUNT(*) FROM interviews i WHERE i.recorded_by = m.id AND i.deleted = 0) AS 座谈走访,
                  (SELECT COUNT(*) FROM problems p WHERE p.found_by = m.id AND p.deleted = 0) AS 发现问题
           FROM members m WHERE m.deleted = 0 ORDER BY 2 DESC, 1""",
    )
    found = court_figures(conn, today=today)
    figures = pd.DataFrame(
        [
            {
                "法院": court,
                "终本案件": f.zhongben_cases,
                "已抽查": f.zhongben_sampled,
                "终本抽查率": f.sampling_ratio,
                # no 终本 case: nothing to sample, neither met nor missed
                "达到30%": "—"
                if f.sampling_ratio is None
                else ("是" if f.meets_sampling_floor else "否"),
                "实际执行到位率": f.first_paid_rate,
                "终本率": f.zhongben_rate,
                "按期整改率": f.on_time_rate,
            }
            for court, f in [*found.by_court.items(), ("合计", found.overall)]
        ],
        columns=[
            "法院",
            "终本案件",
            "已抽查",
            "终本抽查率",
            "达到30%",
            "实际执行到位率",
            "终本率",
            "按期整改率",
        ],
    )
    return {
        "问题分布（法院×类别）": by_court,
        "整改状态": by_state,
        "逾期时长": aging,
        "各法院销号率": closure,
        "各法院逾期情况": overdue,
        "各法院终本合格率": zhongben,
        "各法院执行指标": figures,
        "评查项不符合情况": rules,
        "评查人工作量": workload,
        "约谈通报问责": accountability_table(conn),
        **follow_up_tables(follow_up_statistics(conn, today=today)),
    }


def accountability_table(conn: sqlite3.Connection) -> Any:
    """约谈、通报、问责 per court: how many of each, and the items they concerned."""
    import pandas as pd

    rows: dict[str, dict[str, Any]] = {}
    for court, kind, items in conn.execute(
        """SELECT COALESCE(c.name, '（未关联法院）'), a.kind, a.item_ids FROM accountability a
           LEFT JOIN courts c ON c.id = a.court_id WHERE a.deleted = 0 ORDER BY c.code, c.name"""
    ):
        row = rows.setdefault(
            court, {"法院": court, "约谈": 0, "通报": 0, "问责": 0, "所涉整改事项": 0}
        )
        row[kind] = row.get(kind, 0) + 1
        row["所涉整改事项"] += len(json.loads(items) if items else [])
    return pd.DataFrame(
        list(rows.values()), columns=["法院", "约谈", "通报", "问责", "所涉整改事项"]
    )


def follow_up_tables(follow_ups: list[FollowUpStatistics]) -> dict[str, Any]:
    """回头看 for the reports: one row per follow-up campaign, and its recurrence rates by court
    and by category (no tables when the ledger has no follow-up)."""
    import pandas as pd

    if not follow_ups:
        return {}
    summary = pd.DataFrame(
        [
            {
                "回头看": f.campaign,
                "原巡查": f.follows,
                "应复查事项": f.candidates,
                "已复查": f.rechecked,
                "巩固": f.held,
                "复发": f.recurred,
                "其中重新整改": f.reopened,
                "另立复发问题": f.new_problems,
                "复发率": f.recurrence.rate,
                "延续整改事项": f.carried_over,
                "延续事项已销号": f.carried_closed,
                "上次巡查后销号": f.closed_since_last_visit,
            }
            for f in follow_ups
        ]
    )
    rates = pd.DataFrame(
        [
            {
                "回头看": f.campaign,
                "分类": dimension,
                "名称": name,
                "复查问题": r.rechecked,
                "复发问题": r.recurred,
                "复发率": r.rate,
            }
            for f in follow_ups
            for dimension, by in (("法院", f.by_court), ("问题类别", f.by_category))
            for name, r in [*by.items(), ("合计", f.recurrence)]
        ],
        columns=["回头看", "分类", "名称", "复查问题", "复发问题", "复发率"],
    )
    return {"回头看": summary, "回头看复发率": rates}


def lead_statistics(conn: sqlite3.Connection, *, today: dt.date) -> LeadStatistics:
    """一案双查: leads by source, by stage, by conclusion, and investigations past their deadline."""
    from ..domain.leads import Conclusion, LeadSource, current_deadline, stage

    cur = conn.execute("SELECT * FROM leads WHERE deleted = 0")
    names = [d[0] for d in cur.description]
    rows = []
    for r in cur.fetchall():
        row = dict(zip(names, r, strict=True))
        row["conclusions"] = json.loads(row["conclusions"]) if row["conclusions"] else []
        rows.append(row)
    by_source = {str(s): 0 for s in LeadSource}
    by_conclusion = {str(c): 0 for c in Conclusion}
    by_stage: dict[str, int] = {}
    overdue = 0
    for row in rows:
        by_source[row["source"]] = by_source.get(row["source"], 0) + 1
        for c in row["conclusions"]:
            by_conclusion[c] = by_conclusion.get(c, 0) + 1
        s = str(stage(row))
        by_stage[s] = by_stage.get(s, 0) + 1
        deadline = current_deadline(row)
        if deadline is not None and deadline < today:
            overdue += 1
    return LeadStatistics(
        total=len(rows),
        by_source=by_source,
        by_stage=by_stage,
        by_conclusion=by_conclusion,
        overdue=overdue,
    )
