"""Correcting what was recorded: edit any record's fields, delete it (a tombstone), undo.

Every change is a new revision, so each correction is in the record's history and travels
to the other laptops like any edit. The last edit or delete made on this laptop can be undone
(Edit → 撤销); the undo is itself a new revision that sets the fields back or brings the
record back.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..domain.enums import Role
from ..domain.records import record_type
from ..errors import NotFound, PermissionDenied, UserError
from . import records
from .session import Session

#: how many steps Edit → 撤销 can go back
MAX_UNDO = 50


@dataclass
class UndoStep:
    """What one edit or delete changed, to set back."""

    label: str
    #: records whose fields go back to these values
    reverts: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    #: records tombstoned by the step, to bring back
    restores: list[tuple[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.reverts or self.restores)

    def records(self) -> list[tuple[str, str]]:
        return [*((t, i) for t, i, _ in self.reverts), *self.restores]


def _stack(session: Session) -> list[UndoStep]:
    stack: list[UndoStep] | None = getattr(session, "_undo", None)
    if stack is None:
        stack = []
        session._undo = stack  # type: ignore[attr-defined]
    return stack


_open_steps: dict[int, UndoStep] = {}


def _push(session: Session, step: UndoStep) -> None:
    if step.empty:
        return
    group = _open_steps.get(id(session))
    if group is not None:
        group.reverts += step.reverts
        group.restores += step.restores
        return
    stack = _stack(session)
    stack.append(step)
    del stack[:-MAX_UNDO]


@contextlib.contextmanager
def one_step(session: Session, label: str) -> Iterator[UndoStep]:
    """Edits made inside are one step for 撤销 (saving a review with its answers), written in
    one transaction."""
    if id(session) in _open_steps:
        yield _open_steps[id(session)]
        return
    step = UndoStep(label)
    _open_steps[id(session)] = step
    try:
        with session.transaction():
            yield step
    finally:
        del _open_steps[id(session)]
    _push(session, step)


def undo_label(session: Session) -> str | None:
    """What 撤销 would undo (None: nothing)."""
    stack = _stack(session)
    return stack[-1].label if stack else None


def undo(session: Session) -> UndoStep:
    """Undo the last edit or delete made here, as new revisions; raises when there is none
    or when what it changed is gone."""
    stack = _stack(session)
    if not stack:
        raise UserError("没有可以撤销的修改")
    step = stack[-1]
    with session.transaction():
        for type_name, record_id in step.restores:
            records.restore(session, type_name, record_id)
        for type_name, record_id, values in step.reverts:
            try:
                records.update(session, type_name, record_id, values)
            except NotFound:
                label = record_type(type_name).label
                raise UserError(f"无法撤销：该{label}已被删除") from None
    stack.pop()
    return step


# --- editing -------------------------------------------------------------------------


def _updater(type_name: str) -> Callable[[Session, str, dict[str, Any]], None]:
    from . import cases, interviews, leads, problems, rectification, team

    table: dict[str, Callable[[Session, str, dict[str, Any]], None]] = {
        "problem": lambda s, i, c: problems.update_problem(s, problem_id=i, **c),
        "interview": lambda s, i, c: interviews.update_interview(s, interview_id=i, **c),
        "case": lambda s, i, c: cases.update_case(s, case_id=i, **c),
        "court": lambda s, i, c: team.update_court(s, court_id=i, **c),
        "member": lambda s, i, c: team.update_member(s, member_id=i, **c),
        "campaign": lambda s, i, c: team.update_campaign(s, campaign_id=i, **c),
        "lead": lambda s, i, c: leads.update_lead(s, lead_id=i, **c),
        "rectification_item": lambda s, i, c: rectification.update_item(s, item_id=i, **c),
        "review": lambda s, i, c: _update_review(s, i, c),
        "review_answer": lambda s, i, c: _update_answer(s, i, c),
    }
    try:
        return table[type_name]
    except KeyError:
        raise UserError(f"{record_type(type_name).label}不能在此修改") from None


def _update_review(session: Session, review_id: str, changes: dict[str, Any]) -> None:
    unknown = set(changes) - {"note", "grade"}
    if unknown:
        raise UserError("评查只能修改评查意见和结论")
    records.update(session, "review", review_id, changes)


def _update_answer(session: Session, answer_id: str, changes: dict[str, Any]) -> None:
    from ..domain.checklists import Answer

    unknown = set(changes) - {"result", "note"}
    if unknown:
        raise UserError("评查项只能修改结论和说明")
    if "result" in changes:
        try:
            changes["result"] = str(Answer(changes["result"]))
        except ValueError:
            raise UserError("评查结论应为：" + "、".join(a.value for a in Answer)) from None
    records.update(session, "review_answer", answer_id, changes)


def edit(
    session: Session,
    type_name: str,
    record_id: str,
    changes: dict[str, Any],
    *,
    label: str | None = None,
) -> bool:
    """Correct a record's fields through its own rules; the change is one undo step. Returns
    whether anything changed."""
    rt = record_type(type_name)
    _may_edit(session, type_name, records.get(session, type_name, record_id))
    with one_step(session, label or f"修改{rt.label}") as step:
        before = records.get(session, type_name, record_id)
        _updater(type_name)(session, record_id, dict(changes))
        after = records.get(session, type_name, record_id)
        old = {n: before[n] for n in rt.field_names if before[n] != after[n]}
        if old:
            step.reverts.append((type_name, record_id, old))
    return bool(old)


def _may_edit(session: Session, type_name: str, row: dict[str, Any]) -> None:
    if type_name in ("campaign",) and _role(session) != Role.LEADER:
        raise PermissionDenied("只有组长可以修改巡查活动")
    if type_name == "member" and _role(session) != Role.LEADER and row["id"] != session.member_id:
        raise PermissionDenied("只有组长可以修改其他组员的信息")


def _role(session: Session) -> Role:
    try:
        return session.role()
    except PermissionDenied:
        return Role.INSPECTOR


# --- deleting ------------------------------------------------------------------------


@dataclass(frozen=True)
class Deletion:
    """What deleting a record takes with it, for the confirmation."""

    type_name: str
    record_id: str
    title: str
    #: the records that go with it (type, id)
    along: tuple[tuple[str, str], ...]

    def question(self) -> str:
        rt = record_type(self.type_name)
        text = f"删除{rt.label}“{self.title}”？"
        if self.along:
            counts: dict[str, int] = {}
            for t, _ in self.along:
                counts[t] = counts.get(t, 0) + 1
            parts = "、".join(f"{n}项{record_type(t).label}" for t, n in counts.items())
            text += f"\n其下的{parts}一并删除。"
        return text + "\n删除后可以用“编辑 → 撤销”恢复；记录的修改历史保留。"


#: what goes with a record when it is deleted: (type, the field that points at it)
_ALONG: dict[str, tuple[tuple[str, str], ...]] = {
    "problem": (("rectification_item", "problem_id"),),
    "interview": (("attachment", "owner_id"),),
    "case": (("review", "case_id"),),
    "review": (("review_answer", "review_id"),),
}
#: what must be gone (or moved) before a record may be deleted
_BLOCKERS: dict[str, tuple[tuple[str, str], ...]] = {
    "court": (
        ("case", "court_id"),
        ("problem", "court_id"),
        ("interview", "court_id"),
        ("lead", "court_id"),
        ("court", "parent_id"),
    ),
    "campaign": (("problem", "campaign_id"), ("review", "campaign_id")),
    "member": (),
}
_TITLE_FIELDS = {
    "problem": "description",
    "interview": "place",
    "case": "case_number",
    "review": "review_date",
    "court": "name",
    "member": "name",
    "campaign": "name",
    "lead": "summary",
    "rectification_item": "measure",
    "attachment": "filename",
}


def _title(type_name: str, row: dict[str, Any]) -> str:
    text = str(row.get(_TITLE_FIELDS.get(type_name, "id")) or "")
    if type_name == "interview":
        text = f"{row['date']} {row['method']} {text}".strip()
    return text if len(text) <= 30 else text[:29] + "…"


def _along(session: Session, type_name: str, record_id: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for child, column in _ALONG.get(type_name, ()):
        for row in records.find(session, child, f"{column} = ?", (record_id,)):
            out.append((child, row["id"]))
            out += _along(session, child, row["id"])
    return out


def plan_delete(session: Session, type_name: str, record_id: str) -> Deletion:
    """What deleting the record would take with it; raises when it may not be deleted."""
    if type_name not in _TITLE_FIELDS:
        raise UserError(f"{record_type(type_name).label}不能删除")
    row = records.get(session, type_name, record_id)
    _may_delete(session, type_name, row)
    rt = record_type(type_name)
    for other, column in _BLOCKERS.get(type_name, ()):
        n = len(records.find(session, other, f"{column} = ?", (record_id,)))
        if n:
            raise UserError(
                f"该{rt.label}下还有{n}项{record_type(other).label}，请先删除或改到其他{rt.label}"
            )
    return Deletion(
        type_name, record_id, _title(type_name, row), tuple(_along(session, type_name, record_id))
    )


def _may_delete(session: Session, type_name: str, row: dict[str, Any]) -> None:
    role = _role(session)
    if type_name in ("member", "campaign") and role != Role.LEADER:
        raise PermissionDenied(f"只有组长可以删除{record_type(type_name).label}")
    if type_name == "member":
        if row["id"] == session.member_id:
            raise UserError("不能删除本机的使用者")
        if row.get("device_id"):
            raise UserError("该组员的电脑在名册中；请先在团队页“吊销电脑”，再删除")
        return
    started = type_name == "rectification_item" and row.get("state") not in (None, "待整改")
    if started and role != Role.LEADER:
        raise PermissionDenied("已开始整改的事项只有组长可以删除")
    if role != Role.LEADER and row.get("created_by") not in (None, session.member_id):
        raise PermissionDenied("只能删除自己录入的记录；其他组员录入的由组长删除")


def delete(session: Session, type_name: str, record_id: str) -> Deletion:
    """Tombstone the record and what goes with it, in one transaction; one undo step."""
    plan = plan_delete(session, type_name, record_id)
    rt = record_type(type_name)
    with one_step(session, f"删除{rt.label}") as step:
        for t, i in [*reversed(plan.along), (type_name, record_id)]:
            records.delete(session, t, i)
            step.restores.append((t, i))
    return plan


# --- history -------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    old: str
    new: str


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return (
            "、".join(
                _shown(v) if not isinstance(v, dict) else str(v.get("name", v)) for v in value
            )
            or "（空）"
        )
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_blocks(value: Any) -> bool:
    """A document's text as a draft stores it: a list of blocks with their text."""
    return isinstance(value, list) and any(isinstance(v, dict) and "text" in v for v in value)


