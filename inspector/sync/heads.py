"""Chain heads: each laptop's signature over the end of its own hash chain.

A laptop's revisions form a hash chain (see :mod:`..storage.revisions`), so one Ed25519
signature over the chain value of its latest revision vouches for every revision of that laptop
up to it. A laptop signs its head whenever it sends its revisions; the signature travels in the
package's manifest, the receiver keeps it, and when the revisions are relayed (the leader's
consolidated ledger) the signature goes with them. Revisions of laptop X are accepted only with
a head signed by X's key from the roster: a member who writes under another laptop's id cannot
sign for it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from . import keys

#: what a head signature covers, so that it can never be mistaken for another signed text
CONTEXT = b"inspector-chain-head/1"
#: the seeded reference revisions are the same on every laptop and signed by none
UNSIGNED_DEVICES = frozenset({"reference"})


@dataclass(frozen=True)
class Head:
    device_id: str
    seq: int
    chain: str
    public_key: str
    signature: str

    def message(self) -> bytes:
        return message(self.device_id, self.seq, self.chain)

    def valid(self) -> bool:
        try:
            signature = keys.unb64(self.signature)
        except ValueError:
            return False
        return keys.verify(self.public_key, signature, self.message())

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "chain": self.chain,
            "key": self.public_key,
            "signature": self.signature,
        }

    @classmethod
    def from_dict(cls, device_id: str, d: Any) -> Head | None:
        """A head from a manifest; None when it is not well formed."""
        if not isinstance(d, dict):
            return None
        seq, chain, key, sig = d.get("seq"), d.get("chain"), d.get("key"), d.get("signature")
        if type(seq) is not int or not all(isinstance(v, str) for v in (chain, key, sig)):
            return None
        return cls(device_id, seq, str(chain), str(key), str(sig))


def message(device_id: str, seq: int, chain: str) -> bytes:
    return b"\x1f".join((CONTEXT, device_id.encode(), str(seq).encode(), chain.encode()))


def sign(private_key: str, device_id: str, seq: int, chain: str) -> Head:
    signature = keys.sign(private_key, message(device_id, seq, chain))
    return Head(device_id, seq, chain, keys.public_key_of(private_key), keys.b64(signature))


def held(conn: sqlite3.Connection, device_id: str, seq: int) -> Head | None:
    row = conn.execute(
        "SELECT chain, public_key, signature FROM chain_heads WHERE device_id = ? AND seq = ?",
        (device_id, seq),
    ).fetchone()
    return Head(device_id, seq, row[0], row[1], row[2]) if row else None


def keep(conn: sqlite3.Connection, heads: list[Head]) -> None:
    """Store received or made heads (the caller provides the transaction)."""
    conn.executemany(
        "INSERT OR IGNORE INTO chain_heads (device_id, seq, chain, public_key, signature)"
        " VALUES (?, ?, ?, ?, ?)",
        [(h.device_id, h.seq, h.chain, h.public_key, h.signature) for h in heads],
    )


def all_held(conn: sqlite3.Connection) -> dict[str, list[Head]]:
    out: dict[str, list[Head]] = {}
    for row in conn.execute(
        "SELECT device_id, seq, chain, public_key, signature FROM chain_heads"
        " ORDER BY device_id, seq"
    ):
        out.setdefault(row[0], []).append(Head(*row))
    return out


def unsigned_problems(
    conn: sqlite3.Connection,
    trusted: dict[str, Any],
    own_key: str | None,
    own_devices: set[str],
    names: Any,
) -> list[str]:
    """What ``verify-workspace`` finds wrong with the signatures: each laptop's revisions held
    must end at a head signed by that laptop's key from the roster (this laptop's own chains
    excepted: it signs them when it sends them), and every head held must match the revisions
    and verify. ``trusted`` maps laptop ids to identities; ``own_devices`` are the ids this
    workspace writes or wrote under; ``names`` labels a laptop."""
    problems: list[str] = []
    held_heads = all_held(conn)
    tops = dict(conn.execute("SELECT device_id, MAX(seq) FROM revisions GROUP BY device_id"))
    for device, top in sorted(tops.items()):
        if device in UNSIGNED_DEVICES:
            continue
        ident = trusted.get(device)
        key = ident.public_key if ident is not None else None
        signed = 0
        for head in held_heads.get(device, []):
            row = conn.execute(
                "SELECT chain FROM revisions WHERE device_id = ? AND seq = ?", (device, head.seq)
            ).fetchone()
            if row is None or row[0] != head.chain or not head.valid() or head.public_key != key:
                problems.append(
                    f"{names(device)}的第{head.seq}条修改记录的签名与记录不符（记录被改动或签名被冒用）"
                )
                signed = -1
                break
            signed = max(signed, head.seq)
        own = device in own_devices or (key is not None and key == own_key)
        if signed < 0 or own or signed >= int(top):
            continue
        if ident is None:
            problems.append(f"{names(device)}不在名册中，其{int(top)}条修改记录无法核实")
        else:
            problems.append(
                f"{names(device)}的第{signed + 1}至{int(top)}条修改记录没有该电脑的签名"
                "（可能是他人冒用该电脑的编号写入的）"
            )
    return problems
