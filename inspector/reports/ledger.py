"""The rows of the official ledger (整改台账) and problem list (问题清单), streamed from SQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

LEDGER_COLUMNS = (
    "序号", "被检查法院", "问题类别", "问题描述(含例证)", "发现方式", "整改措施", "整改目标", "责任单位",
    "责任人", "联系电话", "督办领导", "整改类型", "整改时限", "整改进展", "佐证材料", "状态", "是否销号",
    "销号人", "销号时间", "备注",
)  # fmt: skip
#: the leading columns that describe the problem: a problem with several items shows them once,
#: merged over its items' rows (序号 numbers problems, not items)
LEDGER_PROBLEM_COLUMNS = 5
PROBLEM_COLUMNS = (
    "序号", "被检查法院", "问题类别", "问题子类", "问题描述", "例证案号", "发现方式", "发现人",
    "发现日期", "严重程度", "整改事项数",
)  # fmt: skip


def _examples(text: str | None) -> str:
    return "、".join(json.loads(text)) if text else ""


def _day(text: str | None) -> str:
    return text[:10] if text else ""


def iter_ledger_rows(conn: sqlite3.Connection, *, today: dt.date) -> Iterator[list[Any]]:
    """One row per rectification item, in the column order of :data:`LEDGER_COLUMNS`.

    序号 numbers the problems: the items of one problem are consecutive rows with the same 序号.
    佐证材料 lists the evidence files by name.
    """
    sql = """
        SELECT COALESCE(c.name, ''), p.category, p.description, p.example_cases, p.source_type,
               i.measure, i.responsible_unit, i.responsible_person, i.kind, i.deadline,
               i.last_progress, i.state, m.name, i.closed_at, i.note,
               substr(i.state_changed_at, 1, 10), p.id, i.supervisor,
               (SELECT group_concat(filename, '、') FROM (
                    SELECT a.filename FROM attachments a
                    WHERE a.owner_id = i.id AND a.owner_type = 'rectification_item'
                      AND a.deleted = 0 ORDER BY a.created_at, a.id)),
               i.goal, i.phone
        FROM rectification_items i
        JOIN problems p ON p.id = i.problem_id
        LEFT JOIN courts c ON c.id = p.court_id
        LEFT JOIN members m ON m.id = i.closed_by
        WHERE i.deleted = 0 AND p.deleted = 0
        ORDER BY c.code, c.name, p.category, p.found_date, p.id, i.deadline, i.id"""
    iso = today.isoformat()
    n, problem = 0, None
    for r in conn.execute(sql):
        if r[16] != problem:
            n, problem = n + 1, r[16]
        examples = _examples(r[3])
        description = r[2] + (f"（例证：{examples}）" if examples and examples not in r[2] else "")
        closed = r[11] == "已销号"
        state = r[11]
        if not closed and r[9] and r[9] < iso:
            # submitted for checking by the deadline: the verifier's delay, not the court's
            in_time = r[11] == "待核查" and r[15] and r[15] <= r[9]
            state = f"{r[11]}（{'核查逾期' if in_time else '逾期'}）"
        yield [
            n, r[0], r[1], description, r[4] or "", r[5], r[19] or "", r[6] or "", r[7] or "",
            r[20] or "",
            r[17] or "", r[8], r[9] or "", r[10] or "", r[18] or "", state,
            "是" if closed else "否", r[12] or "" if closed else "", _day(r[13]) if closed else "",
            r[14] or "",
        ]  # fmt: skip


def iter_problem_rows(conn: sqlite3.Connection) -> Iterator[list[Any]]:
    sql = """
        SELECT COALESCE(c.name, ''), p.category, p.subtype, p.description, p.example_cases,
               p.source_type, m.name, p.found_date, p.severity,
               (SELECT COUNT(*) FROM rectification_items i WHERE i.problem_id = p.id AND i.deleted = 0)
        FROM problems p LEFT JOIN courts c ON c.id = p.court_id
        LEFT JOIN members m ON m.id = p.found_by
        WHERE p.deleted = 0
        ORDER BY c.code, c.name, p.category, p.found_date, p.id"""
    for n, r in enumerate(conn.execute(sql), start=1):
        yield [
            n,
            r[0],
            r[1],
            r[2] or "",
            r[3],
            _examples(r[4]),
            r[5] or "",
            r[6] or "",
            r[7] or "",
            r[8] or "",
            r[9],
        ]


def problems_by_category(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """Problems grouped by category (in the configured order), for the feedback report."""
    order = [
        r[0]
        for r in conn.execute("SELECT name FROM categories WHERE deleted = 0 ORDER BY sort_order")
    ]
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in order}
    for (
        pid,
        court,
        category,
        subtype,
        description,
        examples,
        source_type,
        source_id,
    ) in conn.execute(
        """SELECT p.id, COALESCE(c.name, ''), p.category, p.subtype, p.description,
                  p.example_cases, p.source_type, p.source_id
           FROM problems p LEFT JOIN courts c ON c.id = p.court_id
           WHERE p.deleted = 0 AND p.in_feedback = 1 ORDER BY c.code, p.found_date, p.id"""
    ):
        out.setdefault(category, []).append(
            {
                "id": pid,
                "court": court,
                "subtype": subtype,
                "description": description,
                "examples": _examples(examples),
                "source_type": source_type,
                "source_id": source_id,
            }
        )
    return {k: v for k, v in out.items() if v}


LEAD_COLUMNS = (
    "序号", "线索来源", "收到日期", "所涉法院", "线索摘要", "相关案号", "涉及干警", "是否启动",
    "交办日期", "报告期限", "调查方式", "查明事实", "检查结论", "反馈牵头部门", "反馈日期",
    "澄清日期", "办理阶段", "是否逾期",
)  # fmt: skip


def iter_lead_rows(conn: sqlite3.Connection, *, today: dt.date) -> Iterator[list[Any]]:
    """The 一案双查台账: one row per lead."""
    from ..domain.leads import current_deadline, stage

    cur = conn.execute(
        """SELECT l.*, COALESCE(c.name, '') AS court_name FROM leads l
           LEFT JOIN courts c ON c.id = COALESCE(l.assigned_court_id, l.court_id)
           WHERE l.deleted = 0 ORDER BY l.received_date, l.id"""
    )
    names = [d[0] for d in cur.description]
    for n, r in enumerate(cur, start=1):
        row = dict(zip(names, r, strict=True))
        for key in ("case_numbers", "officers", "methods", "conclusions"):
            row[key] = json.loads(row[key]) if row[key] else []
        deadline = current_deadline(row)
        yield [
            n, row["source"], row["received_date"] or "", row["court_name"], row["summary"],
            "、".join(row["case_numbers"]), "、".join(row["officers"]), row["decision"] or "",
            row["assigned_date"] or "", row["report_deadline"] or "", "、".join(row["methods"]),
            row["report_facts"] or "", "、".join(row["conclusions"]), row["feedback_by"] or "",
            row["feedback_date"] or "", row["cleared_date"] or "", str(stage(row)),
            "是" if deadline is not None and deadline < today else "否",
        ]  # fmt: skip
