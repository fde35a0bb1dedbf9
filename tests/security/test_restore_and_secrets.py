"""Restores, copies, two writers, exclusive operations and passwords that really change."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from inspector.errors import WorkspaceError
from inspector.services import records
from inspector.services.packages import export_package
from inspector.services.problems import create_problem
from inspector.services.security import (
    backup_now,
    change_password,
    escrow_to_leader,
    list_backups,
    recover_with_escrow,
    restore_backup,
    verify_workspace,
)
from inspector.services.session import COPIED_NOTICE, open_session, take_notice
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.storage import keyfile, lock
from inspector.storage.keyfile import WrongPassword
from inspector.sync.package import PackageError

from ..sync.team import Team

PASSWORD = "巡查2026secret"
NEW = "新的密码2027"
ROOT = Path(__file__).resolve().parents[2]


def problem(session, court, text):
    if court is None:
        found = records.find(session, "court")
        court = found[0]["id"] if found else add_court(session, name="五华区法院", level="基层")
    return create_problem(session, court_id=court, category="消极执行", description=text)


# --- restore and copies -----------------------------------------------------------------------


def test_after_a_restore_the_laptops_new_work_reaches_the_leader_and_nothing_is_lost(tmp_path):
    team = Team(tmp_path, members=1)
    try:
        leader, wang = team.laptops
        team.send(leader, wang)
        before = problem(wang, team.court, "备份前")
        snapshot = backup_now(wang)
        lost = problem(wang, team.court, "备份后，已发给组长")
        team.send(wang, leader)  # the leader now holds the laptop's later revisions
        path = wang.workspace.path
        wang.close()
        restore_backup(path, snapshot.path, key=None)
        wang = team.laptops[1] = open_session(path)
        assert "从备份恢复" in (take_notice(wang) or "")
        assert not records.find(wang, "problem", "id = ?", (lost,))
        fresh = problem(wang, team.court, "恢复后的新问题")
        result = team.send(wang, leader)  # accepted, not "疑似被篡改"
        assert result.new_records.get("problem") == 1
        assert records.get(leader, "problem", fresh)["description"] == "恢复后的新问题"
        team.send(leader, wang)  # and what was lost comes back with the consolidated ledger
        assert records.get(wang, "problem", lost)["description"] == "备份后，已发给组长"
        assert records.get(wang, "problem", before)
        assert verify_workspace(leader).ok and verify_workspace(wang).ok
    finally:
        team.close()


def test_a_copied_workspace_goes_on_under_a_new_laptop_id(tmp_path):
    team = Team(tmp_path, members=1)
    try:
        leader, wang = team.laptops
        team.send(leader, wang)
        path = wang.workspace.path
        old_device = wang.device_id
        wang.close()
        copy = tmp_path / "copy" / path.name
        copy.parent.mkdir()
        shutil.copy(path, copy)
        original = team.laptops[1] = open_session(path)
        assert original.device_id == old_device and take_notice(original) is None
        twin = open_session(copy)
        try:
            assert twin.device_id != old_device
            assert take_notice(twin) == COPIED_NOTICE
            problem(original, team.court, "原电脑")
            problem(twin, team.court, "复制的电脑")
            team.send(original, leader)
            result = team.send(twin, leader)
            assert result.new_records.get("problem") == 1
            assert {p["description"] for p in records.find(leader, "problem")} >= {
                "原电脑",
                "复制的电脑",
            }
        finally:
            twin.close()
    finally:
        team.close()


def test_two_laptops_sharing_a_laptop_id_are_explained(tmp_path, monkeypatch):
    team = Team(tmp_path, members=1)
    try:
        leader, wang = team.laptops
        team.send(leader, wang)
        path = wang.workspace.path
        wang.close()
        copy = tmp_path / "copy.ledger"
        shutil.copy(path, copy)
        # a copy the app could not tell apart (a cloned disk): the same placement
        from inspector.services import session as session_mod

        monkeypatch.setattr(session_mod, "placement", lambda p: "same machine, same file")
        from inspector.storage.workspace import open_workspace

        for p in (path, copy):
            ws = open_workspace(p)
            ws.set_local("placement", "same machine, same file")
            ws.close()
        a = team.laptops[1] = open_session(path)
        b = open_session(copy)
        try:
            assert a.device_id == b.device_id
            problem(a, team.court, "甲")
            problem(b, team.court, "乙")
            team.send(a, leader)
            with pytest.raises(PackageError, match="同时在两台电脑上使用"):
                team.send(b, leader)
        finally:
            b.close()
    finally:
        team.close()


# --- one writer at a time, and exclusive operations --------------------------------------------


def test_restore_is_refused_while_the_workspace_is_open(session, tmp_path):
    snapshot = backup_now(session)
    problem(session, None, "打开时的修改")
    path = session.workspace.path
    before = path.read_bytes()
    with pytest.raises(lock.WorkspaceInUse, match="正被另一个程序打开"):
        restore_backup(path, snapshot.path, key=None)
    assert path.read_bytes() == before
    problem(session, None, "之后的保存")  # still saves, into the same file
    session.close()
    reopened = open_session(path)
    try:
        assert {"打开时的修改", "之后的保存"} <= {
            p["description"] for p in records.find(reopened, "problem")
        }
    finally:
        reopened.close()


def test_restore_from_the_command_line_is_refused_while_another_program_has_it_open(
    session, tmp_path
):
    snapshot = backup_now(session)
    path = session.workspace.path
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "restore", str(path), snapshot.path.name],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert proc.returncode == 1
    assert "正被另一个程序打开" in proc.stderr and "Traceback" not in proc.stderr


def test_a_second_writer_waits_then_says_which_operation_holds_the_workspace(session, monkeypatch):
    from inspector.storage import workspace as ws_mod

    path = session.workspace.path
    other = open_session(path)
    other.workspace.conn.execute("PRAGMA busy_timeout = 200")
    hold = threading.Event()
    done = threading.Event()

    def long_import():
        with session.workspace.busy("导入台账包"), session.transaction():
            problem(session, None, "长时间导入中")
            hold.set()
            done.wait(10)

    t = threading.Thread(target=long_import)
    t.start()
    try:
        assert hold.wait(10)
        started = time.monotonic()
        with pytest.raises(WorkspaceError) as err:
            problem(other, None, "第二个写入者")
        assert time.monotonic() - started < 5
        assert "导入台账包" in str(err.value) and "\n" not in str(err.value)
    finally:
        done.set()
        t.join()
        other.close()
    assert ws_mod.BUSY_TIMEOUT_S <= 30


# --- passwords ----------------------------------------------------------------------------------


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "台账.ledger"
    s = create_workspace(path, member_name="李建国", password=PASSWORD)
    problem(s, None, "加密的问题")
    backup_now(s)
    s.close()
    return path


def test_after_a_password_change_the_old_password_opens_nothing_current(encrypted, tmp_path):
    old_key_file = keyfile.key_path_for(encrypted).read_bytes()
    s = open_session(encrypted, password=PASSWORD)
    try:
        change_password(s, old=PASSWORD, new=NEW)
        problem(s, None, "改密码之后")
    finally:
        s.close()
    with pytest.raises(WrongPassword):
        open_session(encrypted, password=PASSWORD)
    # a copy of the old key file beside the file does not open it either: the data key changed
    thief = tmp_path / "thief"
    thief.mkdir()
    shutil.copy(encrypted, thief / encrypted.name)
    (thief / (encrypted.name + ".key")).write_bytes(old_key_file)
    with pytest.raises(WorkspaceError):
        open_session(thief / encrypted.name, password=PASSWORD)
    s = open_session(encrypted, password=NEW)
    try:
        assert {"加密的问题", "改密码之后"} <= {
            p["description"] for p in records.find(s, "problem")
        }
        assert verify_workspace(s).ok
    finally:
        s.close()
    for b in list_backups(encrypted):
        kf = keyfile.key_path_for(b.path)
        assert stat.S_IMODE(kf.stat().st_mode) == 0o600
        with pytest.raises(WrongPassword):
            keyfile.load(b.path).unlock(PASSWORD)
        keyfile.load(b.path).unlock(NEW)
    assert stat.S_IMODE(keyfile.key_path_for(encrypted).stat().st_mode) == 0o600


def test_a_password_change_cut_off_before_the_database_was_rekeyed_still_opens(encrypted):
    from inspector.storage.workspace import Workspace

    s = open_session(encrypted, password=PASSWORD)
    real = Workspace.rekey

    def crash(self, new_key):
        raise KeyboardInterrupt  # the laptop dies right after the new key file was written

    try:
        Workspace.rekey = crash
        with pytest.raises(KeyboardInterrupt):
            change_password(s, old=PASSWORD, new=NEW)
    finally:
        Workspace.rekey = real
        s.close()
    s = open_session(encrypted, password=NEW)  # finishes the re-keying
    try:
        assert records.find(s, "problem", "description = ?", ("加密的问题",))
    finally:
        s.close()
    assert keyfile.load(encrypted).pending is None
    with pytest.raises(WrongPassword):
        open_session(encrypted, password=PASSWORD)


def test_recovering_a_forgotten_password_rekeys_the_members_workspace(tmp_path):
    team = Team(tmp_path, members=0)
    try:
        leader = team.leader
        member_path = tmp_path / "member.ledger"
        m = create_workspace(member_path, member_name="王芳", role="inspector", password=PASSWORD)
        card = team.file("card.json")
        from inspector.services.roster import (
            export_identity_card,
            export_roster,
            import_roster_file,
        )

        export_identity_card(m, path=card)
        import_roster_file(leader, path=card)
        roster = team.file("roster.json")
        export_roster(leader, path=roster)
        import_roster_file(m, path=roster)
        escrow_to_leader(m)
        old_key_file = keyfile.key_path_for(member_path).read_bytes()
        m.close()
        recover_with_escrow(leader, workspace=member_path, new_password=NEW)
        with pytest.raises(WrongPassword):
            open_session(member_path, password=PASSWORD)
        keyfile.key_path_for(member_path).write_bytes(old_key_file)
        with pytest.raises(WorkspaceError):
            open_session(member_path, password=PASSWORD)
    finally:
        team.close()


def test_an_empty_password_variable_is_refused(tmp_path):
    env = {**os.environ, "INSPECTOR_PASSWORD": "", "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "demo", str(tmp_path / "d.ledger")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1 and "为空" in proc.stderr
    assert not (tmp_path / "d.ledger").exists()


def test_a_password_that_is_not_utf8_gets_a_message(encrypted):
    with pytest.raises(WorkspaceError, match="UTF-8"):
        open_session(encrypted, password="\udcff\udcfe巡查")  # undecodable bytes of a terminal


# --- leftovers of killed runs -------------------------------------------------------------------


def test_a_killed_demo_run_leaves_no_workspace_and_its_leftovers_go(tmp_path):
    target = tmp_path / "demo.ledger"
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspector", "demo", str(target), "--scale", "small"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".demo.ledger.building.tmp*")):
        time.sleep(0.05)
    time.sleep(0.3)
    proc.kill()
    proc.wait()
    assert not target.exists()
    leftovers = list(tmp_path.glob(".demo.ledger*"))
    assert leftovers  # the killed run's temporary files
    (tmp_path / "demo.ledger").touch()  # an empty file: a new workspace is made there
    s = create_workspace(tmp_path / "other.ledger", member_name="x")
    s.close()
    s = open_session(tmp_path / "demo.ledger", create=True)
    s.close()
    assert not [p for p in tmp_path.glob(".demo.ledger*") if ".tmp" in p.name]


def test_a_failed_export_leaves_no_file_on_the_stick(tmp_path, monkeypatch):
    import inspector.services.packages as packages

    team = Team(tmp_path, members=1)
    try:
        leader, _wang = team.laptops
        stick = tmp_path / "stick"
        stick.mkdir()

        def unreadable(*a, **k):
            raise PackageError("修改记录已损坏（文件不完整）")

        monkeypatch.setattr(packages, "open_package", unreadable)
        with pytest.raises(PackageError, match="未留下文件"):
            export_package(leader, path=stick / "汇总.ledgerpkg")
        assert list(stick.iterdir()) == []
    finally:
        team.close()
