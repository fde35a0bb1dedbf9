"""Schema migrations: the SQL files of ``db/migrations``, in order, each in a transaction."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import resource_path
from . import sqlite

if TYPE_CHECKING:
    import sqlite3

MIGRATION_SET = "inspector"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records applied migrations


def migration_files() -> list[Path]:
    return sorted(resource_path("db", "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql"))


def split_statements(script: str) -> Iterator[str]:
    """Yield the complete SQL statements of a script (comments kept with their statement)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite.complete_statement(buf):
            stmt = buf.strip()
            if stmt:
                yield stmt
            buf = ""
    if buf.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buf.strip()[:60]}")


_ADD_COLUMN = re.compile(
    r"^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)\b", re.IGNORECASE | re.MULTILINE
)


def _has_column(conn: Any, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def _runner(path: Path):  # type: ignore[no-untyped-def]
    def run(db: Any) -> None:
        for stmt in split_statements(path.read_text(encoding="utf-8")):
            # adding a column that is there already is skipped: a column may have come with an
            # earlier build's version of another migration (0009 held 0011's columns briefly)
            added = _ADD_COLUMN.search(stmt)
            if added and _has_column(db.conn, added.group(1), added.group(2)):
                continue
            db.conn.execute(stmt)

    return run


@cache
def migrations() -> Any:
    """The app's sqlite-utils migration set (names are the file stems, e.g. ``0001_initial``)."""
    import sqlite_utils

    m = sqlite_utils.Migrations(MIGRATION_SET)
    for path in migration_files():
        m(name=path.stem)(_runner(path))
    return m


def known_names() -> list[str]:
    return [p.stem for p in migration_files()]


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """The migrations recorded in a workspace, in the order they were applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [r[0] for r in rows]


def schema_version(names: list[str]) -> int:
    """The numeric version of a list of migration names (the highest number)."""
    return max((int(n.split("_", 1)[0]) for n in names), default=0)
