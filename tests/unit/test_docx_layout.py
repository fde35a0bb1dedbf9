"""The Word document's GB/T 9704-2012 layout, read back from the written docx's XML
(and, where LibreOffice is installed, from the text positions of its PDF)."""

import datetime as dt
import itertools
import re
import shutil
import subprocess
import unicodedata
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Length, Pt

from inspector.reports.content import Block
from inspector.reports.docx_writer import CHAR_PITCH, _title_lines, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARAGRAPH = (
    "巡查组对被巡查法院执行工作开展巡查，通过听取汇报、调卷评查、系统检查等方式发现问题。" * 6
)
COURTS = [
    "昆明市中级人民法院",
    "西双版纳傣族自治州中级人民法院",
    "德宏傣族景颇族自治州中级人民法院",
]


def _blocks(paragraphs: int = 3) -> list[Block]:
    rows = [["法院", "整改事项", "已销号", "销号率"]] + [
        [court, str(10 + i), str(i), f"{i / 10:.1%}"] for i, court in enumerate(COURTS * 20)
    ]
    return (
        [Block("title", "2025年全省法院执行工作专项巡查整改情况报告"), Block("h1", "一、总体情况")]
        + [Block("p", PARAGRAPH) for _ in range(paragraphs)]
        + [Block("table", rows=rows), Block("p", PARAGRAPH)]
        + [Block("signature", "云南省高级人民法院\n2025年11月20日")]
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    plain = write_docx(folder / "plain.docx", _blocks())
    full = write_docx(
        folder / "full.docx",
        _blocks(),
        issuer="云南省高级人民法院文件",
        doc_number="云高法〔2026〕3号",
        copy_to="最高人民法院执行局",
        printed_by="云南省高级人民法院办公室",
        printed_on=dt.date(2025, 11, 21),
    )
    return plain, full


def _xml(path, part="word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode()


def test_grid_is_22_lines_and_body_runs_fit_28_characters_on_a_line(written):
    plain, _ = written
    doc = Document(str(plain))
    section = doc.sections[0]
    width = Length(section.page_width - section.left_margin - section.right_margin)
    height = Length(section.page_height - section.top_margin - section.bottom_margin)
    assert round(width.mm) == 156 and round(height.mm) == 225
    grid = section._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch")))
    assert pitch == 579 and 22 * pitch <= height.twips < 23 * pitch
    # the pitch Word's page setup would show for 28 characters: 156 mm / 28 - 16 pt
    assert int(grid.get(qn("w:charSpace"))) == -848
    body = next(p for p in doc.paragraphs if p.text == PARAGRAPH)
    assert body.paragraph_format.line_spacing.twips == pitch
    run = body.runs[0]
    spacing = int(run._element.rPr.find(qn("w:spacing")).get(qn("w:val")))  # twips
    advance = run.font.size.pt + spacing / 20
    assert 28 * advance <= width.pt < 29 * advance
    assert width.pt == pytest.approx(CHAR_PITCH * 28, abs=0.1)


def test_page_numbers_are_4hao_right_on_odd_pages_and_left_on_even(written):
    plain, _ = written
    doc = Document(str(plain))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for p, align in ((odd, "right"), (even, "left")):
        assert p.text == "—  —"  # the number is a PAGE field between the rules
        assert "PAGE" in p._p.xml
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        assert {r.font.size.pt for r in p.runs} == {14}
        assert {r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in p.runs} == {"宋体"}
    assert odd.paragraph_format.right_indent == Pt(14)
    assert even.paragraph_format.left_indent == Pt(14)
    # the page number's middle 7 mm below the text block, the footer's line 14 pt high
    middle = section.footer_distance.mm + Pt(7).mm
    assert Length(section.bottom_margin).mm - middle == pytest.approx(7, abs=0.5)


def _ems(text: str) -> float:
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def test_signature_and_date_are_centred_on_one_axis_and_kept_with_the_text(written):
    plain, _ = written
    doc = Document(str(plain))
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("云南省高级人民法院")
    sign, date = doc.paragraphs[i], doc.paragraphs[i + 1]
    assert date.text == "2025年11月20日"
    width = 28 * CHAR_PITCH
    centres = []
    for p in (sign, date):
        assert p.alignment == 1  # centred between its indents
        fmt = p.paragraph_format
        centres.append((fmt.left_indent.pt + width - fmt.right_indent.pt) / 2)
    assert centres[0] == pytest.approx(centres[1], abs=0.1)
    # the date's last character four characters in from the right
    right_of_date = width - centres[1] - _ems(date.text) / 2 * CHAR_PITCH
    assert right_of_date == pytest.approx(4 * CHAR_PITCH, abs=0.1)
    # the last body paragraph, the empty line and the signature keep with the date
    for p in doc.paragraphs[i - 2 : i + 1]:
        assert p.paragraph_format.keep_with_next, p.text
    assert not date.paragraph_format.keep_with_next


def test_tables_repeat_their_header_and_court_names_take_at_most_two_lines(written):
    plain, _ = written
    doc = Document(str(plain))
    table = doc.tables[0]
    rows = table.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
    widths = [c.width.pt for c in rows[1].cells]
    assert sum(widths) == pytest.approx(28 * CHAR_PITCH, abs=1)
    padding = 2 * 5.4
    size = rows[1].cells[0].paragraphs[0].runs[-1].font.size.pt
    per_line = (widths[0] - padding) // size
    longest = max(len(c) for c in COURTS)
    assert per_line * 2 >= longest
    # the numbers keep one line too, with room to spare for wider digits
    values = [[c.text for c in r.cells] for r in rows[1:]]
    for c, w in enumerate(widths[1:], start=1):
        assert (w - padding) / size >= 1.2 * max(_ems(v[c]) for v in values)
    # table text is 5号 and off the body's grid
    cell = rows[1].cells[0].paragraphs[0]
    assert cell._p.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"


def test_masthead_rule_and_colophon_only_when_asked_for(written):
    plain, full = written
    assert "FF0000" not in _xml(plain) and "抄送" not in _xml(plain)
    doc = Document(str(full))
    texts = [p.text for p in doc.paragraphs]
    issuer = doc.paragraphs[0]
    assert issuer.text == "云南省高级人民法院文件"
    assert issuer.alignment == 1
    assert issuer.runs[0].font.color.rgb == (0xFF, 0x00, 0x00)
    assert issuer.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert round(issuer.paragraph_format.space_before.mm) == 35
    number = next(p for p in doc.paragraphs if p.text == "云高法〔2026〕3号")
    assert number.alignment == 1
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000" and rule.get(qn("w:val")) == "single"
    # two empty lines between the rule and the title
    k = texts.index("云高法〔2026〕3号")
    assert texts[k + 1 : k + 4] == ["", "", "2025年全省法院执行工作\n专项巡查整改情况报告"]
    # 版记: 抄送, then 印发机关 and 印发日期 on one line, between rules, in a text box
    # anchored to the last paragraph and aligned to the foot of the margin
    from docx.text.paragraph import Paragraph

    body = doc.element.body
    (box,) = body.findall(f".//{W}txbxContent")
    top, copy_to, middle, printed, bottom = (Paragraph(p, doc) for p in box.findall(f"{W}p"))
    assert copy_to.text == "抄送：最高人民法院执行局。"
    assert printed.text == "云南省高级人民法院办公室\t2025年11月21日印发"
    assert {r.font.size.pt for r in copy_to.runs + printed.runs} == {14}
    # the rules are paragraphs of their own, as wide as the box, 0.35 and 0.25 mm
    for rule, size in ((top, "8"), (middle, "4"), (bottom, "8")):
        assert rule.text == "" and rule.paragraph_format.left_indent is None
        assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:sz")) == size
    # 抄送 one character in from either side, a second line under the first name
    fmt = copy_to.paragraph_format
    assert (fmt.left_indent.pt, fmt.first_line_indent.pt, fmt.right_indent.pt) == (56, -42, 14)
    # 印发机关 one character in from the left, 印发日期 one in from the right
    assert printed.paragraph_format.left_indent.pt == 14
    (tab,) = printed.paragraph_format.tab_stops
    assert tab.position.pt == pytest.approx(156 / 25.4 * 72 - 14, abs=0.1)
    WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    anchor = box.iterancestors(f"{WP}anchor").__next__()
    vertical = anchor.find(f"{WP}positionV")
    assert vertical.get("relativeFrom") == "margin"
    assert vertical.find(f"{WP}align").text == "bottom"
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    # the box is as wide as the text block
    assert int(anchor.find(f"{WP}extent").get("cx")) == pytest.approx(156 / 25.4 * 914400, abs=1)
    # its anchor is the document's last paragraph, after the signature
    assert doc.paragraphs[-1]._p is next(box.iterancestors(f"{W}p"))
    assert texts.index("2025年11月20日") == len(texts) - 2


def _pdf_lines(pdf):
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', line.split(">", 1)[0]))
            text = "".join(re.findall(r">([^<]+)</word>", line))
            mm = {k: float(v) * 25.4 / 72 for k, v in box.items()}
            lines.append((mm["yMin"], mm["yMax"], mm["xMin"], mm["xMax"], text))
        pages.append(lines)
    return pages


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler not installed",
)
def test_libreoffice_sets_28_characters_22_lines_and_the_page_numbers(tmp_path):
    blocks = [Block("title", "报告"), *(Block("p", PARAGRAPH) for _ in range(8))]
    docx = write_docx(tmp_path / "grid.docx", blocks)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = _pdf_lines(tmp_path / "grid.pdf")
    assert len(pages) >= 2
    for n, page in enumerate(pages[:2], start=1):
        body = [line for line in page if line[1] <= 262.5]  # the text block ends 35 mm up
        numbers = [line for line in page if line[0] > 262]
        full = [ln for ln in body if ln[2] < 30 and ln[3] > 175 and ln[4] in PARAGRAPH * 2]
        assert full and {len(line[4]) for line in full} == {28}, full
        if n == 2:  # a page of body text only
            assert len(body) == 22
        (number,) = numbers
        assert number[4] == f"—{n}—"
        middle = (number[0] + number[1]) / 2
        assert middle - 262 == pytest.approx(7, abs=1.5)
        if n % 2:  # right on odd pages, one character (about 5 mm) in
            assert 184 - number[3] == pytest.approx(4.9, abs=1)
        else:
            assert number[2] - 28 == pytest.approx(4.9, abs=1)


def _rules(pdf, page: int) -> list[float]:
    """The heights (mm from the top) of the rules across the text block on a page."""
    from PIL import Image

    prefix = pdf.with_name(f"{pdf.stem}-{page}")
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-r", "254", "-gray", "-singlefile", "-png", *pages, str(pdf), str(prefix)],
        check=True,
    )
    image = Image.open(prefix.with_suffix(".png")).convert("L")
    px = image.width / 210  # pixels a millimetre
    left, right = round(36 * px), round(180 * px)
    pixels = image.load()
    rows = [
        y / px
        for y in range(image.height)
        if all(pixels[x, y] < 128 for x in range(left, right, 7))
    ]
    rules: list[float] = []
    for y in rows:  # a rule is a few pixels high
        if not rules or y - rules[-1] > 1:
            rules.append(y)
    return rules


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice or poppler not installed",
)
@pytest.mark.parametrize(
    ("paragraphs", "copy_to"),
    [
        (1, "最高人民法院执行局"),
        (9, "最高人民法院执行局"),
        (1, "最高人民法院执行局，省委政法委，省人大监察和司法委员会，省人民检察院，各中级人民法院"),
    ],
)
def test_libreoffice_puts_the_colophon_at_the_foot_of_the_last_page(tmp_path, paragraphs, copy_to):
    """Its last rule on the text block's bottom edge (262 mm down), on the page where
    the text ends when it fits there (one paragraph), else on the next (nine); a long
    抄送 goes on under the first name after the colon."""
    text = "本院执行局高度重视巡查反馈问题，逐项研究整改措施，明确责任部门和完成时限。"
    blocks = [
        Block("title", "报告"),
        *(Block("p", text) for _ in range(paragraphs)),
        Block("signature", "云南省高级人民法院\n2026年12月1日"),
    ]
    docx = write_docx(
        tmp_path / "colophon.docx",
        blocks,
        issuer="云南省高级人民法院文件",
        doc_number="云高法〔2026〕3号",
        copy_to=copy_to,
        printed_by="云南省高级人民法院办公室",
        printed_on=dt.date(2026, 12, 1),
    )
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "colophon.pdf"
    pages = _pdf_lines(pdf)
    assert len(pages) == (1 if paragraphs == 1 else 2)
    last = pages[-1]
    (first,) = [ln for ln in last if ln[4].startswith("抄送")]
    (printed,) = [ln for ln in last if ln[4].endswith("印发")]
    (issuer,) = [ln for ln in last if ln[4].startswith("云南省高级人民法院办公室")]
    (date,) = [ln for ln in last if ln[4] == "2026年12月1日"]
    assert date[1] < first[0] < printed[0] < 262
    assert issuer[0] == pytest.approx(printed[0], abs=0.5)
    rules = _rules(pdf, len(pages))
    # the red rule under the 发文字号 on page one, then the 版记's three
    colophon = rules[-3:]
    assert colophon[-1] == pytest.approx(262, abs=1)
    assert colophon[0] < first[0] < colophon[1] < printed[0] < colophon[2]
    # one character (4.9 mm) in from either side of the text block (28–184 mm)
    assert first[2] - 28 == pytest.approx(4.9, abs=0.7)
    assert issuer[2] - 28 == pytest.approx(4.9, abs=0.7)
    assert 184 - printed[3] == pytest.approx(4.9, abs=0.7)
    more = [ln for ln in last if first[1] < ln[0] and ln[1] < colophon[1]]
    assert len(more) == (1 if len(copy_to) > 30 else 0)
    for ln in more:  # under the first name after the colon, four characters in
        assert ln[2] - 28 == pytest.approx(4 * 4.94, abs=0.7)
    assert "".join(ln[4] for ln in [first, *more]) == f"抄送：{copy_to}。"
    # the page number stays below it
    (number,) = [ln for ln in last if ln[4].startswith("—")]
    assert number[0] > colophon[-1]


