"""The Excel ledger in the official layout, streamed row by row (xlsxwriter constant memory).

Row 1 a merged title; row 2 填报单位 / 填报人 / 截至日期; row 3 the header from 序号; then
one row per item. Landscape A4, the three header rows repeated on every printed page,
frozen panes, filters, and a statistics sheet whose totals match the ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

WIDTHS = {
    "序号": 6, "被检查法院": 18, "问题类别": 10, "问题子类": 12, "问题描述(含例证)": 40, "问题描述": 40,
    "发现方式": 10, "整改措施": 30, "责任单位": 18, "责任人": 8, "整改类型": 9, "整改时限": 11,
    "整改进展": 24, "佐证材料": 8, "状态": 12, "是否销号": 8, "销号人": 8, "销号时间": 11, "备注": 12,
    "例证案号": 24, "发现人": 8, "发现日期": 11, "严重程度": 8, "整改事项数": 9,
}  # fmt: skip


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
        base = {"font_name": "宋体", "font_size": 10, "valign": "vcenter"}
        self.title = b.add_format({**base, "font_name": "黑体", "font_size": 16, "align": "center"})
        self.meta = b.add_format({**base, "font_size": 10})
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
        self.center = b.add_format({**base, "border": 1, "align": "center"})

    def sheet(
        self,
        name: str,
        *,
        title: str,
        meta: Sequence[str],
        columns: Sequence[str],
        rows: Iterable[list[Any]],
        progress: Callable[[int], None] | None = None,
    ) -> int:
        ws = self.book.add_worksheet(name)
        last = len(columns) - 1
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, 2)
        ws.freeze_panes(3, 1)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer("&C第 &P 页，共 &N 页")
        for i, col in enumerate(columns):
            ws.set_column(i, i, WIDTHS.get(col, 12))
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, last, title, self.title)
        step = max(1, (last + 1) // len(meta))
        for k, text in enumerate(meta):
            start = k * step
            end = last if k == len(meta) - 1 else start + step - 1
            if start == end:
                ws.write(1, start, text, self.meta)
            else:
                ws.merge_range(1, start, 1, end, text, self.meta)
        for i, col in enumerate(columns):
            ws.write(2, i, col, self.header)
        n = 0
        cell, first = self.cell, self.center
        write, text = ws.write, ws.write_string
        for n, row in enumerate(rows, start=1):
            r = 2 + n
            for i, value in enumerate(row):
                if type(value) is str and value:
                    text(r, i, value, first if i == 0 else cell)
                else:
                    write(r, i, value, first if i == 0 else cell)
            if progress and n % 5000 == 0:
                progress(n)
        ws.autofilter(2, 0, 2 + max(n, 1), last)
        return n

    def tables(self, name: str, tables: dict[str, Any]) -> None:
        ws = self.book.add_worksheet(name)
        ws.set_landscape()
        ws.set_column(0, 0, 24)
        ws.set_column(1, 12, 12)
        r = 0
        for title, frame in tables.items():
            ws.write(r, 0, title, self.title)
            r += 1
            for c, col in enumerate(frame.columns):
                ws.write(r, c, str(col), self.header)
            for row in frame.itertuples(index=False):
                r += 1
                for c, value in enumerate(row):
                    ws.write(r, c, value.item() if hasattr(value, "item") else value, self.cell)
            r += 2

    def close(self) -> None:
        self.book.close()
