"""The Excel ledger in the official layout, streamed row by row (xlsxwriter constant memory).

Row 1 a merged title; row 2 填报单位 / 填报人 / 截至日期; row 3 the header from 序号; then
one row per item, the problem's own columns merged over the rows of its items. A3 landscape
fitted one page wide, the three header rows repeated on every printed page, frozen panes,
filters, a 填报人 / 审核人 / 盖章 line under the rows, and a statistics sheet whose totals
match the ledger.

Spreadsheet programs do not grow a row to fit wrapped text that the file did not size (LibreOffice
draws it over the next row), so every row's height is computed here from its text, the column
widths and the font size.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import xlsxwriter

from ..domain.workdays import prose_dates

WIDTHS = {
    "序号": 6, "被检查法院": 14, "问题类别": 10, "问题子类": 12, "问题描述(含例证)": 36, "问题描述": 36,
    "发现方式": 10, "整改措施": 28, "整改目标": 20, "责任单位": 14, "责任人": 8, "联系电话": 13,
    "督办领导": 10, "整改类型": 9, "整改时限": 11, "整改进展": 22, "佐证材料": 18, "状态": 11,
    "是否销号": 8, "销号人": 8, "销号时间": 11, "备注": 10, "例证案号": 24, "发现人": 8,
    "发现日期": 11, "严重程度": 8, "整改事项数": 9,
}  # fmt: skip

FONT_SIZE = 10
#: points a line of wrapped text takes at FONT_SIZE, with the CJK fonts an office suite falls
#: back to (Noto Sans CJK's line is 1.45 em), and the cell's padding above and below
LINE_HEIGHT = 14.5
ROW_PADDING = 4.0
MAX_ROW_HEIGHT = 409.0  # the largest row height a spreadsheet accepts
PAPER_A3, PAPER_A4 = 8, 9
#: landscape paper (width, height) in points, and the margins set below
PAPER_POINTS = {PAPER_A3: (1190.55, 841.89), PAPER_A4: (841.89, 595.28)}
MARGIN_SIDE, MARGIN_TOP = 0.4 * 72, 0.6 * 72
#: of the page height estimated to hold rows, the share filled before a break: the office
#: suite's own scale and fonts differ a little from the estimate
PAGE_FILL = 0.88
MAX_PAGE_BREAKS = 1023  # the most manual row breaks a sheet may have


def _prose_row(row: list[Any]) -> list[Any]:
    """A row with the dates inside its texts written as prose (a description quoting a rule's
    reason: 立案2025-08-01 → 立案2025年8月1日); a cell that is a date stays as it is."""
    return [prose_dates(v) if type(v) is str and len(v) > 10 and "-" in v else v for v in row]


def column_points(width: float) -> float:
    """A column's width in points (7 px a unit in the default font, 5 px padding)."""
    return (int(width * 7 + 0.5) + 5) * 0.75


def page_rows_height(widths: Sequence[float], paper: int, repeated: float) -> float:
    """Points of row height one printed page holds, when the columns are scaled to fit the
    page width and ``repeated`` points of header rows are printed on every page."""
    page_w, page_h = PAPER_POINTS[paper]
    scale = min(1.0, (page_w - 2 * MARGIN_SIDE) / sum(column_points(w) for w in widths))
    return (page_h - 2 * MARGIN_TOP) / scale * PAGE_FILL - repeated


def text_width(text: str) -> int:
    """Width in column units (one unit: a digit): CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide."""
    usable = max(1.0, width - 1.5)  # the cell's inner margins
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in str(text).split("\n"))


def lines_height(lines: int) -> float:
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING)


