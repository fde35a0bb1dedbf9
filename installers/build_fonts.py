"""Builds the fonts the PDF report embeds: subsets of Noto Serif / Sans CJK SC (SIL Open Font
License 1.1) holding the characters of GB 2312 and the punctuation of Chinese documents,
converted to TrueType outlines (reportlab embeds TrueType, not the CFF outlines Noto ships).

    python installers/build_fonts.py [NOTO_FOLDER]

reads the Noto CJK collections (Debian's fonts-noto-cjk: /usr/share/fonts/opentype/noto) and
writes db/fonts/*.ttf and db/fonts/OFL.txt. Run it again only to change the character set.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "db" / "fonts"
SOURCE = Path("/usr/share/fonts/opentype/noto")
#: output file -> (collection, the Simplified Chinese face's index in it, its characters):
#: the body face holds every hanzi of GBK — people's and places' names go beyond GB 2312
#: (喆, 堃, 昇…); the PDF writer sets a character the heading faces lack in the body face
FACES = {
    "NotoSerifSC-Regular.ttf": ("NotoSerifCJK-Regular.ttc", 2, "gbk"),  # body (仿宋's place)
    "NotoSerifSC-Bold.ttf": ("NotoSerifCJK-Bold.ttc", 2, "gb2312"),  # title, level 2
    "NotoSansSC-Bold.ttf": ("NotoSansCJK-Bold.ttc", 2, "gb2312"),  # level 1 (黑体's)
}


def charset(encoding: str = "gb2312") -> str:
    """GB 2312 (its 6,763 hanzi and its symbols) — or all of GBK's 21,886 characters —, ASCII
    and Latin-1, and the punctuation, symbols and full-width forms Chinese documents use."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("gb2312"))
    if encoding == "gbk":
        for hi in range(0x81, 0xFF):
            for lo in range(0x40, 0xFF):
                if lo != 0x7F:
                    with contextlib.suppress(UnicodeDecodeError):
                        chars.add(bytes((hi, lo)).decode("gbk"))
    for lo, hi in ((0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2460, 0x24FF)):
        chars |= {chr(c) for c in range(lo, hi + 1)}
    chars |= set("×÷±≤≥≠≈∶％‰℃№•·…—–‘’“”〔〕【】《》〈〉「」『』")
    return "".join(sorted(chars))


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines with quadratic TrueType ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        width = hmtx[name][0]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and readers need none
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def build(source: Path = SOURCE) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for out, (collection, index, encoding) in FACES.items():
        text = charset(encoding)
        font = TTCollection(str(source / collection)).fonts[index]
        options = subset.Options()
        options.layout_features = ["vert", "vrt2"]  # vertical punctuation only
        options.hinting = False
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.drop_tables += ["VORG", "GSUB", "GPOS", "BASE", "JSTF", "DSIG"]
        sub = subset.Subsetter(options)
        sub.populate(text=text)
        sub.subset(font)
        to_truetype(font)
        font.save(OUT / out)
        written.append(OUT / out)
    licence = (source.parent.parent.parent / "doc" / "fonts-noto-cjk" / "copyright").read_text()
    start = licence.index(" SIL OPEN FONT LICENSE Version 1.1")
    end = licence.index("\nLicense:", start)
    lines = [line[1:] if line.startswith(" ") else line for line in licence[start:end].splitlines()]
    body = "\n".join("" if line == "." else line for line in lines)
    (OUT / "OFL.txt").write_text(
        "Noto Serif CJK and Noto Sans CJK: Copyright 2014-2021 Adobe (http://www.adobe.com/),\n"
        "with Reserved Font Name 'Source'. Subsets of the SC faces, outlines converted to\n"
        "TrueType by installers/build_fonts.py.\n\n" + body.strip() + "\n"
    )
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")
