"""The written report as a Word document in official layout (GB/T 9704-2012).

A4 with 37/35/28/26 mm margins; title in 小标宋 22 pt centred; body in 仿宋 16 pt with
fixed 28.95 pt lines (22 lines a page); level-1 headings "一、" in 黑体, level-2 "（一）"
in 楷体; page numbers "— N —" in 宋体 14 pt. East-Asian fonts are set on every run,
and the font table names a common alternative for each, so a laptop without the
GB fonts shows 宋体/仿宋/楷体 instead.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .content import Block

TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT, PAGE_FONT = (
    "方正小标宋简体",
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "宋体",
)
#: what Word shows when a GB font is missing
FALLBACKS = {
    TITLE_FONT: "宋体",
    BODY_FONT: "仿宋",
    H2_FONT: "楷体",
    H1_FONT: "SimHei",
    PAGE_FONT: "SimSun",
}
LINE = Pt(28.95)


def _font(run, name: str, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _paragraph(
    doc,
    text: str,
    font: str,
    size: float,
    *,
    center: bool = False,
    indent: bool = True,
    bold: bool = False,
):  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = fmt.space_after = Pt(0)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        fmt.first_line_indent = Pt(size * 2)
    _font(p.add_run(text), font, size, bold)
    return p


def _page_number(section) -> None:  # type: ignore[no-untyped-def]
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run("— "), PAGE_FONT, 14)
    run = p.add_run()
    _font(run, PAGE_FONT, 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)
    _font(p.add_run(" —"), PAGE_FONT, 14)


def _font_table_fallbacks(doc) -> None:  # type: ignore[no-untyped-def]
    """Name an alternative for each GB font in the document's font table."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
                from docx.oxml import parse_xml

                root = parse_xml(rel.target_part.blob)
            for name, alt in FALLBACKS.items():
                font = OxmlElement("w:font")
                font.set(qn("w:name"), name)
                alt_el = OxmlElement("w:altName")
                alt_el.set(qn("w:val"), alt)
                font.append(alt_el)
                root.append(font)
            if not hasattr(rel.target_part, "element"):
                from lxml import etree

                rel.target_part._blob = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )


def write_docx(path: Path, blocks: list[Block]) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    _page_number(section)
    for b in blocks:
        if b.kind == "title":
            _paragraph(doc, b.text, TITLE_FONT, 22, center=True)
            _paragraph(doc, "", BODY_FONT, 16, indent=False)
        elif b.kind == "h1":
            _paragraph(doc, b.text, H1_FONT, 16)
        elif b.kind == "h2":
            _paragraph(doc, b.text, H2_FONT, 16)
        elif b.kind == "p":
            _paragraph(doc, b.text, BODY_FONT, 16)
        elif b.kind == "table" and b.rows:
            table = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(b.rows):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = ""
                    p = cell.paragraphs[0]
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    _font(p.add_run(value), H1_FONT if r == 0 else BODY_FONT, 10.5)
        elif b.kind == "image" and b.image:
            doc.add_picture(str(b.image), width=Mm(150))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind == "signature":
            _paragraph(doc, "", BODY_FONT, 16, indent=False)
            for line in b.text.splitlines():
                p = _paragraph(doc, line, BODY_FONT, 16, indent=False)
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                p.paragraph_format.right_indent = Pt(64)
    _font_table_fallbacks(doc)
    doc.save(str(path))
    return path
