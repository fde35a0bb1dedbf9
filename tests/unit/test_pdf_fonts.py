"""The PDF report carries its fonts and breaks lines by the Chinese rules; the chart draws
every Chinese label with a font found by its file."""

import warnings
from itertools import pairwise

import pytest
from pypdf import PdfReader

from inspector.paths import resource_path
from inspector.reports.chart import CHART_FONT, category_chart, chart_font
from inspector.reports.content import Block
from inspector.reports.pdf_writer import CANNOT_START, FONTS, write_pdf


def _fonts(reader):
    out = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            out[str(font["/BaseFont"])] = desc.get_object() if desc else None
    return out


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    text = "各被检查法院要按照“解决一个、销号一个”的要求，逐项制定整改措施，明确责任单位、责任人和整改时限；"
    blocks = [
        Block("title", "2025年全省法院执行工作专项巡查反馈意见"),
        Block("h1", "一、发现的主要问题"),
        Block("h2", "（一）消极执行问题（21个）"),
        # every length of line start: each mark lands at a line end somewhere
        *(Block("p", "某" * k + text * 3) for k in range(28)),
        Block("table", rows=[["法院", "销号率"], ["昆明市中级人民法院", "66.7%"]]),
        Block("signature", "云南高院巡查组\n2025年11月20日"),
    ]
    return write_pdf(path, blocks)


def test_every_font_is_embedded_and_the_faces_are_distinct(pdf):
    fonts = _fonts(PdfReader(str(pdf)))
    assert fonts
    for name, descriptor in fonts.items():
        assert descriptor is not None and "/FontFile2" in descriptor, name
    faces = {name.split("+", 1)[-1] for name in fonts}
    # title and level-2 (serif bold), body (serif), level-1 headings (sans bold)
    assert {"NotoSerifCJKsc-Regular", "NotoSerifCJKsc-Bold", "NotoSansCJKsc-Bold"} <= faces
    assert len(set(FONTS.values())) == 3
    for filename in FONTS.values():
        assert resource_path("db", "fonts", filename).is_file()
    assert resource_path("db", "fonts", "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") >= 1


def test_no_line_starts_with_a_closing_mark(pdf):
    lines = [
        line.strip()
        for page in PdfReader(str(pdf)).pages
        for line in page.extract_text().splitlines()
        if line.strip()
    ]
    assert len(lines) > 60
    starts = [line for line in lines if line[0] in CANNOT_START]
    assert starts == []
    for mark in "，。；：、）》":
        assert mark in CANNOT_START


@pytest.mark.parametrize("counts", [1, 0])
def test_chart_labels_have_their_glyphs(tmp_path, counts):
    import matplotlib

    # a font cache that knows no Chinese font: the chart must not rely on it
    with warnings.catch_warnings(), matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        warnings.simplefilter("error")  # matplotlib's "Glyph … missing from font(s)" fails
        category_chart(
            tmp_path / "chart.png",
            {"消极执行": 3 * counts, "选择性执行": counts, "乱执行": 2, "执行不廉": 0},
            {"待整改": counts, "整改中": 2 * counts, "待核查": counts, "已销号": 4 * counts},
        )
    assert (tmp_path / "chart.png").stat().st_size > 10_000
    assert chart_font().get_file() == str(resource_path(*CHART_FONT))


def test_names_beyond_gb2312_and_markup_characters_are_set(tmp_path):
    """A description with ``<`` or ``&`` and names beyond GB 2312 (喆, 堃, 昇) — in the body,
    in a title and in a table header, which is set in a face without them."""
    from reportlab.pdfbase import pdfmetrics

    from inspector.reports.pdf_writer import BODY, HEADING, markup, register_fonts

    register_fonts()
    body = pdfmetrics.getFont(BODY).face.charToGlyph
    for ch in "喆堃昇犇淼镕垚":
        assert ord(ch) in body, ch
    assert markup("金额<1万元 & A", HEADING) == "金额&lt;1万元 &amp; A"
    assert f'<font face="{BODY}">' in markup("张喆", HEADING)
    text = "执行标的额<1万元&案件，承办人张喆、王堃"
    path = write_pdf(
        tmp_path / "names.pdf",
        [
            Block("title", "关于张喆同志的情况报告"),
            Block("h1", "一、基本情况<二>"),
            Block("p", text),
            Block("table", rows=[["承办人（张喆）", "A&B"], ["王堃", "<1"]]),
            Block("signature", "巡查组\n2026年11月20日"),
        ],
    )
    extracted = "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace("\n", "")
    for piece in ("张喆同志", "一、基本情况<二>", "<1万元&案件", "王堃", "A&B"):
        assert piece in extracted, piece


def test_marks_in_pairs_and_numbers_are_not_broken_apart(tmp_path):
    """ "。】", "）。", "》，" and "”。" do not put their second mark at a line's start (the
    character before them goes down instead); no line ends with an opening mark; a year is
    not broken across lines."""
    from inspector.reports.pdf_writer import CANNOT_END, line_breaks

    pairs = ["做法。】", "执42号）。", "《意见》，", "销号一个”。", "（2025）云0303执42号"]
    blocks = [Block("p", "某" * k + "".join(pairs) * 4) for k in range(28)]
    pdf = write_pdf(tmp_path / "pairs.pdf", blocks)
    lines = [
        line.strip()
        for page in PdfReader(str(pdf)).pages
        for line in page.extract_text().splitlines()
        if line.strip() and not line.strip().startswith("—")
    ]
    assert len(lines) > 100
    assert [ln for ln in lines if ln[0] in CANNOT_START] == []
    assert [ln for ln in lines if ln[-1] in CANNOT_END] == []
    broken = [(a, b) for a, b in pairwise(lines) if a[-1].isdigit() and b[0].isdigit()]
    assert broken == []
    # the rule itself: ten characters a line of ten units
    text = "一二三四五六七八九十。】"
    assert line_breaks(text, [10.0] * len(text), [100.0]) == [9]  # "十。】" go down together
    text = "一二三四五六七八九十。一"
    assert line_breaks(text, [10.0] * len(text), [100.0]) == [11]  # one mark hangs
    text = "一二三四五六七八（2025）"
    assert line_breaks(text, [10.0] * len(text), [100.0]) == [8]


def test_a_heading_never_ends_a_page(tmp_path):
    """Headings keep with the text after them (a heading alone at the foot of a page)."""
    blocks = []
    for k in range(40):
        blocks.append(Block("h1" if k % 2 else "h2", f"标题第{k}号"))
        blocks.append(Block("p", "巡查组对被巡查法院执行工作开展巡查。" * (1 + k % 3)))
    pdf = write_pdf(tmp_path / "headings.pdf", blocks)
    pages = PdfReader(str(pdf)).pages
    assert len(pages) > 3
    for page in pages:
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        body = [ln for ln in lines if not ln.startswith("—")]
        assert not body[-1].startswith("标题第"), body[-2:]
