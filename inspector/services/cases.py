"""Case-list entries: the dossiers reviewers pull by case number.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain.case_numbers import CaseNumberError, parse_case_number
from ..domain.enums import closing_method_from
from ..domain.records import CASE_NODE_FIELDS
from ..errors import UserError, rule_errors
from . import records
from .session import Session

_DATE_FIELDS = {"filing_date", "closing_date"} | {
    f.name for f in CASE_NODE_FIELDS if f.kind == "date"
}


def _case_fields(case_number: str, values: dict[str, Any]) -> dict[str, Any]:
    with rule_errors(CaseNumberError):
        cn = parse_case_number(case_number)
    fields = dict(values)
    for name in _DATE_FIELDS & fields.keys():
        v = fields[name]
        if isinstance(v, dt.date):
            fields[name] = v.isoformat()
        elif v:
            try:
                fields[name] = dt.date.fromisoformat(str(v)).isoformat()
            except ValueError:
                raise UserError(f"日期“{v}”无效，应为 2017-03-05 格式") from None
    if fields.get("network_query_dates") is not None:
        fields["network_query_dates"] = _date_list(fields["network_query_dates"])
    method = fields.get("closing_method")
    if method:
        with rule_errors():
            fields["closing_method"] = str(closing_method_from(method))
    fields.update(
        case_number=cn.text,
        case_number_legacy=1 if cn.legacy else 0,
        case_year=cn.year,
        case_type=cn.type_code,
    )
    return fields


def _date_list(values: Any) -> list[str]:
    """Dates as a sorted list of ISO text without repeats (a case's every network query)."""
    if isinstance(values, (str, dt.date)):
        values = [values]
    out = set()
    for v in values:
        if isinstance(v, dt.date):
            out.add(v.isoformat())
            continue
        try:
            out.add(dt.date.fromisoformat(str(v).strip()).isoformat())
        except ValueError:
            raise UserError(f"网络查控日期“{v}”无效，应为 2017-03-05 格式") from None
    return sorted(out)


def add_case(
    session: Session, *, case_number: str, court_id: str | None = None, **values: Any
) -> str:
    """Add a case to the list (values: any case field, dates as ``date`` or ISO text)."""
    fields = _case_fields(case_number, values)
    fields["court_id"] = court_id
    existing = find_case(session, fields["case_number"])
    if existing is not None:
        raise UserError(f"案号{fields['case_number']}已在案件清单中")
    return records.create(session, "case", fields)


def update_case(session: Session, *, case_id: str, **values: Any) -> None:
    current = records.get(session, "case", case_id)
    number = values.pop("case_number", None) or current["case_number"]
    fields = _case_fields(number, values)
    other = find_case(session, fields["case_number"])
    if other is not None and other["id"] != case_id:
        raise UserError(f"案号{fields['case_number']}已在案件清单中")
    if fields.get("court_id"):
        records.get(session, "court", fields["court_id"])
    records.update(session, "case", case_id, fields)


def find_case(session: Session, case_number: str) -> dict[str, Any] | None:
    try:
        text = parse_case_number(case_number).text
    except CaseNumberError:
        return None
    rows = records.find(session, "case", "case_number = ?", (text,))
    return rows[0] if rows else None
