"""Conflicts the leader decides, and the provenance of every record.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..domain.merge import DELETED_FIELD, STATE_FIELD
from ..domain.records import RECORD_TYPES, record_type
from ..domain.rectification import Action, State
from ..errors import PermissionDenied, UserError
from ..storage.revisions import iter_revisions
from ..sync import roster as roster_mod
from . import records
from .session import Session
from .team import member_names


@dataclass(frozen=True)
class ConflictView:
    record_type: str
    record_id: str
    field: str
    record_label: str
    field_label: str
    summary: str
    candidates: list[dict[str, Any]]

    @property
    def key(self) -> str:
        """How the command line names the conflict: the record's id and the field."""
        return f"{self.record_id}:{self.field}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "record_type": self.record_type,
            "record_id": self.record_id,
            "field": self.field,
            "record_label": self.record_label,
            "field_label": self.field_label,
            "summary": self.summary,
            "candidates": self.candidates,
        }


_SUMMARY_FIELDS = {
    "problem": "description",
    "rectification_item": "measure",
    "case": "case_number",
    "court": "name",
    "member": "name",
    "campaign": "name",
    "interview": "place",
    "review": "note",
    "review_answer": "item_code",
    "item_event": "note",
    "attachment": "filename",
    "category": "name",
}


def _field_label(type_name: str, name: str) -> str:
    if name == DELETED_FIELD:
        return "删除/保留"
    if name == STATE_FIELD:
        return "整改状态"
    rt = record_type(type_name)
    for f in (*rt.fields, *rt.derived):
        if f.name == name:
            return f.label
    return name


def list_conflicts(session: Session) -> list[ConflictView]:
    """Every open conflict, with both (or all) values, who set them, on which laptop, when."""
    names = member_names(session)
    trusted = roster_mod.trusted(session.conn)
    out = []
    for type_name, record_id, field_name, candidates in session.conn.execute(
        "SELECT record_type, record_id, field, candidates FROM conflicts "
        "ORDER BY record_type, record_id, field"
    ):
        rt = RECORD_TYPES[type_name]
        summary_field = _SUMMARY_FIELDS.get(type_name, "id")
        row = session.conn.execute(
            f"SELECT {summary_field} FROM {rt.table} WHERE id = ?", (record_id,)
        ).fetchone()
        cands = json.loads(candidates)
        for c in cands:
            c["display"] = display_value(type_name, field_name, c.get("value"))
            c["member"] = names.get(c.get("member_id"), "未知组员")
            device = trusted.get(c.get("device_id"))
            c["device"] = f"{device.name}的电脑" if device else str(c.get("device_id", ""))[:8]
        out.append(
            ConflictView(
                record_type=type_name,
                record_id=record_id,
                field=field_name,
                record_label=rt.label,
                field_label=_field_label(type_name, field_name),
                summary=str(row[0] if row and row[0] is not None else record_id)[:60],
                candidates=cands,
            )
        )
    return out


def display_value(type_name: str, field: str, value: Any) -> str:
    """A conflict value as the leader reads it."""
    if field == DELETED_FIELD:
        return "删除该记录" if value else "保留该记录（含修改）"
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "（空）"
    if field == "role":
        return {"leader": "组长", "verifier": "核查人", "inspector": "检查人员"}.get(
            str(value), str(value)
        )
    return str(value)


def parse_value(type_name: str, field: str, text: str) -> Any:
    """A value typed by the leader, in the field's kind (UserError when it does not fit)."""
    from ..domain.records import FieldKind

    text = text.strip()
    if field == DELETED_FIELD:
        raise UserError("删除冲突只能选择“删除”或“保留”")
    if field == STATE_FIELD:
        try:
            return str(State(text))
        except ValueError:
            raise UserError("状态应为：" + "、".join(s.value for s in State)) from None
    kind = record_type(type_name).field(field).kind
    try:
        if not text:
            return None
        if kind == FieldKind.INTEGER:
            return int(text)
        if kind == FieldKind.REAL:
            return float(text)
        if kind == FieldKind.DATE:
            return dt.date.fromisoformat(text).isoformat()
        if kind == FieldKind.JSON:
            return [
                part.strip()
                for part in text.replace("，", "、").replace(",", "、").split("、")
                if part.strip()
            ]
    except ValueError:
        raise UserError(f"“{text}”不是有效的{_field_label(type_name, field)}") from None
    return text


