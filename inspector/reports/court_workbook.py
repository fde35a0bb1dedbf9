"""The court's fill-in workbook (填报表) as an xlsx: the 填报表 sheet first (locked team columns,
the court's columns unlocked with data validation, printed A3 landscape), then 填写说明.

The layout is :mod:`..domain.court_workbook`'s; :mod:`..importers.court_workbook` reads it back.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain import court_workbook as layout
from ..domain.rectification import Kind, State
from ..domain.values import SHORT_TEXT
from .xlsx_writer import lines_height, text_lines

SHEET = "填报表"
README = "填写说明"
#: Excel's limit of a cell's text
MAX_CELL = 32_767

WIDTHS = {
    layout.ID: 10, layout.BASE: 10, layout.NUMBER: 6, layout.CATEGORY: 11,
    layout.DESCRIPTION: 34, layout.ITEM: 24, layout.STATE: 9, layout.SET_DEADLINE: 11,
    layout.MEASURE: 30, layout.UNIT: 14, layout.PERSON: 9, layout.KIND: 10,
    layout.DEADLINE: 12, layout.PROGRESS: 28, layout.EVIDENCE: 22, layout.SUBMIT: 8,
}  # fmt: skip

#: what the clerk sees on selecting a cell of the column (Excel allows 255 characters)
PROMPTS = {
    layout.MEASURE: "填写本院针对该问题采取的整改措施。",
    layout.UNIT: "负责整改的部门，如执行局、执行一庭。",
    layout.PERSON: "整改责任人姓名。",
    layout.KIND: "从下拉列表中选择：立行立改、限期整改或长期坚持。",
    layout.DEADLINE: "填写日期，如2025-12-31；限期整改必须填写。",
    layout.PROGRESS: "填写截至目前的整改进展；每次报送填写最新情况。",
    layout.EVIDENCE: "佐证材料文件放入本表旁的佐证材料文件夹，在此写文件名（含扩展名），多个用“；”分隔。",
    layout.SUBMIT: "整改完成、佐证材料齐全的，选“是”申请巡查组核查。",
}

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TEAM_FILL = PatternFill("solid", fgColor="EDEDED")
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_COURT_HEADER_FILL = PatternFill("solid", fgColor="E2EFDA")
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_FONT = Font(name="宋体", size=10)
_BOLD = Font(name="宋体", size=10, bold=True)
_UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class WorkbookText:
    """What the workbook says besides its rows."""

    court_id: str
    court_name: str
    campaign: str
    team: str
    exported_on: dt.date
    evidence_folder: str


def court_workbook_bytes(text: WorkbookText, rows: Sequence[layout.Row]) -> bytes:
    """The workbook as the bytes of an xlsx file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    _fill_sheet(sheet, text, rows)
    _readme(book.create_sheet(README), text)
    book.security = WorkbookProtection(lockStructure=True)  # 填报表 stays the first sheet
    book.properties.creator = "巡查台账"
    book.properties.title = f"{text.court_name}整改情况填报表"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill_sheet(ws: Worksheet, text: WorkbookText, rows: Sequence[layout.Row]) -> None:
    columns = layout.COLUMNS
    letters = {name: get_column_letter(i + 1) for i, name in enumerate(columns)}
    widths = [WIDTHS[c] for c in columns]
    for name, width in zip(columns, widths, strict=True):
        ws.column_dimensions[letters[name]].width = width
    for name in layout.HIDDEN_COLUMNS:
        ws.column_dimensions[letters[name]].hidden = True
    first_shown = len(layout.HIDDEN_COLUMNS) + 1
    last = len(columns)
    shown_width = sum(widths[first_shown - 1 :])
    # the hidden cells say what the workbook is and whose it is
    ws.cell(layout.TITLE_ROW, 1, layout.MARK)
    ws.cell(layout.NOTE_ROW, 1, text.court_id)
    title = ws.cell(layout.TITLE_ROW, first_shown, f"{text.court_name}整改情况填报表")
    title.font = Font(name="黑体", size=16)
    title.alignment = _CENTER
    ws.merge_cells(start_row=1, start_column=first_shown, end_row=1, end_column=last)
    ws.row_dimensions[layout.TITLE_ROW].height = 30
    note = ws.cell(layout.NOTE_ROW, first_shown, _note(text))
    note.font = _FONT
    note.alignment = _WRAP
    ws.merge_cells(
        start_row=layout.NOTE_ROW,
        start_column=first_shown,
        end_row=layout.NOTE_ROW,
        end_column=last,
    )
    ws.row_dimensions[layout.NOTE_ROW].height = lines_height(text_lines(note.value, shown_width))
    team_first = first_shown
    team_last = team_first + len(layout.TEAM_COLUMNS) - 1
    for start, end, label, fill in (
        (team_first, team_last, "巡查组填写（已锁定，请勿修改）", _HEADER_FILL),
        (team_last + 1, last, "法院填写（请在白色单元格中填写）", _COURT_HEADER_FILL),
    ):
        cell = ws.cell(layout.GROUP_ROW, start, label)
        cell.font, cell.alignment, cell.fill, cell.border = _BOLD, _CENTER, fill, _BORDER
        ws.merge_cells(
            start_row=layout.GROUP_ROW, start_column=start, end_row=layout.GROUP_ROW, end_column=end
        )
    court = set(layout.COURT_COLUMNS)
    for i, name in enumerate(columns, start=1):
        cell = ws.cell(layout.HEADER_ROW, i, name)
        cell.font, cell.alignment, cell.border = _BOLD, _CENTER, _BORDER
        cell.fill = _COURT_HEADER_FILL if name in court else _HEADER_FILL
    ws.row_dimensions[layout.HEADER_ROW].height = lines_height(
        max(text_lines(c, w) for c, w in zip(columns, widths, strict=True))
    )
    for r, row in enumerate(rows, start=layout.FIRST_ROW):
        values = _row_values(row)
        closed = row.exported.state == State.CLOSED
        for i, name in enumerate(columns, start=1):
            cell = ws.cell(r, i, values[name])
            cell.font, cell.border = _FONT, _BORDER
            cell.alignment = _CENTER if WIDTHS[name] <= 10 else _WRAP
            if name == layout.DEADLINE:
                cell.number_format = "yyyy-mm-dd"
            if name in court and not closed:
                cell.protection = _UNLOCKED
            else:
                cell.fill = _TEAM_FILL
        shown = [(str(values[c] or ""), WIDTHS[c]) for c in columns[first_shown - 1 :]]
        ws.row_dimensions[r].height = lines_height(max(text_lines(t, w) for t, w in shown))
    if rows:
        _validations(ws, letters, layout.FIRST_ROW, layout.FIRST_ROW + len(rows) - 1)
    ws.freeze_panes = ws.cell(layout.FIRST_ROW, first_shown + 1)
    _protect(ws)
    ws.print_title_rows = f"{layout.GROUP_ROW}:{layout.HEADER_ROW}"
    _page(ws, paper=Worksheet.PAPERSIZE_A3)


