"""What a package must pass before anything of it is trusted: entry names, sizes, ratios and
JSON depth capped, every entry hashed against the manifest, every revision's shape, links
and the signatures of each laptop's chain head checked against the roster."""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from typing import Any

import orjson

from ...domain.records import RECORD_TYPES
from ...storage.revisions import GENESIS, Revision, revision_id
from ..heads import UNSIGNED_DEVICES, Head
from ..roster import Identity, by_key
from .format import (
    _BLOB,
    _CHAIN,
    _HLC,
    _ID,
    MANIFEST,
    REVISIONS,
    ROSTER,
    SIGNATURE,
    Limits,
    Manifest,
    PackageError,
)


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
