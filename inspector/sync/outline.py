"""What merging needs to know of a package's revisions that does not depend on the workspace.

It is worked out where the package is read and verified — in the reader process of a batch
import, on the other core — so that the merge itself only looks up what the workspace holds
and writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..storage.revisions import Revision

#: item actions only a leader or verifier may take
PRIVILEGED_ACTIONS = frozenset({"close", "return", "reopen", "resolve"})
CAUSAL_ORDER = attrgetter("hlc", "device_id", "seq")

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Outline:
    """Revisions as their stored columns in causal (HLC) order, and what merging asks of them."""

    rows: list[Row]
    #: per laptop, the index in ``rows`` of its earliest revision
    firsts: dict[str, int]
    #: per record, the indices in ``rows`` of its revisions
    records: dict[str, list[int]]
    #: revisions named as bases that are not among ``rows``
    outside_bases: frozenset[str]
    #: the revisions (laptop, sequence number, record) that close, return, reopen or resolve
    privileged: frozenset[tuple[str, int, str]]
    #: the records (laptop, record) a laptop's revisions delete: a privileged action its own
    #: laptop took back (voided) is no longer one
    voided: frozenset[tuple[str, str]]
    #: the contents named by the attachments these revisions create
    digests: frozenset[str]
    #: how many records of each type the revisions touch
    kinds: dict[str, int]

    def __len__(self) -> int:
        return len(self.rows)

    def record_type(self, record_id: str) -> str:
        return str(self.rows[self.records[record_id][0]][5])


def outline_of(
    revisions: Iterable[Revision], *, ordered: bool = False, rows: bool = True
) -> Outline:
    """The outline of verified revisions (``ordered``: already in causal order); without
    ``rows`` it leaves the stored columns out, for whoever has them already."""
    revs = list(revisions) if ordered else sorted(revisions, key=CAUSAL_ORDER)
    stored: list[Row] = [r.row() for r in revs] if rows else []
    firsts: dict[str, int] = {}
    lowest: dict[str, int] = {}
    records: dict[str, list[int]] = {}
    ids: set[str] = set()
    named: set[str] = set()
    privileged: set[tuple[str, int, str]] = set()
    voided: set[tuple[str, str]] = set()
    digests: set[str] = set()
    kinds: dict[str, int] = {}
    for i, r in enumerate(revs):
        ids.add(r.id)
        device = r.device_id
        if r.seq < lowest.get(device, r.seq + 1):
            lowest[device] = r.seq
            firsts[device] = i
        group = records.get(r.record_id)
        if group is None:
            records[r.record_id] = [i]
            kinds[r.record_type] = kinds.get(r.record_type, 0) + 1
        else:
            group.append(i)
        if r.follows_others:
            named.update(r.base)
        if r.op == "create":
            kind = r.record_type
            if kind == "item_event" and r.fields.get("action") in PRIVILEGED_ACTIONS:
                privileged.add((device, r.seq, r.record_id))
            elif kind == "attachment" and r.fields.get("sha256"):
                digests.add(str(r.fields["sha256"]))
        elif r.op == "delete" and r.record_type == "item_event":
            voided.add((device, r.record_id))
    return Outline(
        stored,
        firsts,
        records,
        frozenset(named - ids),
        frozenset(privileged),
        frozenset(voided),
        frozenset(digests),
        kinds,
    )
