"""Reading the first sheet of a court's spreadsheet row by row, trusting nothing in it.

A case list may be a real xlsx, an old xls, a CSV, an xlsx named ``.xls`` (or the reverse), a
web page saved as ``.xls``, a workbook with an opening password — or a file built to hurt: one
shared string of 1.5 GB in a 1.5 MB file, a single cell at XFD1048576 that makes readers
allocate a grid of seventeen thousand million cells, a million rows. So:

- the file is recognised by its content, not its name, and every kind that cannot be read gets
  one Chinese sentence saying what it is and what to do;
- an xlsx is checked before it is parsed: its entries' sizes and compression ratios, the
  shared strings' size, and — by a fast scan of the sheet itself, not its declared dimension
  — the rows and columns that really hold cells, against :class:`Limits`;
- then the sheet is read as a stream (``iterparse``), one row at a time, so memory follows the
  rows kept, not the grid; cells are typed as Excel types them (dates by their number format,
  shared and inline strings, booleans, errors, formulas and whether a result was saved).

A formula whose result was never saved (a file written by a program, not by Excel) reads as
:data:`FORMULA_WITHOUT_VALUE`, so that the rows it is in can be reported rather than imported
with blanks.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ..errors import UserError


class SpreadsheetError(UserError):
    """A file that cannot be read as a case list; ``str()`` says what it is and what to do."""


class _FormulaWithoutValue:
    def __repr__(self) -> str:
        return "FORMULA_WITHOUT_VALUE"


#: a formula cell whose result the file does not hold
FORMULA_WITHOUT_VALUE = _FormulaWithoutValue()


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 300 * 1024 * 1024
    max_rows: int = 500_000
    max_columns: int = 200
    #: uncompressed bytes of the shared strings (a 200,000-row list has about 30 MB)
    max_shared_bytes: int = 200 * 1024 * 1024
    max_sheet_bytes: int = 2 * 1024 * 1024 * 1024
    #: uncompressed / compressed, for entries over 1 MiB (real sheets compress 5–20 times)
    max_ratio: int = 100
    max_cell_chars: int = 32_767
    #: what the file is called in the messages, and what to do when it is too big
    label: str = "案件清单"
    split_hint: str = "请按年度或法院分成几个文件导入"


DEFAULT_LIMITS = Limits()

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED_NAME = "EncryptedPackage".encode("utf-16-le")
_REF = re.compile(rb"""<(?:\w+:)?c\b[^>]*?\br\s*=\s*["']([A-Z]{1,3})([0-9]{1,7})["']""")
# a literal start makes these scans fast; rows have digits where cells have letters
_REF_DQ = re.compile(rb' r="([A-Z]{1,3})[0-9]')
_REF_SQ = re.compile(rb" r='([A-Z]{1,3})[0-9]")
_MERGE = re.compile(
    rb"""<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})["']"""
)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# built-in number formats that show dates or times
_DATE_FORMATS = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})


def column_index(letters: str | bytes) -> int:
    """0-based index of a column's letters (A → 0, XFD → 16383)."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


@dataclass
class Sheet:
    """The first sheet: its rows one at a time (as often as asked), what was noticed about the
    file, and the vertical merges (top row → last row, by column) a clerk's layout uses."""

    path: Path
    kind: str  # xlsx | xls | csv
    columns: int
    row_count: int
    notes: list[str] = field(default_factory=list)
    #: (column, first row, last row) of each vertically merged range, 1-based rows
    merges: list[tuple[int, int, int]] = field(default_factory=list)
    _rows: Any = None

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number as the user sees it, cell values padded to :attr:`columns`)."""
        return self._rows()  # type: ignore[no-any-return]


def _name(path: Path) -> str:
    return path.name


def sniff(path: Path) -> str:
    """What the file is, from its first bytes: xlsx, xls, encrypted, html, csv or unknown."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except FileNotFoundError as e:
        raise SpreadsheetError(f"找不到文件：{path}") from e
    except IsADirectoryError as e:
        raise SpreadsheetError(f"“{_name(path)}”是文件夹，不是表格文件") from e
    except OSError as e:
        from ..errors import describe_os_error

        raise SpreadsheetError(f"无法读取“{_name(path)}”：{describe_os_error(e)}") from e
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_OLE):
        return "encrypted" if _ole_is_encrypted(path) else "xls"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<") and (
        b"<html" in text or b"<table" in text or b"<!doctype html" in text or b"xmlns:x=" in text
    ):
        return "html"
    if not head:
        return "empty"
    if path.suffix.lower() == ".csv" or b"," in head or b"\t" in head:
        return "csv"
    return "unknown"


def _ole_is_encrypted(path: Path) -> bool:
    """An Office file with an opening password is an OLE2 container holding EncryptedPackage
    (its directory names are UTF-16, in the first few sectors)."""
    with path.open("rb") as f:
        return _ENCRYPTED_NAME in f.read(64 * 1024)


def open_sheet(path: Path, limits: Limits = DEFAULT_LIMITS) -> Sheet:
    """The first sheet of a spreadsheet, checked against ``limits`` before it is parsed."""
    path = Path(path)
    kind = sniff(path)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SpreadsheetError(
            f"“{_name(path)}”有 {size / 1024 / 1024:.0f} MB，超过{limits.label}的上限"
            f"（{limits.max_file_bytes // 1024 // 1024} MB）：{limits.split_hint}"
        )
    suffix = path.suffix.lower()
    notes = []
    if kind == "xlsx" and suffix in (".xls", ".csv"):
        notes.append(f"文件扩展名是{suffix}，内容是 xlsx 格式，已按 xlsx 读取")
    if kind == "xls" and suffix in (".xlsx", ".xlsm", ".csv"):
        notes.append(f"文件扩展名是{suffix}，内容是旧版 xls 格式，已按 xls 读取")
    if kind == "encrypted":
        raise SpreadsheetError(
            f"“{_name(path)}”设有打开密码（已加密），无法读取：请在 Excel 中打开它，"
            "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删去密码并保存，再导入"
        )
    if kind == "html":
        raise SpreadsheetError(
            f"“{_name(path)}”其实是网页文件（HTML，常见于从办案系统导出的“xls”），不是 Excel 表格："
            "请用 Excel 打开它，“另存为”Excel 工作簿（.xlsx）后再导入"
        )
    if kind == "empty":
        raise SpreadsheetError(f"“{_name(path)}”是空文件")
    if kind == "unknown":
        raise SpreadsheetError(f"“{_name(path)}”不是 Excel 表格（xlsx、xls）或 CSV 文件，无法读取")
    if kind == "xlsx":
        sheet = _open_xlsx(path, limits)
    elif kind == "xls":
        sheet = _open_xls(path, limits)
    else:
        sheet = _open_csv(path, limits)
    sheet.notes[:0] = notes
    return sheet


# --- xlsx -----------------------------------------------------------------------------------


def _damaged(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        f"“{_name(path)}”已损坏，或不是完整的 Excel 文件（可能未拷贝完）：请重新导出或另存后再导入"
    )


def _check_entry(path: Path, info: zipfile.ZipInfo, cap: int, what: str, limits: Limits) -> None:
    if info.file_size > cap:
        raise SpreadsheetError(
            f"“{_name(path)}”的{what}解压后有 {info.file_size / 1024 / 1024:.0f} MB，"
            f"远超真实{limits.label}的大小（疑似恶意构造的文件），已拒绝读取"
        )
    if info.file_size > 1 << 20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise SpreadsheetError(f"“{_name(path)}”的{what}压缩比异常（疑似压缩炸弹），已拒绝读取")


class _Capped(io.RawIOBase):
    """A zip entry's stream that fails once more than ``cap`` bytes come out of it (the sizes
    a zip declares may lie)."""

    def __init__(self, raw: Any, cap: int, on_over: Any) -> None:
        self._raw = raw
        self._left = cap
        self._on_over = on_over

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self._raw.read(len(b))
        self._left -= len(data)
        if self._left < 0:
            raise self._on_over()
        b[: len(data)] = data
        return len(data)


def _entry_stream(zf: zipfile.ZipFile, name: str, cap: int, on_over: Any) -> io.BufferedReader:
    return io.BufferedReader(_Capped(zf.open(name), cap, on_over), 1 << 20)


def _first_sheet_name(zf: zipfile.ZipFile, path: Path) -> tuple[str, bool]:
    """The zip entry of the workbook's first sheet, and whether dates count from 1904."""
    try:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
    except KeyError as e:
        raise SpreadsheetError(f"“{_name(path)}”是压缩包，但不是 Excel 工作簿（没有工作表）") from e
    pr = wb.find(f"{_NS}workbookPr")
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    sheets = wb.find(f"{_NS}sheets")
    first = sheets[0] if sheets is not None and len(sheets) else None
    if first is None:
        raise SpreadsheetError(f"“{_name(path)}”中没有工作表")
    rid = first.get(f"{_REL_NS}id")
    target = "worksheets/sheet1.xml"
    try:
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        for rel in rels.iter(f"{_PKG_REL}Relationship"):
            if rel.get("Id") == rid:
                target = str(rel.get("Target"))
    except KeyError:
        pass
    name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    name = re.sub(r"[^/]+/\.\./", "", name)
    return name, date1904


def _shared_strings(zf: zipfile.ZipFile, path: Path, limits: Limits) -> list[str]:
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    info = zf.getinfo("xl/sharedStrings.xml")
    _check_entry(path, info, limits.max_shared_bytes, "共享字符串", limits)

    def over() -> SpreadsheetError:
        return SpreadsheetError(
            f"“{_name(path)}”的共享字符串超过上限（疑似恶意构造的文件），已拒绝读取"
        )

    out: list[str] = []
    stream = _entry_stream(zf, info.filename, limits.max_shared_bytes, over)
    try:
        for _event, el in ET.iterparse(stream, events=("end",)):
            if el.tag == f"{_NS}si":
                text = _si_text(el)
                if len(text) > limits.max_cell_chars:
                    text = text[: limits.max_cell_chars]
                out.append(text)
                el.clear()
    except ET.ParseError as e:
        raise _damaged(path) from e
    return out


def _si_text(si: ET.Element) -> str:
    """A shared string's text: its own ``t``, or its rich-text runs' (phonetic runs, rPh, are
    not part of the text)."""
    own = si.find(f"{_NS}t")
    if own is not None:
        return own.text or ""
    return "".join(
        (t.text or "") for r in si.findall(f"{_NS}r") if (t := r.find(f"{_NS}t")) is not None
    )


def _date_styles(zf: zipfile.ZipFile) -> frozenset[int]:
    """Indices of the cell styles that show numbers as dates."""
    try:
        styles = ET.fromstring(zf.read("xl/styles.xml"))
    except (KeyError, ET.ParseError):
        return frozenset()
    custom: dict[int, str] = {}
    fmts = styles.find(f"{_NS}numFmts")
    if fmts is not None:
        for f in fmts:
            try:
                custom[int(f.get("numFmtId", "-1"))] = f.get("formatCode", "")
            except ValueError:
                continue
    out = set()
    xfs = styles.find(f"{_NS}cellXfs")
    for i, xf in enumerate(xfs if xfs is not None else []):
        try:
            fid = int(xf.get("numFmtId", "0"))
        except ValueError:
            continue
        if fid in _DATE_FORMATS or (fid in custom and _is_date_format(custom[fid])):
            out.add(i)
    return frozenset(out)


def _is_date_format(code: str) -> bool:
    plain = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    return bool(re.search(r"[ymdhs]|年|月|日", plain))


def _prescan(
    zf: zipfile.ZipFile, name: str, path: Path, limits: Limits
) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Rows and columns that really hold cells, and the vertical merges, by a fast scan of the
    sheet's XML (literal searches, no parsing): (row count, columns, merges). Refuses what is
    beyond ``limits``."""

    def over() -> SpreadsheetError:
        return SpreadsheetError(
            f"“{_name(path)}”的工作表解压后超过上限（疑似恶意构造的文件），已拒绝读取"
        )

    stream = _entry_stream(zf, name, limits.max_sheet_bytes, over)
    rows = 0
    max_col = -1
    merges: list[tuple[int, int, int]] = []
    tail = b""
    opening: bytes | None = None
    try:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")
            body, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            if len(tail) > 4096:
                body, tail = data, b""
            if b"<!" in body and _DOCTYPE.search(body):
                raise SpreadsheetError(f"“{_name(path)}”含有不允许的内容（DOCTYPE），已拒绝读取")
            if opening is None:
                found = _ROW_TAG.search(body)
                if found is not None:
                    opening = b"<" + (found[1] or b"") + b"row"
            letters_found = set(_REF_DQ.findall(body))
            if b" r='" in body:
                letters_found.update(_REF_SQ.findall(body))
            for letters in letters_found:
                col = column_index(letters)
                if col > max_col:
                    max_col = col
                    if col >= limits.max_columns:
                        m = _REF.search(body, max(0, body.find(b'"' + letters) - 10))
                        where = f"第{int(m[2])}行" if m and m[1] == letters else ""
                        raise SpreadsheetError(
                            f"“{_name(path)}”在{where}{letters.decode()}列有内容，"
                            f"超出{limits.label}的范围（最多{limits.max_columns}列）："
                            "请删去表格右侧多余的内容后再导入"
                        )
            if opening is not None:
                rows += body.count(opening + b" ") + body.count(opening + b">")
                last = body.rfind(opening)
                number = _R_ATTR.search(body, last, body.find(b">", last)) if last >= 0 else None
                if number and int(number[1]) > limits.max_rows + 1000:
                    raise _too_many_rows(path, int(number[1]), limits)
            if b"mergeCell" in body:
                for m in _MERGE.finditer(body):
                    c1, r1, c2, r2 = column_index(m[1]), int(m[2]), column_index(m[3]), int(m[4])
                    if r2 > r1 and c1 < limits.max_columns:
                        for c in range(c1, min(c2, limits.max_columns - 1) + 1):
                            merges.append((c, r1, r2))
            if rows > limits.max_rows:
                raise _too_many_rows(path, rows, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise _damaged(path) from e
    return rows, max_col + 1, merges


def _too_many_rows(path: Path, rows: int, limits: Limits) -> SpreadsheetError:
    return SpreadsheetError(
        f"“{_name(path)}”超过{limits.max_rows}行（至少{rows}行），超出单次导入的上限："
        f"{limits.split_hint}"
    )


def _open_xlsx(path: Path, limits: Limits) -> Sheet:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise _damaged(path) from e
    try:
        if any(i.flag_bits & 0x1 for i in zf.infolist()):
            raise SpreadsheetError(f"“{_name(path)}”的内容被加密，无法读取")
        name, date1904 = _first_sheet_name(zf, path)
        try:
            info = zf.getinfo(name)
        except KeyError as e:
            raise _damaged(path) from e
        _check_entry(path, info, limits.max_sheet_bytes, "工作表", limits)
        shared = _shared_strings(zf, path, limits)
        dates = _date_styles(zf)
        rows, columns, merges = _prescan(zf, name, path, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, ET.ParseError, KeyError) as e:
        zf.close()
        raise _damaged(path) from e
    except BaseException:
        zf.close()
        raise
    zf.close()
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)

    def read() -> Iterator[tuple[int, list[Any]]]:
        with zipfile.ZipFile(path) as z:

            def over() -> SpreadsheetError:
                return SpreadsheetError(f"“{_name(path)}”的工作表超过上限，已拒绝读取")

            stream = _entry_stream(z, name, limits.max_sheet_bytes, over)
            yield from _xlsx_rows(stream, shared, dates, epoch, columns, path, limits)

    return Sheet(path, "xlsx", columns, rows, merges=merges, _rows=read)


# The sheet itself is read with regular expressions over its XML, row by row: five to ten
# times faster than an XML parser's events for the millions of cells of a province's list, and
# as strict as needed here — the prescan refused DOCTYPEs (so no entities but the five XML ones
# and character references), and elements may carry any namespace prefix.
_CELL_XML = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
# the cells Excel, WPS, xlsxwriter and openpyxl write for values: r, then s and t if any, then
# the value; a row made only of such cells (or empty ones) is read by one findall
_PLAIN_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})[0-9]+"(?: s="([0-9]+)")?(?: t="(s|n|b|str|e|inlineStr)")?'
    rb'(?: s="([0-9]+)")?(?:/>|><v>([^<]*)</v></c>|><is><t(?: xml:space="preserve")?>([^<]*)'
    rb"</t></is></c>|></c>)"
)
_ROW_TAG = re.compile(rb"<(\w+:)?row\b")
_R_ATTR = re.compile(rb"""\br\s*=\s*["']([0-9]+)["']""")
_R_ATTR_CELL = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})[0-9]*["']""")
_T_ATTR = re.compile(rb"""\bt\s*=\s*["']([^"']*)["']""")
_S_ATTR = re.compile(rb"""\bs\s*=\s*["']([0-9]+)["']""")
_V = re.compile(rb"<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>", re.S)
_F = re.compile(rb"<(?:\w+:)?f\b")
_T = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


