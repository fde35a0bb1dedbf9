"""CSV that spreadsheet programs open as data: no cell is taken for a formula.

A CSV opened in Excel or WPS runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A1``). Text that starts so is written with a
leading apostrophe, which spreadsheet programs show as the text itself; numbers stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

_LEADING = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_LEADING):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose text cells cannot become formulas."""

    def __init__(self, f: Any) -> None:
        self._w = csv.writer(f)

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_frame(frame: Any) -> Any:
    """A pandas frame whose text cells cannot become formulas (numbers untouched)."""
    from pandas.api.types import is_numeric_dtype

    out = frame.copy()
    for column in out.columns:
        if not is_numeric_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    out.columns = [safe_cell(str(c)) for c in out.columns]
    return out
