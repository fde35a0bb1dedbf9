"""Reading a court's case-list export (xlsx, xls, csv) into normalised case records.

Real exports have a merged title row, a 填报单位 line, blank separator rows and a 合计
footer; headers vary (执行标的（元） / 标的额); case numbers come with half-width
brackets, full-width digits or stray spaces; dates as Excel serial numbers or text in
several forms. This module finds the header row, maps the columns, normalises every
value and reports each rejected row with its spreadsheet row number and the reason.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.case_numbers import CaseNumberError, parse_case_number
from ..domain.enums import closing_method_from
from ..domain.values import MAX_AMOUNT, SHORT_TEXT
from ..errors import UserError
from .sheets import DEFAULT_LIMITS, FORMULA_WITHOUT_VALUE, Limits, open_sheet

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
    # node exports of the case-flow system: one row per node event of a case
    "node": ("节点名称", "流程节点", "节点类型", "节点"),
    "node_date": ("节点时间", "节点日期", "节点完成时间", "完成时间", "办理时间"),
}
#: a node's name (as the case-flow system exports it) → the case's date field it gives;
#: the longest name that a node's text contains wins
NODE_FIELDS = {
    "移送执行": "transfer_date",
    "立案": "filing_date",
    "结案": "closing_date",
    "网络查控": "network_query_date",
    "总对总查控": "network_query_date",
    "点对点查控": "network_query_date",
    "传统查控": "traditional_investigation_date",
    "传统调查": "traditional_investigation_date",
    "控制措施": "control_date",
    "查封": "control_date",
    "冻结": "control_date",
    "扣押": "control_date",
    "限制消费": "restriction_date",
    "限高": "restriction_date",
    "终本约谈": "zhongben_talk_date",
    "约谈": "zhongben_talk_date",
    "裁定送达": "ruling_served_date",
    "案款到账": "funds_arrival_date",
    "通知发放": "payment_notice_date",
    "案款发放": "payout_date",
}
#: fields a case may have several of: every network query counts (终本 item 4)
QUERY_FIELDS = ("network_query_date", "last_network_query_date")
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
    "node": "节点名称",
    "node_date": "节点时间",
}
DATE_FIELDS = {f for f in ALIASES if f.endswith("_date")}
AMOUNT_FIELDS = {"amount", "paid_amount"}
FOOTER = re.compile(r"^(合计|总计|小计|共计)")
EXCEL_EPOCH = dt.date(1899, 12, 30)


#: what clerks type for "nothing here"
PLACEHOLDERS = frozenset(
    {
        "-",
        "—",
        "——",
        "--",
        "－",
        "/",
        "／",
        "\\",
        "无",
        "空",
        "暂无",
        "未",
        "n/a",
        "na",
        "null",
        "none",
        "#n/a",
    }
)
HEAD_ROWS = 30


def _key(text: Any) -> str:
    s = unicodedata.normalize("NFKC", str(text))
    s = re.sub(r"\s+", "", s)
    return re.sub(r"[(（].*?[)）]", "", s)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        text = value.strip()
        return not text or text.lower() in PLACEHOLDERS
    return False


def auto_mapping(headers: list[Any], extra: Mapping[str, str] | None = None) -> dict[int, str]:
    """Column index → field, from the header texts (``extra``: header text → field, the
    user's own mapping, which wins)."""
    lookup = {_key(alias): f for f, aliases in ALIASES.items() for alias in aliases}
    own = {_key(h): f for h, f in (extra or {}).items() if f}
    mapping: dict[int, str] = {}
    for i, h in enumerate(headers):
        if _blank(h) or h is FORMULA_WITHOUT_VALUE:
            continue
        f = own.get(_key(h)) or lookup.get(_key(h))
        if f and f not in mapping.values():
            mapping[i] = f
    return mapping


def find_header_row(rows: list[list[Any]], extra: Mapping[str, str] | None = None) -> int:
    """The row (0-based among ``rows``) that looks most like the header: it names 案号 (in the
    user's mapping or the usual words) and most known columns."""
    best, best_score = -1, 0
    for r, row in enumerate(rows[:HEAD_ROWS]):
        mapping = auto_mapping(row, extra)
        score = len(mapping) + (10 if "case_number" in mapping.values() else 0)
        if score > best_score:
            best, best_score = r, score
    if best < 0 or best_score < 11:
        hint = "；若案号列的表头不同，请用列映射指定，如“案件编号=case_number”" if not extra else ""
        raise UserError(f"找不到表头行：表格前{HEAD_ROWS}行中没有包含“案号”的表头{hint}")
    return best


def parse_date(value: Any) -> dt.date | None:
    """Excel dates and serial numbers, datetimes, and text: 2017-03-05, 2017/3/5, 2017.3.5,
    2017年3月5日 (or 号), 20170305, ISO with a time; placeholders (—, /, 无) are empty."""
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"“{value}”不是日期")
        if 20000 < value < 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError(f"“{_short(value)}”不是日期")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        serial = float(text)
        if 20000 < serial < 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(serial))
        raise ValueError(f"“{_short(value)}”不是日期")
    m = re.fullmatch(
        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
        r"(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        text,
    )
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]), value)
    if re.fullmatch(r"\d{8}", text):
        return _date(int(text[:4]), int(text[4:6]), int(text[6:]), value)
    raise ValueError(f"“{_short(value)}”不是日期")


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"


