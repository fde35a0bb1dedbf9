"""The global search index, brought up to date from the revisions before each search.

Writes stay fast (nothing is indexed while editing or importing); :func:`catch_up`
re-indexes the records whose revisions arrived since the last watermark.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.records import RECORD_TYPES
from ..domain.text_search import match_query, normalize, tokens

SEARCHABLE = {name: rt for name, rt in RECORD_TYPES.items() if rt.searchable}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            parsed = json.loads(value) if value[:1] in "[{" else None
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return " ".join(
                " ".join(map(str, v.values())) if isinstance(v, dict) else _text(v) for v in parsed
            )
        return value
    return str(value)


def catch_up(conn: sqlite3.Connection) -> int:
    """Index every record changed since the watermark; returns how many. Runs in a transaction."""
    mark = conn.execute("SELECT indexed_rowid FROM search_state WHERE id = 1").fetchone()[0]
    top = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM revisions").fetchone()[0]
    if top <= mark:
        return 0
    changed: dict[str, list[str]] = {}
    for record_type, record_id in conn.execute(
        "SELECT DISTINCT record_type, record_id FROM revisions WHERE rowid > ?", (mark,)
    ):
        if record_type in SEARCHABLE:
            changed.setdefault(record_type, []).append(record_id)
    next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM search_text").fetchone()[0]
    n = 0
    for record_type, ids in changed.items():
        rt = SEARCHABLE[record_type]
        cols = ", ".join(rt.searchable)
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            marks = ", ".join("?" for _ in chunk)
            old = conn.execute(
                f"SELECT id FROM search_text WHERE record_id IN ({marks})", chunk
            ).fetchall()
            conn.executemany("DELETE FROM search_index WHERE rowid = ?", old)
            conn.executemany("DELETE FROM search_text WHERE id = ?", old)
            texts, tokens_rows = [], []
            for row in conn.execute(
                f"SELECT id, {cols} FROM {rt.table} WHERE deleted = 0 AND id IN ({marks})", chunk
            ):
                text = " ".join(t for t in (_text(v) for v in row[1:]) if t)
                if text:
                    texts.append((next_id, row[0], record_type, text))
                    tokens_rows.append((next_id, " ".join(tokens(text))))
                    next_id += 1
            conn.executemany(
                "INSERT INTO search_text (id, record_id, record_type, text) VALUES (?, ?, ?, ?)",
                texts,
            )
            conn.executemany("INSERT INTO search_index (rowid, tokens) VALUES (?, ?)", tokens_rows)
            n += len(texts)
    conn.execute("UPDATE search_state SET indexed_rowid = ? WHERE id = 1", (top,))
    return n


@dataclass(frozen=True)
class Hit:
    record_type: str
    record_id: str
    snippet: str


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int = 200,
    record_types: Sequence[str] | None = None,
) -> list[Hit]:
    """Records whose text contains the query (each part of it), ``limit`` at most of each
    record type, the types in the order given (all of them when None)."""
    expr = match_query(query)
    if expr is None:
        return []
    needles = [p for p in normalize(query).split() if p]
    order = {t: i for i, t in enumerate(record_types)} if record_types is not None else None
    # one pass over the matches for their types (the text is read for the chosen ones only):
    # a few times ``limit`` of each type (the phrase check below drops some)
    wanted: dict[str, list[int]] = {}
    for rt, text_id in conn.execute(
        """SELECT t.record_type, t.id FROM search_index s JOIN search_text t ON t.id = s.rowid
           WHERE search_index MATCH ?""",
        (expr,),
    ):
        chosen = wanted.setdefault(rt, [])
        if len(chosen) < limit * 2:
            chosen.append(text_id)
    ids = [i for chosen in wanted.values() for i in chosen]
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows += conn.execute(
            f"SELECT record_type, record_id, text FROM search_text WHERE id IN ({marks}) ORDER BY id",
            chunk,
        ).fetchall()
    found: dict[str, list[Hit]] = {}
    for rt, record_id, text in rows:
        if order is not None and rt not in order:
            continue
        kept = found.setdefault(rt, [])
        if len(kept) >= limit:
            continue
        plain = normalize(text)
        if all(n in plain for n in needles):
            kept.append(Hit(rt, record_id, _snippet(text, plain, needles[0] if needles else "")))
    types = sorted(found, key=lambda t: order[t]) if order is not None else list(found)
    return [hit for t in types for hit in found[t]]


def _snippet(text: str, plain: str, needle: str, width: int = 40) -> str:
    """Where the needle stands in the text as written (its punctuation kept): ``plain`` is
    the normalised text the needle was found in."""
    at = plain.find(needle)
    source = text if len(plain) == len(text) else plain
    if at < 0:
        return source[:width]
    start = max(0, at - width // 3)
    return (
        ("…" if start else "")
        + source[start : start + width]
        + ("…" if start + width < len(source) else "")
    )


def rebuild(conn: sqlite3.Connection) -> int:
    conn.execute("DELETE FROM search_index")
    conn.execute("DELETE FROM search_text")
    conn.execute("UPDATE search_state SET indexed_rowid = 0 WHERE id = 1")
    return catch_up(conn)
