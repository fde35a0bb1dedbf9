"""Reading a package: opened (decrypting on the fly), verified by :mod:`.guards` and handed to
the merge, in this process or in a reader process."""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from ...storage.revisions import Revision
from .. import keys
from ..outline import CAUSAL_ORDER, Outline, outline_of
from ..roster import Identity, by_key
from ..sealed import SealedReader, is_sealed
from .format import (
    COURT_KIND,
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_ROSTER_BYTES,
    OLDEST_READABLE,
    REVISIONS,
    ROSTER,
    SIGNATURE,
    Limits,
    Manifest,
    PackageError,
)
from .guards import (
    _check_entries,
    _check_heads,
    _check_links,
    _hash_entry,
    _parse_json,
    _read_capped,
    _read_entry,
    _revision_from_columns,
    _sender_identity,
    _seq,
)


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


#: (device id, private key) of the laptop reading: what opens packages encrypted to it
Reader = tuple[str, str]


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
        assert lines is not None  # kept as read: the stored columns
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
    raw: list[bytes] | None = [] if keep_blobs else None
    revisions = _read_revisions(zf, entries, limits, progress, raw)
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
    if manifest.kind == COURT_KIND:
        _check_court_package(found, ranges, identity)
        chains: dict[str, Identity] = {}
    else:
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


def _check_court_package(
    found: dict[str, list[Revision]], ranges: dict[str, tuple[int, int]], sender: Identity
) -> None:
    """A rectification package for a court holds some revisions of many laptops (those of the
    court's records), not their whole chains: the leader's signature on the manifest, which
    hashes them, is what vouches for them. Only the leader signs one."""
    if sender.role != "leader":
        raise PackageError("整改包只能由本组组长签发，拒绝导入")
    for dev, revs in found.items():
        lo, hi = ranges[dev]
        revs.sort(key=_seq)
        seqs = [r.seq for r in revs]
        if len(set(seqs)) != len(seqs) or seqs[0] != lo or seqs[-1] != hi:
            raise PackageError("修改记录与清单所列范围不一致（缺失或重复）")


def _read_revisions(
    zf: zipfile.ZipFile,
    entries: dict[str, Any],
    limits: Limits,
    progress: Callable[[int], None] | None,
    raw: list[bytes] | None = None,
) -> list[Revision]:
    """Stream the revisions in blocks, hashing as they are read; the digest must match the
    manifest. Each revision's line is appended to ``raw`` when given."""
    spec = entries[REVISIONS]
    declared = int(spec["size"])
    parse = _revision_from_columns
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