def _blocks_changed(old: Any, new: Any, limit: int = 120) -> tuple[str, str]:
    """What an edit of a document's blocks changed, in its words: the paragraphs taken out
    or rewritten, and what stands in their place (each shortened to ``limit`` characters)."""
    import difflib

    def texts(value: Any) -> list[str]:
        return [str(v.get("text") or "") for v in value or [] if isinstance(v, dict)]

    before, after = texts(old), texts(new)
    gone: list[str] = []
    came: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
        if op != "equal":
            gone += before[a1:a2]
            came += after[b1:b2]

    def short(parts: list[str]) -> str:
        text = " / ".join(p.replace("\n", " ") for p in parts if p)
        return text if len(text) <= limit else text[: limit - 1] + "…"

    if not gone and not came:  # the same text, a block made another kind or moved
        return "（段落格式）", "（已调整）"
    return short(gone) or "（空）", short(came) or "（删除）"


def changes_by_revision(session: Session, record_id: str) -> dict[str, list[Change]]:
    """Per revision of a record, each field it set with the value before and after (in the
    order the revisions were made; concurrent edits are shown one after the other)."""
    from ..storage.revisions import iter_revisions

    revs = list(iter_revisions(session.conn, "WHERE record_id = ?", (record_id,)))
    if not revs:
        return {}
    rt = record_type(revs[0].record_type)
    refs = {f.name: f.ref for f in rt.fields if f.ref}
    names = _ref_names(session)
    values: dict[str, Any] = {}
    out: dict[str, list[Change]] = {}
    for r in sorted(revs, key=lambda r: (r.hlc, r.device_id, r.seq)):
        shown: list[Change] = []
        for name in rt.field_names:
            if name not in r.fields and r.op != "create":
                continue
            new = r.fields.get(name)
            old = values.get(name)
            values[name] = new
            if old == new or (r.op == "create" and new in (None, "", [])):
                continue
            if name in refs:
                old, new = names.get(old, old), names.get(new, new)
            label = rt.field(name).label or name
            if _is_blocks(new) or _is_blocks(old):
                shown.append(Change(name, label, *_blocks_changed(old, new)))
                continue
            shown.append(Change(name, label, _shown(old), _shown(new)))
        out[r.id] = shown
    return out


def _ref_names(session: Session) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for table, column in (("members", "name"), ("courts", "name"), ("campaigns", "name")):
        for rid, name in session.conn.execute(f"SELECT id, {column} FROM {table}"):
            out[rid] = name
    for rid, number in session.conn.execute("SELECT id, case_number FROM cases"):
        out[rid] = number
    return out
