"""Encrypted workspaces: passwords, key files, escrow, corruption, chains, backups."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from inspector.cli import main as cli
from inspector.errors import UserError, WorkspaceError
from inspector.services import records
from inspector.services.problems import create_problem
from inspector.services.security import (
    backup_now,
    change_password,
    daily_backup,
    encrypt_workspace,
    escrow_to_leader,
    list_backups,
    recover_with_escrow,
    restore_backup,
    verify_workspace,
)
from inspector.services.session import open_session
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.storage import keyfile
from inspector.storage.keyfile import PasswordRequired, WrongPassword

from .conftest import CANARY, occurrences

PASSWORD = "巡查2026secret"


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "台账.ledger"
    s = create_workspace(path, member_name="李建国", role="leader", password=PASSWORD)
    court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    create_problem(s, court_id=court, category="消极执行", description=CANARY)
    s.close()
    return path


def test_an_encrypted_workspace_has_no_readable_page(encrypted):
    raw = encrypted.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert occurrences(encrypted.parent) == {}
    s = open_session(encrypted, password=PASSWORD)
    try:
        assert s.workspace.encrypted
        found = records.find(s, "problem", "description = ?", (CANARY,))
        assert len(found) == 1
        # sqlite-utils works on the encrypted connection (migrations ran through it)
        assert "revisions" in s.workspace.db.table_names()
    finally:
        s.close()


def test_wrong_or_missing_password_is_clear_fast_and_writes_nothing(encrypted):
    before = sorted(p.name for p in encrypted.parent.iterdir())
    start = time.perf_counter()
    with pytest.raises(WrongPassword, match="密码错误"):
        open_session(encrypted, password="not-the-password")
    assert time.perf_counter() - start < 3
    with pytest.raises(PasswordRequired, match="已加密"):
        open_session(encrypted)
    assert sorted(p.name for p in encrypted.parent.iterdir()) == before


def test_a_lost_key_file_is_explained(encrypted):
    keyfile.key_path_for(encrypted).rename(encrypted.with_name("elsewhere.key"))
    with pytest.raises(WorkspaceError, match="找不到密钥文件"):
        open_session(encrypted, password=PASSWORD)


def test_a_corrupted_page_is_detected(encrypted):
    size = encrypted.stat().st_size
    with open(encrypted, "r+b") as f:
        f.seek(size // 2)
        f.write(b"\x00" * 32)
    s = open_session(encrypted, password=PASSWORD)
    try:
        report = verify_workspace(s)
    finally:
        s.close()
    assert not report.ok
    assert any("校验失败" in p or "损坏" in p for p in report.problems)


def test_a_corrupted_first_page_refuses_to_open(encrypted):
    with open(encrypted, "r+b") as f:
        f.seek(100)
        f.write(b"\xff" * 16)
    with pytest.raises(WorkspaceError, match="无法解密"):
        open_session(encrypted, password=PASSWORD)


def test_change_password(encrypted):
    s = open_session(encrypted, password=PASSWORD)
    try:
        with pytest.raises(WrongPassword):
            change_password(s, old="wrong-old", new="新的密码123")
        change_password(s, old=PASSWORD, new="新的密码123")
    finally:
        s.close()
    with pytest.raises(WrongPassword):
        open_session(encrypted, password=PASSWORD)
    open_session(encrypted, password="新的密码123").close()


def test_too_short_a_password_is_refused(tmp_path):
    with pytest.raises(WorkspaceError, match="至少"):
        create_workspace(tmp_path / "w.ledger", member_name="王芳", password="123")
    assert list(tmp_path.iterdir()) == []


def test_the_leader_recovers_a_forgotten_password_from_the_escrow(tmp_path):
    from tests.sync.team import Team

    team = Team(tmp_path, members=1)
    try:
        leader, _member = team.laptops
        # the member's laptop, encrypted, trusting the team's roster
        path = tmp_path / "member-encrypted.ledger"
        member = create_workspace(path, member_name="赵敏", role="inspector", password=PASSWORD)
        from inspector.services.roster import (
            export_identity_card,
            export_roster,
            import_roster_file,
        )

        card = tmp_path / "card.json"
        export_identity_card(member, path=card)
        import_roster_file(leader, path=card)
        roster = tmp_path / "roster.json"
        export_roster(leader, path=roster)
        import_roster_file(member, path=roster)
        assert escrow_to_leader(member) == "李建国"
        member.close()
        recover_with_escrow(leader, workspace=path, new_password="组长重设的密码")
        open_session(path, password="组长重设的密码").close()
        with pytest.raises(WrongPassword):
            open_session(path, password=PASSWORD)
    finally:
        team.close()


def test_escrow_is_sealed_to_the_leader_only(encrypted, tmp_path):
    kf = keyfile.load(encrypted)
    other = create_workspace(tmp_path / "other.ledger", member_name="陌生人")
    try:
        with pytest.raises(WorkspaceError, match="没有托管"):
            recover_with_escrow(other, workspace=encrypted, new_password="whatever123")
    finally:
        other.close()
    assert keyfile.load(encrypted) == kf


def test_encrypting_a_plain_workspace(tmp_path):
    plain = tmp_path / "plain.ledger"
    s = create_workspace(plain, member_name="王芳")
    add_court(s, name=CANARY, level="基层", code="云0102")
    s.close()
    target = encrypt_workspace(plain, password=PASSWORD)
    assert CANARY.encode() not in target.read_bytes()
    s = open_session(target, password=PASSWORD)
    try:
        assert records.find(s, "court", "name = ?", (CANARY,))
        assert verify_workspace(s).ok
    finally:
        s.close()


def test_verify_reports_a_rewritten_revision(encrypted):
    s = open_session(encrypted, password=PASSWORD)
    try:
        assert verify_workspace(s).ok
        conn = s.conn
        conn.execute("DROP TRIGGER revisions_no_update")
        conn.execute(
            "UPDATE revisions SET fields = replace(fields, ?, '改写') WHERE fields LIKE ?",
            (CANARY, f"%{CANARY}%"),
        )
        report = verify_workspace(s)
    finally:
        s.close()
    assert not report.ok
    assert any("修改记录链在第" in p for p in report.problems)
    env = {**os.environ, "INSPECTOR_PASSWORD": PASSWORD}
    os.environ.update(env)
    try:
        assert cli(["verify-workspace", str(encrypted)]) == 3
    finally:
        del os.environ["INSPECTOR_PASSWORD"]


def test_backups_rotate_restore_and_stay_encrypted(encrypted):
    s = open_session(encrypted, password=PASSWORD)
    key = s.workspace.key
    try:
        day = dt.datetime(2026, 11, 1, 8, 0)
        assert daily_backup(s, now=day) is not None
        assert daily_backup(s, now=day + dt.timedelta(hours=3)) is None
        for n in range(1, 10):
            daily_backup(s, now=day + dt.timedelta(days=n))
        dailies = [b for b in list_backups(encrypted) if b.label == "daily"]
        assert len(dailies) == 7
        assert dailies[0].taken_at == day + dt.timedelta(days=9)
        snapshot = backup_now(s)
        create_problem(
            s,
            court_id=records.find(s, "court")[0]["id"],
            category="消极执行",
            description="备份之后的问题",
        )
    finally:
        s.close()
    for b in list_backups(encrypted):
        assert not b.path.read_bytes().startswith(b"SQLite format 3")
    safety = restore_backup(encrypted, snapshot.path, key=key)
    assert safety.label == "restore"
    s = open_session(encrypted, password=PASSWORD)
    try:
        assert not records.find(s, "problem", "description = ?", ("备份之后的问题",))
        assert verify_workspace(s).ok
    finally:
        s.close()
    assert occurrences(encrypted.parent) == {}


def test_a_damaged_backup_is_not_restored(encrypted):
    s = open_session(encrypted, password=PASSWORD)
    key = s.workspace.key
    try:
        b = backup_now(s)
    finally:
        s.close()
    data = bytearray(b.path.read_bytes())
    data[5000:5100] = b"\x00" * 100
    b.path.write_bytes(bytes(data))
    before = encrypted.read_bytes()
    with pytest.raises(UserError, match="未恢复"):
        restore_backup(encrypted, b.path, key=key)
    assert encrypted.read_bytes() == before


def test_a_read_only_location_is_refused_with_a_clear_message(encrypted, monkeypatch):
    real = os.access

    def read_only(path, mode, *a, **k):
        if mode == os.W_OK and Path(path) in (encrypted, encrypted.parent):
            return False
        return real(path, mode, *a, **k)

    monkeypatch.setattr(os, "access", read_only)
    with pytest.raises(WorkspaceError, match="只读"):
        open_session(encrypted, password=PASSWORD)


def test_revisions_from_before_chains_are_linked_once_on_upgrade(encrypted):
    from inspector.storage.chains import backfill_chains

    s = open_session(encrypted, password=PASSWORD)
    try:
        conn = s.conn
        before = conn.execute("SELECT id, chain FROM revisions ORDER BY id").fetchall()
        # as a workspace written before chains existed: no chain values
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'revisions_no_update'"
        ).fetchone()[0]
        conn.execute("DROP TRIGGER revisions_no_update")
        conn.execute("UPDATE revisions SET chain = NULL")
        conn.execute(trigger)
        with s.transaction():
            assert backfill_chains(conn) == len(before)
        assert conn.execute("SELECT id, chain FROM revisions ORDER BY id").fetchall() == before
        assert verify_workspace(s).ok
        with pytest.raises(Exception, match="immutable"), s.transaction():
            conn.execute("UPDATE revisions SET chain = 'x'")
    finally:
        s.close()
