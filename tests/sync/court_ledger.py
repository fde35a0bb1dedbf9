"""Two courts' problems and rectification items in every state, and the moves of a court
clerk filling in the workbook (tests of the court fill-in workbook)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from inspector.domain import court_workbook as layout
from inspector.domain.rectification import Action
from inspector.services.problems import create_problem
from inspector.services.rectification import EvidenceFile, act, add_item
from inspector.services.team import add_court

COLUMN = {name: i + 1 for i, name in enumerate(layout.COLUMNS)}


class Ledger:
    """Two courts' problems and items in the leader's workspace, in every state."""

    def __init__(self, session) -> None:
        s = self.session = session
        self.court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
        self.other = add_court(s, name="昆明市盘龙区人民法院", level="基层", code="云0103")
        p1 = create_problem(
            s,
            court_id=self.court,
            category="消极执行",
            description="财产查控不及时",
            example_cases=["（2024）云0102执123号"],
        )
        p2 = create_problem(s, court_id=self.court, category="乱执行", description="终本不规范")
        p3 = create_problem(s, court_id=self.other, category="消极执行", description="盘龙区的问题")
        deadline = dt.date(2025, 12, 31)

        def item(problem: str, measure: str, **kw) -> str:
            return add_item(s, problem_id=problem, measure=measure, deadline=deadline, **kw)

        self.pending = item(p1, "三个工作日内完成网络查控", responsible_unit="执行局")
        self.started = item(p1, "建立查控台账")
        act(s, item_id=self.started, action=Action.START)
        self.dated = item(p2, "终本案件约谈当事人")
        self.kinded = item(p2, "清理终本案件")
        self.missing = item(p2, "补正终本裁定送达")
        self.closed = item(p2, "规范结案方式填写")
        for action, note in ((Action.START, ""), (Action.SUBMIT, ""), (Action.CLOSE, "核查属实")):
            files = [EvidenceFile("结案统计.xlsx", b"stats")] if action == Action.SUBMIT else None
            act(s, item_id=self.closed, action=action, note=note, evidence=files)
        self.altered = item(p2, "开展专项培训")
        self.deleted = item(p2, "已撤销的事项")
        self.foreign = item(p3, "盘龙区的整改事项")


def revisions(session) -> int:
    return session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]


def rows_by_item(sheet) -> dict[str, int]:
    out = {}
    for r in range(layout.FIRST_ROW, sheet.max_row + 1):
        value = sheet.cell(r, COLUMN[layout.ID]).value
        if value:
            out[value] = r
    return out


def fill(sheet, row: int, column: str, value) -> None:
    sheet.cell(row, COLUMN[column]).value = value


def clerk_fills(path: Path, cells: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Open the workbook with openpyxl as the court's clerk opens it in Excel, write the cells
    (item id → column → value) and save it; returns the row of every item."""
    book = openpyxl.load_workbook(path)
    sheet = book["填报表"]
    at = rows_by_item(sheet)
    for item, values in cells.items():
        for column, value in values.items():
            fill(sheet, at[item], column, value)
    book.save(path)
    return at