def _note(text: WorkbookText) -> str:
    return (
        f"巡查活动：{text.campaign or '—'}    巡查组：{text.team}    "
        f"导出日期：{text.exported_on.year}年{text.exported_on.month}月{text.exported_on.day}日\n"
        "请在右侧白色的“法院填写”各列中填写本院的整改情况；灰色列由巡查组填写，已锁定。"
        f"佐证材料文件请放入与本表同一位置的“{text.evidence_folder}”文件夹，"
        "并在“佐证材料文件名”列写明文件名，多个文件用“；”分隔。"
        "整改完成、材料齐全的事项，在“申请核查”列选“是”。详见“填写说明”工作表。"
    )


def _row_values(row: layout.Row) -> dict[str, object]:
    e = row.exported
    values: dict[str, object] = {
        layout.ID: row.item_id,
        layout.BASE: row.base_cell(),
        layout.MEASURE: e.measure,
        layout.UNIT: e.responsible_unit,
        layout.PERSON: e.responsible_person,
        layout.KIND: e.kind,
        layout.DEADLINE: dt.date.fromisoformat(e.deadline) if e.deadline else None,
        layout.PROGRESS: e.progress,
        layout.EVIDENCE: layout.join_names(e.evidence),
        layout.SUBMIT: layout.YES if e.submitted else layout.NO,
    }
    values.update(zip(layout.TEAM_COLUMNS, row.team, strict=True))
    return values


