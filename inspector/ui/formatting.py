"""How values read on screen."""

from __future__ import annotations

import datetime as dt


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