def _date(year: int, month: int, day: int, raw: Any) -> dt.date:
    if not 1900 <= year <= 2100:
        raise ValueError(f"“{_short(raw)}”的年份{year}无效")
    if not 1 <= month <= 12:
        raise ValueError(f"“{_short(raw)}”的月份{month}无效")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"“{_short(raw)}”这一天不存在（{year}年{month}月没有{day}日）") from None


def parse_amount(value: Any, scale: float = 1.0) -> float | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"“{value}”不是金额")
    if isinstance(value, (int, float)):
        amount = float(value) if abs(value) < 10**300 else math.inf
    else:
        text = unicodedata.normalize("NFKC", str(value)).replace(",", "").replace("元", "").strip()
        if text.endswith("万"):
            text, scale = text[:-1], scale * 10000
        if len(text) > 30:
            raise ValueError(f"金额“{_short(value)}”无效")
        try:
            amount = float(text)
        except ValueError:
            raise ValueError(f"“{_short(value)}”不是金额") from None
    if not math.isfinite(amount):
        raise ValueError(f"金额“{_short(value)}”无效（不是具体数值）")
    if amount < 0:
        raise ValueError(f"金额“{_short(value)}”不能为负数")
    amount = round(amount * scale, 2)
    if amount > MAX_AMOUNT:
        raise ValueError(f"金额“{_short(value)}”过大，请核对")
    return amount


def parse_closing_method(value: Any) -> str | None:
    if _blank(value):
        return None
    return str(closing_method_from(str(value)))


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
    #: rows that continue the case above them (its case number cell merged with theirs)
    continued: int = 0
    #: further rows of a case already read (a node export: one row per node event)
    node_rows: int = 0
    #: what was noticed about the file (e.g. an xlsx named .xls, read as what it is)
    notes: list[str] = field(default_factory=list)

    @property
    def mapped_labels(self) -> dict[str, str]:
        return {self.headers[i]: f for i, f in self.mapping.items()}


