"""A campaign built from nothing through the services, as a team would enter it, gives the
documents the issue asks for — each court's feedback (with its letterhead and 版记), the
court's 整改情况报告, the 专题报告 and the Excel ledger — and LibreOffice prints each as the
standard puts it: A4 (A3 for the ledger), page numbers where GB/T 9704 puts them, Chinese
text on every page, the 版记's last line at the foot of the last page."""

import datetime as dt
import re
import shutil
import subprocess

import pytest

from inspector.domain.rectification import Action
from inspector.services import records
from inspector.services.cases import add_case
from inspector.services.interviews import create_interview
from inspector.services.problems import create_problem, create_problem_from_review_item
from inspector.services.rectification import EvidenceFile, act, add_item, add_progress
from inspector.services.reports import Letterhead, write_reports
from inspector.services.reviews import create_review
from inspector.services.team import add_court, create_campaign

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        OFFICE is None or shutil.which("pdftotext") is None,
        reason="LibreOffice or poppler not installed",
    ),
]
DAY = dt.date(2026, 12, 1)


def _campaign(session):
    create_campaign(
        session,
        name="2026年全省法院执行工作专项巡查",
        issuing_court="云南省高级人民法院",
        doc_number="云高法〔2026〕95号",
        start_date=dt.date(2026, 11, 2),
        end_date=dt.date(2026, 11, 6),
    )
    courts = {
        name: add_court(session, name=name, level="基层", code=code)
        for name, code in (("昆明市五华区人民法院", "云0102"), ("昆明市盘龙区人民法院", "云0103"))
    }
    for court, code in zip(courts.values(), ("0102", "0103"), strict=True):
        for n in range(1, 4):
            case = add_case(
                session,
                case_number=f"（2025）云{code}执{n}号",
                court_id=court,
                filing_date=dt.date(2025, 1, 2),
                closing_date=dt.date(2025, 6, 10),
                closing_method="终结本次执行程序",
                traditional_investigation_date="2025-01-20",
                restriction_date="2025-01-15" if n == 3 else None,
                last_network_query_date="2025-05-01",
                zhongben_talk_date="2025-05-05",
                ruling_served_date="2025-06-15",
            )
            review = create_review(session, case_id=case, template_code="zhongben-2018")
            if n < 3:  # the team raises the two without 限制消费
                create_problem_from_review_item(
                    session, review_id=review.review_id, item_code="ZB3"
                )
        create_interview(
            session, court_id=court, method="座谈", date=dt.date(2026, 11, 3), text="座谈执行干警"
        )
        pid = create_problem(
            session,
            court_id=court,
            category="作风不正",
            subtype="冷横硬推",
            description="执行窗口接待人员对当事人态度生硬，推诿咨询。",
        )
        item = add_item(
            session,
            problem_id=pid,
            measure="开展窗口作风专项整顿，建立接待登记和回访制度",
            deadline=dt.date(2027, 1, 31),
            responsible_unit="执行局",
            responsible_person="王立",
            phone="0871-1234567",
        )
        act(session, item_id=item, action=Action.START)
        add_progress(session, item_id=item, note="已组织窗口人员培训两次")
        act(
            session,
            item_id=item,
            action=Action.SUBMIT,
            note="整顿完成",
            evidence=[EvidenceFile("接待登记制度.pdf", b"%PDF-1.4")],
        )
        act(session, item_id=item, action=Action.CLOSE, note="核查属实，予以销号")
    return courts


