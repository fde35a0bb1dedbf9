"""Writing a package: streamed, signed, sealed to its recipients, written atomically."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ...errors import describe_os_error
from ...storage.keyfile import sync_directory
from ...storage.revisions import Revision
from .. import keys
from ..sealed import Recipient, SealedWriter
from .format import FORMAT, FORMAT_VERSION, MANIFEST, REVISIONS, ROSTER, SIGNATURE, PackageError


def _write_revisions(
    out: Any, revisions: Iterator[Revision], progress: Callable[[int], None] | None
) -> tuple[Any, int, dict[str, list[int]], dict[str, int]]:
    """Stream revisions as JSON lines; returns (sha256, size, seq ranges per device, counts)."""
    digest = hashlib.sha256()
    size = 0
    ranges: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    buf = io.BytesIO()

    def flush() -> None:
        nonlocal buf, size
        chunk = buf.getvalue()
        out.write(chunk)
        digest.update(chunk)
        size += len(chunk)
        buf = io.BytesIO()

    for n, r in enumerate(revisions, start=1):
        buf.write(orjson.dumps(r.row()))
        buf.write(b"\n")
        lo_hi = ranges.setdefault(r.device_id, [r.seq, r.seq])
        lo_hi[0] = min(lo_hi[0], r.seq)
        lo_hi[1] = max(lo_hi[1], r.seq)
        counts[r.record_type] = counts.get(r.record_type, 0) + 1
        if buf.tell() > 1 << 20:
            flush()
            if progress:
                progress(n)
    flush()
    return digest, size, ranges, counts


def write_package(
    path: Path,
    *,
    header: dict[str, Any],
    revisions: Iterator[Revision],
    blobs: Callable[[], Iterator[tuple[str, bytes]]],
    private_key: str,
    recipients: list[Recipient] | None = None,
    progress: Callable[[int], None] | None = None,
    roster: bytes | None = None,
) -> dict[str, Any]:
    """Write a package atomically (temp file, fsync, rename) and return its manifest.

    ``header`` carries the manifest fields that describe the sender and campaign.
    With ``recipients`` the package is encrypted so that only their laptops can read
    it; nothing in plain text is written anywhere on the way.
    """
    path = Path(path)
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise PackageError(f"无法写入“{directory}”：{describe_os_error(e)}") from e
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            sink: Any = raw
            if recipients is not None:
                sink = SealedWriter(
                    raw, sender_device=str(header["sender"]["device_id"]), recipients=recipients
                )
            with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zf:
                manifest = _write_entries(
                    zf, header, revisions, blobs, private_key, progress, roster
                )
            if isinstance(sink, SealedWriter):
                sink.finish()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, path)
        sync_directory(directory)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise PackageError(f"写入台账包失败（{describe_os_error(e)}），未生成文件") from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return manifest


def _write_entries(
    zf: zipfile.ZipFile,
    header: dict[str, Any],
    revisions: Iterator[Revision],
    blobs: Callable[[], Iterator[tuple[str, bytes]]],
    private_key: str,
    progress: Callable[[int], None] | None,
    roster: bytes | None = None,
) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {}
    if roster is not None:
        zf.writestr(ROSTER, roster)
        entries[ROSTER] = {"sha256": hashlib.sha256(roster).hexdigest(), "size": len(roster)}
    with zf.open(REVISIONS, "w", force_zip64=True) as out:
        digest, size, ranges, counts = _write_revisions(out, revisions, progress)
    entries[REVISIONS] = {"sha256": digest.hexdigest(), "size": size}
    n_blobs = 0
    for sha, data in blobs():
        name = f"blobs/{sha}"
        if name in entries:
            continue
        zf.writestr(
            zipfile.ZipInfo(name, date_time=(2016, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
        )
        entries[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        n_blobs += 1
    manifest = {
        **header,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "revisions": {d: lo_hi for d, lo_hi in sorted(ranges.items())},
        "counts": {"revisions": sum(counts.values()), "blobs": n_blobs, "by_type": counts},
        "entries": entries,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    zf.writestr(MANIFEST, manifest_bytes)
    zf.writestr(SIGNATURE, keys.sign(private_key, manifest_bytes))
    return manifest