def resolve_conflict(
    session: Session,
    *,
    record_type_name: str,
    record_id: str,
    field: str,
    value: Any,
    note: str = "",
) -> None:
    """The leader decides a conflict; the decision is a new revision based on every side.

    ``value`` is the chosen (or newly written) value; for a delete conflict, True
    deletes and False keeps the record; for a state conflict, the state.
    """
    if session.role() != "leader":
        raise PermissionDenied("只有组长可以处理冲突")
    row = session.conn.execute(
        "SELECT 1 FROM conflicts WHERE record_id = ? AND field = ?", (record_id, field)
    ).fetchone()
    if row is None:
        raise UserError("该冲突已处理或不存在")
    with session.transaction():
        if field == DELETED_FIELD:
            session.log.write(record_type_name, record_id, "delete" if value else "update", {})
        elif field == STATE_FIELD:
            item = records.get(session, "rectification_item", record_id)
            state = State(value)
            records.create(
                session,
                "item_event",
                {
                    "item_id": record_id,
                    "event_kind": "transition",
                    "action": str(Action.RESOLVE),
                    "from_state": item["state"],
                    "to_state": str(state),
                    "note": note or "组长处理状态冲突",
                    "evidence": [],
                    "at": session.clock().isoformat(timespec="seconds"),
                    "member_id": session.member_id,
                    "after_events": item["state_leaves"],
                },
            )
        else:
            session.log.write(record_type_name, record_id, "update", {field: value})


def decide_conflict(
    session: Session, *, key: str, take: int | None = None, value: str | None = None, note: str = ""
) -> str:
    """The leader decides the conflict ``key`` (see :attr:`ConflictView.key`): keep its
    ``take``-th value (1-based, as listed), or a new ``value`` written as the UI accepts it.
    The command line's way to the conflict page; returns what was decided, in words."""
    found = next((c for c in list_conflicts(session) if c.key == key), None)
    if found is None:
        raise UserError(f"没有编号为“{key}”的冲突（可能已处理）；用 inspector conflicts 查看")
    if take is not None:
        if not 1 <= take <= len(found.candidates):
            raise UserError(
                f"该冲突只有{len(found.candidates)}个值，请选 1 至 {len(found.candidates)}"
            )
        chosen = found.candidates[take - 1]["value"]
    else:
        chosen = parse_value(found.record_type, found.field, value or "")
    resolve_conflict(
        session,
        record_type_name=found.record_type,
        record_id=found.record_id,
        field=found.field,
        value=chosen,
        note=note,
    )
    return f"{found.record_label}“{found.summary}”的{found.field_label}定为“{display_value(found.record_type, found.field, chosen)}”"


@dataclass(frozen=True)
class Provenance:
    record_type: str
    record_id: str
    created_by: str
    created_on: str
    created_at: str
    updated_by: str
    updated_on: str
    updated_at: str
    history: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "record_type": self.record_type,
            "record_id": self.record_id,
            "created": {"by": self.created_by, "laptop": self.created_on, "at": self.created_at},
            "updated": {"by": self.updated_by, "laptop": self.updated_on, "at": self.updated_at},
            "history": self.history,
        }


def record_provenance(session: Session, *, record_id: str) -> Provenance:
    """Who created and last changed a record, on which laptop and when, and every change."""
    revs = list(iter_revisions(session.conn, "WHERE record_id = ?", (record_id,)))
    if not revs:
        raise UserError(f"没有编号为“{record_id}”的记录")
    names = member_names(session)
    trusted = roster_mod.trusted(session.conn)

    def who(member_id: str | None) -> str:
        return str(names.get(member_id or "", "系统" if member_id is None else "未知组员"))

    owners = {
        m["device_id"]: m["name"] for m in records.find(session, "member") if m.get("device_id")
    }

    def laptop(device: str) -> str:
        if device == session.device_id:
            return "本机"
        ident = trusted.get(device)
        if ident is not None:
            return f"{ident.name}的电脑"
        if device in owners:
            return f"{owners[device]}的电脑"
        return "预置数据" if device == "reference" else device[:8]

    row = records.get(session, revs[0].record_type, record_id, deleted=True)
    history = [
        {
            "op": r.op,
            "by": who(r.member_id),
            "laptop": laptop(r.device_id),
            "at": r.created_at,
            "fields": sorted(r.fields),
            "revision": r.id,
        }
        for r in revs
    ]
    return Provenance(
        record_type=revs[0].record_type,
        record_id=record_id,
        created_by=who(row["created_by"]),
        created_on=laptop(row["created_device"]),
        created_at=row["created_at"],
        updated_by=who(row["updated_by"]),
        updated_on=laptop(row["updated_device"]),
        updated_at=row["updated_at"],
        history=history,
    )
