"""The Excel ledger as a court's office prints it: read back with openpyxl, and rendered by
LibreOffice (when installed) to check that no text runs over another."""

import re
import shutil
import sqlite3
import subprocess

import openpyxl
import pytest

from inspector.reports.ledger import LEDGER_COLUMNS, LEDGER_PROBLEM_COLUMNS
from inspector.reports.xlsx_writer import LINE_HEIGHT, LedgerWorkbook, text_lines
from inspector.services.reports import write_reports
from inspector.services.session import open_session
from inspector.services.workspaces import statistics
from tests.conftest import AS_OF

COL = {name: i for i, name in enumerate(LEDGER_COLUMNS)}


@pytest.fixture(scope="module")
def ledger(demo_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ledger")
    copy = folder / "demo.ledger"
    shutil.copy(demo_file, copy)
    session = open_session(copy)
    stats = statistics(session, today=AS_OF)
    path = folder / "台账.xlsx"
    write_reports(session, xlsx=path, today=AS_OF, unit="云南高院巡查组")
    session.close()
    return path, stats, copy


def _rows(ws, n):
    return [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=3 + n)]


def test_one_number_per_problem_with_its_items_merged_under_it(ledger):
    path, stats, db = ledger
    ws = openpyxl.load_workbook(path)["整改台账"]
    rows = _rows(ws, stats.items.total)
    problems_with_items = (
        sqlite3.connect(db)
        .execute(
            "SELECT COUNT(DISTINCT problem_id) FROM rectification_items i "
            "JOIN problems p ON p.id = i.problem_id WHERE i.deleted = 0 AND p.deleted = 0"
        )
        .fetchone()[0]
    )
    numbers = [r[0] for r in rows if r[0] is not None]
    assert numbers == list(range(1, problems_with_items + 1))
    assert problems_with_items < stats.items.total  # the demo has problems with two items
    merged = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row >= 4 and rng.max_row > rng.min_row:
            merged.setdefault((rng.min_row, rng.max_row), set()).add(rng.min_col)
    assert merged
    for (top, bottom), cols in merged.items():
        # the problem's columns (序号 … 发现方式), not the items' own
        assert cols == set(range(1, LEDGER_PROBLEM_COLUMNS + 1))
        assert ws.cell(row=top, column=1).value is not None
        assert all(ws.cell(row=r, column=1).value is None for r in range(top + 1, bottom + 1))
        assert all(ws.cell(row=r, column=COL["整改措施"] + 1).value for r in range(top, bottom + 1))
    # every row without a number lies inside a merged group
    inside = {r for top, bottom in merged for r in range(top + 1, bottom + 1)}
    assert {4 + k for k, r in enumerate(rows) if r[0] is None} == inside


def test_the_columns_teams_use(ledger):
    path, stats, db = ledger
    ws = openpyxl.load_workbook(path)["整改台账"]
    assert [c.value for c in ws[3]] == list(LEDGER_COLUMNS)
    for name in ("督办领导", "整改目标", "联系电话", "佐证材料"):
        assert name in LEDGER_COLUMNS
    rows = _rows(ws, stats.items.total)
    conn = sqlite3.connect(db)
    for column, field in (("督办领导", "supervisor"), ("整改目标", "goal"), ("联系电话", "phone")):
        stored = sorted(
            v or ""
            for (v,) in conn.execute(
                f"SELECT i.{field} FROM rectification_items i JOIN problems p "
                "ON p.id = i.problem_id WHERE i.deleted = 0 AND p.deleted = 0"
            )
        )
        assert sorted(r[COL[column]] or "" for r in rows) == stored
        assert sum(1 for v in stored if v) > len(stored) // 2, column
    assert all(re.fullmatch(r"0871-\d{8}", r[COL["联系电话"]]) for r in rows if r[COL["联系电话"]])


def test_evidence_is_listed_by_file_name(ledger):
    path, stats, db = ledger
    ws = openpyxl.load_workbook(path)["整改台账"]
    cells = [r[COL["佐证材料"]] for r in _rows(ws, stats.items.total)]
    names = {
        r[0]
        for r in sqlite3.connect(db).execute(
            "SELECT filename FROM attachments WHERE owner_type = 'rectification_item' AND deleted = 0"
        )
    }
    listed = {name for cell in cells if cell for name in cell.split("、")}
    assert names and listed == names
    assert not any(cell and cell.endswith("份") for cell in cells)


