"""Checking a workspace end to end: pages, structure, and every laptop's hash chain."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from . import sqlite
from .revision import GENESIS, REVISION_COLUMNS, Revision
from .workspace import Workspace


@dataclass
class IntegrityReport:
    encrypted: bool
    revisions: int = 0
    devices: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def chain_breaks(
    conn: sqlite3.Connection,
    names: Callable[[str], str],
    partial: Callable[[str], bool] | None = None,
) -> tuple[int, int, list[str]]:
    """(revisions, devices, problems): every laptop's sequence and chain, link by link.
    Laptops for which ``partial`` is true are held in part (an inspected court's laptop holds
    the team's revisions of its own records only): their links are checked where both ends
    are held."""
    problems: list[str] = []
    count = 0
    device = None
    previous = GENESIS
    expected_seq = 1
    devices = 0
    broken: set[str] = set()
    some = False
    for row in conn.execute(f"SELECT {REVISION_COLUMNS} FROM revisions ORDER BY device_id, seq"):
        rev = Revision.from_row(row)
        count += 1
        if rev.device_id != device:
            device, previous, expected_seq = rev.device_id, GENESIS, 1
            devices += 1
            some = partial is not None and partial(device)
        if rev.device_id in broken:
            continue
        if some and rev.seq != expected_seq:
            previous, expected_seq = rev.chain, rev.seq + 1  # a gap: held in part
            continue
        if rev.seq != expected_seq:
            problems.append(
                f"{names(rev.device_id)}的修改记录缺少第{expected_seq}至{rev.seq - 1}条"
            )
            broken.add(rev.device_id)
        elif rev.chain != rev.link(previous):
            problems.append(
                f"{names(rev.device_id)}的修改记录链在第{rev.seq}条处断裂（该条或更早的记录被改动）"
            )
            broken.add(rev.device_id)
        previous = rev.chain
        expected_seq = rev.seq + 1
    return count, devices, problems


def verify(
    ws: Workspace,
    names: Callable[[str], str] | None = None,
    partial: Callable[[str], bool] | None = None,
) -> IntegrityReport:
    """Every check a workspace can take, read-only; each problem as a clear sentence
    (``partial``: see :func:`chain_breaks`)."""
    report = IntegrityReport(encrypted=ws.encrypted)
    conn = ws.conn
    label = names or (lambda d: f"设备{d[:8]}")
    try:
        if ws.encrypted:
            for (msg,) in conn.execute("PRAGMA cipher_integrity_check"):
                report.problems.append(f"加密页校验失败：{msg}")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            report.problems += [f"数据库结构损坏：{r}" for r in rows[:20]]
        fks = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fks:
            report.problems.append(f"有{len(fks)}处记录引用了不存在的记录")
        report.revisions, report.devices, breaks = chain_breaks(conn, label, partial)
        report.problems += breaks
    except sqlite.DatabaseError as e:
        report.problems.append(f"读取工作区时出错（文件已损坏）：{e}")
    return report
