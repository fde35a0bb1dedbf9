"""A revision — one immutable change to one record — as it is stored and hashed.

Each laptop's revisions form a hash chain: a revision's ``chain`` is the SHA-256 of the
previous revision's chain and of the revision's own stored columns, so changing, removing or
reordering any revision of a laptop breaks every later link. This module is the data type and
its stored form only; :mod:`.revisions` writes them, :mod:`.projection` folds them into tables.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .jsontext import loads

if TYPE_CHECKING:
    import sqlite3

OPS = ("create", "update", "delete")
GENESIS = "0" * 64


@dataclass(frozen=True)
class Revision:
    id: str
    device_id: str
    seq: int
    member_id: str | None
    hlc: str
    record_type: str
    record_id: str
    op: str
    fields: dict[str, Any]
    base: tuple[str, ...]
    created_at: str
    chain: str = ""

    @cached_property
    def _content(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.device_id,
            self.seq,
            self.member_id,
            self.hlc,
            self.record_type,
            self.record_id,
            self.op,
            json.dumps(self.fields, ensure_ascii=False, sort_keys=True, allow_nan=False),
            json.dumps(list(self.base)),
            self.created_at,
        )

    def row(self) -> tuple[Any, ...]:
        """The stored columns, ``chain`` last."""
        return (*self._content, self.chain)

    @property
    def follows_others(self) -> bool:
        """Whether the revision names revisions it was based on (read without parsing them)."""
        return bool(self._content[9] != "[]")

    def link(self, previous: str) -> str:
        """This revision's chain value when it follows ``previous``."""
        return chain_hash(previous, self._content)

    def chained(self, previous: str) -> Revision:
        """This revision with its chain value set, following ``previous``."""
        return replace(self, chain=self.link(previous))

    @classmethod
    def stored(
        cls,
        row: Sequence[Any],
        fields: dict[str, Any] | None = None,
        base: tuple[str, ...] | None = None,
    ) -> Revision:
        """A revision from its stored columns, keeping them exactly as they are for hashing and
        storing. ``fields`` and ``base``, when not given, are parsed from their text when first
        read: a merge inserts many revisions whose fields it never looks at."""
        state = {
            "id": row[0],
            "device_id": row[1],
            "seq": row[2],
            "member_id": row[3],
            "hlc": row[4],
            "record_type": row[5],
            "record_id": row[6],
            "op": row[7],
            "created_at": row[10],
            "chain": row[11] or "",
            "_content": tuple(row[:11]),
        }
        if fields is not None:
            state["fields"] = fields
        if base is not None:
            state["base"] = base
        rev = object.__new__(cls)
        object.__setattr__(rev, "__dict__", state)
        return rev

    def __getattr__(self, name: str) -> Any:
        # only for revisions made by :meth:`stored` without their fields or base
        state = self.__dict__
        if name == "fields" and "_content" in state:
            value: Any = loads(state["_content"][8])
        elif name == "base" and "_content" in state:
            text = state["_content"][9]
            value = () if text == "[]" else tuple(loads(text))
        else:
            raise AttributeError(name)
        state[name] = value
        return value

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple[Any, ...]) -> Revision:
        return cls.stored(row)


def chain_hash(previous: str, content: tuple[Any, ...]) -> str:
    """SHA-256 over the previous link and the stored columns (unit-separated; NULL as \\0)."""
    values = (previous, *content)
    if None in values:
        values = tuple("\x00" if v is None else v for v in values)
    text = "\x1f".join(map(str, values))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


REVISION_COLUMNS = (
    "id, device_id, seq, member_id, hlc, record_type, record_id, op, fields, base, created_at,"
    " chain"
)
INSERT_REVISION = (
    f"INSERT INTO revisions ({REVISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def revision_id(device_id: str, seq: int) -> str:
    return f"{device_id}:{seq}"


def format_hlc(physical_ms: int, counter: int) -> str:
    return f"{physical_ms:015d}-{counter:05d}"


def parse_hlc(value: str) -> tuple[int, int]:
    a, b = value.split("-", 1)
    return int(a), int(b)


def iter_revisions(
    conn: sqlite3.Connection,
    where: str = "",
    params: tuple[Any, ...] = (),
    order: str = "hlc, device_id, seq",
) -> Iterator[Revision]:
    """Revisions in causal (HLC) order, or in the given order."""
    sql = f"SELECT {REVISION_COLUMNS} FROM revisions {where} ORDER BY {order}"
    for row in conn.execute(sql, params):
        yield Revision.from_row(row)
