"""The written report as a PDF (reportlab, with the Adobe Song font every PDF reader has)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .content import Block

FONT = "STSong-Light"


def _styles() -> dict[str, ParagraphStyle]:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=16, leading=28.95, firstLineIndent=32, wordWrap="CJK"
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontSize=22,
            leading=36,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=20,
        ),
        "h1": ParagraphStyle("h1", parent=body),
        "h2": ParagraphStyle("h2", parent=body),
        "p": body,
        "signature": ParagraphStyle(
            "sig", parent=body, alignment=TA_RIGHT, firstLineIndent=0, rightIndent=64
        ),
        "cell": ParagraphStyle(
            "cell", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_CENTER, wordWrap="CJK"
        ),
    }


def _page_number(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    canvas.saveState()
    canvas.setFont(FONT, 14)
    canvas.drawCentredString(A4[0] / 2, 20 * mm, f"— {doc.page} —")
    canvas.restoreState()


def write_pdf(path: Path, blocks: list[Block]) -> Path:
    styles = _styles()
    story: list = []
    for b in blocks:
        if b.kind in ("title", "h1", "h2", "p"):
            story.append(Paragraph(b.text, styles[b.kind]))
        elif b.kind == "signature":
            story.append(Spacer(1, 24))
            story.extend(Paragraph(line, styles["signature"]) for line in b.text.splitlines())
        elif b.kind == "table" and b.rows:
            data = [[Paragraph(v, styles["cell"]) for v in row] for row in b.rows]
            table = Table(data, repeatRows=1, hAlign="CENTER")
            table.setStyle(
                TableStyle(
                    [
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
        str(path), pagesize=A4, topMargin=37 * mm, bottomMargin=35 * mm, leftMargin=28 * mm, rightMargin=26 * mm,
        title=blocks[0].text if blocks else "", author="巡查台账",
    )  # fmt: skip
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return path
