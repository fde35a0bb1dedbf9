"""The reports read back: xlsx layout and totals, docx headings and fonts, PDF text, CSV."""

import csv
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from inspector.reports.ledger import LEDGER_COLUMNS
from inspector.reports.xlsx_writer import LedgerWorkbook
from inspector.services.reports import write_reports
from inspector.services.session import open_session
from inspector.services.workspaces import statistics
from tests.conftest import AS_OF


@pytest.fixture(scope="module")
def reports(demo_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    copy = folder / "demo.ledger"
    shutil.copy(demo_file, copy)
    session = open_session(copy)
    stats = statistics(session, today=AS_OF)
    out = {
        "xlsx": folder / "台账.xlsx",
        "docx": folder / "整改情况报告.docx",
        "pdf": folder / "整改情况报告.pdf",
        "feedback": folder / "巡查反馈意见.docx",
        "csv": folder / "csv",
    }
    write_reports(
        session,
        xlsx=out["xlsx"],
        docx=out["docx"],
        pdf=out["pdf"],
        csv_dir=out["csv"],
        today=AS_OF,
        unit="云南高院巡查组",
    )
    write_reports(session, docx=out["feedback"], kind="feedback", today=AS_OF)
    session.close()
    return out, stats


def test_xlsx_ledger_has_the_official_layout_and_matches_the_statistics(reports):
    out, stats = reports
    wb = openpyxl.load_workbook(out["xlsx"])
    assert wb.sheetnames == ["整改台账", "问题清单", "一案双查台账", "统计"]
    leads = wb["一案双查台账"]
    assert leads["A3"].value == "序号"
    assert leads.cell(row=3 + stats.leads.total, column=1).value == stats.leads.total > 0
    assert leads.cell(row=4 + stats.leads.total, column=1).value is None
    ws = wb["整改台账"]
    assert ws["A1"].value == "执行工作巡查问题整改台账"
    assert any(
        str(r) == f"A1:{openpyxl.utils.get_column_letter(len(LEDGER_COLUMNS))}1"
        for r in ws.merged_cells.ranges
    )
    assert ws["A2"].value == "填报单位：云南高院巡查组"
    assert [c.value for c in ws[3]] == list(LEDGER_COLUMNS)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=3 + stats.items.total)]
    col = {name: i for i, name in enumerate(LEDGER_COLUMNS)}
    closed = sum(1 for r in rows if r[col["是否销号"]] == "是")
    assert closed == stats.items.closed
    # 销号人, 销号时间
    assert all(r[col["销号人"]] and r[col["销号时间"]] for r in rows if r[col["是否销号"]] == "是")
    overdue = sum(1 for r in rows if str(r[col["状态"]]).endswith("（逾期）"))
    assert overdue == stats.items.overdue
    awaiting = sum(1 for r in rows if str(r[col["状态"]]).endswith("（核查逾期）"))
    assert awaiting == stats.items.overdue_awaiting_verification
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows.replace("$", "") == "1:3"
    assert ws.freeze_panes == "B4"
    assert ws.auto_filter.ref.startswith("A3:")
    problems = wb["问题清单"]
    assert problems.cell(row=4 + stats.counts["problem"], column=1).value is None
    assert problems.cell(row=3 + stats.counts["problem"], column=1).value == stats.counts["problem"]
    values = [c.value for row in wb["统计"].iter_rows() for c in row]
    assert "问题分布（法院×类别）" in values and "评查人工作量" in values
    totals = [row for row in wb["统计"].iter_rows(values_only=True) if row[0] == "合计"]
    assert totals[0][-1] == stats.counts["problem"]


