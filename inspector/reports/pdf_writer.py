"""The written report as a PDF (reportlab), with its fonts embedded.

The fonts ship with the app (``db/fonts``: subsets of Noto Serif / Sans CJK SC under the SIL
Open Font License, built by ``installers/build_fonts.py``): the PDF reads the same on a
machine without Chinese fonts, and the title, the body and the headings each have their own
face. Lines are broken by the Chinese rule (避头点): a closing mark never starts a line.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _paragraph

from ..paths import resource_path
from .content import Block
from .docx_writer import CELL_PAD, column_widths, table_size

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

#: marks that may not end a line (避尾点): opening brackets and quotes
CANNOT_END = "（《〈「『【〔［｛“‘([{"
_FUZZ = 1e-6


def line_breaks(chars: str, widths: list[float], max_widths: list[float]) -> list[int]:
    """Where each line after the first starts, filling lines greedily by the Chinese rules
    (GB/T 15834): one closing mark that would start a line hangs at the end of the one
    before; when more follow it, or a line would end with an opening mark, characters are
    taken down to the next line instead (推出); a run of Latin letters or digits is not
    broken unless it is longer than half a line."""
    starts: list[int] = []
    start, n = 0, len(chars)
    while start < n:
        limit = max_widths[min(len(starts), len(max_widths) - 1)]
        used, k = 0.0, start
        while k < n and (k == start or used + widths[k] <= limit + _FUZZ):
            used += widths[k]
            k += 1
        if k >= n:
            break
        if chars[k] in CANNOT_START and (k + 1 >= n or chars[k + 1] not in CANNOT_START):
            end = k + 1  # the mark hangs in the margin
        else:
            end = k
            for _ in range(2):
                while end > start + 1 and (
                    chars[end] in CANNOT_START or chars[end - 1] in CANNOT_END
                ):
                    end -= 1
                word = end  # where a Latin word or a number broken here starts
                while word > start + 1 and _latin(chars[word - 1]) and _latin(chars[word]):
                    word -= 1
                if word == end or end - word > (k - start) / 2:
                    break
                end = word
        if end >= n:
            break
        starts.append(end)
        start = end
    return starts


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _dumb_split(word, widths, maxWidths):  # type: ignore[no-untyped-def]
    """textsplit.dumbSplit by the Chinese rules: [[extra space, text], …] a line."""
    if not isinstance(maxWidths, list | tuple):
        maxWidths = [maxWidths]
    bounds = [0, *line_breaks(word, list(widths), list(maxWidths)), len(word)]
    lines = []
    for n, (a, b) in enumerate(itertools.pairwise(bounds)):
        limit = maxWidths[min(n, len(maxWidths) - 1)]
        lines.append([limit - sum(widths[a:b]), word[a:b].strip() if b < len(word) else word[a:]])
    return lines


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):  # type: ignore[no-untyped-def]
    """paragraph.cjkFragSplit by the Chinese rules, for paragraphs of several fragments."""
    units: list[Any] = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            units.extend(_paragraph.cjkU(t, f, encoding) for t in text)
        else:
            units.append(_paragraph.cjkU(text, f, encoding))
    lines: list[Any] = []
    start = 0
    # a forced line break (<br/>) ends a line after its unit
    hard = [i + 1 for i, u in enumerate(units) if hasattr(u.frag, "lineBreak")]
    for stop in [*[h for h in hard if h < len(units)], len(units)]:
        piece = units[start:stop]
        widths = []
        for u in piece:
            w = u.width
            if hasattr(w, "normalizedValue"):
                limit = maxWidths[min(len(lines), len(maxWidths) - 1)]
                w._normalizer = limit
                w = w.normalizedValue(limit)
            widths.append(w)
        text = "".join(str(u)[:1] or " " for u in piece)
        offset = len(lines)
        bounds = [0, *line_breaks(text, widths, list(maxWidths[offset:]) or [maxWidths[-1]])]
        bounds.append(len(piece))
        for n, (a, b) in enumerate(itertools.pairwise(bounds)):
            limit = maxWidths[min(offset + n, len(maxWidths) - 1)]
            used = sum(widths[a:b])
            last = b == len(piece)
            lines.append(
                _paragraph.makeCJKParaLine(
                    piece[a:b], limit, used, limit - used, last and stop in hard, calcBounds
                )
            )
        start = stop
    return _paragraph.ParaLines(kind=1, lines=lines)


# reportlab's own CJK wrapping hangs one closing mark and lets the next start a line, and
# its list of marks is Japanese; both its wrapping paths (the paragraph's for text of
# several fragments, textsplit's for one) break lines here instead
_paragraph.cjkFragSplit = _cjk_frag_split  # type: ignore[attr-defined]
_textsplit.dumbSplit = _dumb_split  # type: ignore[attr-defined]
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
        # a heading never ends a page
        "h1": ParagraphStyle("h1", parent=body, fontName=HEADING, keepWithNext=1),
        "attachment": ParagraphStyle(
            "attachment", parent=body, fontName=HEADING, firstLineIndent=0
        ),
        "h2": ParagraphStyle("h2", parent=body, fontName=TITLE, keepWithNext=1),
        "p": body,
        "addressee": ParagraphStyle("addressee", parent=body, firstLineIndent=0),
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
        if b.kind in ("title", "addressee", "h1", "h2", "p"):
            style = styles[b.kind]
            story.append(Paragraph(markup(b.text, style.fontName), style))
        elif b.kind == "attachment":  # on a page of its own, "附件" at the top left
            story.append(PageBreak())
            story.append(Paragraph(markup("附件", HEADING), styles["attachment"]))
            story.append(Paragraph(markup(b.text, styles["title"].fontName), styles["title"]))
        elif b.kind == "signature":
            story.append(Spacer(1, 24))
            story.extend(
                Paragraph(markup(line, BODY), styles["signature"]) for line in b.text.splitlines()
            )
        elif b.kind == "table" and b.rows:
            size = table_size(b.rows)
            head, cell = (
                ParagraphStyle(f"{n}{size}", parent=styles[n], fontSize=size, leading=size * 4 / 3)
                for n in ("head", "cell")
            )
            data = [
                [
                    Paragraph(
                        markup(v, (head if k == 0 else cell).fontName), head if k == 0 else cell
                    )
                    for v in row
                ]
                for k, row in enumerate(b.rows)
            ]
            widths = column_widths(b.rows, size)
            table = Table(data, repeatRows=1, hAlign="CENTER", colWidths=widths)
            table.setStyle(
                TableStyle(
                    [
                        # the cells are paragraphs; the table's own font is set on the
                        # page all the same, and Helvetica would be left unembedded
                        ("FONTNAME", (0, 0), (-1, -1), BODY),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        # Word's cell margins, which the widths allow for
                        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD / 2),
                        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD / 2),
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
