"""Record ids: UUIDs whose first 48 bits are the time the record was made (the layout of
UUID version 7, RFC 9562), so that a laptop's records made together sit together in every
index keyed by id — a merge then writes runs of neighbouring pages instead of pages all over
each index. Ids made before this are random UUIDs; both kinds stay valid everywhere.
"""

from __future__ import annotations

import uuid

_RANDOM_BITS = 74  # 12 bits after the version, 62 after the variant
_LOW_62 = (1 << 62) - 1


def time_ordered_id(ms: int, random_bits: int) -> str:
    """A version-7 UUID for the Unix time ``ms`` (milliseconds) and 74 random bits."""
    if not 0 <= ms < 1 << 48:
        raise ValueError("a time-ordered id holds a millisecond time of 48 bits")
    rand_a = (random_bits >> 62) & 0xFFF
    rand_b = random_bits & _LOW_62
    value = ms << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def is_time_ordered(record_id: str) -> bool:
    """True for an id made by :func:`time_ordered_id` (a version-7 UUID in canonical form)."""
    return (
        len(record_id) == 36
        and record_id[14] == "7"
        and record_id[19] in "89ab"
        and record_id[8] == record_id[13] == record_id[18] == record_id[23] == "-"
    )


def time_ordered_child(parent_id: str, digest: bytes) -> str:
    """An id that sorts with its parent's (its time part) and is otherwise fixed by ``digest``
    (at least 10 bytes): the same on every laptop, for records that are one per parent and key
    (a review's checklist answers)."""
    ms = int(parent_id[:8] + parent_id[9:13], 16)
    return time_ordered_id(ms, int.from_bytes(digest[:10], "big") >> 6)
