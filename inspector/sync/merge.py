"""Importing a verified package: check it against the workspace, then merge in one transaction.

Checks before writing: not a replay of an older package from the same laptop, no
gap in any laptop's sequence, every base revision known, revisions already held
are byte-identical, revisions only from laptops on the roster, closing and
returning only by a leader or verifier, every attachment's content present.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..domain.records import RECORD_TYPES
from ..storage import projection
from ..storage import sqlite as driver
from ..storage.revisions import GENESIS, INSERT_REVISION, REVISION_COLUMNS, Revision
from ..storage.workspace import Workspace
from . import heads, roster
from .outline import Outline, outline_of
from .package import Package, PackageError, chain_broken, laptop_name
from .roster import Identity

REFERENCE_DEVICE = "reference"


def local_vector(conn: sqlite3.Connection, devices: Iterable[str] | None = None) -> dict[str, int]:
    """Per laptop (all, or the given ones), the highest revision sequence this workspace holds.

    A laptop's revisions are held without gaps (imports must continue where the held ones
    end), so those numbered up to it are exactly the ones held.
    """
    if devices is None:
        return {
            d: int(n)
            for d, n in conn.execute("SELECT device_id, MAX(seq) FROM revisions GROUP BY device_id")
        }
    out = {}
    for d in devices:
        n = conn.execute("SELECT MAX(seq) FROM revisions WHERE device_id = ?", (d,)).fetchone()[0]
        if n is not None:
            out[d] = int(n)
    return out


@dataclass
class ImportPlan:
    package: Package
    already_imported: bool
    #: the revisions this workspace does not hold yet
    new: Outline
    existing_records: set[str]
    known: int
    new_records: dict[str, int] = field(default_factory=dict)
    changed_records: dict[str, int] = field(default_factory=dict)
    blobs_needed: list[str] = field(default_factory=list)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _held(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """The stored columns of those of these revisions (stored columns) this workspace holds, by
    id: one range of sequence numbers per laptop."""
    ranges: dict[str, tuple[int, int]] = {}
    for row in rows:
        device, seq = row[1], row[2]
        lo, hi = ranges.get(device, (seq, seq))
        ranges[device] = (min(lo, seq), max(hi, seq))
    out: dict[str, tuple[Any, ...]] = {}
    for device, (lo, hi) in ranges.items():
        for row in conn.execute(
            f"SELECT {REVISION_COLUMNS} FROM revisions WHERE device_id = ? AND seq BETWEEN ? AND ?",
            (device, lo, hi),
        ):
            out[row[0]] = tuple(row)
    return out


def held_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of these revision ids (``<device>:<seq>``) the workspace holds: a laptop's
    revisions are held without gaps, so those up to its highest sequence number."""
    parsed: list[tuple[str, str, int]] = []
    for rid in ids:
        device, _, seq = rid.rpartition(":")
        if device and seq.isdigit() and rid == f"{device}:{int(seq)}":
            parsed.append((rid, device, int(seq)))
    vector = local_vector(conn, {device for _, device, _ in parsed})
    return {rid for rid, device, seq in parsed if 1 <= seq <= vector.get(device, 0)}


def forked(trusted: dict[str, Identity], device: str, seq: int) -> PackageError:
    """Two different histories of one laptop id, both signed with its key: the member's
    workspace was copied (or restored) and used on two laptops the app could not tell apart."""
    ident = trusted.get(device)
    who = ident.name if ident else f"设备{device[:8]}"
    return PackageError(
        f"{who}的工作区同时在两台电脑上使用（复制后两边都有修改）：两边自第{seq}条修改记录起不同。"
        f"请{who}只保留一台电脑上的工作区继续使用，另一台上复制出的工作区不要再导出"
    )


