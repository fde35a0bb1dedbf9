"""Generic record reads and writes used by the action services.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import TYPE_CHECKING, Any

from ..domain import court_scope
from ..domain.records import META_COLUMNS, FieldKind, record_type
from ..domain.values import InvalidValue, normalized
from ..errors import NotFound, PermissionDenied, UserError, rule_errors
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


def exists(session: Session, type_name: str, record_id: str) -> bool:
    """Whether the record is there (and not deleted)."""
    rt = record_type(type_name)
    row = session.conn.execute(
        f"SELECT 1 FROM {rt.table} WHERE id = ? AND deleted = 0", (record_id,)
    ).fetchone()
    return row is not None


def find(
    session: Session, type_name: str, where: str = "1", params: tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    rt = record_type(type_name)
    cur = session.conn.execute(f"SELECT * FROM {rt.table} WHERE deleted = 0 AND ({where})", params)
    names = [d[0] for d in cur.description]
    return [decode_row(type_name, dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def _court_may(session: Session, type_name: str, op: str) -> None:
    """An inspected court's liaison writes only what the team accepts from a court."""
    if session.court_id() is not None and not court_scope.may_write(type_name, op):
        raise PermissionDenied(
            "法院联络员只能提交整改方案、整改进展、佐证材料和核查申请，不能修改巡查组的记录"
        )


def create(
    session: Session, type_name: str, fields: dict[str, Any], *, record_id: str | None = None
) -> str:
    _court_may(session, type_name, "create")
    rid = record_id or session.new_id()
    clean = _checked(type_name, _clean(fields))
    with session.transaction(), user_errors():
        session.log.write(type_name, rid, "create", clean, checked=True)
    return rid


def create_many(session: Session, type_name: str, many: list[dict[str, Any]]) -> list[str]:
    """Many new records of one type in one go (a case list): each checked as :func:`create`
    checks it, written together. Runs in the caller's transaction, or one of its own."""
    _court_may(session, type_name, "create")
    made = [(session.new_id(), _checked(type_name, _clean(fields))) for fields in many]
    with session.transaction(), user_errors():
        session.log.create_many(type_name, made, checked=True)
    return [rid for rid, _ in made]


def update(
    session: Session, type_name: str, record_id: str, changes: dict[str, Any]
) -> Revision | None:
    """Write a revision with the fields that really change; None when nothing does."""
    _court_may(session, type_name, "update")
    current = get(session, type_name, record_id)
    clean = _checked(type_name, _clean(changes))
    changed = {k: v for k, v in clean.items() if current.get(k) != v}
    if not changed:
        return None
    with session.transaction(), user_errors():
        return session.log.write(type_name, record_id, "update", changed, checked=True)


def delete(session: Session, type_name: str, record_id: str) -> Revision:
    """Tombstone a record: it disappears from lists but nothing is physically deleted."""
    _court_may(session, type_name, "delete")
    get(session, type_name, record_id)
    with session.transaction():
        return session.log.write(type_name, record_id, "delete")


def restore(session: Session, type_name: str, record_id: str) -> Revision:
    """Bring back a tombstoned record: a revision based on its delete, setting nothing."""
    row = get(session, type_name, record_id, deleted=True)
    if not row["deleted"]:
        raise UserError(f"该{record_type(type_name).label}未被删除")
    with session.transaction():
        return session.log.write(type_name, record_id, "update", {})


def user_errors() -> contextlib.AbstractContextManager[None]:
    """A value no field may hold, found where revisions are written, as a user error."""
    return rule_errors(InvalidValue)


def _checked(type_name: str, fields: dict[str, Any]) -> dict[str, Any]:
    with rule_errors(InvalidValue):
        return normalized(record_type(type_name), fields)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text as it can be stored and sent: lone surrogates (broken pastes) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in fields.items():
        if isinstance(v, str):
            v = clean_text(v).strip()
            v = v or None
        out[k] = v
    return out


def provenance(session: Session, type_name: str, record_id: str) -> dict[str, Any]:
    """Who created and last changed a record, on which laptop, and when."""
    row = get(session, type_name, record_id, deleted=True)
    return {k: row[k] for k in META_COLUMNS}


def revision_mark(session: Session) -> int:
    """Where the revision log stands now (to ask later what changed since)."""
    row = session.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM revisions").fetchone()
    return int(row[0])


def types_changed_since(session: Session, mark: int) -> frozenset[str]:
    """The record types written since :func:`revision_mark` gave ``mark``."""
    return frozenset(
        r[0]
        for r in session.conn.execute(
            "SELECT DISTINCT record_type FROM revisions WHERE rowid > ?", (mark,)
        )
    )
