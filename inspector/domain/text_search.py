"""Tokens for searching Chinese text: overlapping character pairs, plus whole ASCII words.

``终本约谈`` becomes ``终本 本约 约谈``; a query is the phrase of its own pairs, so a
two-character query (``终本``, ``限高``) is one token and any longer one a phrase
that only matches where the characters stand together.
"""

from __future__ import annotations

import re
import unicodedata

_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9A-Za-z]+")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for run in _RUN.findall(normalize(text)):
        if run.isascii() or len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's query (None when it has nothing to search)."""
    parts = []
    for run in _RUN.findall(normalize(query)):
        if run.isascii() or len(run) == 1:
            parts.append(f'"{run}"*')
        else:
            pairs = [run[i : i + 2] for i in range(len(run) - 1)]
            parts.append('"' + " ".join(pairs) + '"')
    return " AND ".join(parts) if parts else None
