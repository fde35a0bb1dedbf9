import sqlite3

import pytest

from inspector.domain.records import META_COLUMNS, RECORD_TYPES
from inspector.errors import WorkspaceError
from inspector.storage import migrations as mig
from inspector.storage.workspace import open_workspace


def test_a_workspace_is_one_sqlite_file_in_wal_mode_with_full_sync_and_foreign_keys(tmp_path):
    ws = open_workspace(tmp_path / "a.ledger", create=True)
    try:
        conn = ws.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ws.schema_version == mig.schema_version(mig.known_names())
    finally:
        ws.close()


def test_migrations_are_recorded(tmp_path):
    ws = open_workspace(tmp_path / "a.ledger", create=True)
    try:
        assert mig.applied_names(ws.conn) == mig.known_names()
    finally:
        ws.close()


def test_schema_matches_the_record_types(tmp_path):
    ws = open_workspace(None)
    try:
        for rt in RECORD_TYPES.values():
            cols = [r[1] for r in ws.conn.execute(f"PRAGMA table_info({rt.table})")]
            expected = ["id", *rt.field_names, *(f.name for f in rt.derived), *META_COLUMNS]
            assert sorted(cols) == sorted(expected), rt.table
    finally:
        ws.close()


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(WorkspaceError, match="找不到工作区文件"):
        open_workspace(tmp_path / "nope.ledger")


def test_a_file_that_is_not_a_workspace_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.ledger"
    path.write_bytes(b"this is not sqlite at all, just some text\n" * 10)
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="不是巡查台账工作区文件"):
        open_workspace(path)
    assert path.read_bytes() == before


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="不是巡查台账工作区"):
        open_workspace(path)


def test_a_workspace_from_a_newer_app_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "new.ledger"
    open_workspace(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        (mig.MIGRATION_SET, "9999_from_the_future", "2030-01-01"),
    )
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match=r"较新版本.*请升级软件"):
        open_workspace(path)


@pytest.fixture
def upgrade_with(tmp_path, monkeypatch):
    """Make a workspace with the first migration only, then offer one more migration."""

    def make(path, sql):
        first = mig.migration_files()[:1]
        monkeypatch.setattr(mig, "migration_files", lambda: first)
        mig.migrations.cache_clear()
        open_workspace(path, create=True).close()
        extra = tmp_path / "migs" / "0002_next.sql"
        extra.parent.mkdir(exist_ok=True)
        extra.write_text(sql, encoding="utf-8")
        monkeypatch.setattr(mig, "migration_files", lambda: [*first, extra])
        mig.migrations.cache_clear()

    yield make
    mig.migrations.cache_clear()


def table_names(path):
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_a_copy_is_made_before_migrating(tmp_path, upgrade_with):
    path = tmp_path / "old.ledger"
    upgrade_with(path, "CREATE TABLE extra_test (x TEXT);\n")
    ws = open_workspace(path)
    assert "extra_test" in ws.db.table_names()
    ws.close()
    backups = list((tmp_path / "old.ledger.backups").glob("old-*-migration.ledger"))
    assert len(backups) == 1
    names = table_names(backups[0])
    assert "extra_test" not in names and "revisions" in names


def test_a_failing_migration_changes_nothing(tmp_path, upgrade_with):
    path = tmp_path / "w.ledger"
    upgrade_with(path, "CREATE TABLE half_done (x TEXT);\nINSERT INTO no_such_table VALUES (1);\n")
    with pytest.raises(WorkspaceError, match=r"升级工作区失败.*已撤销"):
        open_workspace(path)
    assert "half_done" not in table_names(path)
    conn = sqlite3.connect(path)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert applied == ["0001_initial"]


def test_split_statements_keeps_semicolons_inside_strings():
    stmts = list(
        mig.split_statements(
            "-- c\nCREATE TABLE a (x TEXT DEFAULT ';');\nINSERT INTO a VALUES ('1;2');\n"
        )
    )
    assert len(stmts) == 2


