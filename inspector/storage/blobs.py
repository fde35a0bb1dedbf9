"""Attachment content, addressed by its sha256 and stored inside the workspace."""

from __future__ import annotations

import hashlib
import sqlite3


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def put_blob(conn: sqlite3.Connection, data: bytes) -> str:
    """Store bytes once; returns their sha256. The caller provides the transaction."""
    digest = sha256_hex(data)
    conn.execute(
        "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
        (digest, len(data), data),
    )
    return digest


def get_blob(conn: sqlite3.Connection, digest: str) -> bytes | None:
    row = conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    return bytes(row[0]) if row else None


def has_blob(conn: sqlite3.Connection, digest: str) -> bool:
    return conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)).fetchone() is not None
