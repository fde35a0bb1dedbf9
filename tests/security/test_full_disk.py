"""A full disk or a write-protected stick: a clear message and nothing half-written."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from inspector.errors import UserError
from inspector.services import records
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem
from inspector.services.rectification import add_item
from inspector.services.reports import write_reports
from inspector.services.roster import export_roster
from inspector.services.session import open_session
from inspector.sync.merge import local_vector
from tests.sync.team import Team


def _digest(session) -> str:
    rows = session.conn.execute("SELECT id, chain FROM revisions ORDER BY id").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def team(tmp_path):
    t = Team(tmp_path, members=1)
    yield t
    t.close()


def test_an_import_into_a_full_disk_is_rolled_back_with_a_clear_message(team):
    leader, wang = team.laptops
    team.send(leader, wang)
    with wang.transaction():
        for n in range(300):
            pid = create_problem(
                wang, court_id=team.court, category="消极执行", description=f"问题{n}" * 20
            )
            add_item(wang, problem_id=pid, measure="整改" * 30, kind="立行立改")
    pkg = export_package(wang, path=team.file("p.ledgerpkg"))
    before, vector = _digest(leader), local_vector(leader.conn)
    pages = leader.conn.execute("PRAGMA page_count").fetchone()[0]
    leader.conn.execute(f"PRAGMA max_page_count = {pages + 5}")  # the disk fills up mid-import
    with pytest.raises(UserError, match=r"磁盘空间不足.*未改动"):
        import_package(leader, path=pkg.path)
    assert _digest(leader) == before and local_vector(leader.conn) == vector
    leader.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: it goes through
    assert import_package(leader, path=pkg.path).new_revisions > 0


def test_an_edit_on_a_full_disk_is_rolled_back(team):
    leader, _ = team.laptops
    pages = leader.conn.execute("PRAGMA page_count").fetchone()[0]
    leader.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(UserError, match="磁盘空间不足"), leader.transaction():
        for n in range(200):
            create_problem(
                leader,
                court_id=team.court,
                category="消极执行",
                description="长" * 500 + str(n),
            )
    leader.conn.execute("PRAGMA max_page_count = 1073741823")
    assert not records.find(leader, "problem")


@pytest.fixture
def stick(tmp_path):
    """A real small file system (tmpfs), like a USB stick: ``fill(free)`` leaves only ``free``
    bytes, ``protect()`` makes it read-only."""
    mount = tmp_path / "stick"
    mount.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as e:
        pytest.skip(f"cannot mount a test file system here: {e}")

    class Stick:
        path = mount

        def fill(self, free: int) -> None:
            st = os.statvfs(mount)
            avail = st.f_bavail * st.f_frsize
            (mount / "其他文件.bin").write_bytes(b"\0" * max(0, avail - free))

        def protect(self) -> None:
            subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)

        def files(self) -> list[str]:
            return sorted(p.name for p in mount.iterdir() if p.name != "其他文件.bin")

    yield Stick()
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_exports_to_a_full_stick_say_so_and_leave_no_file(team, stick):
    leader, _ = team.laptops
    with leader.transaction():
        for n in range(200):
            create_problem(
                leader, court_id=team.court, category="消极执行", description=f"问题{n}" * 30
            )
    stick.fill(8 * 1024)
    with pytest.raises(UserError, match="磁盘空间不足"):
        export_package(leader, path=stick.path / "台账.ledgerpkg")
    with pytest.raises(UserError, match="磁盘空间不足"):
        write_reports(leader, xlsx=stick.path / "台账.xlsx")
    assert stick.files() == []


def test_a_read_only_stick_is_explained(team, stick):
    leader, _ = team.laptops
    ws = stick.path / "副本.ledger"
    leader.workspace.backup_to(ws)
    stick.protect()
    with pytest.raises(UserError, match="只读"):
        export_package(leader, path=stick.path / "台账.ledgerpkg")
    with pytest.raises(UserError, match="只读"):
        export_roster(leader, path=stick.path / "名册.json")
    with pytest.raises(UserError, match="只读"):
        open_session(ws)
    assert stick.files() == ["副本.ledger"]


def test_a_workspace_on_a_full_stick_rolls_an_import_back(team, stick, tmp_path):
    leader, wang = team.laptops
    team.send(leader, wang)
    with wang.transaction():
        for n in range(300):
            pid = create_problem(
                wang, court_id=team.court, category="消极执行", description=f"问题{n}" * 20
            )
            add_item(wang, problem_id=pid, measure="整改" * 30, kind="立行立改")
    pkg = export_package(wang, path=team.file("p.ledgerpkg"), to=[leader.member_id])
    ws_path = Path(leader.workspace.path)
    leader.workspace.checkpoint()
    leader.close()
    copy = stick.path / ws_path.name
    for suffix in ("", ".key"):
        if Path(str(ws_path) + suffix).exists():
            shutil.copyfile(str(ws_path) + suffix, str(copy) + suffix)
    stick.fill(256 * 1024)
    s = open_session(copy)
    try:
        before = _digest(s)
        with pytest.raises(UserError, match="磁盘空间不足"):
            import_package(s, path=pkg.path)
        assert _digest(s) == before
    finally:
        s.close()
    team.laptops[0] = open_session(ws_path)
    s = open_session(copy)
    try:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        s.close()


def test_opening_on_a_completely_full_stick_is_explained(team, stick):
    leader, _ = team.laptops
    copy = stick.path / "副本.ledger"
    leader.workspace.backup_to(copy)
    stick.fill(0)
    with pytest.raises(UserError, match=r"磁盘空间不足|读写磁盘出错"):
        open_session(copy)
