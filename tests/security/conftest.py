"""Shared helpers: a canary string and a scanner that looks for it in every file."""

from __future__ import annotations

from pathlib import Path

#: a string that must never appear in plain text on disk
CANARY = "金丝雀-CANARY-7f3a9c"


def occurrences(*folders: Path, text: str = CANARY) -> dict[str, int]:
    """Files (recursively) that contain ``text`` as UTF-8 or UTF-16, with their counts."""
    needles = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    found: dict[str, int] = {}
    for folder in folders:
        for p in Path(folder).rglob("*"):
            if p.is_file():
                data = p.read_bytes()
                n = sum(data.count(needle) for needle in needles)
                if n:
                    found[str(p)] = n
    return found
