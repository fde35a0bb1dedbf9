"""Rectification items and their events: 解决一个、销号一个.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.enums import Role
from ..domain.rectification import (
    Action,
    EventKind,
    Kind,
    State,
    Status,
    TransitionError,
    allowed_actions,
    item_status,
    transition,
    validate_item,
)
from ..errors import PermissionDenied, UserError, rule_errors
from . import records
from .attachments import add_attachment, read_attachment_file
from .session import Session


def add_item(
    session: Session,
    *,
    problem_id: str,
    measure: str,
    kind: str = Kind.BY_DEADLINE,
    deadline: dt.date | None = None,
    responsible_unit: str = "",
    responsible_person: str = "",
    supervisor: str = "",
    goal: str = "",
    phone: str = "",
    note: str = "",
) -> str:
    if not measure.strip():
        raise UserError("请填写整改措施")
    with rule_errors():
        k = Kind(kind)
        validate_item(k, deadline)
    records.get(session, "problem", problem_id)
    return records.create(
        session,
        "rectification_item",
        {
            "problem_id": problem_id,
            "measure": measure,
            "kind": str(k),
            "deadline": deadline.isoformat() if deadline else None,
            "responsible_unit": responsible_unit,
            "responsible_person": responsible_person,
            "supervisor": supervisor,
            "goal": goal,
            "phone": phone,
            "note": note,
        },
    )


def update_item(session: Session, *, item_id: str, **changes: Any) -> None:
    item = records.get(session, "rectification_item", item_id)
    if isinstance(changes.get("deadline"), dt.date):
        changes["deadline"] = changes["deadline"].isoformat()
    kind = Kind(changes.get("kind", item["kind"]))
    deadline = changes.get("deadline", item["deadline"])
    with rule_errors():
        validate_item(kind, dt.date.fromisoformat(deadline) if deadline else None)
    records.update(session, "rectification_item", item_id, changes)


def _event(
    session: Session,
    item_id: str,
    kind: EventKind,
    *,
    note: str = "",
    evidence: list[str] | None = None,
    action: Action | None = None,
    from_state: State | None = None,
    to_state: State | None = None,
    after: list[str] | None = None,
) -> str:
    return records.create(
        session,
        "item_event",
        {
            "item_id": item_id,
            "event_kind": str(kind),
            "action": str(action) if action else None,
            "from_state": str(from_state) if from_state else None,
            "to_state": str(to_state) if to_state else None,
            "note": note,
            "evidence": list(evidence or []),
            "at": session.clock().isoformat(timespec="seconds"),
            "member_id": session.member_id,
            "after_events": list(after) if after is not None else None,
        },
    )


@dataclass(frozen=True)
class EvidenceFile:
    filename: str
    data: bytes
    caption: str = ""

    @classmethod
    def from_path(cls, path: Path) -> EvidenceFile:
        """A file the user picked (size checked before it is read, name cleaned)."""
        return cls(*read_attachment_file(Path(path)))


def _store_evidence(session: Session, item_id: str, files: list[EvidenceFile]) -> list[str]:
    return [
        add_attachment(
            session,
            owner_type="rectification_item",
            owner_id=item_id,
            filename=f.filename,
            data=f.data,
            caption=f.caption,
        )
        for f in files
    ]


def act(
    session: Session,
    *,
    item_id: str,
    action: Action | str,
    note: str = "",
    evidence: list[EvidenceFile] | None = None,
) -> State:
    """Take a state-machine action on an item (start, submit, return, close, reopen).

    Closing (销号) is for leaders and verifiers only and needs evidence and a note.
    The event records who, when, from, to, the note and the evidence.
    """
    action = Action(action)
    item = records.get(session, "rectification_item", item_id)
    if len(item["state_leaves"] or []) > 1:
        raise UserError("该事项的状态在不同电脑上被同时修改，请组长先在“冲突处理”中确定状态")
    state = State(item["state"])
    role = session.role()
    files = list(evidence or [])
    try:
        new_state = transition(
            state,
            action,
            role=role,
            evidence_count=int(item["evidence_count"] or 0) + len(files),
            note=note,
        )
    except TransitionError as e:
        if "只有组长或核查人" in str(e):
            raise PermissionDenied(str(e)) from e
        raise UserError(str(e)) from e
    with session.transaction():
        ids = _store_evidence(session, item_id, files)
        _event(
            session,
            item_id,
            EventKind.TRANSITION,
            note=note,
            evidence=ids,
            action=action,
            from_state=state,
            to_state=new_state,
            after=item["state_leaves"] or [],
        )
    return new_state


def add_progress(session: Session, *, item_id: str, note: str) -> str:
    """A progress note (整改进展); the ledger shows the latest."""
    if not note.strip():
        raise UserError("请填写整改进展")
    item = records.get(session, "rectification_item", item_id)
    if item["state"] == State.CLOSED:
        raise UserError("事项已销号，如问题反弹请先重新打开")
    return _event(session, item_id, EventKind.PROGRESS, note=note)


def add_recheck(session: Session, *, item_id: str, outcome: Action, note: str) -> str:
    """A 回头看 re-check noted on a closed item, changing no state: the item stays closed, and
    the note is its latest 整改进展. The follow-up's rules (which items, which outcomes, a
    reopening) are :func:`.follow_up.record_recheck`'s."""
    from ..domain.follow_up import RECHECKS

    if outcome not in RECHECKS:
        raise ValueError(f"not a re-check: {outcome}")
    if not note.strip():
        raise UserError("请填写复查情况")
    item = records.get(session, "rectification_item", item_id)
    if item["state"] != State.CLOSED:
        raise UserError(f"事项当前状态为“{item['state']}”，只有已销号的事项可以复查")
    return _event(session, item_id, EventKind.PROGRESS, note=note, action=outcome)