def parse_case_list(
    path: Path, mapping: Mapping[str, str] | None = None, limits: Limits = DEFAULT_LIMITS
) -> ParsedList:
    """Read and normalise a case list, row by row; ``mapping`` (header text → field, or "" to
    leave a column out) overrides the guess. A case number merged over several rows (one case
    written on two lines) makes one case of them."""
    path = Path(path)
    sheet = open_sheet(path, limits)
    head: list[tuple[int, list[Any]]] = []
    for number, row in sheet.rows():
        head.append((number, row))
        if len(head) >= HEAD_ROWS:
            break
    if not head:
        raise UserError(f"“{path.name}”是空表格")
    index = find_header_row([r for _, r in head], mapping)
    header_number = head[index][0]
    headers = [
        "" if _blank(h) or h is FORMULA_WITHOUT_VALUE else re.sub(r"\s+", "", str(h))
        for h in head[index][1]
    ]
    cols = auto_mapping(headers, {h: f for h, f in (mapping or {}).items() if f})
    if mapping:
        by_text = {h: i for i, h in enumerate(headers) if h}
        for text, f in mapping.items():
            if f and f not in ALIASES:
                raise UserError(f"列映射中的字段“{f}”无效")
            column = by_text.get(re.sub(r"\s+", "", text))
            if column is None:
                raise UserError(f"表头中没有“{text}”列")
            cols = {i: g for i, g in cols.items() if g != f and i != column}
            if f:  # an empty field leaves the column out
                cols[column] = f
    if "case_number" not in cols.values():
        raise UserError("没有找到“案号”列，请在列映射中指定")
    scales = {
        i: 10000.0 if "万元" in headers[i] else 1.0 for i, f in cols.items() if f in AMOUNT_FIELDS
    }
    number_col = next(i for i, f in cols.items() if f == "case_number")
    continued = {
        r: top
        for c, top, last in sheet.merges
        if c == number_col and top > header_number
        for r in range(top + 1, last + 1)
    }
    parsed = ParsedList(path, header_number, headers, cols, notes=list(sheet.notes))
    nodes = "node" in cols.values()  # a node export: a case's rows are its node events
    seen: dict[str, int] = {}
    by_row: dict[int, dict[str, Any]] = {}
    refused: set[int] = set()
    previous = header_number
    for number, raw in sheet.rows():
        if number <= header_number:
            continue
        if number > previous + 1:  # rows with no cells at all: blank separators
            parsed.skipped += number - previous - 1
        previous = number
        top = continued.get(number)
        if top is not None:
            _continue_case(parsed, by_row, refused, top, number, raw, cols, scales)
            continue
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
            parsed.rejected.append(Rejected(number, str(e)))
            refused.add(number)
            continue
        case_number = values["case_number"]
        if case_number in seen:
            earlier = by_row.get(seen[case_number])
            clash = _clash(earlier, values) if earlier is not None else "该案件已被拒绝"
            if clash is None and not (nodes or _new_query(earlier, values)):
                clash = "没有新的节点或查控日期"
            if clash:
                parsed.rejected.append(
                    Rejected(number, f"案号{case_number}与第{seen[case_number]}行重复：{clash}")
                )
                refused.add(number)
            else:  # another node event of the same case: its dates join the case's
                assert earlier is not None
                _join_dates(earlier, values)
                parsed.node_rows += 1
            continue
        seen[case_number] = number
        by_row[number] = values
        parsed.rows.append((number, values))
    for _number, values in parsed.rows:
        _settle_queries(values)
    return parsed


def _clash(first: dict[str, Any], more: dict[str, Any]) -> str | None:
    """Why a second row of a case is not more of the same case (None when it is: its other
    fields are blank or equal, its dates fill blanks or are further queries)."""
    for f, v in more.items():
        if v is None or f in QUERY_FIELDS or f == "network_query_dates":
            continue
        current = first.get(f)
        if current is not None and current != v:
            return f"{FIELD_LABELS.get(f, f)}不同（{current} / {v}）"
    return None


def _new_query(first: dict[str, Any] | None, more: dict[str, Any]) -> bool:
    """Whether a second row of a case brings a network query date the first lacks."""
    if first is None:
        return False
    known = {*(first.get("network_query_dates") or []), *(first.get(f) for f in QUERY_FIELDS)}
    brought = {*(more.get("network_query_dates") or []), *(more.get(f) for f in QUERY_FIELDS)}
    return bool(brought - known - {None})