def test_transactions_are_all_or_nothing_and_nested_blocks_join_the_outer_one(tmp_path):
    ws = open_workspace(tmp_path / "t.ledger", create=True)
    try:
        ws.set_local("a", "1")
        with pytest.raises(RuntimeError), ws.transaction():
            ws.conn.execute("UPDATE local_state SET value = '2' WHERE key = 'a'")
            with ws.transaction():
                ws.conn.execute("INSERT INTO local_state VALUES ('b', 'x')")
            raise RuntimeError("boom")
        assert ws.get_local("a") == "1" and ws.get_local("b") is None
        with ws.transaction():
            ws.conn.execute("INSERT INTO local_state VALUES ('c', 'kept')")
            with pytest.raises(ValueError), ws.savepoint():
                ws.conn.execute("INSERT INTO local_state VALUES ('d', 'dropped')")
                raise ValueError
        assert ws.get_local("c") == "kept" and ws.get_local("d") is None
    finally:
        ws.close()


def test_revisions_keyed_by_laptop_and_sequence_after_an_upgrade(tmp_path, monkeypatch, clock):
    """A workspace written before revisions were keyed by (laptop, sequence) keeps every
    revision, rowid and chain link, and goes on writing and checking as before."""
    from inspector.services import records
    from inspector.services.session import open_session
    from inspector.services.team import add_court
    from inspector.services.workspaces import create_workspace
    from inspector.storage import sqlite as driver
    from inspector.storage.integrity import verify
    from inspector.storage.revisions import latest_hlc

    older = [p for p in mig.migration_files() if p.stem < "0007"]
    monkeypatch.setattr(mig, "migration_files", lambda: older)
    # that version made the laptop's keys when first needed, not with the workspace
    monkeypatch.setattr("inspector.services.roster.my_identity", lambda session: None)
    mig.migrations.cache_clear()
    path = tmp_path / "old.ledger"
    s = create_workspace(path, member_name="李建国", clock=clock)
    court = add_court(s, name="甲法院", level="基层", code="云0102")
    records.update(s, "court", court, {"name": "甲法院（改）"})
    s.close()
    before = sqlite3.connect(path)
    rows = before.execute("SELECT rowid, * FROM revisions ORDER BY rowid").fetchall()
    before.close()
    monkeypatch.undo()
    mig.migrations.cache_clear()

    s = open_session(path, clock=clock)
    try:
        conn = s.conn
        assert conn.execute("SELECT rowid, * FROM revisions ORDER BY rowid").fetchall() == rows
        indexes = {r[1]: r[2] for r in conn.execute("PRAGMA index_list(revisions)")}
        assert len(indexes) == 2 and "revisions_record" in indexes  # and UNIQUE (device, seq)
        assert latest_hlc(conn) == max(r[5] for r in rows)
        add_court(s, name="乙法院", level="基层", code="云0103")
        assert verify(s.workspace).ok
        with pytest.raises(driver.IntegrityError, match="immutable"), s.transaction():
            conn.execute("UPDATE revisions SET fields = '{}'")
        last = conn.execute("SELECT * FROM revisions ORDER BY rowid DESC LIMIT 1").fetchone()
        forged = (f"{last[1]}:{last[2] + 5}", *last[1:2], last[2] + 1, *last[3:])
        with pytest.raises(driver.IntegrityError, match="CHECK"), s.transaction():
            conn.execute("INSERT INTO revisions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", forged)
    finally:
        s.close()


def test_a_column_an_earlier_build_already_added_is_not_added_twice(tmp_path):
    # for a while 0009 also held the columns 0011 adds: workspaces made then must still open
    db = sqlite3.connect(tmp_path / "x.db")
    db.execute("CREATE TABLE cases (id TEXT, guarantee_date TEXT)")
    script = tmp_path / "0099_x.sql"
    script.write_text(
        "ALTER TABLE cases ADD COLUMN guarantee_date TEXT;\n"
        "ALTER TABLE cases ADD COLUMN consent_date TEXT;\n",
        encoding="utf-8",
    )

    class Db:
        conn = db

    mig._runner(script)(Db())
    assert [r[1] for r in db.execute("PRAGMA table_info(cases)")] == [
        "id",
        "guarantee_date",
        "consent_date",
    ]
    db.close()