def test_paragraph_and_run_properties_are_in_schema_order(written):
    """Word refuses a document whose pPr / rPr children are out of order."""
    from lxml import etree

    from inspector.reports.docx_writer import _PPR_ORDER, _RPR_ORDER

    for path in written:
        for part in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
            with zipfile.ZipFile(path) as z:
                if part not in z.namelist():
                    continue
                root = etree.fromstring(z.read(part))
            for tag, order in (("pPr", _PPR_ORDER), ("rPr", _RPR_ORDER)):
                for props in root.iter(W + tag):
                    if etree.QName(props.getparent()).localname not in ("p", "r"):
                        continue
                    names = ["w:" + etree.QName(c).localname for c in props]
                    positions = [order.index(n) for n in names]
                    assert positions == sorted(positions), (part, names)
            for trpr in root.iter(W + "trPr"):
                names = [etree.QName(c).localname for c in trpr]
                assert names == ["tblHeader"], names


def test_a_long_title_breaks_between_words_into_even_lines(written):
    plain, _ = written
    title = Document(str(plain)).paragraphs[0]
    assert title.text.split("\n") == ["2025年全省法院执行工作", "专项巡查整改情况报告"]
    assert len(title._p.findall(f".//{W}br")) == 1
    assert _title_lines("整改情况报告") == ["整改情况报告"]
    # 20 characters fit a 22 pt line of 156 mm; 22 do not, and none is left alone
    assert _title_lines("2025年全省法院执行工作专项巡查反馈意见") == [
        "2025年全省法院执行工作专项巡查反馈意见"
    ]
    assert _title_lines("2025年全省中级法院执行工作专项巡查反馈意见") == [
        "2025年全省中级法院",
        "执行工作专项巡查反馈意见",
    ]


