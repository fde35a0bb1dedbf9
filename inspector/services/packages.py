"""Ledger packages: export, verify and import (merge), one or many at a time.

Functions run on the thread that owns the session; long ones take a ``progress``
callback so a worker can report to the UI.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from ..errors import UserError
from ..storage import sqlite
from ..storage.revisions import Revision, iter_revisions
from ..sync import heads, keys
from ..sync import roster as roster_mod
from ..sync.batch import ReadAhead, Waiting, file_size, merge_order
from ..sync.court import check_court_writes, plan_court_import, recheck_court_writes
from ..sync.heads import UNSIGNED_DEVICES, Head
from ..sync.merge import (
    ImportPlan,
    MissingBases,
    apply_plan,
    local_vector,
    plan_import,
    settle_items,
)
from ..sync.merge import ImportResult as ImportResult
from ..sync.package import (
    COURT_KIND,
    DEFAULT_LIMITS,
    SUFFIX,
    Limits,
    Manifest,
    Package,
    PackageError,
    laptop_name,
    open_package,
    peek_manifest,
    read_detached,
    write_package,
)
from ..sync.roster import COURT_ROLE, Identity
from ..sync.sealed import Recipient
from . import records
from .bulk import paused_gc
from .roster import (
    _member,
    _schema,
    adopt_linked_member,
    my_identity,
    take_roster,
    trusted_identities,
)
from .session import Session

EXPORT_COUNTER = "export_sequence"
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    kind: str
    revisions: int
    blobs: int
    size: int
    recipients: tuple[str, ...] = ()
    #: what the reader should still see to (a feedback section not yet written)
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        readers = "、".join(dict.fromkeys(self.recipients))
        return (
            f"已导出台账包“{self.path.name}”：修改记录{self.revisions}条，附件{self.blobs}个，"
            f"{self.size / 1024 / 1024:.1f} MB；已加密，只有{readers}的电脑能打开；"
            "已校验无误，可以拔出U盘" + "".join(f"。注意：{n}" for n in self.notes)
        )


def _member_by_name_or_id(session: Session, who: str) -> dict[str, Any]:
    """A member from the ledger or, before their first package arrives, from the roster."""
    found = {m["id"]: m for m in records.find(session, "member", "id = ? OR name = ?", (who, who))}
    for ident in roster_mod.trusted(session.conn).values():
        if who in (ident.member_id, ident.name):
            found.setdefault(ident.member_id, {"id": ident.member_id, "name": ident.name})
    if not found:
        raise UserError(f"没有组员“{who}”")
    if len(found) > 1:
        raise UserError(f"有多名组员叫“{who}”，请改用组员编号")
    return next(iter(found.values()))


def known_by(session: Session, member_id: str) -> dict[str, int]:
    """Per laptop, the revisions the member is known to hold (sent to or received from them)."""
    known: dict[str, int] = {}
    vectors = [
        r[0]
        for r in session.conn.execute(
            "SELECT vector FROM exported_packages WHERE recipient_member = ?", (member_id,)
        )
    ]
    vectors += [
        r[0]
        for r in session.conn.execute(
            "SELECT vector FROM imported_packages WHERE sender_member = ?", (member_id,)
        )
    ]
    for text in vectors:
        for device, seq in json.loads(text).items():
            known[device] = max(known.get(device, 0), int(seq))
    return known


def reader_of(session: Session) -> tuple[str, str]:
    """What opens packages encrypted to this laptop: its device id and private key."""
    with session.transaction():
        return session.device_id, roster_mod.ensure_private_key(session.conn)


def package_recipients(
    session: Session, *, to: list[str] | None = None, delta_to: dict[str, Any] | None = None
) -> list[Identity]:
    """The laptops a package is encrypted to, this one always included.

    By default a member's package goes to the leader and the leader's to the whole
    team; ``to`` (names or ids) or a delta's recipient narrows it.
    """
    me = my_identity(session)
    trusted = roster_mod.trusted(session.conn)
    courts = {i.member_id for i in trusted.values() if i.role == COURT_ROLE}
    if to:
        wanted = {_member_by_name_or_id(session, who)["id"] for who in to}
    elif delta_to is not None:
        wanted = {delta_to["id"]}
    elif me.role == "leader":
        wanted = {i.member_id for i in trusted.values()} - courts
    else:
        wanted = {i.member_id for i in trusted.values() if i.role == "leader"}
        if not wanted:
            raise UserError("本机尚未导入组长签发的名册，不知道台账包应加密发给谁；请先导入名册")
    if wanted & courts and me.role != COURT_ROLE:
        raise UserError(
            "被检查法院的联络员只接收组长为该院签发的整改包（其中只有该院的问题和整改事项），"
            "不能接收巡查组的台账包"
        )
    chosen = [i for i in trusted.values() if i.member_id in wanted or i.device_id == me.device_id]
    if not any(i.member_id in wanted for i in chosen) and wanted - {me.member_id}:
        raise UserError("接收人不在本机名册中，请先导入最新名册")
    old = sorted({i.name for i in chosen if not i.box_key})
    if old:
        raise UserError(
            f"{'、'.join(old)}的身份信息没有加密公钥（旧版软件生成），请其重新提交身份卡并更新名册"
        )
    return sorted(chosen, key=lambda i: (i.device_id != me.device_id, i.name, i.device_id))


def export_package(
    session: Session,
    *,
    path: Path,
    since_last_to: str | None = None,
    to: list[str] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write this laptop's ledger (or only what a member has not seen) as a signed package,
    encrypted to its recipients (see :func:`package_recipients`).

    The file is written to a temporary name, synced, renamed, then read back and
    verified before this returns.
    """
    path = Path(path)
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    ident = my_identity(session)
    recipient = _member_by_name_or_id(session, since_last_to) if since_last_to else None
    known = known_by(session, recipient["id"]) if recipient else {}
    readers = package_recipients(session, to=to, delta_to=recipient)
    conn = session.conn
    vector = local_vector(conn)
    if ident.role == COURT_ROLE:
        # a court's laptop holds some of the team's revisions, never their chains: it sends
        # its own
        mine = {
            i.device_id
            for i in roster_mod.trusted(conn).values()
            if i.public_key == ident.public_key
        }
        vector = {d: n for d, n in vector.items() if d in mine | {session.device_id}}
    signed = _signed_heads(session, vector, known)

    def wanted() -> Iterator[Revision]:
        for device, top in sorted(vector.items()):
            lo = known.get(device, 0)
            if lo < top:
                yield from iter_revisions(
                    conn,
                    "WHERE device_id = ? AND seq > ? AND seq <= ?",
                    (device, lo, top),
                    order="seq",
                )

    kind = "delta" if recipient else "full"
    header = {
        "kind": kind,
        "heads": {h.device_id: h.as_dict() for h in signed},
        "recipient": {"member_id": recipient["id"], "name": recipient["name"]}
        if recipient
        else None,
        "known": known,
    }
    # the leader's packages carry the roster, so that role changes and revoked laptops reach
    # every member with the consolidated ledger
    roster_doc = roster_mod.current_document(conn) if ident.role == "leader" else None
    return write_verified(
        session,
        path=path,
        header=header,
        revisions=wanted,
        readers=readers,
        vector=vector,
        recipient_member=recipient["id"] if recipient else None,
        roster_doc=roster_doc,
        progress=progress,
    )


