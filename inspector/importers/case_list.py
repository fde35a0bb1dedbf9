"""Reading a court's case-list export (xlsx, xls, csv) into normalised case records.

Real exports have a merged title row, a 填报单位 line, blank separator rows and a 合计
footer; headers vary (执行标的（元） / 标的额); case numbers come with half-width
brackets, full-width digits or stray spaces; dates as Excel serial numbers or text in
several forms. This module finds the header row, maps the columns, normalises every
value and reports each rejected row with its spreadsheet row number and the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.case_numbers import CaseNumberError, parse_case_number
from ..domain.enums import ClosingMethod
from ..errors import UserError

if TYPE_CHECKING:
    import pandas as pd

#: field → header texts courts use for it (compared after removing spaces and brackets)
ALIASES: dict[str, tuple[str, ...]] = {
    "case_number": ("案号", "执行案号", "案件号"),
    "cause": ("案由",),
    "judge": ("承办人", "承办法官", "执行法官", "经办人"),
    "filing_date": ("立案日期", "立案时间", "收案日期"),
    "closing_date": ("结案日期", "结案时间"),
    "closing_method": ("结案方式", "结案方式名称"),
    "applicant": ("申请执行人", "申请人"),
    "respondent": ("被执行人",),
    "amount": ("执行标的", "执行标的额", "标的额", "申请执行标的", "执行标的金额"),
    "paid_amount": ("到位金额", "执行到位金额", "实际到位金额", "到位标的"),
    "transfer_date": ("移送执行日期", "移送日期"),
    "network_query_date": ("网络查控发起日期", "首次网络查控日期", "网络查控日期"),
    "last_network_query_date": ("最近一次网络查控日期", "最后一次网络查控日期"),
    "traditional_investigation_date": ("传统查控日期",),
    "control_date": ("控制措施日期",),
    "restriction_date": ("限制消费日期", "限高日期"),
    "zhongben_talk_date": ("终本约谈日期", "约谈日期"),
    "ruling_served_date": ("终本裁定送达日期", "裁定送达日期"),
    "funds_arrival_date": ("案款到账日期", "到账日期"),
    "payment_notice_date": ("通知发放日期", "通知财务发放日期"),
    "payout_date": ("案款发放日期", "发放日期"),
}
FIELD_LABELS = {
    "case_number": "案号",
    "cause": "案由",
    "judge": "承办人",
    "filing_date": "立案日期",
    "closing_date": "结案日期",
    "closing_method": "结案方式",
    "applicant": "申请执行人",
    "respondent": "被执行人",
    "amount": "执行标的额",
    "paid_amount": "到位金额",
}
DATE_FIELDS = {f for f in ALIASES if f.endswith("_date")}
AMOUNT_FIELDS = {"amount", "paid_amount"}
CLOSING_ALIASES = {
    "终本": ClosingMethod.ZHONGBEN,
    "终结本次执行": ClosingMethod.ZHONGBEN,
    "终结本次执行程序": ClosingMethod.ZHONGBEN,
    "执行完毕": ClosingMethod.COMPLETED,
    "执行完结": ClosingMethod.COMPLETED,
    "终结执行": ClosingMethod.TERMINATED,
    "终结": ClosingMethod.TERMINATED,
    "不予执行": ClosingMethod.NOT_ENFORCED,
    "驳回申请": ClosingMethod.REJECTED,
    "驳回": ClosingMethod.REJECTED,
    "销案": ClosingMethod.WITHDRAWN,
}
FOOTER = re.compile(r"^(合计|总计|小计|共计)")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _key(text: Any) -> str:
    s = unicodedata.normalize("NFKC", str(text))
    s = re.sub(r"\s+", "", s)
    return re.sub(r"[(（].*?[)）]", "", s)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def read_table(path: Path) -> pd.DataFrame:
    """Every cell of the first sheet, as read (no header)."""
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _read_csv(path)
        if suffix in (".xlsx", ".xlsm"):
            return pd.read_excel(path, header=None, dtype=object, engine="openpyxl")
        if suffix == ".xls":
            return pd.read_excel(path, header=None, dtype=object, engine="xlrd")
    except FileNotFoundError as e:
        raise UserError(f"找不到文件：{path}") from e
    except UserError:
        raise
    except Exception as e:  # a broken spreadsheet: say so, keep the details
        raise UserError(f"无法读取“{path.name}”，文件可能已损坏或不是表格：{e}") from e
    raise UserError(f"不支持的文件类型“{suffix}”，请使用 xlsx、xls 或 csv")


def _read_csv(path: Path) -> pd.DataFrame:
    """A CSV whose rows differ in length (title lines, totals) as a rectangular table."""
    import pandas as pd

    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UserError(f"无法识别“{path.name}”的文字编码（应为 UTF-8 或 GBK）")
    rows = list(csv.reader(io.StringIO(text)))
    width = max((len(r) for r in rows), default=0)
    return pd.DataFrame([r + [None] * (width - len(r)) for r in rows], dtype=object)


def auto_mapping(headers: list[Any]) -> dict[int, str]:
    """Column index → field, from the header texts."""
    lookup = {_key(alias): f for f, aliases in ALIASES.items() for alias in aliases}
    mapping: dict[int, str] = {}
    for i, h in enumerate(headers):
        if _blank(h):
            continue
        f = lookup.get(_key(h))
        if f and f not in mapping.values():
            mapping[i] = f
    return mapping


def find_header_row(table: pd.DataFrame, scan: int = 30) -> int:
    """The row (0-based) that looks most like the header: it names 案号 and most known columns."""
    best, best_score = -1, 0
    for r in range(min(scan, len(table))):
        row = list(table.iloc[r])
        mapping = auto_mapping(row)
        score = len(mapping) + (10 if "case_number" in mapping.values() else 0)
        if score > best_score:
            best, best_score = r, score
    if best < 0 or best_score < 11:
        raise UserError("找不到表头行：表格前30行中没有包含“案号”的表头")
    return best


def parse_date(value: Any) -> dt.date | None:
    """Excel serial numbers, datetimes and 2017-03-05 / 2017/3/5 / 2017.3.5 / 2017年3月5日."""
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError(f"“{value}”不是日期")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    m = re.fullmatch(
        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?",
        text,
    )
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    raise ValueError(f"“{value}”不是日期")


def parse_amount(value: Any, scale: float = 1.0) -> float | None:
    if _blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value) * scale, 2)
    text = unicodedata.normalize("NFKC", str(value)).replace(",", "").replace("元", "").strip()
    if text.endswith("万"):
        text, scale = text[:-1], scale * 10000
    try:
        amount = float(text)
    except ValueError:
        raise ValueError(f"“{value}”不是金额") from None
    if amount < 0:
        raise ValueError(f"金额“{value}”不能为负数")
    return round(amount * scale, 2)


def parse_closing_method(value: Any) -> str | None:
    if _blank(value):
        return None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    for key in sorted(CLOSING_ALIASES, key=len, reverse=True):
        if text == key or text.startswith(key):
            return str(CLOSING_ALIASES[key])
    raise ValueError(f"结案方式“{value}”无法识别")


@dataclass(frozen=True)
class Rejected:
    row: int  # the row number the user sees in the spreadsheet (1-based)
    reason: str


@dataclass
class ParsedList:
    path: Path
    header_row: int  # 1-based, as in the spreadsheet
    headers: list[str]
    mapping: dict[int, str]
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    skipped: int = 0  # blank, separator and total rows

    @property
    def mapped_labels(self) -> dict[str, str]:
        return {self.headers[i]: f for i, f in self.mapping.items()}


def parse_case_list(path: Path, mapping: Mapping[str, str] | None = None) -> ParsedList:
    """Read and normalise a case list; ``mapping`` (header text → field, or "" to leave a
    column out) overrides the guess."""
    path = Path(path)
    table = read_table(path)
    header = find_header_row(table)
    headers = ["" if _blank(h) else re.sub(r"\s+", "", str(h)) for h in table.iloc[header]]
    cols = auto_mapping(headers)
    if mapping:
        by_text = {h: i for i, h in enumerate(headers)}
        for text, f in mapping.items():
            if f and f not in ALIASES:
                raise UserError(f"列映射中的字段“{f}”无效")
            if text not in by_text:
                raise UserError(f"表头中没有“{text}”列")
            cols = {i: g for i, g in cols.items() if g != f and i != by_text[text]}
            if f:  # an empty field leaves the column out
                cols[by_text[text]] = f
    if "case_number" not in cols.values():
        raise UserError("没有找到“案号”列，请在列映射中指定")
    scales = {
        i: 10000.0 if "万元" in headers[i] else 1.0 for i, f in cols.items() if f in AMOUNT_FIELDS
    }
    parsed = ParsedList(path, header + 1, headers, cols)
    seen: dict[str, int] = {}
    for r in range(header + 1, len(table)):
        raw = list(table.iloc[r])
        excel_row = r + 1
        if all(_blank(v) for v in raw):
            parsed.skipped += 1
            continue
        first = next((str(v).strip() for v in raw if not _blank(v)), "")
        if FOOTER.match(re.sub(r"\s+", "", first)):
            parsed.skipped += 1
            continue
        try:
            values = _row_values(raw, cols, scales)
        except ValueError as e:
            parsed.rejected.append(Rejected(excel_row, str(e)))
            continue
        number = values["case_number"]
        if number in seen:
            parsed.rejected.append(Rejected(excel_row, f"案号{number}与第{seen[number]}行重复"))
            continue
        seen[number] = excel_row
        parsed.rows.append((excel_row, values))
    return parsed


def _row_values(raw: list[Any], cols: dict[int, str], scales: dict[int, float]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for i, f in cols.items():
        v = raw[i] if i < len(raw) else None
        label = FIELD_LABELS.get(f, f)
        if f == "case_number":
            if _blank(v):
                raise ValueError("案号为空")
            try:
                values[f] = parse_case_number(str(v)).text
            except CaseNumberError as e:
                raise ValueError(str(e)) from e
        elif f in DATE_FIELDS:
            try:
                d = parse_date(v)
            except ValueError as e:
                raise ValueError(f"{label}{e}") from e
            values[f] = d.isoformat() if d else None
        elif f in AMOUNT_FIELDS:
            values[f] = parse_amount(v, scales.get(i, 1.0))
        elif f == "closing_method":
            values[f] = parse_closing_method(v)
        else:
            values[f] = None if _blank(v) else re.sub(r"\s+", " ", str(v)).strip()
    filing, closing = values.get("filing_date"), values.get("closing_date")
    if filing and closing and closing < filing:
        raise ValueError(f"结案日期{closing}早于立案日期{filing}")
    return values