def _join_dates(first: dict[str, Any], more: dict[str, Any]) -> None:
    for f, v in more.items():
        if v is None:
            continue
        if f in QUERY_FIELDS or f == "network_query_dates":
            dates = v if isinstance(v, list) else [v]
            first.setdefault("network_query_dates", [])
            first["network_query_dates"] = sorted({*first["network_query_dates"], *dates})
        elif first.get(f) is None:
            first[f] = v


def _settle_queries(values: dict[str, Any]) -> None:
    """Every network query date of a case in ``network_query_dates``; the first and the
    latest in their own fields."""
    dates = set(values.get("network_query_dates") or [])
    dates |= {values[f] for f in QUERY_FIELDS if values.get(f)}
    if not dates:
        return
    ordered = sorted(dates)
    values["network_query_dates"] = ordered
    values["network_query_date"] = ordered[0]
    if len(ordered) > 1 or values.get("last_network_query_date"):
        values["last_network_query_date"] = ordered[-1]


def _continue_case(
    parsed: ParsedList,
    by_row: dict[int, dict[str, Any]],
    refused: set[int],
    top: int,
    number: int,
    raw: list[Any],
    cols: dict[int, str],
    scales: dict[int, float],
) -> None:
    """A row whose case number cell is merged with the one above: more of that case (a second
    applicant, another respondent) — its text is added to the case's, its dates fill blanks."""
    if top in refused:
        parsed.rejected.append(
            Rejected(number, f"与第{top}行是同一案件（案号单元格合并），该案件已被拒绝")
        )
        return
    values = by_row.get(top)
    if values is None:
        return
    number_col = next(i for i, f in cols.items() if f == "case_number")
    filled = list(raw)
    filled[number_col] = values["case_number"]
    try:
        more = _row_values(filled, cols, scales)
    except ValueError as e:
        parsed.rejected.append(Rejected(number, f"（第{top}行案件的续行）{e}"))
        return
    for f, v in more.items():
        if v is None or f == "case_number":
            continue
        current = values.get(f)
        if current is None:
            values[f] = v
        elif (
            isinstance(v, str)
            and isinstance(current, str)
            and f not in DATE_FIELDS
            and v not in current.split("、")
        ):
            values[f] = f"{current}、{v}"
    parsed.continued += 1


def node_field(name: str) -> str | None:
    """The case field a node of the case-flow system gives (None when it is not known)."""
    text = re.sub(r"\s+", "", name)
    for key in sorted(NODE_FIELDS, key=len, reverse=True):
        if key in text:
            return NODE_FIELDS[key]
    return None


def _row_values(raw: list[Any], cols: dict[int, str], scales: dict[int, float]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for i, f in cols.items():
        v = raw[i] if i < len(raw) else None
        label = FIELD_LABELS.get(f, f)
        if v is FORMULA_WITHOUT_VALUE:
            raise ValueError(
                f"“{label}”是公式，但文件中没有保存计算结果：请在 Excel 中打开并保存后再导入"
            )
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
            try:
                values[f] = parse_amount(v, scales.get(i, 1.0))
            except ValueError as e:
                raise ValueError(f"{label}：{e}") from e
        elif f == "closing_method":
            values[f] = parse_closing_method(v)
        else:
            values[f] = None if _blank(v) else re.sub(r"\s+", " ", str(v)).strip()
            if values[f] is not None and len(values[f]) > SHORT_TEXT:
                raise ValueError(f"“{label}”过长（{len(values[f])}字）")
    node = values.pop("node", None)
    when = values.pop("node_date", None)
    if node is not None or when is not None:
        field = node_field(str(node or ""))
        if field is None:
            raise ValueError(
                f"节点“{node or ''}”不是能识别的节点（如 网络查控、限制消费、终本约谈）"
            )
        if when is None:
            raise ValueError(f"节点“{node}”没有时间")
        if field in QUERY_FIELDS:
            values["network_query_dates"] = [when]
        elif values.get(field) is None:
            values[field] = when
    filing, closing = values.get("filing_date"), values.get("closing_date")
    if filing and closing and closing < filing:
        raise ValueError(f"结案日期{closing}早于立案日期{filing}")
    return values