def write_verified(
    session: Session,
    *,
    path: Path,
    header: dict[str, Any],
    revisions: Callable[[], Iterator[Revision]],
    readers: list[Identity],
    vector: dict[str, int],
    recipient_member: str | None,
    roster_doc: bytes | None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write a package of these revisions (and the attachments they create), signed, sealed to
    ``readers``, read back and verified before this returns; record it as exported."""
    me = _member(session)
    ident = my_identity(session)
    conn = session.conn
    with session.transaction():
        seq_row = session.workspace.get_local(EXPORT_COUNTER)
        sequence = int(seq_row or 0) + 1
        session.conn.execute(
            "INSERT INTO local_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (EXPORT_COUNTER, str(sequence)),
        )

    def blobs() -> Iterator[tuple[str, bytes]]:
        digests = set()
        for r in revisions():
            if r.record_type == "attachment" and r.op == "create" and r.fields.get("sha256"):
                digests.add(str(r.fields["sha256"]))
        for digest in sorted(digests):
            row = conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
            if row is not None:
                yield digest, bytes(row[0])

    campaign = conn.execute(
        "SELECT id, name FROM campaigns WHERE deleted = 0 ORDER BY start_date LIMIT 1"
    ).fetchone()
    package_id = str(uuid.uuid4())
    pinned = roster_mod.pinned(conn)
    header = {
        "package_id": package_id,
        "sequence": sequence,
        "schema_version": _schema(),
        "created_at": session.clock().isoformat(timespec="seconds"),
        "campaign": {"id": campaign[0], "name": campaign[1]} if campaign else None,
        "sender": {
            "member_id": me["id"],
            "name": me["name"],
            "device_id": session.device_id,
            "public_key": ident.public_key,
        },
        "team_id": pinned[0] if pinned else None,
        **header,
    }
    kind = str(header["kind"])
    if progress:
        progress("writing", 0)
    with session.transaction():
        key = roster_mod.ensure_private_key(conn)
    manifest = write_package(
        path,
        header=header,
        revisions=revisions(),
        blobs=blobs,
        private_key=key,
        recipients=[Recipient(i.device_id, i.name, i.box_key) for i in readers],
        progress=(lambda n: progress("writing", n)) if progress else None,
        roster=roster_doc,
    )
    if progress:
        progress("verifying", 0)
    try:
        with open_package(
            path,
            trusted_identities(session),
            schema_version=_schema(),
            reader=(session.device_id, key),
        ) as check:
            if check.manifest.package_id != package_id:
                raise PackageError("导出的台账包回读校验失败，请重新导出")
    except BaseException as e:
        # a package that does not read back is not left on the stick to be carried away
        with suppress(OSError):
            path.unlink()
        if isinstance(e, UserError):
            raise PackageError(f"导出的台账包回读校验失败（{e}），未留下文件，请重新导出") from e
        raise
    with session.transaction():
        conn.execute(
            """INSERT INTO exported_packages (package_id, recipient_member, kind, sequence,
                   created_at, vector, path) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                package_id,
                recipient_member,
                kind,
                sequence,
                header["created_at"],
                json.dumps(vector),
                str(path),
            ),
        )
    return ExportResult(
        path=path,
        package_id=package_id,
        kind=kind,
        revisions=int(manifest["counts"]["revisions"]),
        blobs=int(manifest["counts"]["blobs"]),
        size=path.stat().st_size,
        recipients=tuple(i.name for i in readers),
    )


