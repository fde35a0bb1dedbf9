"""How values read on screen.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from .terms import term


def short_time(iso: str | None) -> str:
    """``2025-09-22T09:07:04+08:00`` → ``2025-09-22 09:07`` (in the laptop's time zone)."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def provenance_line(prov: Any) -> str:
    """Who created and last changed a record, on which laptop, when — in grey (rich text,
    the names escaped)."""
    text = QCoreApplication.translate(
        "Provenance", "{0} ({1}) created it on {2}; {3} ({4}) last changed it on {5}"
    ).format(
        prov.created_by,
        term(prov.created_on),
        short_time(prov.created_at),
        prov.updated_by,
        term(prov.updated_on),
        short_time(prov.updated_at),
    )
    return f"<span style='color:#666'>{escape(text)}</span>"
