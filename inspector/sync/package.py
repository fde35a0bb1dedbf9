"""The ledger package file (``.ledgerpkg``): a zip with a signed manifest.

Layout::

    manifest.json    format and schema version, campaign, sender, creation time,
                     revision ranges per device, counts, sha256 and size of every entry
    manifest.sig     Ed25519 signature of manifest.json by the sender's laptop
    revisions.jsonl  one revision per line, ordered by device and sequence: a JSON array of
                     its stored columns, the fields and bases as their stored JSON text, so
                     that the hash-chain link is checked over exactly what is stored
    blobs/<sha256>   attachment contents

Reading trusts nothing: entry names are allow-listed, sizes, counts, compression
ratios and JSON depth are capped, every entry is hashed against the manifest and the
signature is checked against the roster's pinned key for the sender's laptop.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from ..domain.records import RECORD_TYPES
from ..domain.values import MAX_REVISION_BYTES
from ..errors import UserError
from ..storage.keyfile import describe_os_error, sync_directory
from ..storage.revisions import GENESIS, Revision, revision_id
from . import keys
from .heads import UNSIGNED_DEVICES, Head
from .outline import CAUSAL_ORDER, Outline, outline_of
from .roster import Identity, by_key
from .sealed import Recipient, SealedReader, SealedWriter, is_sealed

FORMAT = "inspector-ledger-package"
#: 2: every revision carries its hash-chain link; 3: revisions as arrays of stored columns;
#: 4: each laptop's chain head signed by that laptop (packages without them are refused)
FORMAT_VERSION = 4
OLDEST_READABLE = 4
SUFFIX = ".ledgerpkg"
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


@dataclass
class Package:
    """A verified package, open for reading its blobs."""

    path: Path
    manifest: Manifest
    _revisions: list[Revision] | None
    sender: Identity
    _zip: zipfile.ZipFile | None = field(repr=False)
    _limits: Limits = field(repr=False, default=DEFAULT_LIMITS)
    _source: Any = field(repr=False, default=None)
    #: whether the package was encrypted to its recipients
    sealed: bool = False
    #: the attachments, verified, when they were read with the package
    _blobs: dict[str, bytes] | None = field(repr=False, default=None)
    #: what merging needs of the revisions, when it was worked out where they were read
    _outline: Outline | None = field(repr=False, default=None)
    #: each revision's line as it was read (its stored columns), when kept
    _lines: list[bytes] | None = field(repr=False, default=None)
    #: laptops not on the roster whose revisions are signed by a key on it: the same member
    #: going on under a new laptop id (a restored or copied workspace), to trust when merged
    chains: dict[str, Identity] = field(default_factory=dict)

    def identity(self, trusted: dict[str, Identity], device: str) -> Identity | None:
        return trusted.get(device) or self.chains.get(device)

    @property
    def revisions(self) -> list[Revision]:
        if self._revisions is None:
            assert self._outline is not None
            self._revisions = [Revision.stored(row) for row in self._outline.rows]
        return self._revisions

    @property
    def outline(self) -> Outline:
        if self._outline is None:
            self._outline = outline_of(self.revisions)
        return self._outline

    def blob_names(self) -> list[str]:
        return [
            n.removeprefix("blobs/")
            for n in self.manifest.data["entries"]
            if n.startswith("blobs/")
        ]

    def read_blob(self, digest: str) -> bytes:
        if self._blobs is not None and digest in self._blobs:
            return self._blobs[digest]
        if self._zip is None:
            raise PackageError(f"清单中没有条目“blobs/{digest}”")
        return _read_entry(
            self._zip, f"blobs/{digest}", self.manifest.data["entries"], self._limits
        )

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        if self._source is not None:
            self._source.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- writing ---------------------------------------------------------------------------


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


# --- reading ---------------------------------------------------------------------------


def json_depth_ok(text: bytes, limit: int) -> bool:
    """True when the JSON text nests no deeper than ``limit`` (strings are skipped)."""
    depth = 0
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == 0x5C:  # backslash
                escaped = True
            elif ch == 0x22:
                in_string = False
        elif ch == 0x22:
            in_string = True
        elif ch in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return False
        elif ch in (0x5D, 0x7D):
            depth -= 1
    return True


def _label(what: str | tuple[int, str]) -> str:
    """What is being read, for a message: a text, or (line number, part of that line)."""
    return what if isinstance(what, str) else f"第{what[0]}条修改记录{what[1]}"


def _parse_json(data: bytes | str, what: str | tuple[int, str], limits: Limits) -> Any:
    # fewer brackets than the limit cannot nest deeper than it: skip the byte-by-byte scan
    if isinstance(data, str):
        brackets = data.count("[") + data.count("{")
    else:
        brackets = data.count(b"[") + data.count(b"{")
    if brackets > limits.max_json_depth and not json_depth_ok(
        data.encode() if isinstance(data, str) else data, limits.max_json_depth
    ):
        raise PackageError(f"{_label(what)}嵌套过深，拒绝读取")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as e:
        raise PackageError(f"{_label(what)}不是有效的 JSON") from e


def _check_entries(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise PackageError(f"台账包条目过多（{len(infos)}），拒绝读取")
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise PackageError(f"台账包中有重复条目“{name}”")
        if name not in (MANIFEST, SIGNATURE, REVISIONS, ROSTER) and not _BLOB.match(name):
            raise PackageError(f"台账包中有不允许的条目“{name[:80]}”")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode) or info.is_dir():
            raise PackageError(f"台账包条目“{name}”是链接或目录")
        if info.flag_bits & 0x1:
            raise PackageError("台账包条目被加密，无法读取")
        if info.file_size > limits.max_entry_bytes:
            raise PackageError(f"台账包条目“{name}”过大")
        if info.file_size > 1 << 20 and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise PackageError(f"台账包条目“{name}”压缩比异常（疑似压缩炸弹），拒绝读取")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageError("台账包解压后总大小超过上限，拒绝读取")
        seen[name] = info
    for required in (MANIFEST, SIGNATURE, REVISIONS):
        if required not in seen:
            raise PackageError(f"台账包缺少“{required}”，文件不完整")
    return seen


def _read_capped(zf: zipfile.ZipFile, name: str, cap: int) -> bytes:
    out = bytearray()
    with zf.open(name) as f:
        while chunk := f.read(1 << 20):
            out += chunk
            if len(out) > cap:
                raise PackageError(f"台账包条目“{name}”实际大小超过声明，拒绝读取")
    return bytes(out)


def _read_entry(zf: zipfile.ZipFile, name: str, entries: dict[str, Any], limits: Limits) -> bytes:
    spec = entries.get(name)
    if spec is None:
        raise PackageError(f"清单中没有条目“{name}”")
    try:
        data = _read_capped(zf, name, min(int(spec["size"]), limits.max_entry_bytes))
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as e:
        raise PackageError(f"台账包条目“{name}”已损坏") from e
    if len(data) != int(spec["size"]) or hashlib.sha256(data).hexdigest() != spec["sha256"]:
        raise PackageError(f"台账包条目“{name}”与清单不符（文件被改动或损坏）")
    return data


def _hash_entry(zf: zipfile.ZipFile, name: str, spec: dict[str, Any], limits: Limits) -> None:
    """Check an entry's size and sha256 against the manifest without keeping it in memory."""
    digest = hashlib.sha256()
    size = 0
    try:
        with zf.open(name) as f:
            while chunk := f.read(1 << 20):
                size += len(chunk)
                if size > int(spec["size"]):
                    raise PackageError(f"台账包条目“{name}”实际大小超过声明，拒绝读取")
                digest.update(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise PackageError(f"台账包条目“{name}”已损坏") from e
    if size != int(spec["size"]) or digest.hexdigest() != spec.get("sha256"):
        raise PackageError(f"台账包条目“{name}”与清单不符（文件被改动或损坏）")


#: what a field that is not JSON may hold
_SCALARS = frozenset({str, int, float, bool, type(None)})
_COLUMN_TYPES = (str, str, int, str, str, str, str, str, str, str, str, str)
_COLUMN_TYPES_NO_MEMBER = (str, str, int, type(None), str, str, str, str, str, str, str, str)


def _revision_from(d: Any, line_no: int, limits: Limits) -> Revision:
    """A revision line of format 2: an object; its stored text is re-encoded to hash it."""
    where = f"第{line_no}条修改记录"
    if not isinstance(d, dict):
        raise PackageError(f"{where}格式无效")
    try:
        rev = Revision(
            id=str(d["id"]),
            device_id=str(d["device_id"]),
            seq=int(d["seq"]),
            member_id=None if d["member_id"] is None else str(d["member_id"]),
            hlc=str(d["hlc"]),
            record_type=str(d["record_type"]),
            record_id=str(d["record_id"]),
            op=str(d["op"]),
            fields=d["fields"],
            base=tuple(str(b) for b in d["base"]),
            created_at=str(d["created_at"]),
            chain=str(d["chain"]),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise PackageError(f"{where}缺少必要内容") from e
    return _checked(rev, line_no)


def _revision_from_columns(cols: Any, line_no: int, limits: Limits) -> Revision:
    """A revision line of format 3: its stored columns, kept as they are for hashing and storing."""
    if not isinstance(cols, list) or len(cols) != len(_COLUMN_TYPES):
        raise PackageError(f"第{line_no}条修改记录格式无效")
    types = tuple(map(type, cols))
    if types != _COLUMN_TYPES and types != _COLUMN_TYPES_NO_MEMBER:
        raise PackageError(f"第{line_no}条修改记录缺少必要内容")
    fields = _parse_json(cols[8], (line_no, "的字段"), limits)
    if cols[9] == "[]":
        base: Any = ()
    else:
        base = _parse_json(cols[9], (line_no, "的前序记录"), limits)
        if not isinstance(base, list) or not all(type(b) is str for b in base):
            raise PackageError(f"第{line_no}条修改记录的前序记录无效")
    return _checked(Revision.stored(cols, fields, tuple(base)), line_no)


def _checked(rev: Revision, line_no: int) -> Revision:
    rt = RECORD_TYPES.get(rev.record_type)
    if rt is None:
        raise PackageError(f"第{line_no}条修改记录的记录类型“{rev.record_type[:40]}”未知")
    if rev.op not in ("create", "update", "delete"):
        raise PackageError(f"第{line_no}条修改记录的操作“{rev.op[:20]}”未知")
    if not isinstance(rev.fields, dict) or not rt.field_set.issuperset(rev.fields):
        raise PackageError(f"第{line_no}条修改记录含有未知字段")
    if not _SCALARS.issuperset(map(type, rev.fields.values())):
        json_fields = rt.json_fields
        for name, value in rev.fields.items():
            if type(value) not in _SCALARS and name not in json_fields:
                raise PackageError(f"第{line_no}条修改记录的字段“{name}”格式无效")
    if rev.op == "delete" and rev.fields:
        raise PackageError(f"第{line_no}条修改记录无效：删除记录不应带字段")
    if rev.seq < 1 or rev.id != revision_id(rev.device_id, rev.seq):
        raise PackageError(f"第{line_no}条修改记录的编号无效")
    if (
        not _HLC.match(rev.hlc)
        or not _ID.match(rev.record_id)
        or (rev.device_id not in _GOOD_DEVICES and not _good_device(rev.device_id))
    ):
        raise PackageError(f"第{line_no}条修改记录的标识或时间戳无效")
    if not _CHAIN.match(rev.chain):
        raise PackageError(f"第{line_no}条修改记录缺少修改记录链")
    return rev


#: laptop ids that passed :data:`_ID` (a package names few laptops, each on every revision)
_GOOD_DEVICES: set[str] = set()


def _good_device(device: str) -> bool:
    if not _ID.match(device):
        return False
    if len(_GOOD_DEVICES) < 10_000:
        _GOOD_DEVICES.add(device)
    return True


#: (device id, private key) of the laptop reading: what opens packages encrypted to it
Reader = tuple[str, str]


def _open_zip(path: Path, reader: Reader | None) -> tuple[zipfile.ZipFile, Any]:
    """The package's zip (decrypting on the fly when it is sealed) and its source to close."""
    source: Any = None
    try:
        if is_sealed(path):
            if reader is None:
                raise PackageError("台账包已加密，需要在接收人的电脑上打开")
            source = SealedReader(path, device_id=reader[0], private_key=reader[1])
            return zipfile.ZipFile(source), source
        return zipfile.ZipFile(path), None
    except FileNotFoundError as e:
        raise PackageError(f"找不到台账包：{path}") from e
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        if source is not None:
            source.close()
        raise PackageError(f"“{path.name}”不是台账包，或文件不完整（可能未拷贝完）") from e
    except BaseException:
        if source is not None:
            source.close()
        raise


def open_package(
    path: Path,
    trusted: dict[str, Identity],
    *,
    schema_version: int,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[int], None] | None = None,
    reader: Reader | None = None,
    keep_blobs: bool = False,
) -> Package:
    """Open and verify a package; raises :class:`PackageError` and writes nothing.

    With ``keep_blobs`` the attachments are kept in memory as they are verified (when they
    come to no more than :data:`DETACHED_BLOB_BYTES`).
    """
    path = Path(path)
    zf, source = _open_zip(path, reader)
    try:
        pkg = _verify(path, zf, trusted, schema_version, limits, progress, keep_blobs)
    except BaseException:
        zf.close()
        if source is not None:
            source.close()
        raise
    pkg._source = source
    pkg.sealed = source is not None
    return pkg


#: attachments handed back with a package verified in a reader process, at most this many bytes
DETACHED_BLOB_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Detached:
    """A package verified in a reader process, handed back as plain data: its revisions' stored
    columns in causal order as one JSON array (one string crosses between the processes
    faster than thousands of rows), the outline of those revisions and, when small enough, its
    attachments."""

    path: Path
    manifest: Manifest
    sender: Identity
    rows: bytes
    outline: Outline
    blobs: dict[str, bytes] | None
    sealed: bool
    chains: dict[str, Identity]


def read_detached(
    path: Path,
    trusted: dict[str, Identity],
    *,
    schema_version: int,
    limits: Limits = DEFAULT_LIMITS,
    reader: Reader | None = None,
) -> Detached:
    """Open and verify a package (in a reader process) and hand back what merging needs."""
    with open_package(
        path, trusted, schema_version=schema_version, limits=limits, reader=reader, keep_blobs=True
    ) as pkg:
        revs = pkg.revisions
        order = sorted(range(len(revs)), key=list(map(CAUSAL_ORDER, revs)).__getitem__)
        lines = pkg._lines
        if lines is None:  # an older format: its lines are not the stored columns
            lines = [orjson.dumps(r.row()) for r in revs]
        rows = b"[" + b",".join([lines[i] for i in order]) + b"]"
        outline = outline_of([revs[i] for i in order], ordered=True, rows=False)
        return Detached(
            pkg.path, pkg.manifest, pkg.sender, rows, outline, pkg._blobs, pkg.sealed, pkg.chains
        )


def attach(
    d: Detached, *, limits: Limits = DEFAULT_LIMITS, reader: Reader | None = None
) -> Package:
    """The package a reader process verified, ready to merge. When its attachments were too
    large to hand back they are read from the file again, each checked against the verified
    manifest."""
    rows = list(map(tuple, orjson.loads(d.rows)))
    outline = replace(d.outline, rows=rows)
    zf, source = _open_zip(d.path, reader) if d.blobs is None else (None, None)
    return Package(
        d.path,
        d.manifest,
        None,
        d.sender,
        zf,
        limits,
        source,
        d.sealed,
        d.blobs,
        outline,
        chains=d.chains,
    )


def _signed_manifest(
    zf: zipfile.ZipFile, trusted: dict[str, Identity], schema_version: int, limits: Limits
) -> tuple[Manifest, Identity, dict[str, zipfile.ZipInfo]]:
    """The entry list checked and the manifest's signature verified against the roster."""
    infos = _check_entries(zf, limits)
    if infos[MANIFEST].file_size > limits.max_manifest_bytes:
        raise PackageError("台账包清单过大，拒绝读取")
    try:
        manifest_bytes = _read_capped(zf, MANIFEST, limits.max_manifest_bytes)
        signature = _read_capped(zf, SIGNATURE, 1024)
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise PackageError("台账包清单已损坏") from e
    probe = _parse_json(manifest_bytes, "台账包清单", limits)
    if not isinstance(probe, dict) or probe.get("format") != FORMAT:
        raise PackageError("文件不是巡查台账包")
    sender = probe.get("sender")
    device = sender.get("device_id") if isinstance(sender, dict) else None
    identity = _sender_identity(trusted, device, sender)
    if identity is None:
        raise PackageError("发送方不在本组名册中（未知的电脑），拒绝导入；请先导入组长签发的名册")
    if not keys.verify(identity.public_key, signature, manifest_bytes):
        raise PackageError(f"台账包签名无效：不是{identity.name}的电脑签发的，或文件被改动")
    version = probe.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise PackageError("台账包格式较新，请升级软件后再导入")
    if version < OLDEST_READABLE:
        raise PackageError(
            "台账包由旧版软件导出（没有各电脑对其修改记录的签名），请对方升级后重新导出"
        )
    if int(probe.get("schema_version", 0)) > schema_version:
        raise PackageError("台账包由较新版本的软件生成，请升级软件后再导入")
    try:
        str(probe["package_id"])
        int(probe["sequence"])
    except (KeyError, TypeError, ValueError) as e:
        raise PackageError("台账包清单内容不完整") from e
    return Manifest(probe, hashlib.sha256(manifest_bytes).hexdigest()), identity, infos


def _sender_identity(trusted: dict[str, Identity], device: Any, sender: Any) -> Identity | None:
    """Who signed the manifest: the laptop on the roster, or — for a laptop id the roster does
    not know — the member whose key on the roster the manifest names (that member's workspace
    was restored or copied and goes on under a new laptop id; the signature still has to be
    theirs)."""
    if not isinstance(device, str) or not _ID.match(device):
        return None
    if device in trusted:
        return trusted[device]
    key = sender.get("public_key") if isinstance(sender, dict) else None
    known = by_key(trusted).get(key) if isinstance(key, str) else None
    return known.with_device(device) if known is not None else None


def peek_manifest(
    path: Path,
    trusted: dict[str, Identity],
    *,
    schema_version: int,
    limits: Limits = DEFAULT_LIMITS,
    reader: Reader | None = None,
) -> tuple[Manifest, Identity]:
    """Only the signed manifest (fast): enough to recognise a package imported before."""
    zf, source = _open_zip(Path(path), reader)
    try:
        with zf:
            manifest, identity, infos = _signed_manifest(zf, trusted, schema_version, limits)
            entries = manifest.data.get("entries")
            if isinstance(entries, dict) and ROSTER in entries and ROSTER in infos:
                if infos[ROSTER].file_size > MAX_ROSTER_BYTES:
                    raise PackageError("台账包中的名册过大，拒绝读取")
                manifest.roster = _read_entry(zf, ROSTER, entries, limits)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        if isinstance(e, PackageError):
            raise
        raise PackageError(f"“{Path(path).name}”不是台账包，或文件不完整（可能未拷贝完）") from e
    finally:
        if source is not None:
            source.close()
    return manifest, identity


def _verify(
    path: Path,
    zf: zipfile.ZipFile,
    trusted: dict[str, Identity],
    schema_version: int,
    limits: Limits,
    progress: Callable[[int], None] | None,
    keep_blobs: bool = False,
) -> Package:
    manifest, identity, infos = _signed_manifest(zf, trusted, schema_version, limits)
    key_holder = by_key(trusted).get(identity.public_key)
    if identity.revoked or (key_holder is not None and key_holder.revoked):
        raise PackageError(
            f"{identity.name}的电脑已挂失注销，不再接受其台账包；注销前已导入的内容不受影响"
        )
    probe = manifest.data
    entries = probe.get("entries")
    if not isinstance(entries, dict) or set(entries) != set(infos) - {MANIFEST, SIGNATURE}:
        raise PackageError("台账包条目与清单不一致（文件被改动）")
    for name, spec in entries.items():
        if (
            not isinstance(spec, dict)
            or not isinstance(spec.get("size"), int)
            or spec["size"] != infos[name].file_size
        ):
            raise PackageError(f"台账包条目“{name}”大小与清单不符")
        if name.startswith("blobs/") and spec.get("sha256") != name.removeprefix("blobs/"):
            raise PackageError(f"附件“{name}”的摘要与名称不符")
    if ROSTER in entries:
        if infos[ROSTER].file_size > MAX_ROSTER_BYTES:
            raise PackageError("台账包中的名册过大，拒绝读取")
        manifest.roster = _read_entry(zf, ROSTER, entries, limits)
    try:
        ranges = manifest.ranges
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise PackageError("台账包清单内容不完整") from e
    version = int(probe["format_version"])
    raw: list[bytes] | None = [] if keep_blobs and version >= 3 else None
    revisions = _read_revisions(zf, entries, limits, progress, version, raw)
    blobs: dict[str, bytes] | None = {} if keep_blobs else None
    budget = DETACHED_BLOB_BYTES
    for name in entries:
        if name.startswith("blobs/"):
            size = int(entries[name]["size"])
            if blobs is not None and size <= budget:
                budget -= size
                blobs[name.removeprefix("blobs/")] = _read_entry(zf, name, entries, limits)
            else:
                blobs = None
                _hash_entry(zf, name, entries[name], limits)
    found: dict[str, list[Revision]] = {}
    for r in revisions:
        found.setdefault(r.device_id, []).append(r)
    if set(found) != set(ranges):
        raise PackageError("修改记录与清单所列设备不一致")
    for dev, revs in found.items():
        lo, hi = ranges[dev]
        revs.sort(key=_seq)
        if [r.seq for r in revs] != list(range(lo, hi + 1)):
            raise PackageError("修改记录与清单所列范围不一致（缺失或重复）")
        _check_links(revs, trusted)
    chains = _check_heads(manifest, found, trusted, identity)
    pkg = Package(path, manifest, revisions, identity, zf, limits, chains=chains)
    pkg._blobs = blobs
    pkg._lines = raw
    return pkg


def _check_heads(
    manifest: Manifest,
    found: dict[str, list[Revision]],
    trusted: dict[str, Identity],
    sender: Identity,
) -> dict[str, Identity]:
    """Every laptop's revisions in the package end at a chain head signed by that laptop's key
    from the roster, and none of a revoked laptop comes after its revocation. Returns the new
    hash chains of keys on the roster (see :func:`_sender_identity`)."""
    heads = manifest.data.get("heads")
    if not isinstance(heads, dict):
        heads = {}
    keyed = by_key(trusted)
    chains: dict[str, Identity] = {}
    if sender.device_id not in trusted:
        chains[sender.device_id] = sender
    for device, revs in found.items():
        if device in UNSIGNED_DEVICES:
            continue
        who = laptop_name(trusted, device)
        head = Head.from_dict(device, heads.get(device))
        if head is None:
            raise PackageError(
                f"台账包中有{who}的修改记录，却没有该电脑的签名"
                "（可能是他人冒用该电脑的编号写入的），拒绝导入"
            )
        ident = trusted.get(device) or chains.get(device)
        if ident is None:
            known = keyed.get(head.public_key)
            if known is None:
                raise PackageError(
                    f"台账包含有不在名册中的电脑（{device[:8]}）的修改记录，拒绝导入"
                )
            ident = chains[device] = known.with_device(device)
            who = f"{ident.name}的电脑"
        top = revs[-1]
        if (
            head.public_key != ident.public_key
            or head.seq != top.seq
            or head.chain != top.chain
            or not head.valid()
        ):
            raise PackageError(
                f"{who}的修改记录签名无效（记录被改动，或是他人冒用该电脑的编号写入的），拒绝导入"
            )
        revoked = keyed.get(ident.public_key)
        cutoff = ident.revoked_after if ident.revoked else None
        if cutoff is None and revoked is not None and revoked.revoked:
            cutoff = 0  # a new chain of a revoked key: nothing of it is accepted
        if cutoff is not None and top.seq > cutoff:
            when = (ident.revoked_at or (revoked.revoked_at if revoked else "") or "")[:10]
            raise PackageError(
                f"{ident.name}的电脑已{'于' + when if when else ''}挂失注销，"
                "拒绝其注销后的修改记录；注销前已导入的内容不受影响"
            )
    return chains


def _seq(r: Revision) -> int:
    return r.seq


def laptop_name(trusted: dict[str, Identity], device: str) -> str:
    ident = trusted.get(device)
    return f"{ident.name}的电脑" if ident else f"设备{device[:8]}"


def chain_broken(trusted: dict[str, Identity], device: str, seq: int) -> PackageError:
    return PackageError(
        f"{laptop_name(trusted, device)}的修改记录链在第{seq}条处断裂："
        "历史记录被改动、删除或调换，拒绝导入"
    )


def _check_links(revs: list[Revision], trusted: dict[str, Identity]) -> None:
    """One laptop's revisions, in sequence, each linked to the one before it (the first to
    the start of the chain when it is the laptop's first). Where they join the chain a
    workspace already holds is checked when merging."""
    previous = GENESIS if revs[0].seq == 1 else None
    for r in revs:
        if previous is not None and r.chain != r.link(previous):
            raise chain_broken(trusted, r.device_id, r.seq)
        previous = r.chain


def _read_revisions(
    zf: zipfile.ZipFile,
    entries: dict[str, Any],
    limits: Limits,
    progress: Callable[[int], None] | None,
    version: int = FORMAT_VERSION,
    raw: list[bytes] | None = None,
) -> list[Revision]:
    """Stream the revisions in blocks, hashing as they are read; the digest must match the
    manifest. Each revision's line is appended to ``raw`` when given."""
    spec = entries[REVISIONS]
    declared = int(spec["size"])
    parse = _revision_from_columns if version >= 3 else _revision_from
    digest = hashlib.sha256()
    size = 0
    out: list[Revision] = []
    no = 0

    def take(line: bytes) -> None:
        nonlocal no
        no += 1
        if len(line) > limits.max_line_bytes:
            raise PackageError(f"第{no}条修改记录过大")
        if line and not line.isspace():
            out.append(parse(_parse_json(line, (no, ""), limits), no, limits))
            if raw is not None:
                raw.append(line)

    try:
        with zf.open(REVISIONS) as f:
            pending = b""
            while block := f.read(1 << 20):
                size += len(block)
                if size > declared:
                    raise PackageError("修改记录实际大小超过清单声明")
                digest.update(block)
                lines = (pending + block).split(b"\n") if pending else block.split(b"\n")
                pending = lines.pop()
                if len(pending) > limits.max_line_bytes:
                    raise PackageError(f"第{no + len(lines) + 1}条修改记录过大")
                for line in lines:
                    take(line)
                if progress:
                    progress(no)
            if pending:
                take(pending)
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise PackageError("修改记录已损坏（文件不完整）") from e
    if size != declared or digest.hexdigest() != spec.get("sha256"):
        raise PackageError("修改记录与清单不符（文件被改动或损坏）")
    return out
