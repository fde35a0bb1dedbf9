"""Hostile, huge and careless spreadsheets: refused fast with one Chinese line, or read right."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from inspector.errors import UserError
from inspector.importers.case_list import parse_case_list, parse_date
from inspector.importers.sheets import Limits, SpreadsheetError, open_sheet
from inspector.services import records
from inspector.services.case_import import import_case_list
from inspector.services.team import add_court

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["案号", "承办人", "立案日期", "结案日期", "结案方式", "申请执行人", "执行标的"]
CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
WB = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_row() -> str:
    letters = "ABCDEFG"
    return (
        '<row r="1">'
        + "".join(inline(f"{letters[i]}1", h) for i, h in enumerate(HEADER))
        + "</row>"
    )


def raw_xlsx(path: Path, rows, *, shared: bytes | None = None) -> Path:
    """A workbook written by hand, as a hostile tool would (streamed: rows may be many)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CT)
        zf.writestr("xl/workbook.xml", WB)
        zf.writestr("xl/_rels/workbook.xml.rels", RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(SHEET_HEAD.encode())
            for row in rows:
                f.write(row.encode())
            f.write(SHEET_TAIL.encode())
        if shared is not None:
            with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                f.write(
                    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                )
                chunk = shared * (1 << 20)
                for _ in range(len(shared) and 400):
                    f.write(chunk)
                f.write(b"</t></si></sst>")
    return path


def in_child(code: str, *args: str) -> tuple[float, int, str]:
    """Run code in a fresh process: (seconds, peak memory in MB, stderr)."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    took = time.monotonic() - started
    out = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
    return took, int(out.get("rss_mb", 0)), out.get("error", proc.stderr)


CHILD = """
import json, sys
from pathlib import Path
from inspector.importers.case_list import parse_case_list
try:
    parse_case_list(Path(sys.argv[1]))
    error = ""
except Exception as e:
    error = type(e).__name__ + ": " + str(e)
# the peak of this program (VmHWM starts afresh at exec, unlike ru_maxrss after a fork)
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"rss_mb": peak // 1024, "error": error}))
"""


def test_a_shared_string_bomb_is_refused_in_seconds_and_little_memory(tmp_path):
    bomb = raw_xlsx(tmp_path / "bomb.xlsx", [header_row()], shared=b"A")
    assert bomb.stat().st_size < 3 * 1024 * 1024  # 400 MB of text in a small file
    took, rss, error = in_child(CHILD, str(bomb))
    assert "SpreadsheetError" in error and ("炸弹" in error or "恶意" in error), error
    assert took < 5 and rss < 256, (took, rss)


def test_a_cell_at_xfd1048576_is_refused_at_once(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["（2024）云0102执1号", "赵敏"])
    ws["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    took, rss, error = in_child(CHILD, str(path))
    assert "XFD" in error and "SpreadsheetError" in error, error
    assert took < 5 and rss < 256


@pytest.mark.slow
def test_a_million_row_list_is_refused_within_seconds(tmp_path):
    rows = (
        f'<row r="{n}">{inline(f"A{n}", f"（2024）云0102执{n}号")}</row>'
        for n in range(2, 1_000_002)
    )
    path = raw_xlsx(tmp_path / "million.xlsx", itertools.chain([header_row()], rows))
    took, rss, error = in_child(CHILD, str(path))
    assert "超过500000行" in error, error
    assert took < 15 and rss < 256, (took, rss)


def test_limits_are_checked_against_the_cells_not_the_declared_dimension(tmp_path):
    rows = [header_row(), '<row r="2"><c r="ZZ2" t="inlineStr"><is><t>x</t></is></c></row>']
    path = raw_xlsx(tmp_path / "wide.xlsx", rows)
    with pytest.raises(SpreadsheetError, match="ZZ列"):
        open_sheet(path, Limits(max_columns=100))


def test_a_password_protected_workbook_says_so(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as f, locked.open("wb") as out:
        OOXMLFile(f).encrypt("1234", out)
    with pytest.raises(SpreadsheetError, match="设有打开密码") as err:
        parse_case_list(locked)
    assert "\n" not in str(err.value)


def test_a_web_page_saved_as_xls_says_what_it_is(tmp_path):
    page = tmp_path / "导出.xls"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>案号</td></tr></table>",
        encoding="utf-8",
    )
    with pytest.raises(SpreadsheetError, match="网页文件"):
        parse_case_list(page)


def test_an_xlsx_named_xls_and_an_xls_named_xlsx_are_read_as_what_they_are(tmp_path):
    import xlwt

    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.active.append(["（2024）云0102执1号", "赵敏"])
    misnamed = tmp_path / "list.xls"
    wb.save(misnamed)
    parsed = parse_case_list(misnamed)
    assert len(parsed.rows) == 1 and "按 xlsx 读取" in parsed.notes[0]
    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    for c, h in enumerate(HEADER):
        sheet.write(0, c, h)
    sheet.write(1, 0, "（2024）云0102执2号")
    old = tmp_path / "old.xlsx"
    book.save(str(old))
    parsed = parse_case_list(old)
    assert len(parsed.rows) == 1 and "按 xls 读取" in parsed.notes[0]


def test_formula_cells_without_a_saved_result_are_reported_per_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["（2024）云0102执1号", "赵敏", "=DATE(2024,3,5)"])
    ws.append(["（2024）云0102执2号", "王强", dt.datetime(2024, 3, 6)])
    path = tmp_path / "formulas.xlsx"
    wb.save(path)  # openpyxl saves formulas without their results
    parsed = parse_case_list(path)
    assert [n for n, _ in parsed.rows] == [3]
    [rejected] = parsed.rejected
    assert rejected.row == 2 and "公式" in rejected.reason and "立案日期" in rejected.reason


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-03-05T10:20:00", "2024-03-05"),
        ("2024-03-05 10:20", "2024-03-05"),
        ("2024年3月5号", "2024-03-05"),
        ("2024年3月5日", "2024-03-05"),
        ("—", None),
        ("/", None),
        ("无", None),
        ("", None),
    ],
)
def test_dates_as_clerks_write_them(text, iso):
    got = parse_date(text)
    assert (got.isoformat() if got else None) == iso


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2024-02-30", "这一天不存在"), ("0000-01-01", "年份0无效"), ("2024-13-01", "月份13无效")],
)
def test_impossible_dates_give_chinese_reasons(text, reason):
    with pytest.raises(ValueError, match=reason) as err:
        parse_date(text)
    assert not any(w in str(err.value) for w in ("out of range", "day is", "year 0"))


def write_rows(path: Path, rows) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_every_reason_is_chinese_even_for_absurd_cells(tmp_path):
    path = write_rows(
        tmp_path / "absurd.xlsx",
        [
            ["（2024）云0102执" + "9" * 10_000 + "号"],
            ["（2024）云0102执2号", "", "2024-02-30"],
            ["（2024）云0102执3号", "", "", "", "", "", "nan"],
            ["（2024）云0102执4号", "", "", "", "", "", "1e309"],
            ["（2024）云0102执5号", "", "", "", "", "", "9" * 400],
        ],
    )
    parsed = parse_case_list(path)
    reasons = {r.row: r.reason for r in parsed.rejected}
    assert set(reasons) == {2, 3, 4, 5, 6}
    assert "案号过长" in reasons[2] and len(reasons[2]) < 100
    for reason in reasons.values():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in reason)
        assert not any(w in reason for w in ("Exceeds", "out of range", "could not convert"))


def test_a_case_number_merged_over_two_rows_is_one_case(session, tmp_path):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["（2024）云0102执7号", "赵敏", "2024-03-05", "", "", "张三", 1000])
    ws.append([None, None, None, None, None, "李四", None])
    ws.append(["（2024）云0102执8号", "王强", "2024-03-06", "", "", "王五", 2000])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    result = import_case_list(session, path=path, court=court)
    assert result.new == 2 and not result.rejected
    case = records.find(session, "case", "case_number = ?", ("（2024）云0102执7号",))[0]
    assert case["applicant"] == "张三、李四" and case["judge"] == "赵敏"
    assert any("续行" in w for w in result.warnings)


def test_a_case_of_an_unknown_court_code_is_warned_about(session, tmp_path):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    path = write_rows(tmp_path / "codes.xlsx", [["（2024）云0199执1号"], ["（2024）云0102执2号"]])
    result = import_case_list(session, path=path, court=court)
    assert result.new == 2
    assert any("云0199" in w and "第2行" in w for w in result.warnings)


def test_the_mapping_is_used_to_find_the_header_row(session, tmp_path):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["执行案件清单"])
    ws.append(["案件编号", "经办法官"])
    ws.append(["（2024）云0102执1号", "赵敏"])
    path = tmp_path / "own-headers.xlsx"
    wb.save(path)
    with pytest.raises(UserError, match="列映射"):
        import_case_list(session, path=path, court=court)
    result = import_case_list(
        session, path=path, court=court, mapping={"案件编号": "case_number", "经办法官": "judge"}
    )
    assert result.new == 1 and result.header_row == 2