def _validations(ws: Worksheet, letters: dict[str, str], first: int, last: int) -> None:
    def add(column: str, rule: DataValidation, error: str) -> None:
        rule.showInputMessage = True
        rule.showErrorMessage = True
        rule.promptTitle = column
        rule.prompt = PROMPTS[column]
        rule.errorTitle = column
        rule.error = error
        rule.add(f"{letters[column]}{first}:{letters[column]}{last}")
        ws.add_data_validation(rule)

    for column in (layout.MEASURE, layout.PROGRESS):
        add(
            column,
            DataValidation("textLength", operator="lessThanOrEqual", formula1=str(MAX_CELL)),
            f"{column}过长，请删减，或把长材料作为佐证材料文件报送",
        )
    for column in (layout.UNIT, layout.PERSON, layout.EVIDENCE):
        add(
            column,
            DataValidation("textLength", operator="lessThanOrEqual", formula1=str(SHORT_TEXT)),
            f"{column}过长（最多{SHORT_TEXT}字）",
        )
    kinds = ",".join(Kind)
    add(
        layout.KIND,
        DataValidation("list", formula1=f'"{kinds}"', allow_blank=False),
        "请从下拉列表中选择：" + "、".join(Kind),
    )
    add(
        layout.DEADLINE,
        DataValidation(
            "date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)"
        ),
        "请填写有效日期，如2025-12-31",
    )
    add(
        layout.SUBMIT,
        DataValidation("list", formula1=f'"{layout.YES},{layout.NO}"'),
        "请选择“是”或“否”",
    )


def _protect(ws: Worksheet) -> None:
    """Locked cells cannot be changed; the clerk may still resize rows and columns and format
    cells. No password: a clerk who unprotects the sheet and changes a team column has that row
    refused at import (the row's check sum no longer matches)."""
    p = ws.protection
    p.sheet = True
    p.formatCells = False
    p.formatColumns = False
    p.formatRows = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def _page(ws: Worksheet, *, paper: str) -> None:
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.print_options.horizontalCentered = True


README_LINES = (
    "一、本表由巡查组从巡查台账导出，每行是一项整改事项。请勿增删行、列，勿调整工作表顺序。",
    "二、灰色列（序号、问题类别、问题描述、整改事项、当前状态、现定时限）由巡查组填写，已锁定；"
    "如有异议，请另行书面说明，不要修改这些列，否则该行导入时会被拒绝。",
    "三、白色列由本院填写，已预填巡查组台账中的现有内容，只需修改或补充有变化的部分：",
    "　　整改措施：本院针对该问题采取的整改措施；",
    "　　责任单位、责任人：负责整改的部门和人员；",
    "　　整改类型：立行立改、限期整改或长期坚持（下拉选择）；",
    "　　整改时限：日期，如2025-12-31；限期整改的事项必须填写；",
    "　　整改进展：截至报送时的整改进展，每次报送填写最新情况；",
    "　　佐证材料文件名：佐证材料文件的文件名（含扩展名，如“整改通知.pdf”），多个文件用“；”分隔；",
    "　　申请核查：整改完成、佐证材料齐全的，选“是”申请巡查组核查销号；申请核查须有佐证材料。",
    "四、佐证材料文件请放入与本表同一位置的“{folder}”文件夹（没有时请新建）；"
    "单个文件不超过 200 MB。请把本表和该文件夹一并报送巡查组。",
    "五、已销号的事项不能再修改；如问题反弹，请与巡查组联系。",
    "六、巡查组导入时逐行检查：填写有误的行（日期无效、类型不对、文件缺失等）会列明行号和原因退回，"
    "其余各行照常导入。同一份表重复导入不会重复记录。",
)


def _readme(ws: Worksheet, text: WorkbookText) -> None:
    ws.column_dimensions["A"].width = 110
    title = ws.cell(1, 1, f"{text.court_name}整改情况填报表 · 填写说明")
    title.font = Font(name="黑体", size=14)
    ws.row_dimensions[1].height = 26
    for r, line in enumerate(README_LINES, start=2):
        cell = ws.cell(r, 1, line.format(folder=text.evidence_folder))
        cell.font = Font(name="宋体", size=11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = lines_height(text_lines(str(cell.value), 110)) * 1.1
    ws.protection.sheet = True
    _page(ws, paper=Worksheet.PAPERSIZE_A4)
