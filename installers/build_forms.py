"""Compile the Designer forms of ``ui_forms/`` into ``inspector/ui/forms/``.

python installers/build_forms.py          # regenerate
python installers/build_forms.py --check  # exit 1 if a generated file is stale
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui_forms"
OUT = ROOT / "inspector" / "ui" / "forms"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    found = str(exe) if exe.exists() else shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found (install PySide6)")
    return found


def compile_form(ui: Path) -> str:
    result = subprocess.run(
        [uic(), "--from-imports", str(ui)], check=True, capture_output=True, text=True
    )
    return result.stdout


def target(ui: Path) -> Path:
    return OUT / f"ui_{ui.stem}.py"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").touch()
    stale = []
    forms = sorted(FORMS.glob("*.ui"))
    for ui in forms:
        code = compile_form(ui)
        out = target(ui)
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != code:
                stale.append(out.name)
        else:
            out.write_text(code, encoding="utf-8")
    orphans = {p.name for p in OUT.glob("ui_*.py")} - {target(ui).name for ui in forms}
    if args.check and orphans:
        stale.extend(sorted(orphans))
    if stale:
        print("stale generated forms: " + ", ".join(stale) + " — run installers/build_forms.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