def add_evidence(
    session: Session, *, item_id: str, files: list[EvidenceFile], note: str = ""
) -> list[str]:
    """Attach supporting material (佐证材料) without changing the state."""
    if not files:
        raise UserError("请选择佐证材料")
    records.get(session, "rectification_item", item_id)
    with session.transaction():
        ids = _store_evidence(session, item_id, files)
        _event(session, item_id, EventKind.EVIDENCE, note=note, evidence=ids)
    return ids


def item_events(session: Session, *, item_id: str) -> list[dict[str, Any]]:
    rows = records.find(session, "item_event", "item_id = ?", (item_id,))
    return sorted(rows, key=lambda r: (r["at"] or "", r["created_rev"] or ""))


def status_of(session: Session, item: dict[str, Any], today: dt.date | None = None) -> Status:
    """An item's light; one submitted for checking by its deadline is 待核查逾期 once the
    deadline passes, not 逾期."""
    deadline = dt.date.fromisoformat(item["deadline"]) if item["deadline"] else None
    changed = item.get("state_changed_at")
    submitted_on = dt.date.fromisoformat(str(changed)[:10]) if changed else None
    return item_status(
        State(item["state"]),
        deadline,
        today or session.today(),
        session.calendar,
        submitted_on=submitted_on,
    )


def available_actions(session: Session, *, item_id: str) -> list[Action]:
    item = records.get(session, "rectification_item", item_id)
    try:
        role = session.role()
    except PermissionDenied:
        return []
    return allowed_actions(State(item["state"]), Role(role))


@dataclass(frozen=True)
class UnauthorizedAction:
    """A 销号, 退回 or 重开 this laptop made when the leader's roster did not give it the role
    for it (a verifier demoted while offline): the leader refuses every package that holds it
    until this laptop takes it back."""

    event_id: str
    item_id: str
    measure: str
    action: str
    at: str


def unauthorized_actions(session: Session) -> list[UnauthorizedAction]:
    """This laptop's privileged item actions that its role, as the roster gives it for each
    revision, did not allow — and that it has not yet taken back."""
    from ..sync import roster as roster_mod
    from ..sync.outline import PRIVILEGED_ACTIONS
    from .session import own_devices

    trusted = roster_mod.trusted(session.conn)
    marks = ", ".join("?" for _ in PRIVILEGED_ACTIONS)
    out = []
    for device in own_devices(session):
        ident = trusted.get(device)
        if ident is None:
            continue
        rows = session.conn.execute(
            f"""SELECT r.seq, e.id, e.item_id, e.action, e.at, i.measure
                FROM revisions r
                JOIN item_events e ON e.id = r.record_id
                JOIN rectification_items i ON i.id = e.item_id
                WHERE r.device_id = ? AND r.op = 'create' AND r.record_type = 'item_event'
                  AND e.deleted = 0 AND e.action IN ({marks})
                ORDER BY r.seq""",
            (device, *sorted(PRIVILEGED_ACTIONS)),
        )
        for seq, event, item, action, at, measure in rows:
            if ident.role_at(seq) not in (Role.LEADER, Role.VERIFIER):
                out.append(UnauthorizedAction(event, item, measure, Action(action).zh, at or ""))
    return out


def take_back_unauthorized(session: Session) -> list[UnauthorizedAction]:
    """Take back (void) every action :func:`unauthorized_actions` lists, in one transaction:
    each event is deleted by this laptop, so its item returns to the state before it and the
    leader accepts the next package. Returns what was taken back."""
    found = unauthorized_actions(session)
    with session.transaction():
        for a in found:
            records.delete(session, "item_event", a.event_id)
    return found
