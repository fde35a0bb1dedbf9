"""The ledger package file (``.ledgerpkg``): its layout, limits and the parsed forms of its parts.

Layout::

    manifest.json    format and schema version, campaign, team, sender, creation time,
                     revision ranges per device, each laptop's signed chain head, counts,
                     sha256 and size of every entry
    manifest.sig     Ed25519 signature of manifest.json by the sender's laptop
    roster.json      the leader's signed roster (leaders' packages only)
    revisions.jsonl  one revision per line, ordered by device and sequence: a JSON array of
                     its stored columns, the fields and bases as their stored JSON text, so
                     that the hash-chain link is checked over exactly what is stored
    blobs/<sha256>   attachment contents
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...domain.values import MAX_REVISION_BYTES
from ...errors import UserError
from ..heads import Head

FORMAT = "inspector-ledger-package"


#: 2: every revision carries its hash-chain link; 3: revisions as arrays of stored columns;
#: 4: each laptop's chain head signed by that laptop (packages without them are refused)
FORMAT_VERSION = 4


OLDEST_READABLE = 4


SUFFIX = ".ledgerpkg"


#: the manifest's kind of a leader's rectification package (整改包) for one inspected court
COURT_KIND = "court"


MANIFEST = "manifest.json"


SIGNATURE = "manifest.sig"


REVISIONS = "revisions.jsonl"


#: the leader's signed roster, carried by the leader's packages so that role changes and
#: revoked laptops reach every member with the next consolidated ledger
ROSTER = "roster.json"


MAX_ROSTER_BYTES = 4 * 1024 * 1024


_BLOB = re.compile(r"^blobs/[0-9a-f]{64}$")


_HLC = re.compile(r"^\d{15}-\d{5}$")


_ID = re.compile(r"^[0-9A-Za-z._:-]{1,100}$")


_CHAIN = re.compile(r"^[0-9a-f]{64}$")


class PackageError(UserError):
    """A package that cannot be trusted or read; nothing was written."""


@dataclass(frozen=True)
class Limits:
    max_entries: int = 1_000_000
    max_total_bytes: int = 8 * 1024**3
    max_entry_bytes: int = 2 * 1024**3
    max_ratio: int = 200  # uncompressed / compressed, for entries over 1 MiB
    max_manifest_bytes: int = 64 * 1024 * 1024
    max_line_bytes: int = MAX_REVISION_BYTES
    max_json_depth: int = 24


DEFAULT_LIMITS = Limits()


@dataclass
class Manifest:
    data: dict[str, Any]
    sha256: str = ""
    #: the signed roster the package carries (read by :func:`peek_manifest`), checked against
    #: the manifest's hash; its own signature is checked when it is used
    roster: bytes | None = None

    @property
    def package_id(self) -> str:
        return str(self.data["package_id"])

    @property
    def sender(self) -> dict[str, Any]:
        return dict(self.data["sender"])

    @property
    def sender_device(self) -> str:
        return str(self.data["sender"]["device_id"])

    @property
    def sequence(self) -> int:
        return int(self.data["sequence"])

    @property
    def created_at(self) -> str:
        return str(self.data["created_at"])

    @property
    def ranges(self) -> dict[str, tuple[int, int]]:
        return {d: (int(r[0]), int(r[1])) for d, r in self.data["revisions"].items()}

    @property
    def vector(self) -> dict[str, int]:
        """Per device, the highest sequence number this package brings."""
        return {d: hi for d, (_lo, hi) in self.ranges.items()}

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", "full"))

    @property
    def heads(self) -> list[Head]:
        """The signed chain heads the package carries (checked when it was read)."""
        raw = self.data.get("heads") or {}
        found = (Head.from_dict(d, h) for d, h in raw.items())
        return [h for h in found if h is not None]
