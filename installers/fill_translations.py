"""Fill unfinished messages of a .ts file from a JSON file of {source: translation}, then
compile: ``python installers/fill_translations.py zh_CN translations.json``. Sources not in
the file stay unfinished (the translation test names them)."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from build_translations import I18N, compile_qm, update_ts


def fill(lang: str, table: dict[str, str]) -> list[str]:
    ts = I18N / f"inspector_{lang}.ts"
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in table:
            translation.text = table[source]
            del translation.attrib["type"]
        else:
            missing.append(source)
    text = ET.tostring(tree.getroot(), encoding="unicode")
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    ts.write_text(header + text + "\n", encoding="utf-8")
    update_ts(ts)  # back in lupdate's own layout
    compile_qm(ts, I18N / f"inspector_{lang}.qm")
    return missing


if __name__ == "__main__":
    left = fill(sys.argv[1], json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    for source in left:
        print(f"unfinished: {source}")