def _signed_heads(session: Session, vector: dict[str, int], known: dict[str, int]) -> list[Head]:
    """The signed chain head of every laptop whose revisions a package brings: this laptop's
    (and those of its earlier laptop ids) signed now, the others' as received with them."""
    conn = session.conn
    with session.transaction():
        private = roster_mod.ensure_private_key(conn)
    own_key = keys.public_key_of(private)
    trusted = roster_mod.trusted(conn)
    out: list[Head] = []
    made: list[Head] = []
    for device, top in sorted(vector.items()):
        if device in UNSIGNED_DEVICES or known.get(device, 0) >= top:
            continue
        head = heads.held(conn, device, top)
        ident = trusted.get(device)
        if head is None and (
            device == session.device_id or (ident and ident.public_key == own_key)
        ):
            chain = conn.execute(
                "SELECT chain FROM revisions WHERE device_id = ? AND seq = ?", (device, top)
            ).fetchone()[0]
            head = heads.sign(private, device, top, chain)
            made.append(head)
        if head is None:
            raise UserError(
                f"本机保存的{laptop_name(trusted, device)}的修改记录没有该电脑的签名"
                "（可能是他人冒用该电脑的编号写入的），无法导出；请用“检查工作区”查明"
            )
        out.append(head)
    if made:
        with session.transaction():
            heads.keep(conn, made)
    return out


# --- verify and import ------------------------------------------------------------------


def package_reader(
    session: Session,
    *,
    limits: Limits | None = None,
    detached: bool = False,
    trusted: dict[str, Identity] | None = None,
) -> Callable[..., Any]:
    """A function that opens and verifies packages against the roster without touching the
    workspace, so that it may run on another thread — or, ``detached``, in another process
    (it then returns a :class:`Detached` to :func:`attach`)."""
    kwargs: dict[str, Any] = {
        "schema_version": _schema(),
        "reader": reader_of(session),
        "limits": limits or DEFAULT_LIMITS,
    }
    trusted = trusted if trusted is not None else trusted_identities(session)
    if detached:
        return functools.partial(read_detached, trusted=trusted, **kwargs)

    def read(path: Path, progress: Callable[[int], None] | None = None) -> Package:
        return open_package(Path(path), trusted, progress=progress, **kwargs)

    return read


