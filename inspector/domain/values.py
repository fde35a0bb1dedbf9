"""What a field may hold: finite numbers of a sensible size, and text of a bounded length.

A value that entered once travels in every package the laptop sends, so it is checked where it
enters (forms, imports, services) and again where revisions are written. ``NaN`` or
``Infinity`` in an amount (common in spreadsheets made with pandas) cannot be written to JSON
that other laptops read; a 10 MB interview makes every later package too big to accept. The
limits here keep every revision inside what the package reader accepts.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .records import Field, FieldKind, RecordType

#: the largest amount of money a field holds: ten trillion yuan (with its cents, fifteen
#: significant digits: the SQLite and Python readers of a revision then agree on every value)
MAX_AMOUNT = 1e13
#: decimals a real number keeps (money has two, ratios four): smaller magnitudes are noise
REAL_DECIMALS = 6
#: integers beyond this lose precision in JSON readers
MAX_INTEGER = 2**53
#: characters of a text field meant for long prose (records, descriptions, notes)
LONG_TEXT = 100_000
#: characters of any other text field (names, places, codes)
SHORT_TEXT = 2_000
#: characters of a list or mapping field, as JSON (a province's sample lists 11,000 cases)
MAX_JSON = 1_000_000
#: bytes of one revision as a package line: what the package reader accepts, and so what a
#: revision may come to when it is written (checked on the encoded line itself)
MAX_REVISION_BYTES = 4 * 1024 * 1024

LONG_FIELDS = frozenset(
    {
        "text",
        "description",
        "note",
        "measure",
        "evidence",
        "summary",
        "caption",
        "auto_reason",
        "decision_reason",
        "report_process",
        "report_facts",
        "report_analysis",
        "report_opinion",
        "conclusion_note",
        "discipline_referral",
        "feedback_note",
        "clearing_note",
        "body",
    }
)


class InvalidValue(ValueError):
    """A value a field may not hold; ``str()`` is the message for the user."""


def text_limit(field: Field) -> int:
    return LONG_TEXT if field.name in LONG_FIELDS else SHORT_TEXT


def _label(field: Field) -> str:
    return field.label or field.name


def check_number(value: Any, label: str, *, integer: bool = False) -> None:
    """Raise :class:`InvalidValue` unless ``value`` is a finite number of a sensible size."""
    if isinstance(value, bool):
        return
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValue(f"“{label}”不是有效的数字（{value}），请填写具体数值")
    limit = MAX_INTEGER if integer else MAX_AMOUNT
    if isinstance(value, int):
        if abs(value) > limit:
            raise InvalidValue(f"“{label}”的数值过大（{len(str(abs(value)))}位数），请核对")
    elif isinstance(value, float) and abs(value) > limit:
        raise InvalidValue(f"“{label}”的数值过大（{value:.3g}），请核对")


def _check_nested(value: Any, label: str, depth: int = 0) -> None:
    if depth > 16:
        raise InvalidValue(f"“{label}”的内容嵌套过深")
    if isinstance(value, dict):
        for v in value.values():
            _check_nested(v, label, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _check_nested(v, label, depth + 1)
    elif isinstance(value, (int, float)):
        check_number(value, label)


def check_field(field: Field, value: Any) -> None:
    """Raise :class:`InvalidValue` when ``value`` may not be stored in ``field``."""
    if value is None:
        return
    label = _label(field)
    if field.kind in (FieldKind.INTEGER, FieldKind.REAL):
        if isinstance(value, str):
            raise InvalidValue(f"“{label}”应为数字")
        check_number(value, label, integer=field.kind == FieldKind.INTEGER)
    elif field.kind == FieldKind.JSON:
        _check_nested(value, label)
        try:
            size = len(json.dumps(value, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError) as e:
            raise InvalidValue(f"“{label}”的内容无效") from e
        if size > MAX_JSON:
            raise InvalidValue(f"“{label}”内容过多（{size}字符），请分开记录")
    elif isinstance(value, str):
        limit = text_limit(field)
        if len(value) > limit:
            raise InvalidValue(
                f"“{label}”过长（{len(value)}字，最多{limit}字）；请删减，或把长材料作为附件上传"
            )
    elif isinstance(value, (int, float)):
        check_number(value, label)


def check_fields(rt: RecordType, fields: dict[str, Any]) -> None:
    """Every value of a revision's fields."""
    names = rt.field_set
    for name, value in fields.items():
        if value is None or (type(value) is str and len(value) <= SHORT_TEXT):
            continue  # nothing to check (the common case, made fast for bulk imports)
        if name in names:
            check_field(rt.field(name), value)


def normalized(rt: RecordType, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields checked (see :func:`check_field`), numbers in their stored form: reals with
    at most :data:`REAL_DECIMALS` decimals, integers as integers. Every laptop, whichever way it
    reads a revision, then gets exactly the same number."""
    check_fields(rt, fields)
    out = dict(fields)
    for name, value in fields.items():
        if name not in rt.field_set or value is None or isinstance(value, bool):
            continue
        kind = rt.field(name).kind
        if kind == FieldKind.REAL and isinstance(value, (int, float)):
            out[name] = round(float(value), REAL_DECIMALS) + 0.0  # no negative zero
        elif kind == FieldKind.INTEGER and isinstance(value, float):
            if not value.is_integer():
                raise InvalidValue(f"“{_label(rt.field(name))}”应为整数")
            out[name] = int(value)
    return out


def check_revision_size(rt: RecordType, encoded: int) -> None:
    """A revision's encoded size (its package line, in bytes) must be readable by others."""
    if encoded > MAX_REVISION_BYTES:
        raise InvalidValue(
            f"{rt.label}的内容过多（{encoded // 1024} KB），请删减，或把长材料作为附件上传"
        )
