"""The written report as a Word document in official layout (GB/T 9704-2012).

A4 with 37/35/28/26 mm margins, so the text block (版心) is 156 mm × 225 mm; a
``linesAndChars`` document grid puts 22 lines of 28 characters of 3号 (16 pt) 仿宋 in
it. Title in 小标宋 22 pt centred, broken between words when it needs two lines; level-1 headings "一、" in 黑体, level-2 "（一）"
in 楷体. Page numbers "— N —" in 4号 (14 pt) 宋体, 7 mm below the text block,
right on odd pages and left on even pages, one character in from the edge.
发文机关署名 and 成文日期 are centred on each other, the date four characters in
from the right, and kept on a page with the text before them. Tables repeat their
header row on every page; the first column is wide enough for a court's name on
one or two lines.

The official parts a report only has when it is sent as a document — the red
发文机关标志 with the red rule, the 发文字号, and the 版记 (抄送, 印发机关, 印发日期) —
are written only when the caller passes them; the 版记 sits at the foot of the last page.

East-Asian fonts are set on every run, and the font table names a common
alternative for each, so a laptop without the GB fonts shows 宋体/仿宋/楷体 instead.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips

from ..domain.workdays import format_date
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
RED = "FF0000"

#: GB/T 9704-2012 page: A4, 版心 156 mm × 225 mm
PAGE_W, PAGE_H = 210.0, 297.0
TOP, BOTTOM, LEFT, RIGHT = 37.0, 35.0, 28.0, 26.0
BLOCK_W, BLOCK_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM
LINES, CHARS = 22, 28
BODY_SIZE = 16.0  # 3号
PAGE_SIZE = 14.0  # 4号
_PT_PER_MM = 72 / 25.4
#: one line of the grid: 225 mm / 22, rounded down to whole twips so 22 lines fit (28.95 pt)
LINE_PITCH_TWIPS = math.floor(BLOCK_H * _PT_PER_MM / LINES * 20)
LINE = Twips(LINE_PITCH_TWIPS)
#: one character of the grid: 156 mm / 28 (15.79 pt), as Word's charSpace: the
#: difference from the body font size in 1/4096 pt, rounded so 28 still fit
CHAR_PITCH = BLOCK_W * _PT_PER_MM / CHARS
CHAR_SPACE = math.floor((CHAR_PITCH - BODY_SIZE) * 4096)
#: the body runs' character spacing in twips: 16 pt - 0.25 pt = 15.75 pt a character,
#: so 28 of them (441 pt) fit the 442.2 pt line in Word and in LibreOffice alike
SPACING = math.floor((CHAR_PITCH - BODY_SIZE) * 20)
#: the page number's 一字线 sit 7 mm below the text block; the footer's bottom edge
#: is about 2.5 mm below the middle of a 14 pt line
FOOTER_DISTANCE = BOTTOM - 7.0 - 2.5


def _font(run, name: str, size: float, bold: bool = False, color: str | None = None) -> None:  # type: ignore[no-untyped-def]
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
    if size == BODY_SIZE:
        _child(rpr, "w:spacing", _RPR_ORDER).set(qn("w:val"), str(SPACING))
    if color:
        from docx.shared import RGBColor

        run.font.color.rgb = RGBColor.from_string(color)


#: the order WordprocessingML (ECMA-376) requires of a paragraph's and a run's
#: properties; Word refuses a file that has them out of order
_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def _child(parent, tag: str, order: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The properties element ``tag`` of ``parent``, added in its schema position."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.insert_element_before(el, *order[order.index(tag) + 1 :])
    return el


def _ppr_child(p, tag: str):  # type: ignore[no-untyped-def]
    return _child(p._p.get_or_add_pPr(), tag, _PPR_ORDER)


def _no_grid(p) -> None:  # type: ignore[no-untyped-def]
    """Text not in the body size keeps its own width: off the character grid."""
    _ppr_child(p, "w:snapToGrid").set(qn("w:val"), "0")


def _border(p, side: str, *, size: int, color: str, space: int = 0) -> None:  # type: ignore[no-untyped-def]
    """A rule along one side of a paragraph; size in eighths of a point, space in points."""
    bdr = _ppr_child(p, "w:pBdr")
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), str(space))
    el.set(qn("w:color"), color)
    bdr.append(el)


def _paragraph(
    doc,
    text: str,
    font: str,
    size: float,
    *,
    center: bool = False,
    indent: bool = True,
    bold: bool = False,
    color: str | None = None,
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
    if size != BODY_SIZE:
        _no_grid(p)
    if text:
        _font(p.add_run(text), font, size, bold, color)
    return p


def _page_number(p, *, odd: bool) -> None:  # type: ignore[no-untyped-def]
    """ "— N —" in 4号 宋体, one character in from the right (odd) or left (even) edge."""
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(PAGE_SIZE)
    if odd:
        fmt.right_indent = Pt(PAGE_SIZE)
    else:
        fmt.left_indent = Pt(PAGE_SIZE)
    _no_grid(p)
    _font(p.add_run("— "), PAGE_FONT, PAGE_SIZE)
    run = p.add_run()
    _font(run, PAGE_FONT, PAGE_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)
    _font(p.add_run(" —"), PAGE_FONT, PAGE_SIZE)


def _grid(section) -> None:  # type: ignore[no-untyped-def]
    """The section's document grid: 22 lines of 579 twips (28.95 pt).

    The 28 characters a line come from the body runs' condensed spacing (``SPACING``),
    not from a character grid: a 16 pt character is wider than the 15.79 pt a grid cell
    of 156 mm / 28 leaves it, and LibreOffice then gives each character two cells (14 a
    line). ``charSpace`` still names that pitch for Word's page setup dialog, which
    ignores it for a ``lines`` grid.
    """
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))


def _font_table_fallbacks(doc) -> None:  # type: ignore[no-untyped-def]
    """Name an alternative for each GB font in the document's font table."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
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