def open_verified(
    session: Session, *, path: Path, limits: Limits | None = None, progress: Progress | None = None
) -> Package:
    """Open a package and check its structure, hashes and signature against the roster."""
    reporter = (lambda n: progress("reading", n)) if progress else None
    return cast(Package, package_reader(session, limits=limits)(path, reporter))


def _peek(
    session: Session,
    path: Path,
    trusted: dict[str, Identity],
    dry_run: bool,
    limits: Limits | None = None,
) -> tuple[ImportResult | None, Manifest]:
    """The package's signed manifest, read without its entries, and the result for a package
    imported before (the same manifest) — None for one to merge."""
    extra = {"limits": limits} if limits else {}
    manifest, sender = peek_manifest(
        path, trusted, schema_version=_schema(), reader=reader_of(session), **extra
    )
    seen = session.conn.execute(
        "SELECT manifest_sha256 FROM imported_packages WHERE package_id = ?", (manifest.package_id,)
    ).fetchone()
    if not seen or seen[0] != manifest.sha256:
        return None, manifest
    conflicts = session.conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]
    known = ImportResult(
        package_id=manifest.package_id,
        sender=sender.name,
        sender_device=manifest.sender_device,
        created_at=manifest.created_at,
        already_imported=True,
        new_revisions=0,
        known_revisions=int(manifest.data.get("counts", {}).get("revisions", 0)),
        new_records={},
        changed_records={},
        conflicts_before=conflicts,
        conflicts_after=conflicts,
        dry_run=dry_run,
    )
    return known, manifest


