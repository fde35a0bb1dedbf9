"""The written report as a PDF (reportlab), with its fonts embedded.

The fonts ship with the app (``db/fonts``: subsets of Noto Serif / Sans CJK SC under the SIL
Open Font License, built by ``installers/build_fonts.py``): the PDF reads the same on a
machine without Chinese fonts, and the title, the body and the headings each have their own
face. Lines are broken by the Chinese rule (避头点): a closing mark never starts a line.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph

from ..paths import resource_path
from .content import Block

#: reportlab name -> font file in db/fonts
FONTS = {
    "ReportBody": "NotoSerifSC-Regular.ttf",  # 仿宋's place: the body
    "ReportTitle": "NotoSerifSC-Bold.ttf",  # 小标宋's: the title; also 楷体's, level 2
    "ReportHeading": "NotoSansSC-Bold.ttf",  # 黑体's: level-1 headings, table headers
}
BODY, TITLE, HEADING = FONTS

#: marks that may not start a line (GB/T 15834 punctuation; 避头点): closing brackets and
#: quotes, pauses and stops, in full and half width
CANNOT_START = "，。、；：？！）》〉」』】〕］｝”’％‰℃,.;:?!)]}%"

# reportlab's CJK wrapping keeps a mark of its ALL_CANNOT_START on the line it would start
# (the mark hangs in the margin, as Chinese typesetting allows); its list is Japanese and
# lacks the Chinese ，；：？！》. Both of its wrapping paths (the paragraph's and textsplit's
# word splitting) read the module-level string, so the Chinese marks are added to both.
for _module in (_paragraph, _textsplit):
    _module.ALL_CANNOT_START = "".join(  # type: ignore[attr-defined]
        dict.fromkeys(_module.ALL_CANNOT_START + CANNOT_START)  # type: ignore[attr-defined]
    )


def register_fonts() -> None:
    for name, filename in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("db", "fonts", filename))))


def _covered(name: str) -> frozenset[int]:
    """The characters the registered face has glyphs for."""
    face = getattr(pdfmetrics.getFont(name), "face", None)
    return frozenset(getattr(face, "charToGlyph", {}) or ())


_COVERAGE: dict[str, frozenset[int]] = {}


def markup(text: str, face: str) -> str:
    """Text as reportlab's paragraph markup: escaped (a description may hold ``<`` or ``&``),
    and each run of characters the face has no glyph for set in the body face, which holds
    all of GBK (names beyond GB 2312 in a title or a table header)."""
    if face not in _COVERAGE:
        _COVERAGE[face] = _covered(face)
    if face != BODY and BODY not in _COVERAGE:
        _COVERAGE[BODY] = _covered(BODY)
    have = _COVERAGE[face]
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if face != BODY and ord(ch) not in have and ord(ch) in _COVERAGE[BODY]:
            run.append(ch)
            continue
        if run:
            out.append(f'<font face="{BODY}">{escape("".join(run))}</font>')
            run = []
        out.append(escape(ch))
    if run:
        out.append(f'<font face="{BODY}">{escape("".join(run))}</font>')
    return "".join(out)


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=BODY, fontSize=16, leading=28.95, firstLineIndent=32, wordWrap="CJK"
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=TITLE,
            fontSize=22,
            leading=36,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=20,
        ),
        "h1": ParagraphStyle("h1", parent=body, fontName=HEADING),
        "h2": ParagraphStyle("h2", parent=body, fontName=TITLE),
        "p": body,
        "signature": ParagraphStyle(
            "sig", parent=body, alignment=TA_RIGHT, firstLineIndent=0, rightIndent=64
        ),
        "cell": ParagraphStyle(
            "cell", fontName=BODY, fontSize=10.5, leading=14, alignment=TA_CENTER, wordWrap="CJK"
        ),
        "head": ParagraphStyle(
            "head",
            fontName=HEADING,
            fontSize=10.5,
            leading=14,
            alignment=TA_CENTER,
            wordWrap="CJK",
        ),
    }


def _page_number(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    canvas.saveState()
    canvas.setFont(BODY, 14)
    canvas.drawCentredString(A4[0] / 2, 20 * mm, f"— {doc.page} —")
    canvas.restoreState()


def write_pdf(path: Path, blocks: list[Block]) -> Path:
    styles = _styles()
    story: list = []
    for b in blocks:
        if b.kind in ("title", "h1", "h2", "p"):
            style = styles[b.kind]
            story.append(Paragraph(markup(b.text, style.fontName), style))
        elif b.kind == "signature":
            story.append(Spacer(1, 24))
            story.extend(
                Paragraph(markup(line, BODY), styles["signature"]) for line in b.text.splitlines()
            )
        elif b.kind == "table" and b.rows:
            data = [
                [
                    Paragraph(
                        markup(v, styles["head" if k == 0 else "cell"].fontName),
                        styles["head" if k == 0 else "cell"],
                    )
                    for v in row
                ]
                for k, row in enumerate(b.rows)
            ]
            table = Table(data, repeatRows=1, hAlign="CENTER")
            table.setStyle(
                TableStyle(
                    [
                        # the cells are paragraphs; the table's own font is set on the
                        # page all the same, and Helvetica would be left unembedded
                        ("FONTNAME", (0, 0), (-1, -1), BODY),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ]
                )
            )
            story.extend([Spacer(1, 6), table, Spacer(1, 10)])
        elif b.kind == "image" and b.image:
            story.append(Image(str(b.image), width=150 * mm, height=60 * mm))
    doc = SimpleDocTemplate(
        str(path), initialFontName=BODY, pagesize=A4, topMargin=37 * mm, bottomMargin=35 * mm, leftMargin=28 * mm, rightMargin=26 * mm,
        title=blocks[0].text if blocks else "", author="巡查台账",
    )  # fmt: skip
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return path