def _xlsx_rows(
    stream: Any,
    shared: list[str],
    dates: frozenset[int],
    epoch: dt.datetime,
    columns: int,
    path: Path,
    limits: Limits,
) -> Iterator[tuple[int, list[Any]]]:
    positions: dict[bytes, int] = {}  # column letters → index
    next_row = 1
    cap = limits.max_cell_chars
    pending = b""
    opening = closing = b""
    try:
        while True:
            chunk = stream.read(1 << 20)
            data = pending + chunk
            if not opening:
                found = _ROW_TAG.search(data)
                if found is None:
                    if not chunk:
                        return
                    pending = data[-64:]
                    continue
                prefix = found[1] or b""
                opening, closing = b"<" + prefix + b"row", b"</" + prefix + b"row>"
            pieces = data.split(closing)
            pending = pieces.pop() if chunk else b""
            for piece in pieces:
                start = piece.rfind(opening)
                if start < 0:
                    continue
                head_end = piece.find(b">", start)
                r = _R_ATTR.search(piece, start, head_end)
                number = int(r[1]) if r else next_row
                next_row = number + 1
                inner = piece[head_end + 1 :]
                values: list[Any] = [None] * columns
                if inner:
                    plain = _PLAIN_CELL.findall(inner)
                    if len(plain) == inner.count(b"<c ") and b"<c>" not in inner:
                        for letters, s1, kind, s2, raw, text in plain:
                            position = positions.get(letters)
                            if position is None:
                                position = positions[letters] = column_index(letters)
                            if position >= columns:
                                continue
                            if text:
                                values[position] = _text(text)[:cap]
                            elif raw:
                                values[position] = _plain(
                                    kind, raw, s1 or s2, shared, dates, epoch, cap
                                )
                    else:
                        _generic_row(inner, values, positions, columns, shared, dates, epoch, cap)
                yield number, values
            if not chunk:
                break
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise _damaged(path) from e


def _generic_row(
    inner: bytes,
    values: list[Any],
    positions: dict[bytes, int],
    columns: int,
    shared: list[str],
    dates: frozenset[int],
    epoch: dt.datetime,
    cap: int,
) -> None:
    """A row with inline strings, formulas, prefixes or attributes in another order."""
    position = 0
    for c in _CELL_XML.finditer(inner):
        attrs = c[1]
        ref = _R_ATTR_CELL.search(attrs)
        if ref:
            letters = ref[1]
            found = positions.get(letters)
            if found is None:
                found = positions[letters] = column_index(letters)
            position = found
        if position < columns and c[2]:
            values[position] = _cell(attrs, c[2], shared, dates, epoch, cap)
        position += 1


