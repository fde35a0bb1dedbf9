"""Compile the Designer forms of ``ui_forms/`` into ``inspector/ui/forms/``.

python installers/build_forms.py          # regenerate
python installers/build_forms.py --check  # exit 1 if a generated file is stale
"""

from __future__ import annotations

import argparse
import re
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
    return trim_imports(result.stdout)


_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import (\([^)]*\)|[^\n]+)\n", re.MULTILINE)


def trim_imports(code: str) -> str:
    """Keep only the Qt names a generated form uses. PySide6 builds a class (and its enums)
    when it is first imported, and naming ``Qt`` builds all of Qt's enums: the forms the window
    paints first would otherwise pay for classes they never use."""
    start = code.find("\nclass ")
    if start < 0:
        return code
    head, body = code[:start], code[start:]

    def used(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).strip("()").split(",") if n.strip()]
        kept = [n for n in names if re.search(rf"\b{re.escape(n)}\b", body)]
        if not kept:
            return ""
        return f"from {match.group(1)} import ({', '.join(kept)})\n"

    return _QT_IMPORT.sub(used, head) + body


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