class LedgerWorkbook:
    def __init__(self, path: Path) -> None:
        # text stays text: a cell starting with "=" is not made a formula (a ledger is read by
        # others: no formula injection) and addresses are not turned into links
        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        b = self.book
        base = {"font_name": "宋体", "font_size": FONT_SIZE, "valign": "vcenter"}
        self.title = b.add_format({**base, "font_name": "黑体", "font_size": 16, "align": "center"})
        self.table_title = b.add_format({**base, "font_name": "黑体", "font_size": 12})
        self.meta = b.add_format({**base})
        self.header = b.add_format(
            {
                **base,
                "bold": True,
                "border": 1,
                "align": "center",
                "text_wrap": True,
                "bg_color": "#D9E1F2",
            }
        )
        self.cell = b.add_format({**base, "border": 1, "text_wrap": True})
        self.center = b.add_format({**base, "border": 1, "align": "center", "text_wrap": True})
        self.percent = b.add_format({**base, "border": 1, "num_format": "0.0%"})
        self.sign = b.add_format({**base, "font_size": 12})

    def _page(self, ws: Any, *, paper: int) -> None:
        ws.set_landscape()
        ws.set_paper(paper)
        ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as the rows need
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer("&C第 &P 页，共 &N 页")

    def sheet(
        self,
        name: str,
        *,
        title: str,
        meta: Sequence[str],
        columns: Sequence[str],
        rows: Iterable[list[Any]],
        progress: Callable[[int], None] | None = None,
        merge_columns: int = 0,
        sign: Sequence[str] = (),
        paper: int = PAPER_A3,
    ) -> int:
        """Write one ledger sheet; returns the number of data rows.

        Consecutive rows with the same first value (序号) are one problem's items: its first
        ``merge_columns`` columns are written once and merged over those rows. ``sign`` is the
        line under the rows (填报人 / 审核人 / 盖章), spread across the width.
        """
        ws = self.book.add_worksheet(name)
        last = len(columns) - 1
        self._page(ws, paper=paper)
        ws.repeat_rows(0, 2)
        ws.freeze_panes(3, 1)
        widths = [WIDTHS.get(col, 12) for col in columns]
        for i, w in enumerate(widths):
            ws.set_column(i, i, w)
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, last, title, self.title)
        self._spread(ws, 1, last, meta, self.meta)
        header = lines_height(max(text_lines(c, w) for c, w in zip(columns, widths, strict=True)))
        ws.set_row(2, header)
        for i, col in enumerate(columns):
            ws.write(2, i, col, self.header)
        # a merged problem cut by a page break is drawn over the next page's header rows:
        # each page breaks before a problem that would not fit on it
        capacity = page_rows_height(widths, paper, 30 + LINE_HEIGHT + ROW_PADDING + header)
        breaks: list[int] = []
        filled = 0.0
        n = 0
        r = 3
        for group in self._groups(map(_prose_row, rows), merge_columns):
            heights = self._heights(group, widths, merge_columns)
            height = sum(heights)
            if filled and filled + height > capacity and len(breaks) < MAX_PAGE_BREAKS:
                breaks.append(r)
                filled = 0.0
            filled += height
            for k, row in enumerate(group):
                n += 1
                ws.set_row(r + k, heights[k])
                for i, value in enumerate(row):
                    fmt = self.center if i == 0 else self.cell
                    if k and i < merge_columns:
                        ws.write_blank(r + k, i, None, fmt)
                    elif type(value) is str and value:
                        ws.write_string(r + k, i, value, fmt)
                    else:
                        ws.write(r + k, i, value, fmt)
                if progress and n % 5000 == 0:
                    progress(n)
            if len(group) > 1:
                # the cells are written above, row by row as constant memory needs; the merge
                # itself is only recorded (what merge_range does besides writing cells)
                for i in range(merge_columns):
                    ws.merge.append([r, i, r + len(group) - 1, i])
            r += len(group)
        if merge_columns:
            ws.set_h_pagebreaks(breaks)
        ws.autofilter(2, 0, 2 + max(n, 1), last)
        if sign:
            ws.set_row(r + 1, 30)
            self._spread(ws, r + 1, last, sign, self.sign)
        return n

    @staticmethod
    def _groups(rows: Iterable[list[Any]], merge_columns: int) -> Iterator[list[list[Any]]]:
        if merge_columns < 1:
            for row in rows:
                yield [row]
            return
        for _key, group in groupby(rows, key=lambda row: row[0]):
            yield list(group)

    @staticmethod
    def _heights(group: list[list[Any]], widths: list[int], merge_columns: int) -> list[float]:
        """Each row's height: its tallest wrapped cell; a merged problem cell taller than its
        rows together makes every row of the group taller by the same amount."""

        def lines(row: list[Any], start: int) -> int:
            return max(
                [1]
                + [
                    text_lines(v, widths[i])
                    for i, v in enumerate(row)
                    if i >= start and isinstance(v, str) and v
                ]
            )

        start = merge_columns if len(group) > 1 else 0
        heights = [lines_height(lines(row, start)) for row in group]
        if len(group) > 1:
            merged = lines_height(
                max(
                    [1]
                    + [
                        text_lines(v, widths[i])
                        for i, v in enumerate(group[0][:merge_columns])
                        if isinstance(v, str) and v
                    ]
                )
            )
            missing = merged - sum(heights)
            if missing > 0:
                heights = [min(MAX_ROW_HEIGHT, h + missing / len(group)) for h in heights]
        return heights

    @staticmethod
    def _spread(ws: Any, row: int, last: int, texts: Sequence[str], fmt: Any) -> None:
        """Texts side by side across the columns 0..last, each over an equal share."""
        step = max(1, (last + 1) // len(texts))
        for k, text in enumerate(texts):
            start = k * step
            end = last if k == len(texts) - 1 else start + step - 1
            if start >= end:
                ws.write(row, start, text, fmt)
            else:
                ws.merge_range(row, start, row, end, text, fmt)

    def tables(self, name: str, tables: dict[str, Any]) -> None:
        """The statistics tables one under another; a column named …率 holds ratios, shown
        as percentages."""
        ws = self.book.add_worksheet(name)
        self._page(ws, paper=PAPER_A4)
        widths = [24] + [12] * 12
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        r = 0
        for title, frame in tables.items():
            ws.set_row(r, 22)
            ws.write(r, 0, title, self.table_title)
            r += 1
            columns = [str(col) for col in frame.columns]
            ws.set_row(r, lines_height(max([1] + [text_lines(c, 12) for c in columns])))
            for c, col in enumerate(columns):
                ws.write(r, c, col, self.header)
            for row in frame.itertuples(index=False):
                r += 1
                values = [v.item() if hasattr(v, "item") else v for v in row]
                ws.set_row(
                    r,
                    lines_height(
                        max(
                            [1]
                            + [
                                text_lines(v, widths[min(c, len(widths) - 1)])
                                for c, v in enumerate(values)
                                if isinstance(v, str) and v
                            ]
                        )
                    ),
                )
                for c, value in enumerate(values):
                    if value is not None and value != value:  # NaN: no value
                        value = None
                    if columns[c].endswith("率") and isinstance(value, int | float):
                        ws.write_number(r, c, value, self.percent)
                    else:
                        ws.write(r, c, value, self.cell)
            r += 2

    def close(self) -> None:
        self.book.close()
