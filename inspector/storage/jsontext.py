"""Stored JSON text, read fast."""

from __future__ import annotations

import json
from typing import Any

import orjson


def loads(text: str) -> Any:
    """Stored JSON text (fast path; the standard parser for anything it refuses)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
