"""What is generated from sources is fresh: the compiled Designer forms and the translations."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_compiled_forms_match_the_designer_files():
    check = subprocess.run(
        [sys.executable, str(ROOT / "installers" / "build_forms.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_zh_cn_translation_is_complete_and_compiled():
    ts = ROOT / "inspector" / "ui" / "i18n" / "inspector_zh_CN.ts"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).iter("message")
        if m.find("translation").get("type") == "unfinished"
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []
    check = subprocess.run(
        [sys.executable, str(ROOT / "installers" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
