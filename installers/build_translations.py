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
    if stale:
        print("stale translations: " + ", ".join(stale) + " — run installers/build_translations.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
