"""Messy case lists like real court exports, written at test time (xlsx, xls, csv)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl

TITLE = "昆明市五华区人民法院执行案件结案情况表"
UNIT_LINE = "填报单位：昆明市五华区人民法院执行局　　　填报日期：2025年9月20日"
HEADER = [
    "序号",
    "案 号",
    "案由",
    "承办人",
    "立案日期",
    "结案日期",
    "结案方式",
    "申请执行人",
    "被执行人",
    "执行标的（元）",
    "到位金额",
]

#: rows as a clerk would have typed them; comments give what the importer must make of them
ROWS = [
    # half-width brackets, Excel date cells
    [
        1,
        "(2024)云0102执100号",
        "民间借贷纠纷",
        "赵敏",
        dt.datetime(2024, 3, 5),
        dt.datetime(2024, 9, 1),
        "终本",
        "张三",
        "李四",
        120000,
        0,
    ],
    # full-width digits and stray spaces, text dates with slashes and dots
    [
        2,
        " （２０２４）云0102执 101号 ",
        "买卖合同纠纷",
        "王强",
        "2024/3/6",
        "2024.10.8",
        "执行完毕",
        "某公司",
        "某商贸有限公司",
        "1,500,000.00",
        "1,500,000.00",
    ],
    # Chinese dates, 终结本次执行程序 in full
    [
        3,
        "（2024）云0102执恢7号",
        "劳动争议",
        "赵敏",
        "2024年4月1日",
        "2024年8月30日",
        "终结本次执行程序",
        "刘五",
        "陈六",
        "36000元",
        "0",
    ],
    # an Excel serial number as text and an ISO date
    [
        4,
        "（2024）云0102执保12号",
        "金融借款合同纠纷",
        "王强",
        "45383",
        "2024-12-02",
        "终结执行",
        "某银行",
        "赵七",
        80000,
        2000,
    ],
    # legacy number: kept
    [
        5,
        "（2012）五法执字第66号",
        "离婚纠纷",
        "孙八",
        "2012-05-06",
        "2013-01-10",
        "执行完毕",
        "周九",
        "吴十",
        5000,
        5000,
    ],
    # invalid: not an enforcement case number
    [
        6,
        "（2024）云0102民初88号",
        "借款纠纷",
        "王强",
        "2024-01-01",
        "2024-02-01",
        "执行完毕",
        "甲",
        "乙",
        1000,
        1000,
    ],
    # invalid: closing before filing
    [
        7,
        "（2024）云0102执102号",
        "借款纠纷",
        "王强",
        "2024-06-01",
        "2024-05-01",
        "执行完毕",
        "甲",
        "乙",
        1000,
        1000,
    ],
    # invalid: a date that is not one
    [
        8,
        "（2024）云0102执103号",
        "借款纠纷",
        "王强",
        "去年春天",
        "2024-05-01",
        "执行完毕",
        "甲",
        "乙",
        1000,
        1000,
    ],
    # invalid: duplicate of row 1
    [
        9,
        "（2024）云0102执100号",
        "民间借贷纠纷",
        "赵敏",
        "2024-03-05",
        "2024-09-01",
        "终本",
        "张三",
        "李四",
        120000,
        0,
    ],
]
VALID = 5
REJECTED = {6: "不是执行案件类型", 7: "早于立案日期", 8: "立案日期", 9: "重复"}


def rows_with_quirks() -> list[list[object]]:
    """Title, unit line, blank line, header, data with a blank separator, then a total row."""
    return [
        [TITLE],
        [UNIT_LINE],
        [],
        HEADER,
        *ROWS[:3],
        [],
        *ROWS[3:],
        ["合计", "", "", "", "", "", "", "", "", 1741000, 1507000],
    ]


def excel_row(data_index: int) -> int:
    """The spreadsheet row number of ROWS[data_index] in the files written here."""
    return 5 + data_index + (1 if data_index >= 3 else 0)


def write_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows_with_quirks():
        ws.append(row)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    wb.save(path)
    return path


def write_xls(path: Path) -> Path:
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("结案情况")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows_with_quirks()):
        if r == 0:
            continue  # the merged title, written below
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    ws.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    wb.save(str(path))
    return path


def write_csv(path: Path, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        for row in rows_with_quirks():
            w.writerow([v.strftime("%Y-%m-%d") if isinstance(v, dt.datetime) else v for v in row])
    return path
