"""The record lists of the desktop pages: ids filtered and sorted in SQL, rows fetched by id.

A list first asks for the matching ids (cheap even for tens of thousands of rows),
then fetches the rows it shows, a block at a time.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain.rectification import due_soon_before
from ..reports.statistics import AWAITING_VERIFICATION_SQL
from .session import Session
from .team import NOT_SUPERSEDED


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sql: str


@dataclass(frozen=True)
class ListSpec:
    name: str
    source: str  # FROM … (the main table is aliased x)
    columns: tuple[Column, ...]
    default_order: str
    filters: dict[str, str] = field(default_factory=dict)  # key → SQL with one "?"
    #: columns fetched but not shown, handed to ``derive`` with the session's today
    extra: tuple[str, ...] = ()
    derive: Callable[[dict[str, Any], dt.date], dict[str, Any]] | None = None
    #: what every row of the list meets, besides not being deleted
    where: str = ""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


_COURT = "(SELECT name FROM courts WHERE id = {ref})"
_MEMBER = "(SELECT name FROM members WHERE id = {ref})"
_COURT_REF = re.compile(r"^\(SELECT name FROM courts WHERE id = (\S+)\)$")

CASES = ListSpec(
    "cases",
    "cases x",
    (
        Column("case_number", "案号", "x.case_number"),
        Column("court", "法院", _COURT.format(ref="x.court_id")),
        Column("judge", "承办人", "x.judge"),
        Column("cause", "案由", "x.cause"),
        Column("closing_method", "结案方式", "x.closing_method"),
        Column("closing_date", "结案日期", "x.closing_date"),
        Column(
            "review",
            "评查状态",
            "COALESCE((SELECT r.grade FROM reviews r WHERE r.case_id = x.id AND r.deleted = 0 "
            "ORDER BY r.review_date DESC LIMIT 1), '未评查')",
        ),
        Column(
            "sampled",
            "抽样",
            "(SELECT '✓ ' || COALESCE(m.name, '') FROM sample_cases s "
            "LEFT JOIN members m ON m.id = s.reviewer_id WHERE s.case_id = x.id LIMIT 1)",
        ),
    ),
    "x.case_number",
    {
        "court_id": "x.court_id = ?",
        "closing_method": "x.closing_method = ?",
        "reviewed": "(EXISTS (SELECT 1 FROM reviews r "
        "WHERE r.case_id = x.id AND r.deleted = 0)) = ?",
        "sampled": "(EXISTS (SELECT 1 FROM sample_cases s WHERE s.case_id = x.id)) = ?",
        "reviewer": "EXISTS (SELECT 1 FROM sample_cases s WHERE s.case_id = x.id AND s.reviewer_id = ?)",
    },
)

INTERVIEWS = ListSpec(
    "interviews",
    "interviews x",
    (
        Column("date", "日期", "x.date"),
        Column("method", "方式", "x.method"),
        Column("court", "法院", _COURT.format(ref="x.court_id")),
        Column("place", "地点", "x.place"),
        Column("people", "访谈对象", "x.interviewees"),
        Column("recorded_by", "记录人", _MEMBER.format(ref="x.recorded_by")),
    ),
    "x.date DESC",
    {"court_id": "x.court_id = ?", "method": "x.method = ?"},
)

PROBLEMS = ListSpec(
    "problems",
    "problems x",
    (
        Column("court", "被检查法院", _COURT.format(ref="x.court_id")),
        Column("category", "问题类别", "x.category"),
        Column("subtype", "问题子类", "x.subtype"),
        Column("description", "问题描述", "x.description"),
        Column("examples", "例证案号", "x.example_cases"),
        Column("source", "发现方式", "x.source_type"),
        Column("found_by", "发现人", _MEMBER.format(ref="x.found_by")),
        Column("severity", "严重程度", "x.severity"),
        Column(
            "items",
            "整改事项",
            "(SELECT COUNT(*) FROM rectification_items i "
            "WHERE i.problem_id = x.id AND i.deleted = 0)",
        ),
    ),
    "x.found_date DESC, x.id",
    {
        "court_id": "x.court_id = ?",
        "category": "x.category = ?",
        "source_type": "x.source_type = ?",
        "found_by": "x.found_by = ?",
        "campaign_id": "x.campaign_id = ?",
    },
)


def _follow_up_mark() -> str:
    """SQL of an item's 回头看 mark (``x`` the item, ``p`` its problem): its latest re-check's
    outcome; else, when its campaign has a follow-up, whether it stood closed before the latest
    one started (to re-check) or not (carried over). The items of a problem that records a
    recurrence are marked as such."""
    from ..domain.follow_up import MARK_OF, RECHECKS, Mark

    outcomes = " ".join(f"WHEN '{a.value}' THEN '{m.value}'" for a, m in MARK_OF.items())
    rechecks = ", ".join(f"'{a.value}'" for a in RECHECKS)
    return f"""CASE WHEN p.recurrence_of IS NOT NULL THEN '{Mark.RECURRENCE}' ELSE COALESCE(
        (SELECT CASE e.action {outcomes} END FROM item_events e
         WHERE e.item_id = x.id AND e.deleted = 0 AND e.action IN ({rechecks})
         ORDER BY e.at DESC, e.id DESC LIMIT 1),
        (SELECT CASE WHEN (SELECT t.to_state FROM item_events t
                           WHERE t.item_id = x.id AND t.deleted = 0
                             AND t.event_kind = 'transition' AND t.to_state IS NOT NULL
                             AND substr(t.at, 1, 10) < COALESCE(f.start_date, '9999')
                           ORDER BY t.at DESC, t.id DESC LIMIT 1) = '已销号'
                     THEN '{Mark.TO_RECHECK}' ELSE '{Mark.CARRIED}' END
         FROM campaigns f WHERE f.follows_id = p.campaign_id AND f.deleted = 0
         ORDER BY COALESCE(f.start_date, '9999') DESC LIMIT 1)) END"""


ITEMS = ListSpec(
    "items",
    "rectification_items x LEFT JOIN problems p ON p.id = x.problem_id",
    (
        Column("light", "", "x.deadline"),
        Column("court", "被检查法院", _COURT.format(ref="p.court_id")),
        Column("category", "问题类别", "p.category"),
        Column("measure", "整改措施", "x.measure"),
        Column("unit", "责任单位", "x.responsible_unit"),
        Column("kind", "整改类型", "x.kind"),
        Column("deadline", "整改时限", "x.deadline"),
        Column("state", "状态", "x.state"),
        Column("follow_up", "回头看", _follow_up_mark()),
        Column("progress", "整改进展", "x.last_progress"),
    ),
    "CASE WHEN x.deadline IS NULL THEN 1 ELSE 0 END, x.deadline, x.id",
    {
        "state": "x.state = ?",
        "court_id": "p.court_id = ?",
        "problem_id": "x.problem_id = ?",
        "campaign_id": "p.campaign_id = ?",
        # a 回头看's view: its own items and those of the campaign it follows up
        "follow_up": "EXISTS (SELECT 1 FROM campaigns f WHERE f.id = ? "
        "AND (p.campaign_id = f.id OR p.campaign_id = f.follows_id))",
    },
    # the day the item entered its state: one submitted for checking in time is 待核查逾期
    extra=("state_changed_at",),
)

COURTS = ListSpec(
    "courts",
    "courts x",
    (
        Column("name", "法院", "x.name"),
        Column("level", "层级", "x.level"),
        Column("code", "代字", "x.code"),
        Column("parent", "上级法院", _COURT.format(ref="x.parent_id")),
    ),
    "x.code, x.name",
)

MEMBERS = ListSpec(
    "members",
    "members x",
    (
        Column("name", "姓名", "x.name"),
        Column("unit", "单位", "x.unit"),
        Column(
            "role",
            "角色",
            "CASE x.role WHEN 'leader' THEN '组长' WHEN 'verifier' THEN '核查人' "
            "ELSE '检查人员' END",
        ),
        Column("phone", "电话", "x.phone"),
    ),
    "CASE x.role WHEN 'leader' THEN 0 WHEN 'verifier' THEN 1 ELSE 2 END, x.name",
    where=NOT_SUPERSEDED.replace("members.", "x."),
)


def _lead_state(values: dict[str, Any], today: dt.date) -> dict[str, Any]:
    import json

    from ..domain.leads import Stage, current_deadline, stage
    from ..domain.rectification import Light

    values = dict(values)
    values["conclusions"] = json.loads(values["conclusions"]) if values.get("conclusions") else []
    st = stage(values)
    deadline = current_deadline(values)
    if st in (Stage.DONE, Stage.NOT_STARTED):
        light = Light.DONE
    elif deadline is not None and deadline < today:
        light = Light.RED
    elif deadline is not None and deadline < due_soon_before(today):
        light = Light.YELLOW
    else:
        light = Light.GREEN
    return {"light": light, "stage": str(st), "deadline": deadline.isoformat() if deadline else ""}


LEADS = ListSpec(
    "leads",
    "leads x",
    (
        Column("light", "", "NULL"),
        Column("received_date", "收到日期", "x.received_date"),
        Column("source", "线索来源", "x.source"),
        Column("court", "所涉法院", _COURT.format(ref="x.court_id")),
        Column("summary", "线索摘要", "x.summary"),
        Column("stage", "办理阶段", "NULL"),
        Column("deadline", "报告期限", "NULL"),
    ),
    "x.received_date DESC, x.id",
    {"court_id": "x.court_id = ?", "source": "x.source = ?"},
    extra=(
        "decision",
        "assigned_date",
        "report_date",
        "report_deadline",
        "supplementary_deadline",
        "supplementary_report_date",
        "conclusions",
        "feedback_date",
        "cleared_date",
    ),
    derive=_lead_state,
)

SPECS = {s.name: s for s in (CASES, INTERVIEWS, PROBLEMS, ITEMS, COURTS, MEMBERS, LEADS)}


def _where(session: Session, spec: ListSpec, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    clauses = ["x.deleted = 0", *([spec.where] if spec.where else [])]
    params: list[Any] = []
    today = session.today()
    for key, value in filters.items():
        if value is None or value == "" or value is False:
            continue
        if key == "overdue" and spec is ITEMS and value:
            clauses.append(
                "x.state != '已销号' AND x.deadline < ? AND NOT "
                + AWAITING_VERIFICATION_SQL.format(x="x")
            )
            params.append(today.isoformat())
        elif key == "overdue_awaiting_verification" and spec is ITEMS and value:
            clauses.append("x.deadline < ? AND " + AWAITING_VERIFICATION_SQL.format(x="x"))
            params.append(today.isoformat())
        elif key == "due_soon" and spec is ITEMS and value:
            clauses.append("x.state != '已销号' AND x.deadline >= ? AND x.deadline < ?")
            params += [today.isoformat(), due_soon_before(today, session.calendar).isoformat()]
        elif key == "due_within_days" and spec is ITEMS:
            clauses.append("x.state != '已销号' AND x.deadline >= ? AND x.deadline <= ?")
            params += [today.isoformat(), (today + dt.timedelta(days=int(value))).isoformat()]
        elif key == "open_leads" and spec is LEADS and value:
            clauses.append("x.conclusions IS NULL AND COALESCE(x.decision, '') != '不启动'")
        elif key == "ids":
            marks = ", ".join("?" for _ in value)
            clauses.append(f"x.id IN ({marks})")
            params += list(value)
        elif key in spec.filters:
            clauses.append(spec.filters[key])
            params.append(value)
        else:
            raise ValueError(f"list {spec.name} has no filter {key!r}")
    return " AND ".join(clauses), params


def list_ids(
    session: Session,
    *,
    list_name: str,
    filters: dict[str, Any] | None = None,
    order_by: str | None = None,
    descending: bool = False,
) -> list[str]:
    """The ids of the records a list shows, filtered and sorted in SQL."""
    spec = SPECS[list_name]
    where, params = _where(session, spec, filters or {})
    order = spec.default_order
    if order_by:
        sql_of = spec.column(order_by).sql
        court = _COURT_REF.match(sql_of)
        if court is not None:
            # by court name: the names of a few hundred courts sorted here, not looked up
            # once per row of 36,000 cases
            names = {
                cid: name or "" for cid, name in session.conn.execute("SELECT id, name FROM courts")
            }
            rows = session.conn.execute(
                f"SELECT x.id, {court.group(1)} FROM {spec.source} WHERE {where}", params
            ).fetchall()
            rows.sort(key=lambda r: (r[1] is not None, names.get(r[1], ""), r[0]))
            if descending:
                rows.sort(key=lambda r: (r[1] is not None, names.get(r[1], "")), reverse=True)
            return [r[0] for r in rows]
        direction = "DESC" if descending else "ASC"
        order = f"{sql_of} {direction}, x.id"
    sql = f"SELECT x.id FROM {spec.source} WHERE {where} ORDER BY {order}"
    return [r[0] for r in session.conn.execute(sql, params)]


def fetch_rows(
    session: Session, *, list_name: str, ids: Sequence[str]
) -> dict[str, tuple[Any, ...]]:
    """The shown columns of the given records (plus state and deadline for items)."""
    spec = SPECS[list_name]
    out: dict[str, tuple[Any, ...]] = {}
    cols = ", ".join([*(c.sql for c in spec.columns), *(f"x.{e}" for e in spec.extra)])
    shown = len(spec.columns)
    keys = [c.key for c in spec.columns]
    today = session.today()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT x.id, x.conflicted, {cols} FROM {spec.source} WHERE x.id IN ({marks})"
        for row in session.conn.execute(sql, chunk):
            # the shown columns, then the extra ones (after them: the shown keep their places)
            values = [*row[1 : 2 + shown], *row[2 + shown :]]
            if spec.derive is not None:
                derived = spec.derive(dict(zip(spec.extra, row[2 + shown :], strict=True)), today)
                for key, value in derived.items():
                    values[1 + keys.index(key)] = value
            out[row[0]] = tuple(values)
    return out


def labels(list_name: str) -> list[str]:
    return [c.label for c in SPECS[list_name].columns]


def keys(list_name: str) -> list[str]:
    return [c.key for c in SPECS[list_name].columns]
