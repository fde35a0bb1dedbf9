"""The SQLite driver: SQLCipher (page-level authenticated encryption) for every connection.

Without a key a connection is an ordinary SQLite database; with one, every page of
the file and of its write-ahead log is encrypted and authenticated (HMAC-SHA512),
so a changed byte is detected when the page is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as driver

Connection = driver.Connection
Error = driver.Error
DatabaseError = driver.DatabaseError
IntegrityError = driver.IntegrityError
OperationalError = driver.OperationalError
complete_statement = driver.complete_statement

KEY_BYTES = 32
STATEMENT_CACHE = 512


def connect(path: Path | str | None, key: bytes | None = None, **kwargs: Any) -> Any:
    """A connection to ``path`` (``None``: in memory), keyed when ``key`` is given.

    The key is applied before anything is read; a wrong key shows only when the
    first page is read (``file is not a database``).
    """
    # the app runs a few hundred distinct statements (one per record type and operation);
    # the driver's default cache of 128 prepared statements made a busy session prepare the
    # same INSERTs again and again
    kwargs.setdefault("cached_statements", STATEMENT_CACHE)
    conn = driver.connect(":memory:" if path is None else str(path), **kwargs)
    # SQLCipher writes decryption failures to stderr; callers report them instead
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        if len(key) != KEY_BYTES:
            raise ValueError("a workspace key is 32 bytes")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn
