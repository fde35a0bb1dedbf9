"""Refresh the Qt translation sources (.ts) from the code and compile them (.qm).

    python installers/build_translations.py          # update .ts, then compile .qm
    python installers/build_translations.py --check  # exit 1 if .ts or .qm are stale

Translators edit ``inspector/ui/i18n/inspector_zh_CN.ts`` (Qt Linguist works).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "inspector" / "ui" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6)")
    return found


def sources() -> list[str]:
    """Python controllers and Designer forms (the generated form modules are skipped)."""
    ui = ROOT / "inspector" / "ui"
    code = [p for p in ui.rglob("*.py") if "i18n" not in p.parts and "forms" not in p.parts]
    forms = (ROOT / "ui_forms").glob("*.ui")
    return sorted(str(p) for p in [*code, *forms])


def update_ts(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def write_terms_ts(ts: Path) -> None:
    """The English of the domain terms (``inspector/ui/terms_en.py``) as a Qt translation
    source, context ``Terms``."""
    from xml.sax.saxutils import escape

    sys.path.insert(0, str(ROOT))
    from inspector.ui.terms_en import TERMS

    messages = "".join(
        f"    <message>\n        <source>{escape(zh)}</source>\n"
        f"        <translation>{escape(en)}</translation>\n    </message>\n"
        for zh, en in sorted(TERMS.items())
    )
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en" sourcelanguage="zh_CN">\n<context>\n'
        f"    <name>Terms</name>\n{messages}</context>\n</TS>\n",
        encoding="utf-8",
    )


def terms(check: bool, stale: list[str]) -> None:
    ts, qm = I18N / "inspector_en.ts", I18N / "inspector_en.qm"
    if not check:
        write_terms_ts(ts)
        compile_qm(ts, qm)
        return
    with tempfile.TemporaryDirectory() as tmp:
        ts_copy, qm_copy = Path(tmp) / ts.name, Path(tmp) / qm.name
        write_terms_ts(ts_copy)
        if not ts.exists() or ts_copy.read_bytes() != ts.read_bytes():
            stale.append(str(ts.relative_to(ROOT)))
        compile_qm(ts_copy, qm_copy)
        if not qm.exists() or qm_copy.read_bytes() != qm.read_bytes():
            stale.append(str(qm.relative_to(ROOT)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for lang in LANGUAGES:
        ts = I18N / f"inspector_{lang}.ts"
        qm = I18N / f"inspector_{lang}.qm"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                ts_copy = Path(tmp) / ts.name
                shutil.copy(ts, ts_copy)
                update_ts(ts_copy)
                if ts_copy.read_bytes() != ts.read_bytes():
                    stale.append(str(ts.relative_to(ROOT)))
                qm_copy = Path(tmp) / qm.name
                compile_qm(ts, qm_copy)
                if not qm.exists() or qm_copy.read_bytes() != qm.read_bytes():
                    stale.append(str(qm.relative_to(ROOT)))
        else:
            update_ts(ts)
            compile_qm(ts, qm)
    terms(args.check, stale)
    if stale:
        print("stale translations: " + ", ".join(stale) + " — run installers/build_translations.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