def _plain(
    kind: bytes,
    raw: bytes,
    style: bytes,
    shared: list[str],
    dates: frozenset[int],
    epoch: dt.datetime,
    cap: int,
) -> Any:
    if kind == b"s":
        try:
            return shared[int(raw)]
        except (ValueError, IndexError):
            return None
    if kind == b"str":
        return _text(raw)[:cap]
    if kind == b"e":
        return None
    if kind == b"b":
        return raw.strip() == b"1"
    try:
        number = float(raw)
    except ValueError:
        return _text(raw)[:cap]
    if style and dates and int(style) in dates:
        try:
            return epoch + dt.timedelta(days=number)
        except (OverflowError, ValueError):
            return number
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _cell(
    attrs: bytes,
    inner: bytes,
    shared: list[str],
    dates: frozenset[int],
    epoch: dt.datetime,
    cap: int,
) -> Any:
    t = _T_ATTR.search(attrs) if b"t" in attrs[1:] else None
    kind = t[1] if t else b"n"
    if kind == b"inlineStr":
        body = _PHONETIC.sub(b"", inner)
        return "".join(_text(x or b"") for x in _T.findall(body))[:cap]
    v = _V.search(inner)
    if v is None or not v[1]:
        return FORMULA_WITHOUT_VALUE if _F.search(inner) else None
    style = _S_ATTR.search(attrs)
    return _plain(kind, v[1], style[1] if style else b"", shared, dates, epoch, cap)


# --- xls ------------------------------------------------------------------------------------


def _open_xls(path: Path, limits: Limits) -> Sheet:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except NotImplementedError:
        book = None
    except (xlrd.XLRDError, ValueError, OSError, AssertionError, IndexError, KeyError) as e:
        raise _damaged(path) from e
    if book is None:  # a BIFF8 file xlrd cannot read with formatting (some exporters)
        try:
            book = xlrd.open_workbook(str(path), on_demand=True)
        except (xlrd.XLRDError, ValueError, OSError, AssertionError, IndexError, KeyError) as e:
            raise _damaged(path) from e
    try:
        sheet = book.sheet_by_index(0)
    except (xlrd.XLRDError, IndexError) as e:
        raise SpreadsheetError(f"“{_name(path)}”中没有工作表") from e
    if sheet.ncols > limits.max_columns:
        raise SpreadsheetError(
            f"“{_name(path)}”有{sheet.ncols}列，超出{limits.label}的范围（最多{limits.max_columns}列）"
        )
    if sheet.nrows > limits.max_rows:
        raise _too_many_rows(path, sheet.nrows, limits)
    merges = [
        (c, r1 + 1, r2)
        for r1, r2, c1, c2 in getattr(sheet, "merged_cells", [])
        for c in range(c1, c2)
        if r2 - r1 > 1
    ]
    datemode = book.datemode

    def read() -> Iterator[tuple[int, list[Any]]]:
        for r in range(sheet.nrows):
            out: list[Any] = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        out.append(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
                    except (xlrd.xldate.XLDateError, ValueError, OverflowError):
                        out.append(cell.value)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    out.append(None)
                elif cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
                    out.append(int(cell.value))
                else:
                    out.append(cell.value)
            yield r + 1, out + [None] * (sheet.ncols - len(out))

    return Sheet(path, "xls", sheet.ncols, sheet.nrows, merges=merges, _rows=read)


# --- csv ------------------------------------------------------------------------------------


def _open_csv(path: Path, limits: Limits) -> Sheet:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SpreadsheetError(
            f"无法识别“{_name(path)}”的文字编码（应为 UTF-8 或 GBK），请另存为 UTF-8 的 CSV"
        )
    del raw
    sample = text[:8192]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    width = 0
    count = 0
    csv.field_size_limit(limits.max_cell_chars * 4)
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            count += 1
            width = max(width, len(row))
            if count > limits.max_rows:
                raise _too_many_rows(path, count, limits)
            if width > limits.max_columns:
                raise SpreadsheetError(
                    f"“{_name(path)}”第{count}行有{len(row)}列，超出{limits.label}的范围"
                    f"（最多{limits.max_columns}列）"
                )
    except csv.Error as e:
        raise SpreadsheetError(
            f"“{_name(path)}”第{count + 1}行不是有效的 CSV（引号不成对？）"
        ) from e

    def read() -> Iterator[tuple[int, list[Any]]]:
        for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
            yield n, [v[: limits.max_cell_chars] for v in row] + [None] * (width - len(row))

    return Sheet(path, "csv", width, count, _rows=read)
