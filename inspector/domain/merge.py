"""Merging revisions: a record's state as a function of the *set* of its revisions.

Each revision names the revision(s) it was based on, so the revisions of one record
form a DAG. For every field, the revisions that set it and are not an ancestor of
another such revision are its *field heads*:

* one field head (or several with equal values): that value;
* several with different values: a **conflict** — every value is kept, the newest
  (by hybrid logical clock) is shown, and the record is flagged until someone writes
  a revision based on all of them.

A delete that is concurrent with an edit is a conflict too (the record stays
visible). Because the result depends only on the set of revisions and the HLC
order, importing the same revisions in any order gives the same state.

Rectification items get their state from a tree of transition events: each event
names the transition events it followed (``after_events``). The leaves give the
state; leaves with different states are a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

DELETED_FIELD = "__deleted__"
STATE_FIELD = "__state__"


class RevisionLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def op(self) -> str: ...
    @property
    def fields(self) -> dict[str, Any]: ...
    @property
    def base(self) -> tuple[str, ...]: ...
    @property
    def hlc(self) -> str: ...
    @property
    def device_id(self) -> str: ...
    @property
    def seq(self) -> int: ...
    @property
    def member_id(self) -> str | None: ...
    @property
    def created_at(self) -> str: ...


def order_key(rev: RevisionLike) -> tuple[str, str, int]:
    """The total order of revisions: hybrid logical clock, then device and sequence."""
    return (rev.hlc, rev.device_id, rev.seq)


@dataclass(frozen=True)
class Candidate:
    """One of the values in a conflict, with who set it, where and when."""

    revision: str
    value: Any
    member_id: str | None
    device_id: str
    at: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "revision": self.revision,
            "value": self.value,
            "member_id": self.member_id,
            "device_id": self.device_id,
            "at": self.at,
        }


@dataclass(frozen=True)
class Conflict:
    field: str
    candidates: tuple[Candidate, ...]


@dataclass
class RecordState:
    values: dict[str, Any]
    deleted: bool
    heads: list[str]
    created: RevisionLike | None
    updated: RevisionLike
    conflicts: list[Conflict] = field(default_factory=list)


def _ancestors(revs: Sequence[RevisionLike]) -> dict[str, frozenset[str]]:
    """Every revision's ancestors within the record (bases outside it are ignored)."""
    known = {r.id for r in revs}
    result: dict[str, frozenset[str]] = {}
    for r in revs:  # in causal order: bases come first
        acc: set[str] = set()
        for b in r.base:
            if b in known:
                acc.add(b)
                acc |= result.get(b, frozenset())
        result[r.id] = frozenset(acc)
    return result


def _frontier(
    candidates: Iterable[RevisionLike], ancestors: Mapping[str, frozenset[str]]
) -> list[RevisionLike]:
    """The candidates that are not an ancestor of another candidate."""
    cands = list(candidates)
    below: set[str] = set()
    for c in cands:
        below |= ancestors[c.id]
    return [c for c in cands if c.id not in below]


def _candidate(rev: RevisionLike, value: Any) -> Candidate:
    return Candidate(rev.id, value, rev.member_id, rev.device_id, rev.created_at)


def project_record(revisions: Iterable[RevisionLike], field_names: Sequence[str]) -> RecordState:
    """The merged state of one record from all of its revisions (any order)."""
    revs = sorted(revisions, key=order_key)
    if not revs:
        raise ValueError("a record needs at least one revision")
    if len(revs) == 1:  # the common case: a record made once and never changed
        only = revs[0]
        writes = only.op == "create"
        return RecordState(
            values={
                n: only.fields.get(n) if writes or n in only.fields else None for n in field_names
            },
            deleted=only.op == "delete",
            heads=[only.id],
            created=only if writes else None,
            updated=only,
        )
    ancestors = _ancestors(revs)
    heads = _frontier(revs, ancestors)
    values: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for name in field_names:
        writers = [r for r in revs if r.op == "create" or (r.op == "update" and name in r.fields)]
        if not writers:
            values[name] = None
            continue
        tops = _frontier(writers, ancestors)
        newest = tops[-1]
        values[name] = newest.fields.get(name)
        distinct = {_freeze(t.fields.get(name)) for t in tops}
        if len(distinct) > 1:
            conflicts.append(Conflict(name, tuple(_candidate(t, t.fields.get(name)) for t in tops)))
    deletes = [h for h in heads if h.op == "delete"]
    lives = [h for h in heads if h.op != "delete"]
    deleted = bool(deletes) and not lives
    if deletes and lives:
        conflicts.append(
            Conflict(
                DELETED_FIELD,
                tuple(_candidate(h, h.op == "delete") for h in heads),
            )
        )
    creates = [r for r in revs if r.op == "create"]
    return RecordState(
        values=values,
        deleted=deleted,
        heads=sorted(h.id for h in heads),
        created=creates[0] if creates else None,
        updated=revs[-1],
        conflicts=conflicts,
    )


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


@dataclass(frozen=True)
class EventRow:
    """What the item's state needs from one of its events (in HLC order)."""

    id: str
    kind: str  # transition | progress | evidence
    to_state: str | None
    after: tuple[str, ...]
    note: str | None
    evidence: int
    at: str | None
    member_id: str | None
    device_id: str


@dataclass
class ItemState:
    state: str
    leaves: list[str]
    state_changed_at: str | None
    closed_by: str | None
    closed_at: str | None
    last_progress: str | None
    evidence_count: int
    event_count: int
    conflict: Conflict | None


INITIAL_STATE = "待整改"
CLOSED_STATE = "已销号"


def item_state(events: Sequence[EventRow]) -> ItemState:
    """A rectification item's state from its events, given in HLC order."""
    transitions = [e for e in events if e.kind == "transition"]
    followed = {a for e in transitions for a in e.after}
    leaves = [e for e in transitions if e.id not in followed]
    progress = [e for e in events if e.kind == "progress" and e.note]
    conflict = None
    if not leaves:
        state, changed, closed_by, closed_at = INITIAL_STATE, None, None, None
    else:
        newest = leaves[-1]
        state = newest.to_state or INITIAL_STATE
        changed = newest.at
        if len({leaf.to_state for leaf in leaves}) > 1:
            conflict = Conflict(
                STATE_FIELD,
                tuple(
                    Candidate(e.id, e.to_state, e.member_id, e.device_id, e.at or "")
                    for e in leaves
                ),
            )
        closers = [leaf for leaf in leaves if leaf.to_state == CLOSED_STATE]
        closed_by = closers[-1].member_id if state == CLOSED_STATE and closers else None
        closed_at = closers[-1].at if state == CLOSED_STATE and closers else None
    return ItemState(
        state=state,
        leaves=sorted(leaf.id for leaf in leaves),
        state_changed_at=changed,
        closed_by=closed_by,
        closed_at=closed_at,
        last_progress=progress[-1].note if progress else None,
        evidence_count=sum(e.evidence for e in events),
        event_count=len(events),
        conflict=conflict,
    )