def check_chains(
    conn: sqlite3.Connection, first: dict[str, Revision], trusted: dict[str, Identity]
) -> None:
    """Each laptop's new revisions (``first``: the earliest of each) must extend the hash chain
    this workspace holds. The links within a package were checked when it was read; here, where
    they join the held chain: a signed chain that does not join is the same laptop id used on
    two laptops."""
    for device, r in first.items():
        row = conn.execute(
            "SELECT chain FROM revisions WHERE device_id = ? AND seq = ?", (device, r.seq - 1)
        ).fetchone()
        previous = (row[0] or "") if row else GENESIS
        if r.chain != r.link(previous):
            if device in heads.UNSIGNED_DEVICES:
                raise chain_broken(trusted, device, r.seq)
            raise forked(trusted, device, r.seq)


def voided(conn: sqlite3.Connection, new: Outline, device: str, event: str) -> bool:
    """Whether the laptop that took a privileged action took it back itself (deleted the
    event): it then changes nothing and is accepted, so that a member whose role did not allow
    the action can undo it and send the package again."""
    if (device, event) in new.voided:
        return True
    row = conn.execute(
        "SELECT 1 FROM revisions WHERE record_id = ? AND op = 'delete' AND device_id = ?",
        (event, device),
    ).fetchone()
    return row is not None


class MissingBases(PackageError):
    """The package's revisions follow revisions of other laptops this workspace does not hold
    yet (a batch may bring them in another of its packages)."""


def plan_import(
    conn: sqlite3.Connection,
    pkg: Package,
    *,
    own_device: str,
    trusted: dict[str, Identity],
    check: Callable[[Outline], None] | None = None,
) -> ImportPlan:
    """Everything checked, nothing written. ``check`` is asked about the new revisions before
    the roles' checks (what an inspected court's laptop may write)."""
    m = pkg.manifest
    if m.sender_device == own_device:
        raise PackageError("这是本机导出的台账包，无需导入")
    seen = conn.execute(
        "SELECT manifest_sha256 FROM imported_packages WHERE package_id = ?", (m.package_id,)
    ).fetchone()
    if seen:
        if seen[0] != m.sha256:
            raise PackageError("该台账包与已导入的同编号台账包内容不同，疑似被篡改，拒绝导入")
        return ImportPlan(pkg, True, outline_of(()), set(), len(pkg.outline))
    newer = conn.execute(
        "SELECT MAX(sequence) FROM imported_packages WHERE sender_device = ?", (m.sender_device,)
    ).fetchone()[0]
    if newer is not None and newer > m.sequence:
        raise PackageError(
            f"这是{pkg.sender.name}较早导出的台账包（第{m.sequence}号），"
            f"本机已导入其第{newer}号台账包；为防止重放，拒绝导入"
        )
    outline = pkg.outline
    vector = local_vector(conn, outline.firsts)
    # each laptop's revisions in a package are one run of sequence numbers (checked when read)
    overlaps = any(
        outline.rows[i][2] <= vector.get(device, 0) for device, i in outline.firsts.items()
    )
    held = [r for r in outline.rows if r[2] <= vector.get(r[1], 0)] if overlaps else []
    if held:
        # compare what is already held, then go on with the rest
        stored = _held(conn, held)
        for row in held:
            if stored.get(row[0]) != row:
                if row[1] in heads.UNSIGNED_DEVICES:
                    raise PackageError(
                        "台账包中的修改记录与本机已有记录不一致"
                        f"（{laptop_name(trusted, row[1])}），疑似被篡改"
                    )
                # both versions are signed by that laptop's key: one workspace, two laptops
                raise forked(trusted, row[1], row[2])
        outline = outline_of(Revision.stored(r) for r in outline.rows if r[2] > vector.get(r[1], 0))
    new = outline
    for device in new.firsts:
        if device == own_device:
            raise PackageError("台账包含有本机名下但本机没有的修改记录，疑似伪造或工作区被复制")
        if pkg.identity(trusted, device) is None:
            raise PackageError(f"台账包含有不在名册中的电脑（{device[:8]}）的修改记录，拒绝导入")
    first = {device: Revision.stored(new.rows[i]) for device, i in new.firsts.items()}
    for device, r in first.items():
        have = vector.get(device, 0)
        if r.seq != have + 1:
            raise PackageError(
                f"缺少{laptop_name(trusted, device)}的第{have + 1}至{r.seq - 1}条修改记录，"
                "请先导入更早的台账包"
            )
    check_chains(conn, first, trusted)
    if new.outside_bases - held_ids(conn, new.outside_bases):
        raise MissingBases("台账包缺少前序修改记录，请先导入更早的台账包")
    if check is not None:
        check(new)
    for device, seq, event in sorted(new.privileged):
        ident = pkg.identity(trusted, device)
        assert ident is not None
        if ident.role_at(seq) in ("leader", "verifier") or voided(conn, new, device, event):
            continue
        raise PackageError(
            f"台账包中有{ident.name}在没有组长或核查人权限时所做的销号、退回或重开记录，拒绝导入。"
            f"请{ident.name}在本机整改台账中撤销这些操作后重新导出台账包"
        )
    return plan_of(conn, pkg, new, len(held))