def test_a3_landscape_one_page_wide_with_a_signature_line(ledger):
    path, stats, _ = ledger
    wb = openpyxl.load_workbook(path)
    for name in ("整改台账", "问题清单", "一案双查台账", "统计"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToWidth in (None, 1), name  # 1 is the default, left out
        assert ws.page_setup.fitToHeight == 0, name
    assert wb["整改台账"].page_setup.paperSize == 8  # A3
    ws = wb["整改台账"]
    sign = [c.value for c in ws[ws.max_row] if c.value]
    assert sign[0].startswith("填报人：") and "审核人：" in sign and any("盖章" in s for s in sign)
    assert ws.max_row == 3 + stats.items.total + 2  # one blank row, then the signatures
    assert ws.auto_filter.ref.endswith(str(3 + stats.items.total))


def test_rows_are_tall_enough_for_their_wrapped_text(ledger):
    path, stats, _ = ledger
    ws = openpyxl.load_workbook(path)["整改台账"]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in
              range(len(LEDGER_COLUMNS))]  # fmt: skip
    tall = 0
    top = 4
    while top <= 3 + stats.items.total:
        bottom = top
        while bottom + 1 <= 3 + stats.items.total and ws.cell(bottom + 1, 1).value is None:
            bottom += 1
        group = range(top, bottom + 1)
        heights = [ws.row_dimensions[r].height for r in group]
        assert all(h for h in heights)
        for r in group:
            for c in range(LEDGER_PROBLEM_COLUMNS if len(group) > 1 else 0, len(widths)):
                value = ws.cell(r, c + 1).value
                if isinstance(value, str):
                    need = text_lines(value, widths[c]) * LINE_HEIGHT
                    assert ws.row_dimensions[r].height >= need - 1, (r, c, value)
        for c in range(LEDGER_PROBLEM_COLUMNS):
            value = ws.cell(top, c + 1).value
            if isinstance(value, str):
                assert sum(heights) >= text_lines(value, widths[c]) * LINE_HEIGHT - 1
        tall += sum(h > 15 for h in heights)
        top = bottom + 1
    assert tall > stats.items.total // 2  # long descriptions: above the default 15 pt


def test_a_long_text_makes_its_row_taller(tmp_path):
    path = tmp_path / "t.xlsx"
    book = LedgerWorkbook(path)
    long = "执行卷宗装订不规范，财产调查笔录缺失。" * 12
    book.sheet(
        "整改台账",
        title="台账",
        meta=["a", "b", "c"],
        columns=LEDGER_COLUMNS[:7],
        rows=[
            [1, "法院", "消极执行", long, "座谈走访", "短", ""],
            [2, "法院", "", "短", "", "", ""],
        ],
    )
    book.close()
    ws = openpyxl.load_workbook(path)["整改台账"]
    assert ws.row_dimensions[4].height > 100
    assert ws.row_dimensions[5].height < 20


def test_statistics_sheet_holds_rates_as_percent_numbers(ledger):
    path, stats, _ = ledger
    ws = openpyxl.load_workbook(path)["统计"]
    cells = list(ws.iter_rows())
    titles = {row[0].value: k for k, row in enumerate(cells) if row[0].value}

    def table(title):
        k = titles[title]
        header = [c.value for c in cells[k + 1] if c.value]
        body = []
        for row in cells[k + 2 :]:
            if row[0].value is None:
                break
            body.append(row[: len(header)])
        return header, body

    header, body = table("各法院销号率")
    rate = header.index("销号率")
    assert all(isinstance(r[rate].value, float | int) for r in body)
    assert all(r[rate].number_format == "0.0%" for r in body)
    total = next(r for r in body if r[0].value == "合计")
    assert total[rate].value == pytest.approx(stats.closure_rate, abs=1e-4)

    header, body = table("各法院终本合格率")
    rate = header.index("终本合格率")
    by_court = stats.zhongben_pass_rate.by_court
    assert by_court and len(body) == len(by_court) + 1
    for row in body:
        expected = (
            stats.zhongben_pass_rate.overall if row[0].value == "合计" else by_court[row[0].value]
        )
        assert row[header.index("评查终本案件")].value == expected.reviewed
        if expected.pass_rate is None:
            assert row[rate].value is None
        else:
            assert row[rate].value == pytest.approx(expected.pass_rate, abs=1e-4)
            assert row[rate].number_format == "0.0%"

    header, body = table("各法院逾期情况")
    total = next(r for r in body if r[0].value == "合计")
    assert total[header.index("逾期")].value == stats.items.overdue
    assert total[header.index("待核查逾期")].value == stats.items.overdue_awaiting_verification