def import_package(
    session: Session,
    *,
    path: Path,
    dry_run: bool = False,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """One package: the batch import of :func:`import_packages` with a batch of one."""
    return import_packages(
        session, paths=[Path(path)], dry_run=dry_run, limits=limits, progress=progress
    )[0]


def _named(name: str, e: UserError) -> UserError:
    """The same error (of the same kind), naming the package it is about."""
    return type(e)(f"{name}：{e}")


def _roster_update(
    session: Session, manifests: list[Manifest]
) -> tuple[roster_mod.Roster | None, dict[str, Identity] | None]:
    """The newest roster the leader's packages of a batch carry, when newer than the one this
    laptop holds, and whom this laptop would trust after it (nothing is written)."""
    pinned = roster_mod.pinned(session.conn)
    if pinned is None:
        return None, None
    best: roster_mod.Roster | None = None
    for m in manifests:
        if m.roster is None:
            continue
        try:
            found = roster_mod.read_roster(m.roster)
        except UserError as e:
            raise PackageError(f"台账包中的名册无效：{e}") from e
        if found.version > pinned[2] and (best is None or found.version > best.version):
            best = found
    if best is None:
        return None, None
    try:
        return best, roster_mod.trusted_after(session.conn, best, session.device_id)
    except UserError as e:
        raise PackageError(f"台账包中的名册无法采用：{e}") from e


def _check_team(session: Session, manifest: Manifest, sender: str) -> None:
    """A package of another team (another roster) is refused before anything is written."""
    pinned = roster_mod.pinned(session.conn)
    team = manifest.data.get("team_id")
    if pinned is not None and isinstance(team, str) and team and team != pinned[0]:
        raise PackageError(
            f"这是另一个巡查组的台账包（{sender}所在的组与本机名册不是同一个组），拒绝导入"
        )


def campaign_warnings(session: Session, manifest: Manifest) -> list[str]:
    """What the user should know before a package is merged: it belongs to a campaign this
    workspace does not hold (merging it adds that campaign to this ledger)."""
    campaign = manifest.data.get("campaign")
    if not isinstance(campaign, dict) or not isinstance(campaign.get("id"), str):
        return []
    ours = session.conn.execute("SELECT id FROM campaigns WHERE deleted = 0").fetchall()
    if not ours or any(row[0] == campaign["id"] for row in ours):
        return []
    name = str(campaign.get("name") or "")[:60]
    return [f"该台账包属于巡查活动“{name}”，本工作区没有这项活动；导入后将新增这项活动的记录"]


def batch_warnings(session: Session, *, paths: list[Path]) -> list[str]:
    """What to warn about before merging a batch, from the packages' signed manifests alone
    (fast): packages of campaigns this workspace does not hold. Runs on the session's thread."""
    trusted = trusted_identities(session)
    out: list[str] = []
    for path in paths:
        try:
            known, manifest = _peek(session, Path(path), trusted, True)
        except UserError:
            continue  # the import itself says what is wrong with it
        if known is None:
            out += [f"{Path(path).name}：{w}" for w in campaign_warnings(session, manifest)]
    return out


def import_packages(
    session: Session,
    *,
    paths: list[Path],
    dry_run: bool = False,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Several packages as one all-or-nothing batch, merged in one transaction (foreign keys
    are checked once, at the end), so packages may arrive in any order; the results come in the
    order of ``paths``.

    While one package is merged the next ones are read and verified — in a second process
    for a large batch; a package that fails verification rolls the whole batch back, so
    nothing of it is kept. A newer roster carried by the leader's packages is taken first, so
    that the laptops it adds and the roles and revocations it sets apply to the batch.
    Runs on the thread that owns the session.
    """
    trusted = trusted_identities(session)
    results: list[ImportResult | None] = [None] * len(paths)
    pending: list[Waiting] = []
    warnings: dict[int, tuple[str, ...]] = {}
    peeked: list[tuple[int, Path, ImportResult | None, Manifest | None, UserError | None]] = []
    for n, path in enumerate(paths):
        try:
            peeked.append(
                (n, Path(path), *_peek(session, Path(path), trusted, dry_run, limits), None)
            )
        except UserError as e:
            peeked.append((n, Path(path), None, None, e))
    roster, updated = _roster_update(session, [m for *_, m, _e in peeked if m is not None])
    if updated is not None:
        trusted = updated
    for n, path, first_known, first_manifest, error in peeked:
        known: ImportResult | None = first_known
        manifest: Manifest | None = first_manifest
        if error is not None:
            try:  # a sender the new roster adds
                if updated is None:
                    raise error
                known, manifest = _peek(session, path, trusted, dry_run, limits)
            except UserError as e:
                raise _named(path.name, e) from e
        assert manifest is not None
        if known is not None:
            results[n] = known
        else:
            sender = trusted.get(manifest.sender_device)
            try:
                _check_team(session, manifest, sender.name if sender else "发送方")
            except UserError as e:
                raise _named(path.name, e) from e
            pending.append(Waiting(n, path, manifest, file_size(path)))
            warnings[n] = tuple(campaign_warnings(session, manifest))
    read = package_reader(session, limits=limits, trusted=trusted)
    detached = package_reader(session, limits=limits, trusted=trusted, detached=True)
    reporter = (lambda n: progress("reading", n)) if progress else None
    # rectification items' states are recomputed once, after the last package: per item, the
    # position of the last package that may change it
    last_touched: dict[str, int] = {}
    #: court revisions on records another package of the batch may bring, checked at its end
    deferred: Deferred = []
    positions: list[int] = []  # of the packages merged, in the order merged
    merged = len(paths) - len(pending)  # packages done, for progress: those imported before
    ahead = ReadAhead(merge_order(pending), read, detached, reader_of(session), reporter)
    with ahead, paused_gc():
        try:
            with session.workspace.bulk_cache(), session.transaction():
                if roster is not None:
                    take_roster(session, roster)

                def merge(w: Waiting, pkg: Package) -> None:
                    nonlocal merged
                    if progress:
                        progress("merging", merged)
                    touched: set[str] = set()
                    r = _merge(session, pkg, trusted, progress, touched, deferred)
                    results[w.position] = replace(r, warnings=warnings[w.position])
                    for item in touched:
                        last_touched[item] = w.position
                    positions.append(w.position)
                    merged += 1

                # a package that follows revisions another package of the batch brings (the
                # leader's decision on a court's plan, say) waits until that one is merged
                postponed: list[Waiting] = []
                for w, pkg in ahead:
                    with pkg:
                        if any(
                            p.manifest.sender_device == w.manifest.sender_device for p in postponed
                        ):
                            postponed.append(w)
                            continue
                        try:
                            merge(w, pkg)
                        except MissingBases:
                            postponed.append(w)
                while postponed:
                    failed: MissingBases | None = None
                    still: list[Waiting] = []
                    for w in postponed:
                        if any(p.manifest.sender_device == w.manifest.sender_device for p in still):
                            still.append(w)
                            continue
                        with read(w.path) as pkg:
                            try:
                                merge(w, pkg)
                            except MissingBases as e:
                                failed = failed or e
                                still.append(w)
                    if len(still) == len(postponed):
                        assert failed is not None
                        raise failed
                    postponed = still
                # a court's revisions on problems another package of the batch brought
                recheck_court_writes(session.conn, deferred)
                _settle_items(session, results, positions, last_touched)
                if dry_run:
                    raise _DryRunBatch
                adopt_linked_member(session)
        except _DryRunBatch:
            results = [r and replace(r, dry_run=True) for r in results]
        except sqlite.IntegrityError as e:
            raise UserError(f"这批台账包缺少所引用的记录（{e}），请连同更早的台账包一起导入") from e
    done = [r for r in results if r is not None]
    if done and not dry_run and any(not r.already_imported for r in done):
        session.workspace.checkpoint()
    return done


class _DryRunBatch(Exception):
    pass


def _settle_items(
    session: Session,
    results: list[ImportResult | None],
    positions: list[int],
    last_touched: dict[str, int],
) -> None:
    """Recompute the states of the items the batch touched, and count each state conflict that
    appeared (or went away) for the last package that touched its item."""
    appeared, resolved = settle_items(session.conn, last_touched)
    delta: dict[int, int] = {}
    for item in appeared:
        delta[last_touched[item]] = delta.get(last_touched[item], 0) + 1
    for item in resolved:
        delta[last_touched[item]] = delta.get(last_touched[item], 0) - 1
    shift = 0
    for position in positions:
        r = results[position]
        assert r is not None
        before = r.conflicts_before + shift
        shift += delta.get(position, 0)
        results[position] = replace(
            r, conflicts_before=before, conflicts_after=r.conflicts_after + shift
        )


Deferred = list[tuple[tuple[Any, ...], Identity]]


def _plan(
    session: Session, pkg: Package, trusted: dict[str, Identity], deferred: Deferred | None = None
) -> ImportPlan:
    """What merging the package would do: a court's laptop takes only the leader's
    rectification packages for it, the team's laptops never take those."""
    court_package = pkg.manifest.kind == COURT_KIND
    if session.court_id() is not None:
        if not court_package:
            raise PackageError(
                "本机是被检查法院联络员的工作区，只能导入巡查组组长为本院签发的整改包"
            )
        return plan_court_import(session.conn, pkg, own_device=session.device_id, trusted=trusted)
    if court_package:
        raise PackageError("这是组长发给被检查法院的整改包，巡查组成员的电脑不导入它")
    # what a court's laptop signed: only what a court may write, on its own court's records
    return plan_import(
        session.conn,
        pkg,
        own_device=session.device_id,
        trusted=trusted,
        check=lambda new: check_court_writes(
            session.conn, new, lambda device: pkg.identity(trusted, device), later=deferred
        ),
    )


def _merge(
    session: Session,
    pkg: Package,
    trusted: dict[str, Identity],
    progress: Progress | None,
    items_later: set[str] | None = None,
    deferred: Deferred | None = None,
) -> ImportResult:
    try:
        plan = _plan(session, pkg, trusted, deferred)
    except UserError as e:
        raise _named(pkg.path.name, e) from e
    return apply_plan(
        session.workspace,
        plan,
        imported_at=session.clock().isoformat(timespec="seconds"),
        progress=(lambda stage: progress(stage, 0)) if progress else None,
        items_later=items_later,
    )


def preview_import(
    session: Session, *, path: Path, progress: Progress | None = None
) -> ImportResult:
    """From whom, how many new and changed records, how many new conflicts — nothing written."""
    return import_package(session, path=path, dry_run=True, progress=progress)


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    sender: str
    sender_device: str
    created_at: str
    kind: str
    revisions: int
    blobs: int
    ranges: dict[str, tuple[int, int]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sender": self.sender,
            "sender_device": self.sender_device,
            "created_at": self.created_at,
            "kind": self.kind,
            "revisions": self.revisions,
            "blobs": self.blobs,
            "ranges": {d: list(r) for d, r in self.ranges.items()},
            "valid": True,
        }


def verify_package(session: Session, *, path: Path) -> VerifyReport:
    with open_verified(session, path=path) as pkg:
        m = pkg.manifest
        return VerifyReport(
            path=Path(path),
            sender=pkg.sender.name,
            sender_device=m.sender_device,
            created_at=m.created_at,
            kind=m.kind,
            revisions=len(pkg.revisions),
            blobs=len(pkg.blob_names()),
            ranges=m.ranges,
        )


# --- conflicts --------------------------------------------------------------------------


def default_package_name(session: Session) -> str:
    m = session.member()
    who = m["name"] if m else "台账"
    return f"{who}-{dt.date.today():%Y%m%d}{SUFFIX}"