def _ems(text: str) -> float:
    """Width in characters: full-width 1, half-width (digits, Latin) 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


TABLE_SIZE = 10.5  # 5号
SMALL_TABLE_SIZE = 9.0  # 小五
CELL_PAD = 2 * 5.4  # Word's default 0.19 cm either side, in points


TITLE_SIZE = 22.0  # 2号
#: where a title may break: before these words, or after the ones in TITLE_ENDS
TITLE_STARTS = ("整改情况报告", "反馈意见", "专题报告", "情况报告", "专项", "巡查", "关于")
TITLE_ENDS = ("法院", "工作", "年", "的")


def _title_lines(title: str) -> list[str]:
    """The title on as many lines as it needs (two at most here), broken between words
    and as evenly as the words allow, so no short word is left alone on a line."""
    per_line = math.floor(BLOCK_W * _PT_PER_MM / TITLE_SIZE)
    if _ems(title) <= per_line:
        return [title]
    cuts = {
        i
        for i in range(1, len(title))
        if title[i:].startswith(TITLE_STARTS) or title[:i].endswith(TITLE_ENDS)
    }
    fitting = [i for i in cuts if _ems(title[:i]) <= per_line and _ems(title[i:]) <= per_line]
    if not fitting:
        return [title]
    best = min(fitting, key=lambda i: (abs(_ems(title[:i]) - _ems(title[i:])), -i))
    return [title[:best], title[best:]]


def _widths(rows: list[list[str]], size: float) -> tuple[list[float], list[float]]:
    """Each column's width for its widest value on one line, and the least it can take: its
    longest unbreakable piece (a 案号, a number, a category's name; the first column, the
    court, on at most two lines), in points at ``size``."""
    cols = len(rows[0])
    body = rows[1:] or rows

    def width(ems: float, c: int) -> float:
        head = max(min(_ems(rows[0][c]), 4.0), 2.0)  # headers may wrap after 4 characters
        return math.ceil(max(ems, head)) * size + CELL_PAD

    def piece(text: str) -> float:  # prose breaks anywhere
        ems = _ems(text)
        return ems if ems <= _LONGEST_PIECE else 0.0

    # (a fifth and half a character spare: faces set digits and % wider than half a character)
    natural = [width(max(_ems(r[c]) for r in body) * 1.2 + 0.5, c) for c in range(cols)]
    pieces = [
        max((piece(p) for r in body for p in _UNBROKEN.split(r[c])), default=0.0)
        for c in range(cols)
    ]
    least = [min(width(max(_ems(r[0]) for r in body) / 2, 0), natural[0])]
    least += [min(width(pieces[c] * 1.2 + 0.5, c), natural[c]) for c in range(1, cols)]
    return natural, least


def table_size(rows: list[list[str]]) -> float:
    """5号 for a table, 小五 for one whose columns would otherwise break a number or a name."""
    _, least = _widths(rows, TABLE_SIZE)
    return TABLE_SIZE if sum(least) <= BLOCK_W * _PT_PER_MM else SMALL_TABLE_SIZE


def column_widths(rows: list[list[str]], size: float | None = None) -> list[float]:
    """Column widths in points filling the text block: each column its widest value on
    one line where that fits; otherwise each column at least its longest unbreakable
    piece and what is left shared by how much more each would need for one line — so a
    long description wraps rather than a 案号 or a name. ``size``: the table's font size
    (by default :func:`table_size`)."""
    total = BLOCK_W * _PT_PER_MM
    natural, least = _widths(rows, size or table_size(rows))
    if sum(natural) <= total:
        spare = (total - sum(natural)) / len(natural)
        return [w + spare for w in natural]
    if sum(least) >= total:
        return [w * total / sum(least) for w in least]
    more = [n - w for n, w in zip(natural, least, strict=True)]
    spare = total - sum(least)
    return [w + spare * m / sum(more) for w, m in zip(least, more, strict=True)]


#: where a cell's text may break: between the items of a list
_UNBROKEN = re.compile(r"[、，,；;\s]+")
#: a piece longer than this (in characters) is prose and may break anywhere
_LONGEST_PIECE = 14.0


def _table(doc, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    size = table_size(rows)
    widths = column_widths(rows, size)
    for c, w in enumerate(widths):
        table.columns[c].width = Pt(w)
    for r, row in enumerate(rows):
        if r == 0:  # repeats on every page
            table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        # (no row is marked cantSplit: LibreOffice then drops the rows that would follow a
        # repeated header onto the next page)
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Pt(widths[c])
            cell.text = ""
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt = p.paragraph_format
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            _no_grid(p)
            _font(p.add_run(value), H1_FONT if r == 0 else BODY_FONT, size)


def _masthead(  # type: ignore[no-untyped-def]
    doc, issuer: str | None, doc_number: str | None, signer: str | None = None
) -> None:
    """The red 发文机关标志, the 发文字号 centred under it (an upward document's 发文字号 one
    character in from the left and its 签发人 one in from the right, the name in 楷体), the red
    rule 4 mm below that, and two empty lines before the title."""
    if issuer:
        p = _paragraph(doc, issuer, TITLE_FONT, 36, center=True, color=RED)
        p.paragraph_format.line_spacing = Pt(48)
        p.paragraph_format.space_before = Mm(35)
        _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
        _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
    last = None
    if doc_number and signer:
        last = _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
        fmt = last.paragraph_format
        fmt.left_indent = fmt.right_indent = Pt(CHAR_PITCH)
        fmt.tab_stops.add_tab_stop(Pt((CHARS - 2) * CHAR_PITCH), WD_TAB_ALIGNMENT.RIGHT)
        _font(last.add_run(f"{doc_number}\t签发人："), BODY_FONT, BODY_SIZE)
        _font(last.add_run(signer), H2_FONT, BODY_SIZE)
    elif doc_number:
        last = _paragraph(doc, doc_number, BODY_FONT, BODY_SIZE, center=True)
    elif issuer:
        last = _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
    if last is not None:
        _border(last, "bottom", size=12, color=RED, space=round(4 * _PT_PER_MM))
        _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
        _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)


#: the height of a 版记 rule's own paragraph, in points
RULE_PT = 2.0
#: DrawingML lengths: 12700 EMU a point
_EMU_PER_PT = 12700
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _colophon(  # type: ignore[no-untyped-def]
    doc, copy_to: str | None, printed_by: str | None, printed_on: dt.date | None
) -> None:
    """版记 (GB/T 9704 7.4): 抄送 one character in from either side, a second line under
    the first name after the colon; 印发机关 one character in from the left and 印发日期
    one in from the right; rules as wide as the text block above, between and below
    them (the first and last 0.35 mm, the one between 0.25 mm), in 4号 仿宋.

    It sits at the foot of the last page, its last rule on the bottom edge of the text
    block, however short the text above it: a text box anchored to the document's last
    paragraph and aligned to the bottom of the page's margin, text kept above and below
    it — on the page where the text ends when it fits there, else at the foot of the
    next page.
    """
    if not (copy_to or printed_by or printed_on):
        return
    box = []
    lines = rules = 0

    def rule(size: int) -> None:
        nonlocal rules
        rules += 1
        p = _paragraph(doc, "", BODY_FONT, PAGE_SIZE, indent=False)
        p.paragraph_format.line_spacing = Pt(RULE_PT)
        _border(p, "bottom", size=size, color="000000")
        box.append(p._p)

    def line(text: str, *, hanging: float = 0.0, date: str = ""):  # type: ignore[no-untyped-def]
        p = _paragraph(doc, "", BODY_FONT, PAGE_SIZE, indent=False)
        fmt = p.paragraph_format
        fmt.left_indent = Pt(PAGE_SIZE * (1 + hanging))
        fmt.first_line_indent = Pt(-PAGE_SIZE * hanging)
        if date:  # right-aligned at a tab one character in from the right
            fmt.tab_stops.add_tab_stop(Pt(BLOCK_W * _PT_PER_MM - PAGE_SIZE), WD_TAB_ALIGNMENT.RIGHT)
        else:
            fmt.right_indent = Pt(PAGE_SIZE)
        _font(p.add_run(text + ("\t" + date if date else "")), BODY_FONT, PAGE_SIZE)
        box.append(p._p)

    per_line = BLOCK_W * _PT_PER_MM / PAGE_SIZE - 2  # 4号 characters between the indents
    rule(8)
    if copy_to:
        text = f"抄送：{copy_to}。"
        rest = max(0.0, _ems(text) - per_line)
        lines += 1 + math.ceil(rest / (per_line - 3))
        line(text, hanging=3)
        rule(4 if printed_by or printed_on else 8)
    if printed_by or printed_on:
        lines += 1
        line(printed_by or "", date=f"{format_date(printed_on)}印发" if printed_on else "")
        rule(8)
    anchor = _paragraph(doc, "", BODY_FONT, PAGE_SIZE, indent=False)
    anchor.paragraph_format.line_spacing = Pt(1)
    width = round(BLOCK_W * _PT_PER_MM * _EMU_PER_PT)
    height = round((LINE_PITCH_TWIPS / 20 * lines + (RULE_PT + 1) * rules) * _EMU_PER_PT)
    drawing = parse_xml(
        f'<w:drawing {nsdecls("w", "wp", "a")} xmlns:wps="{_WPS}">'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        ' relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1"'
        ' allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="9704" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        "</wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"'
        ' anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    content = drawing.find(".//" + qn("w:txbxContent"))
    for el in box:
        content.append(el)  # moves it out of the body
    anchor.add_run()._r.append(drawing)


def _signature(doc, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    """发文机关署名 and 成文日期 centred on one axis, the date four characters in from
    the right (GB/T 9704 7.3.5.1); kept on the page of the text before them."""
    body = [el for el in doc.element.body if el.tag != qn("w:sectPr")]
    if body and body[-1].tag == qn("w:p"):
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    blank = _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
    blank.paragraph_format.keep_with_next = True
    date_w = _ems(lines[-1])
    widest = max(_ems(line) for line in lines)
    # the axis, in characters from the right edge of the text block; a long signature
    # still keeps two characters free
    axis = max(4 + date_w / 2, 2 + widest / 2)
    half = axis - 2  # each line centred in a box of this half-width around the axis
    for i, line in enumerate(lines):
        p = _paragraph(doc, line, BODY_FONT, BODY_SIZE, center=True)
        fmt = p.paragraph_format
        fmt.right_indent = Pt((axis - half) * CHAR_PITCH)
        fmt.left_indent = Pt((CHARS - axis - half) * CHAR_PITCH)
        fmt.keep_with_next = i < len(lines) - 1


def _title(doc, text: str):  # type: ignore[no-untyped-def]
    """A title in 小标宋 22 pt, centred, broken between words, and an empty line after it."""
    p = _paragraph(doc, "", TITLE_FONT, TITLE_SIZE, center=True)
    for n, line in enumerate(_title_lines(text)):
        run = p.add_run(line)
        if n:
            run._r.insert(0, OxmlElement("w:br"))
        _font(run, TITLE_FONT, TITLE_SIZE)
    _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
    return p


def write_docx(
    path: Path,
    blocks: list[Block],
    *,
    issuer: str | None = None,
    doc_number: str | None = None,
    copy_to: str | None = None,
    printed_by: str | None = None,
    printed_on: dt.date | None = None,
    signer: str | None = None,
) -> Path:
    """Write ``blocks`` as a GB/T 9704 document.

    issuer: 发文机关标志 (e.g. "云南省高级人民法院文件"), printed in red with the red rule;
    doc_number: 发文字号 (e.g. "云高法〔2026〕3号"), centred above the red rule;
    signer: 签发人 of an upward document (上行文), beside its 发文字号;
    copy_to: 抄送机关, printed_by / printed_on: 印发机关 and 印发日期 — the 版记 at the end.
    Each is left out when not given.
    """
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
    section.footer_distance = Mm(FOOTER_DISTANCE)
    _grid(section)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(BODY_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)
    _masthead(doc, issuer, doc_number, signer)
    for b in blocks:
        if b.kind == "title":
            _title(doc, b.text)
        elif b.kind == "attachment":
            # 附件 on a page of its own: "附件" in 黑体 at the top left, its title centred on
            # the second line (GB/T 9704 8.2)
            p = _paragraph(doc, "附件", H1_FONT, BODY_SIZE, indent=False)
            p.paragraph_format.page_break_before = True
            p.paragraph_format.keep_with_next = True
            _title(doc, b.text).paragraph_format.keep_with_next = True
        elif b.kind == "addressee":  # 主送机关: flush left, on the line under the title
            _paragraph(doc, b.text, BODY_FONT, BODY_SIZE, indent=False)
        elif b.kind in ("h1", "h2"):
            p = _paragraph(doc, b.text, H1_FONT if b.kind == "h1" else H2_FONT, BODY_SIZE)
            p.paragraph_format.keep_with_next = True
        elif b.kind == "p":
            if b.text.startswith("附件："):  # 附件说明: one empty line below the text
                _paragraph(doc, "", BODY_FONT, BODY_SIZE, indent=False)
            _paragraph(doc, b.text, BODY_FONT, BODY_SIZE)
        elif b.kind == "table" and b.rows:
            _table(doc, b.rows)
        elif b.kind == "image" and b.image:
            doc.add_picture(str(b.image), width=Mm(150))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _no_grid(doc.paragraphs[-1])
        elif b.kind == "signature":
            _signature(doc, b.text.splitlines())
    _colophon(doc, copy_to, printed_by, printed_on)
    _font_table_fallbacks(doc)
    doc.save(str(path))
    return path