def _office():
    return shutil.which("soffice") or shutil.which("libreoffice")


def _line_boxes(pdf, page):
    """The text lines of a PDF page as (x0, y0, x1, y1, text), from poppler's pdftotext."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    boxes = []
    for m in re.finditer(
        r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
        out,
        re.S,
    ):
        words = "".join(re.findall(r">([^<]*)</word>", m.group(5)))
        boxes.append((*(float(m.group(i)) for i in range(1, 5)), words))
    return boxes


@pytest.mark.slow
@pytest.mark.skipif(
    _office() is None or shutil.which("pdftotext") is None, reason="LibreOffice not installed"
)
def test_libreoffice_prints_the_ledger_on_a3_without_overlapping_text(ledger, tmp_path):
    path, _, _ = ledger
    subprocess.run(
        [_office(), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / (path.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(w), round(h)) == (1191, 842)  # A3 landscape, in points
    for page in range(1, pages + 1):
        boxes = _line_boxes(pdf, page)
        assert boxes, page
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                dx = min(a[2], b[2]) - max(a[0], b[0])
                dy = min(a[3], b[3]) - max(a[1], b[1])
                # lines may touch; one drawn over another overlaps by more than a point
                assert dx <= 1 or dy <= 1, (page, a, b)


def test_the_statistics_sheet_has_each_courts_figures(session, tmp_path):
    """终本抽查率 against 30 %, 实际执行到位率, 终本率, 按期整改率: numbers in percent format."""
    import datetime as dt

    from openpyxl import load_workbook

    from inspector.services.cases import add_case
    from inspector.services.reports import write_reports
    from inspector.services.team import add_court

    court = add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    add_case(
        session,
        case_number="（2024）云0102执1号",
        court_id=court,
        filing_date="2024-01-02",
        closing_date="2024-06-01",
        closing_method="终结本次执行程序",
        amount=1000.0,
        paid_amount=250.0,
    )
    out = tmp_path / "台账.xlsx"
    write_reports(session, kind="rectification", xlsx=out, today=dt.date(2025, 12, 1))
    ws = load_workbook(out)["统计"]
    rows = list(ws.iter_rows())
    title = next(i for i, r in enumerate(rows) if r[0].value == "各法院执行指标")
    header = [c.value for c in rows[title + 1]]
    line = rows[title + 2]
    assert line[0].value == "昆明市五华区人民法院"
    paid = line[header.index("实际执行到位率")]
    assert paid.value == 0.25 and "%" in paid.number_format
    assert line[header.index("终本率")].value == 1.0
    assert line[header.index("达到30%")].value == "否"


def test_dates_inside_a_cells_text_are_written_as_prose(tmp_path):
    """A description quoting a rule's reason reads 立案2025年8月1日, as the documents write
    it; a cell that is only a date keeps its date."""
    path = tmp_path / "t.xlsx"
    book = LedgerWorkbook(path)
    text = "（2025）云0102执1号：立案2025-08-01，结案2025-09-30，未满三个月"
    book.sheet(
        "整改台账",
        title="台账",
        meta=["a", "b", "c"],
        columns=LEDGER_COLUMNS[:4],
        rows=[[1, "法院", text, "2025-10-31"]],
    )
    book.close()
    ws = openpyxl.load_workbook(path)["整改台账"]
    assert ws.cell(row=4, column=3).value == (
        "（2025）云0102执1号：立案2025年8月1日，结案2025年9月30日，未满三个月"
    )
    assert ws.cell(row=4, column=4).value == "2025-10-31"