def _convert(path, folder):
    subprocess.run(
        [OFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / (path.stem + ".pdf")


def _pages(pdf):
    """Each page's text lines as (top, bottom, left, right, text) in millimetres."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in re.findall(r"<page (.*?)</page>", out, re.S):
        size = dict(re.findall(r'(width|height)="([\d.]+)"', page.split(">", 1)[0]))
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', line.split(">", 1)[0]))
            text = "".join(re.findall(r">([^<]+)</word>", line))
            mm = {k: float(v) * 25.4 / 72 for k, v in box.items()}
            lines.append((mm["yMin"], mm["yMax"], mm["xMin"], mm["xMax"], text))
        pages.append(((float(size["width"]), float(size["height"])), lines))
    return pages


def _official(pdf):
    """A4, "— N —" below the text block on every page, right on odd pages and left on
    even ones, Chinese text on each; returns the pages."""
    pages = _pages(pdf)
    for n, ((w, h), lines) in enumerate(pages, start=1):
        assert (round(w), round(h)) == (595, 842), n
        assert any(re.search(r"[\u4e00-\u9fff]", ln[4]) for ln in lines), n
        (number,) = [ln for ln in lines if ln[0] > 262]
        assert number[4] == f"—{n}—"
        assert (184 - number[3] if n % 2 else number[2] - 28) == pytest.approx(4.9, abs=1.2)
        body = [ln for ln in lines if ln[1] <= 262.5]
        assert all(len(ln[4]) <= 30 for ln in body), n  # 28 a line (a mark may hang)
    return pages


def test_a_campaign_entered_from_scratch_prints_as_official_documents(session, tmp_path):
    courts = _campaign(session)
    head = Letterhead(
        issuer="云南省高级人民法院文件",
        doc_number="云高法〔2026〕120号",
        copy_to="最高人民法院执行局",
        printed_by="云南省高级人民法院办公室",
        printed_on=DAY,
    )
    feedback = tmp_path / "反馈意见.docx"
    result = write_reports(
        session,
        kind="feedback",
        docx=feedback,
        court="昆明市五华区人民法院",
        today=DAY,
        letterhead=head,
    )
    assert "主要成效" in result.summary()  # left for the team, and the export says so
    pages = _official(_convert(feedback, tmp_path))
    text = "".join(ln[4] for _, lines in pages for ln in lines)
    assert (
        "评查终本案件3件，其中2件未采取限制消费措施，如（2025）云0102执1号、（2025）云0102执2号"
        in text
    )
    assert "盘龙区" not in text  # the other court's findings are not in this one's feedback
    assert "2026年12月31日前报送整改方案" in text and not re.search(r"\d{4}-\d{2}-\d{2}", text)
    # the 版记 at the foot of the last page, the attachment before it on a page of its own
    last = pages[-1][1]
    (printed,) = [ln for ln in last if ln[4].endswith("印发")]
    assert 250 < printed[1] < 262
    assert any(ln[4] == "附件" for ln in last) or any(
        ln[4] == "附件" for _, lines in pages[1:] for ln in lines
    )

    report = tmp_path / "整改情况报告.docx"
    write_reports(
        session, kind="rectification", docx=report, court="昆明市盘龙区人民法院", today=DAY
    )
    pages = _official(_convert(report, tmp_path))
    text = "".join(ln[4] for _, lines in pages for ln in lines)
    assert "昆明市盘龙区人民法院关于" in text and "开展窗口作风专项整顿" in text
    assert "接待登记制度.pdf" in text  # the evidence by name

    topic = tmp_path / "专题报告.docx"
    write_reports(
        session,
        kind="topic",
        docx=topic,
        today=DAY,
        letterhead=Letterhead(doc_number="云高法〔2026〕121号", signer="李建国"),
    )
    pages = _official(_convert(topic, tmp_path))
    text = "".join(ln[4] for _, lines in pages for ln in lines)
    assert all(name in text for name in courts)

    ledger = tmp_path / "台账.xlsx"
    write_reports(session, xlsx=ledger, today=DAY)
    pages = _pages(_convert(ledger, tmp_path))
    # the ledgers on A3 landscape; the 统计 sheet on A4 landscape
    sizes = [(round(w), round(h)) for (w, h), _ in pages]
    first = "".join(ln[4] for ln in pages[0][1])
    assert "问题整改台账" in first and sizes[0] == (1191, 842)
    assert set(sizes) <= {(1191, 842), (842, 595)}
    text = "".join(ln[4] for _, lines in pages for ln in lines)
    assert "开展窗口作风专项整顿" in text and "接待登记制度.pdf" in text
    assert len(records.find(session, "rectification_item")) == 2
