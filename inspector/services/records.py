"""Generic record reads and writes used by the action services."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..domain.records import META_COLUMNS, FieldKind, record_type
from ..errors import NotFound
from .session import Session

if TYPE_CHECKING:
    from ..storage.revisions import Revision


def decode_row(type_name: str, row: dict[str, Any]) -> dict[str, Any]:
    rt = record_type(type_name)
    for f in (*rt.fields, *rt.derived):
        if f.kind == FieldKind.JSON and isinstance(row.get(f.name), str):
            row[f.name] = json.loads(row[f.name])
    if isinstance(row.get("heads"), str):
        row["heads"] = json.loads(row["heads"])
    return row


def get(
    session: Session, type_name: str, record_id: str, *, deleted: bool = False
) -> dict[str, Any]:
    """One record as a dict; raises :class:`NotFound` (tombstoned records too, unless asked)."""
    rt = record_type(type_name)
    cur = session.conn.execute(f"SELECT * FROM {rt.table} WHERE id = ?", (record_id,))
    row = cur.fetchone()
    record = dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None
    if record is None or (record["deleted"] and not deleted):
        raise NotFound(f"找不到该{rt.label}（可能已被删除）")
    return decode_row(type_name, record)


def find(
    session: Session, type_name: str, where: str = "1", params: tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    rt = record_type(type_name)
    cur = session.conn.execute(f"SELECT * FROM {rt.table} WHERE deleted = 0 AND ({where})", params)
    names = [d[0] for d in cur.description]
    return [decode_row(type_name, dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def create(
    session: Session, type_name: str, fields: dict[str, Any], *, record_id: str | None = None
) -> str:
    rid = record_id or session.new_id()
    with session.transaction():
        session.log.write(type_name, rid, "create", _clean(fields))
    return rid


def update(
    session: Session, type_name: str, record_id: str, changes: dict[str, Any]
) -> Revision | None:
    """Write a revision with the fields that really change; None when nothing does."""
    current = get(session, type_name, record_id)
    changed = {k: v for k, v in _clean(changes).items() if current.get(k) != v}
    if not changed:
        return None
    with session.transaction():
        return session.log.write(type_name, record_id, "update", changed)


def delete(session: Session, type_name: str, record_id: str) -> Revision:
    """Tombstone a record: it disappears from lists but nothing is physically deleted."""
    get(session, type_name, record_id)
    with session.transaction():
        return session.log.write(type_name, record_id, "delete")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in fields.items():
        if isinstance(v, str):
            v = v.strip()
            v = v or None
        out[k] = v
    return out


def provenance(session: Session, type_name: str, record_id: str) -> dict[str, Any]:
    """Who created and last changed a record, on which laptop, and when."""
    row = get(session, type_name, record_id, deleted=True)
    return {k: row[k] for k in META_COLUMNS}