def test_the_attachment_starts_a_page_and_its_note_follows_an_empty_line(tmp_path):
    """GB/T 9704: 附件说明 one line below the text; the 附件 on a page of its own, "附件" in
    黑体 at the top left, its title centred under it; in its table a long description
    wraps, not a 案号 or a category's name."""
    from inspector.reports.docx_writer import TABLE_SIZE, column_widths

    number = "（2025）云0303执42号"
    rows = [["序号", "问题类别", "问题描述", "例证案号"]] + [
        [str(n), "网上节点超期", PARAGRAPH[:60], number] for n in range(1, 4)
    ]
    blocks = [
        Block("title", "反馈意见"),
        Block("p", PARAGRAPH),
        Block("p", "附件：问题清单"),
        Block("signature", "巡查组\n2026年12月1日"),
        Block("attachment", "问题清单"),
        Block("table", rows=rows),
    ]
    doc = Document(str(write_docx(tmp_path / "a.docx", blocks)))
    texts = [p.text for p in doc.paragraphs]
    k = texts.index("附件：问题清单")
    assert texts[k - 1] == "" and texts[k - 2] == PARAGRAPH
    head = next(p for p in doc.paragraphs if p.text == "附件")
    assert head.paragraph_format.page_break_before
    assert head.paragraph_format.first_line_indent is None and head.alignment is None
    assert head.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    title = doc.paragraphs[texts.index("附件") + 1]
    assert title.text == "问题清单" and title.alignment == 1
    assert title.runs[0].font.size.pt == 22
    widths = column_widths(rows)
    assert sum(widths) == pytest.approx(156 / 25.4 * 72, abs=0.5)
    per_line = [(w - 10.8) / TABLE_SIZE for w in widths]
    # the 案号 and the category on one line; the description takes the rest
    assert per_line[3] >= 10 and per_line[1] >= 6  # （2025）云0303执42号: 10 characters
    assert widths[2] == max(widths)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler not installed",
)
def test_libreoffice_keeps_every_row_of_a_table_that_meets_the_foot_of_a_page(tmp_path):
    """A small table reaching the bottom of a page goes on, or moves whole, to the next
    page: no row is lost (rows marked cantSplit after a repeated header were dropped)."""
    named = ["昆明市五华区人民法院", "昆明市盘龙区人民法院", "陆良县人民法院"]
    rows = [["法院", "约谈", "通报", "问责", "所涉整改事项"]] + [
        [court, "0", "1", "0", str(n)] for n, court in enumerate(named, start=3)
    ]
    earlier = [["法院", "终本案件"]] + [[court, "5"] for court in COURTS]
    docs = []
    # a table before it (rows are off the line grid) and the lines between put it at every
    # height on the page
    for lines, before in itertools.product(range(8, 18), (1, 2, 3)):
        blocks = [
            Block("title", "专题报告"),
            Block("table", rows=earlier[: before + 1]),
            *(Block("p", "本院执行局高度重视巡查反馈问题。") for _ in range(lines)),
            Block("h1", "四、约谈、通报、问责情况"),
            Block("p", "对整改不力的问题，共约谈、通报、问责各若干次。"),
            Block("table", rows=rows),
            Block("h1", "五、下一步工作"),
            Block("p", "一是逐项督办；二是开展“回头看”。"),
        ]
        docs.append(write_docx(tmp_path / f"t{lines}-{before}.docx", blocks))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + [str(d) for d in docs],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for d in docs:
        text = subprocess.run(
            ["pdftotext", str(d.with_suffix(".pdf")), "-"], capture_output=True, text=True
        ).stdout.replace(" ", "")
        for court in named:
            assert court in text, (d.name, court)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler not installed",
)
def test_libreoffice_prints_every_row_of_every_table_of_the_demo_reports(tmp_path):
    """The 专题报告 of the demo, as `inspector demo` builds it and as of its day, printed by
    LibreOffice: each table row's first cell is on some page (its 约谈 table once met the
    foot of a page and lost its last row)."""
    from inspector.demo import build_demo
    from inspector.services.reports import Letterhead, write_reports

    day = dt.date(2026, 12, 1)
    session = build_demo(tmp_path / "demo.ledger", scale="small", seed=1, as_of=day)
    try:
        docx = tmp_path / "topic.docx"
        head = Letterhead(doc_number="云高法〔2026〕13号", signer="张三")
        write_reports(session, kind="topic", docx=docx, today=day, letterhead=head)
    finally:
        session.close()
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    layout = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "topic.pdf"), "-"], capture_output=True, text=True
    ).stdout
    lines = ["".join(line.split()) for line in layout.splitlines()]
    rows = 0
    for table in Document(str(docx)).tables:
        for row in table.rows[1:]:
            cells = ["".join(c.text.split()) for c in row.cells]
            # the row on one line, or with its first cell wrapped onto the next
            assert any("".join(cells) in ln for ln in lines) or any(
                ln.startswith(cells[0][:4]) and "".join(cells[1:]) in ln for ln in lines
            ), cells
            rows += 1
    assert rows > 30