def plan_of(conn: sqlite3.Connection, pkg: Package, new: Outline, known: int) -> ImportPlan:
    """The plan to merge these checked revisions: which records they add and which they
    change, and which attachments of the package the workspace lacks (every one they name
    must be in the package or the workspace)."""
    existing = {
        row[0]
        for row in conn.execute(
            """SELECT j.value FROM json_each(?) j
               WHERE EXISTS (SELECT 1 FROM revisions r WHERE r.record_id = j.value)""",
            (json.dumps(list(new.records)),),
        )
    }
    plan = ImportPlan(pkg, False, new, existing, known)
    plan.new_records = dict(new.kinds)
    for record_id in existing:
        kind = new.record_type(record_id)
        plan.new_records[kind] -= 1
        plan.changed_records[kind] = plan.changed_records.get(kind, 0) + 1
    plan.new_records = {kind: n for kind, n in plan.new_records.items() if n}
    in_package = set(pkg.blob_names())
    wanted = sorted(new.digests)
    held_blobs: set[str] = set()
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        held_blobs.update(
            row[0]
            for row in conn.execute(f"SELECT sha256 FROM blobs WHERE sha256 IN ({marks})", chunk)
        )
    missing = [d for d in wanted if d not in held_blobs and d not in in_package]
    if missing:
        raise PackageError(f"台账包缺少{len(missing)}个附件的内容，文件不完整")
    plan.blobs_needed = [d for d in in_package if d not in held_blobs]
    return plan


@dataclass(frozen=True)
class ImportResult:
    package_id: str
    sender: str
    sender_device: str
    created_at: str
    already_imported: bool
    new_revisions: int
    known_revisions: int
    new_records: dict[str, int]
    changed_records: dict[str, int]
    conflicts_before: int
    conflicts_after: int
    dry_run: bool = False
    #: what the user should know before merging (e.g. a campaign this workspace lacks)
    warnings: tuple[str, ...] = ()

    @property
    def new_conflicts(self) -> int:
        return max(0, self.conflicts_after - self.conflicts_before)

    def summary(self) -> str:
        if self.already_imported:
            return f"{self.sender}的台账包已导入过，未做任何更改"
        labels = {name: rt.label for name, rt in RECORD_TYPES.items()}
        new = "，".join(f"{labels[k]}{v}" for k, v in sorted(self.new_records.items()))
        changed = "，".join(f"{labels[k]}{v}" for k, v in sorted(self.changed_records.items()))
        verb = "将导入" if self.dry_run else "已导入"
        text = f"{verb}{self.sender}的台账包：新修改记录{self.new_revisions}条"
        if new:
            text += f"；新增 {new}"
        if changed:
            text += f"；更新 {changed}"
        if self.new_conflicts:
            text += f"；新增冲突{self.new_conflicts}处，需组长处理"
        for warning in self.warnings:
            text += f"。注意：{warning}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "package_id": self.package_id,
            "sender": self.sender,
            "sender_device": self.sender_device,
            "created_at": self.created_at,
            "already_imported": self.already_imported,
            "new_revisions": self.new_revisions,
            "known_revisions": self.known_revisions,
            "new_records": self.new_records,
            "changed_records": self.changed_records,
            "new_conflicts": self.new_conflicts,
            "conflicts_after": self.conflicts_after,
            "dry_run": self.dry_run,
            "warnings": list(self.warnings),
            "summary": self.summary(),
        }