def test_docx_has_official_fonts_headings_tables_and_page_numbers(reports):
    out, stats = reports
    doc = Document(str(out["docx"]))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].endswith("整改情况报告")
    assert "一、整改工作总体情况" in texts and "（一）销号情况" in texts
    assert any(f"销号率{stats.closure_rate:.1%}" in t for t in texts)
    title_run = doc.paragraphs[0].runs[0]
    assert title_run.font.size.pt == 22
    assert title_run._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    body = next(p for p in doc.paragraphs if p.text.startswith("巡查反馈问题"))
    assert body.runs[0].font.size.pt == 16
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    heading = next(p for p in doc.paragraphs if p.text == "一、整改工作总体情况")
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.top_margin.mm) == 37
    assert len(doc.tables) >= 3
    assert doc.tables[0].rows[0].cells[0].text == "状态"
    footer = section.footer.paragraphs[0]._element.xml
    assert "PAGE" in footer and "— " in section.footer.paragraphs[0].text
    with zipfile.ZipFile(out["docx"]) as z:
        fonts = z.read("word/fontTable.xml").decode()
        assert "方正小标宋简体" in fonts and "altName" in fonts
        assert any(n.startswith("word/media/") for n in z.namelist())  # the chart


def test_feedback_report_lists_problems_by_category(reports):
    out, _ = reports
    texts = [p.text for p in Document(str(out["feedback"])).paragraphs]
    assert texts[0].endswith("巡查反馈意见")
    headings = [t for t in texts if t[1:2] == "、"]
    assert headings == [
        "一、总体情况",
        "二、主要成效",
        "三、发现的主要问题",
        "四、问题分布",
        "五、整改要求",
    ]
    assert any(t.startswith("（一）") and "问题" in t for t in texts)
    # what the reviews found, counted across courts with the courts named
    found = [t for t in texts if t.startswith("1. 评查") and "，其中" in t]
    assert found and all("涉及" in t and "，如（" in t for t in found)
    assert "【待巡查组填写：各被检查法院执行工作的主要成效和经验做法。】" in texts


def test_pdf_text_is_extractable(reports):
    out, _ = reports
    reader = PdfReader(str(out["pdf"]))
    first = reader.pages[0].extract_text()
    flat = "".join(first.split())
    assert "整改情况报告" in flat and "销号率" in flat
    assert "—1—" in flat


