"""The layers of the design: nothing outside inspector/ui imports Qt."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "inspector"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_qt_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        if any(m.split(".")[0] in QT_MODULES for m in imported_modules(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_domain_is_pure():
    for path in (PACKAGE / "domain").rglob("*.py"):
        mods = imported_modules(path)
        assert not {
            m for m in mods if m.split(".")[0] in ("sqlite3", "sqlite_utils", *QT_MODULES)
        }, path


def test_ui_and_cli_reach_storage_only_through_services():
    for path in [PACKAGE / "cli.py", *(PACKAGE / "ui").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.lstrip(".").startswith("storage"), (path, node.module)