def _state_conflicts(conn: sqlite3.Connection, items: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(items):
        marks = ", ".join("?" for _ in chunk)
        found.update(
            row[0]
            for row in conn.execute(
                f"SELECT record_id FROM conflicts WHERE field = ? AND record_id IN ({marks})",
                (projection.STATE_FIELD, *chunk),
            )
        )
    return found


def settle_items(conn: sqlite3.Connection, items: Iterable[str]) -> tuple[set[str], set[str]]:
    """Recompute the state of rectification items whose recomputation was left for later (see
    :func:`apply_plan`); returns the items whose state conflicts then appeared and those whose
    state conflicts went away."""
    ids = sorted(set(items))
    if not ids:
        return set(), set()
    before = _state_conflicts(conn, ids)
    projection.recompute_items(conn, ids)
    after = _state_conflicts(conn, ids)
    return after - before, before - after


def missing_reference(e: Exception) -> str:
    return f"台账包缺少所引用的记录（{e}），请连同更早的台账包一起导入"


class _Rollback(Exception):
    pass


def apply_plan(
    ws: Workspace,
    plan: ImportPlan,
    *,
    imported_at: str,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    items_later: set[str] | None = None,
) -> ImportResult:
    """Merge the plan in one transaction (rolled back again for a dry run). With
    ``items_later`` the rectification items whose state the package may change are added to it
    instead of recomputed, and the conflicts counted leave out their states: the caller, which
    merges more packages in the same transaction, recomputes them once at the end."""
    m = plan.package.manifest
    conn = ws.conn
    before = conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]

    def result(after: int) -> ImportResult:
        return ImportResult(
            package_id=m.package_id,
            sender=plan.package.sender.name,
            sender_device=m.sender_device,
            created_at=m.created_at,
            already_imported=plan.already_imported,
            new_revisions=len(plan.new),
            known_revisions=plan.known,
            new_records=plan.new_records,
            changed_records=plan.changed_records,
            conflicts_before=before,
            conflicts_after=after,
            dry_run=dry_run,
        )

    if plan.already_imported:
        return result(before)
    outcome: ImportResult | None = None
    try:
        with ws.transaction():
            if progress:
                progress("attachments")
            for digest in plan.blobs_needed:
                data = plan.package.read_blob(digest)
                conn.execute(
                    "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) "
                    "ON CONFLICT(sha256) DO NOTHING",
                    (digest, len(data), data),
                )
            if progress:
                progress("revisions")
            last = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM revisions").fetchone()[0]
            conn.executemany(INSERT_REVISION, plan.new.rows)
            heads.keep(conn, plan.package.manifest.heads)
            for ident in plan.package.chains.values():
                roster.trust_chain(conn, ident)
            if progress:
                progress("projection")
            projection.refresh(
                conn,
                plan.new.rows,
                plan.new.records,
                plan.existing_records,
                inserted_after=last,
                items_later=items_later,
            )
            after = conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]
            conn.execute(
                """INSERT INTO imported_packages (package_id, manifest_sha256, sender_device,
                       sender_member, sequence, created_at, imported_at, vector, new_revisions,
                       conflicts)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    m.package_id,
                    m.sha256,
                    m.sender_device,
                    m.sender.get("member_id"),
                    m.sequence,
                    m.created_at,
                    imported_at,
                    json.dumps(m.vector),
                    len(plan.new),
                    after,
                ),
            )
            outcome = result(after)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except driver.IntegrityError as e:
        if "FOREIGN KEY" not in str(e):
            raise
        # a record refers to one that neither the package nor the workspace holds
        raise PackageError(missing_reference(e)) from e
    assert outcome is not None
    return outcome
