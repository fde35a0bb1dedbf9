"""Reading a court's filled-in workbook (填报表) back: the hardened reader of :mod:`.sheets`
(recognised by content, limits checked before parsing, the sheet streamed), then the layout of
:mod:`..domain.court_workbook` checked: the hidden mark, the court, the header row.

Each row comes back as the clerk left it; what it means for the ledger is the service's to say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import court_workbook as layout
from .case_list import parse_date
from .sheets import Limits, SpreadsheetError, open_sheet, sniff

#: a court has at most a few hundred items; the limits leave room and refuse what is not a form
LIMITS = Limits(
    max_file_bytes=50 * 1024 * 1024,
    max_rows=20_000,
    max_columns=64,
    label="法院填报表",
    split_hint="请按法院分别导出、填报",
)


@dataclass(frozen=True)
class FilledRow:
    """One item's row as filled in."""

    row: int  # as the spreadsheet numbers it
    item_id: str
    team: tuple[str, ...]
    base_cell: str
    #: the court's text columns, as text
    text: dict[str, str]
    deadline: dt.date | None
    #: why the deadline cell is not a date (None when it is one, or empty)
    deadline_error: str | None


@dataclass(frozen=True)
class FilledWorkbook:
    path: Path
    court_id: str
    rows: tuple[FilledRow, ...]
    notes: tuple[str, ...] = ()


def not_a_workbook(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        f"“{path.name}”不是巡查台账导出的法院填报表（第一个工作表应为“填报表”，表头从第"
        f"{layout.HEADER_ROW}行开始）：请使用巡查组导出的填报表填写后再导入"
    )


def read_court_workbook(path: Path) -> FilledWorkbook:
    """The workbook's court and its rows; raises :class:`SpreadsheetError` (one Chinese
    sentence) for a file that is not a fill-in workbook or cannot be read."""
    path = Path(path)
    kind = sniff(path)
    if kind in ("xls", "csv"):
        raise SpreadsheetError(
            f"“{path.name}”不是 xlsx 格式：法院填报表应是巡查组导出的 .xlsx 文件，"
            "请在 Excel 或 WPS 中直接填写保存（不要另存为 xls 或 csv）"
        )
    sheet = open_sheet(path, LIMITS)
    court_id = ""
    marked = headed = False
    rows: list[FilledRow] = []
    for number, values in _padded(sheet.rows(), len(layout.COLUMNS)):
        if number == layout.TITLE_ROW:
            marked = layout.cell_text(values[0]) == layout.MARK
        elif number == layout.NOTE_ROW:
            court_id = layout.cell_text(values[0])
        elif number == layout.HEADER_ROW and marked:
            _check_header(path, values)
            headed = True
        elif number >= layout.FIRST_ROW:
            if not (marked and headed and court_id):
                raise not_a_workbook(path)
            filled = _row(number, values)
            if filled is not None:
                rows.append(filled)
    if not (marked and headed and court_id):
        raise not_a_workbook(path)
    return FilledWorkbook(path, court_id, tuple(rows), tuple(sheet.notes))


def _padded(rows: Iterator[tuple[int, list[Any]]], width: int) -> Iterator[tuple[int, list[Any]]]:
    for number, values in rows:
        yield number, (list(values) + [None] * width)[:width]


def _check_header(path: Path, values: list[Any]) -> None:
    found = [layout.cell_text(v) for v in values]
    if found != list(layout.COLUMNS):
        changed = next(
            (f"“{want}”" for have, want in zip(found, layout.COLUMNS, strict=True) if have != want),
            "",
        )
        raise SpreadsheetError(
            f"“{path.name}”第{layout.HEADER_ROW}行的表头被改动（{changed}列不符），"
            "无法确定各列内容：请使用巡查组导出的原表填写，不要增删或移动列"
        )


def _row(number: int, values: list[Any]) -> FilledRow | None:
    """The row as filled in; None for a row left empty."""
    index = {name: i for i, name in enumerate(layout.COLUMNS)}
    if all(layout.cell_text(v) == "" for v in values):
        return None
    text = {c: layout.cell_text(values[index[c]]) for c in layout.COURT_COLUMNS}
    raw_deadline = values[index[layout.DEADLINE]]
    deadline: dt.date | None = None
    error: str | None = None
    try:
        deadline = parse_date(raw_deadline)
    except ValueError as e:
        error = str(e)
    return FilledRow(
        row=number,
        item_id=layout.cell_text(values[index[layout.ID]]),
        team=tuple(layout.cell_text(values[index[c]]) for c in layout.TEAM_COLUMNS),
        base_cell=layout.cell_text(values[index[layout.BASE]]),
        text=text,
        deadline=deadline,
        deadline_error=error,
    )