def test_csv_of_every_table(reports):
    out, stats = reports
    names = {p.name for p in out["csv"].iterdir()}
    assert {
        "整改台账.csv",
        "问题清单.csv",
        "整改状态.csv",
        "逾期时长.csv",
        "评查人工作量.csv",
    } <= names
    with (out["csv"] / "整改台账.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(LEDGER_COLUMNS) and len(rows) - 1 == stats.items.total


@pytest.mark.slow
def test_xlsx_streams_100000_rows(tmp_path):
    path = tmp_path / "big.xlsx"
    book = LedgerWorkbook(path)
    rows = (
        [
            i,
            "法院",
            "消极执行",
            "描述",
            "案卷评查",
            "措施",
            "单位",
            "人",
            "限期整改",
            "2025-12-01",
            "",
            "",
            "整改中",
            "否",
            "",
            "",
            "",
        ]
        for i in range(1, 100_001)
    )
    assert (
        book.sheet(
            "整改台账",
            title="台账",
            meta=["填报单位：x", "填报人：y", "截至日期：z"],
            columns=LEDGER_COLUMNS,
            rows=rows,
        )
        == 100_000
    )
    book.close()
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb["整改台账"].max_row == 100_003


def test_xlsx_text_that_looks_like_a_formula_or_link_stays_text(tmp_path):
    """A ledger is opened by others: text typed by an inspector never becomes a formula."""
    path = tmp_path / "t.xlsx"
    book = LedgerWorkbook(path)
    texts = ['=HYPERLINK("http://x","点击")', "http://court.example/案卷", "001234", "-1"]
    book.sheet(
        "整改台账",
        title="台账",
        meta=["a", "b", "c"],
        columns=LEDGER_COLUMNS[:5],
        rows=[[1, *texts]],
    )
    book.close()
    ws = openpyxl.load_workbook(path)["整改台账"]
    cells = [ws.cell(row=4, column=c) for c in range(2, 6)]
    assert [c.value for c in cells] == texts
    assert {c.data_type for c in cells} == {"s"} and all(c.hyperlink is None for c in cells)


@pytest.mark.skipif(
    shutil.which("libreoffice") is None and shutil.which("soffice") is None,
    reason="LibreOffice not installed",
)
def test_libreoffice_opens_the_xlsx_and_docx(reports, tmp_path):
    out, _ = reports
    office = shutil.which("libreoffice") or shutil.which("soffice")
    for src in (out["xlsx"], out["docx"]):
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        assert (tmp_path / (src.stem + ".pdf")).stat().st_size > 1000


def test_the_feedback_asks_for_what_comes_after_its_date_and_writes_no_iso_date(tmp_path):
    """A feedback dated 2026-12-01 does not ask for reports by 2026-11-20: the plan within
    30 days and the report within 3 months of the document's date; dates in prose as
    2026年12月1日."""
    import datetime as dt
    import re

    from inspector.demo import build_demo
    from inspector.services.reports import write_reports

    s = build_demo(tmp_path / "d.ledger", scale="small", seed=3, as_of=dt.date(2026, 11, 20))
    try:
        out = tmp_path / "反馈意见.docx"
        write_reports(s, kind="feedback", docx=out, today=dt.date(2026, 12, 1))
    finally:
        s.close()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert "2026年12月31日前报送整改方案" in text
    assert "2027年3月1日前报送整改情况报告" in text


def test_each_court_gets_its_own_feedback_and_sends_its_own_rectification_report(tmp_path):
    """The feedback to one court names only its problems and is addressed to it; the
    整改情况报告 comes from the court (its name signs it) to the team, item by item."""
    import datetime as dt

    from inspector.demo import build_demo
    from inspector.services import records
    from inspector.services.reports import write_reports

    s = build_demo(tmp_path / "d.ledger", scale="small", seed=3, as_of=dt.date(2026, 11, 20))
    try:
        problems = records.find(s, "problem")
        court_id = problems[0]["court_id"]
        court = records.get(s, "court", court_id)["name"]
        others = {records.get(s, "court", p["court_id"])["name"] for p in problems} - {court}
        feedback, report = tmp_path / "反馈.docx", tmp_path / "整改.docx"
        day = dt.date(2026, 12, 1)
        write_reports(s, kind="feedback", docx=feedback, today=day, court=court)
        write_reports(s, kind="rectification", docx=report, today=day, court=court)
        own = sum(1 for p in problems if p["court_id"] == court_id)
        items = [
            i
            for i in records.find(s, "rectification_item")
            if records.get(s, "problem", i["problem_id"])["court_id"] == court_id
        ]
    finally:
        s.close()
    text = [p.text for p in Document(str(feedback)).paragraphs if p.text.strip()]
    assert text[1] == f"{court}：" and f"发现问题{own}个" in text[4]
    assert not any(other in t for t in text for other in others)
    assert "附件：问题清单" in text  # the problem list comes with it
    listed = Document(str(feedback)).tables[-1]
    assert len(listed.rows) == own + 1
    body = [p.text for p in Document(str(report)).paragraphs if p.text.strip()]
    # (a long title is broken into lines between words)
    title = body[0].replace("\n", "")
    assert title == f"{court}关于2026年全省法院执行工作专项巡查反馈问题整改情况的报告"
    assert f"制定整改事项{len(items)}项" in body[2]
    assert sum(1 for t in body if t.startswith("整改措施：")) == len(items)
    assert body[-1].startswith(court) or any(t.startswith(court) for t in body[-3:])


def test_the_report_to_the_higher_court_covers_every_court_with_tables_and_a_summary(tmp_path):
    """The 专题报告: addressed upward with its 发文字号 and 签发人, the figures of every court as
    tables each with a written summary, the talks, notices and accountability counted."""
    from inspector.demo import build_demo
    from inspector.errors import UserError
    from inspector.services.reports import Letterhead

    s = build_demo(tmp_path / "demo.ledger", scale="small", seed=1, as_of=AS_OF)
    try:
        out = tmp_path / "专题报告.docx"
        pdf = tmp_path / "专题报告.pdf"
        write_reports(
            s,
            docx=out,
            pdf=pdf,
            kind="topic",
            today=AS_OF,
            unit="云南省高级人民法院执行局",
            letterhead=Letterhead(
                issuer="云南省高级人民法院执行局", doc_number="云高法执〔2026〕7号", signer="张立"
            ),
        )
        with pytest.raises(UserError, match="专题报告"):
            write_reports(s, docx=tmp_path / "x.docx", kind="topic", court="云0102")
        stats = statistics(s, today=AS_OF)
    finally:
        s.close()
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "专题报告" in text and "云高法执〔2026〕7号\t签发人：张立" in text
    for heading in (
        "一、基本情况",
        "二、发现的主要问题",
        "三、各法院整改情况",
        "四、约谈、通报、问责情况",
    ):
        assert heading in text
    assert f"发现问题{stats.counts['problem']}个" in text
    assert f"销号率{stats.closure_rate:.1%}" in text
    assert f"共约谈{stats.accountability['约谈']}次" in text
    assert "从问题类别看" in text and "销号率最高的是" in text
    # every court's row in the tables; no ISO dates in the prose
    table_text = {cell.text for t in doc.tables for row in t.rows for cell in row.cells}
    for court in stats.problems_by_court:
        assert court in table_text, court
    assert "约谈" in table_text
    import re

    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert "专题报告" in "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)


def test_the_feedback_names_only_the_methods_the_team_used_at_the_court():
    """A court whose dossiers were not reviewed is not told "评查你院案卷0件"."""
    from inspector.reports.content import _methods

    assert _methods(12, 2, 5, yours=True) == (
        "通过听取汇报、调卷评查、系统检查、座谈走访等方式，评查你院案卷12件，开展座谈走访2次，发现问题5个"
    )
    assert _methods(0, 2, 3, yours=True) == (
        "通过听取汇报、系统检查、座谈走访等方式，开展座谈走访2次，发现问题3个"
    )
    assert _methods(40, 0, 7, yours=False) == (
        "通过听取汇报、调卷评查、系统检查等方式，共评查案卷40件，发现问题7个"
    )


def test_the_campaign_sets_the_periods_its_feedback_gives_the_courts(tmp_path, capsys):
    """整改方案 within 15 days and 整改情况报告 within 2 months when the campaign says so
    (the team page, ``inspector team campaign --plan-days --report-months``); out of range
    refused with the allowed range."""
    import datetime as dt

    from inspector.cli import main
    from inspector.demo import build_demo
    from inspector.errors import UserError
    from inspector.services.reports import write_reports
    from inspector.services.session import open_session
    from inspector.services.team import campaigns, update_campaign

    path = tmp_path / "d.ledger"
    build_demo(path, scale="small", seed=3, as_of=dt.date(2026, 11, 20)).close()
    assert main(["team", str(path), "campaign", "--plan-days", "15", "--report-months", "2"]) == 0
    assert main(["team", str(path), "campaign", "--plan-days", "0"]) != 0
    assert "1至180天" in capsys.readouterr().err
    s = open_session(path)
    try:
        campaign = campaigns(s)[0]
        assert (campaign["plan_days"], campaign["report_months"]) == (15, 2)
        with pytest.raises(UserError, match="1至24个月"):
            update_campaign(s, campaign_id=campaign["id"], report_months=30)
        out = tmp_path / "反馈意见.docx"
        court = s.conn.execute("SELECT name FROM courts ORDER BY code LIMIT 1").fetchone()[0]
        for target in (None, court):
            write_reports(s, kind="feedback", docx=out, today=dt.date(2026, 12, 1), court=target)
            text = "\n".join(p.text for p in Document(str(out)).paragraphs)
            assert "2026年12月16日前报送整改方案" in text, target
            assert "2027年2月1日前报送整改情况报告" in text, target
    finally:
        s.close()
