"""Every change is exactly one revision, and projections rebuild to the live tables."""

import datetime as dt
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.domain.merge import project_record
from inspector.domain.records import RECORD_TYPES
from inspector.domain.rectification import Action
from inspector.services import records
from inspector.services.cases import add_case, update_case
from inspector.services.interviews import create_interview
from inspector.services.problems import create_problem
from inspector.services.rectification import EvidenceFile, act, add_item, add_progress
from inspector.services.reviews import create_review, set_answer
from inspector.services.session import open_session
from inspector.services.team import add_court, add_member, create_campaign
from inspector.storage import projection, sqlite
from inspector.storage.projection import records as projection_records
from inspector.storage.revisions import GENESIS, INSERT_REVISION, Revision, iter_revisions


def revision_count(session):
    return session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]


def test_each_service_edit_writes_exactly_one_revision(session):
    steps = [
        lambda: create_campaign(session, name="2025年专项巡查", doc_number="云高法[2025]12号"),
        lambda: add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102"),
        lambda: add_member(session, name="王芳", role="inspector"),
    ]
    for step in steps:
        before = revision_count(session)
        step()
        assert revision_count(session) == before + 1
    court = records.find(session, "court")[0]["id"]
    before = revision_count(session)
    case = add_case(
        session, case_number="(2024)云0102执88号", court_id=court, filing_date=dt.date(2024, 3, 1)
    )
    assert revision_count(session) == before + 1
    before = revision_count(session)
    update_case(session, case_id=case, judge="赵敏")
    assert revision_count(session) == before + 1
    before = revision_count(session)
    update_case(session, case_id=case, judge="赵敏")  # no change, no revision
    assert revision_count(session) == before


def test_revisions_carry_device_member_sequence_clock_and_base(session):
    court = add_court(session, name="昆明市中级人民法院", level="中院", code="云01")
    records.update(session, "court", court, {"name": "昆明市中级人民法院（改）"})
    revs = list(iter_revisions(session.conn, "WHERE record_id = ?", (court,)))
    assert [r.op for r in revs] == ["create", "update"]
    create, update = revs
    assert create.device_id == session.device_id and create.member_id == session.member_id
    assert update.seq == create.seq + 1
    assert update.hlc > create.hlc
    assert update.base == (create.id,)
    assert update.fields == {"name": "昆明市中级人民法院（改）"}
    assert create.base == ()


def test_delete_is_a_tombstone(session):
    court = add_court(session, name="测试法院", level="基层", code="云0199")
    records.delete(session, "court", court)
    row = session.conn.execute("SELECT deleted FROM courts WHERE id = ?", (court,)).fetchone()
    assert row == (1,)
    assert all(c["id"] != court for c in records.find(session, "court"))
    ops = [r.op for r in iter_revisions(session.conn, "WHERE record_id = ?", (court,))]
    assert ops == ["create", "delete"]


def test_rebuilding_projections_gives_the_live_tables(session):
    court = add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    inspector = add_member(session, name="王芳", role="inspector")
    case = add_case(
        session,
        case_number="（2024）云0102执7号",
        court_id=court,
        filing_date=dt.date(2024, 3, 1),
        closing_date=dt.date(2024, 5, 1),
        closing_method="终结本次执行程序",
    )
    review = create_review(session, case_id=case, template_code="zhongben-2018")
    set_answer(
        session, review_id=review.review_id, item_code="ZB2", result="不符合", note="无传统查控"
    )
    create_interview(
        session, method="座谈", date=dt.date(2025, 9, 23), court_id=court, text="座谈记录"
    )
    problem = create_problem(
        session,
        court_id=court,
        category="乱执行",
        subtype="终本不合规",
        description="终本不满三个月",
    )
    item = add_item(session, problem_id=problem, measure="逐案纠正", deadline=dt.date(2025, 12, 1))
    session.act_as(inspector)
    act(session, item_id=item, action=Action.START)
    add_progress(session, item_id=item, note="已纠正2件")
    act(
        session,
        item_id=item,
        action=Action.SUBMIT,
        evidence=[EvidenceFile("纠正裁定.pdf", b"%PDF-1.4 x")],
    )
    records.delete(
        session,
        "rectification_item",
        add_item(session, problem_id=problem, measure="重复事项", kind="长期坚持"),
    )

    live = projection.snapshot(session.conn)
    with session.transaction():
        replayed = projection.rebuild(session.conn)
    assert replayed == revision_count(session)
    assert projection.snapshot(session.conn) == live


def test_rebuilding_the_demo_workspace_gives_the_live_tables(demo_file, tmp_path):
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    s = open_session(copy)
    try:
        live = projection.snapshot(s.conn)
        assert sum(len(rows) for rows in live.values()) > 1000
        with s.transaction():
            projection.rebuild(s.conn)
        assert projection.snapshot(s.conn) == live
    finally:
        s.close()


def test_every_record_has_provenance(session):
    court = add_court(session, name="昆明市盘龙区人民法院", level="基层", code="云0103")
    p = records.provenance(session, "court", court)
    assert p["created_by"] == session.member_id
    assert p["created_device"] == session.device_id
    assert p["created_at"].startswith("2025-09-22T09:")
    assert p["created_rev"].startswith(session.device_id + ":")
    assert p["heads"] == [p["created_rev"]]


def test_device_sequence_stays_contiguous_when_part_of_a_batch_fails(session):
    import pytest

    with session.transaction():
        add_court(session, name="甲法院", level="基层", code="云0102")
        with pytest.raises(ValueError), session.workspace.savepoint():
            add_court(session, name="乙法院", level="基层", code="云0103")
            raise ValueError("bad row")
        add_court(session, name="丙法院", level="基层", code="云0104")
    seqs = [
        r[0]
        for r in session.conn.execute(
            "SELECT seq FROM revisions WHERE device_id = ? ORDER BY seq", (session.device_id,)
        )
    ]
    assert seqs == list(range(1, len(seqs) + 1))
    assert {c["name"] for c in records.find(session, "court")} == {"甲法院", "丙法院"}


def test_revisions_cannot_be_changed_or_deleted(session):
    import pytest

    add_court(session, name="甲法院", level="基层", code="云0102")
    for sql in ("UPDATE revisions SET fields = '{}'", "DELETE FROM revisions"):
        with pytest.raises(sqlite.IntegrityError, match="immutable"), session.transaction():
            session.conn.execute(sql)


KIND_VALUES = {
    "text": st.one_of(st.none(), st.text(max_size=8)),
    "integer": st.one_of(st.none(), st.integers(-5, 5)),
    # reals as laptops write them (domain.values rounds them to 6 decimals within MAX_AMOUNT):
    # SQLite's JSON parser and Python's differ in the last bit of subnormal-range numbers
    "real": st.one_of(st.none(), st.floats(-1e13, 1e13).map(lambda x: round(x, 6))),
    "date": st.one_of(st.none(), st.dates().map(dt.date.isoformat)),
    "json": st.one_of(
        st.none(),
        st.lists(st.text(max_size=4), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    ),
    "ref": st.one_of(st.none(), st.uuids().map(str)),
}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_bulk_row_of_a_created_record_is_its_merged_row(data):
    """Imports write records made by one create without merging; the row must be the same."""
    rt = data.draw(st.sampled_from(list(RECORD_TYPES.values())))
    names = data.draw(st.lists(st.sampled_from(rt.field_names), unique=True))
    fields = {n: data.draw(KIND_VALUES[rt.field(n).kind.value]) for n in names}
    rev = Revision(
        id="laptop:7",
        device_id="laptop",
        seq=7,
        member_id=data.draw(st.one_of(st.none(), st.just("m1"))),
        hlc="001700000000000-00000",
        record_type=rt.name,
        record_id="r1",
        op="create",
        fields=fields,
        base=(),
        created_at="2026-11-20T09:00:00+08:00",
    )
    merged = projection_records._row_values(rt, "r1", project_record([rev], rt.field_names))
    assert projection_records._created_values(rt, rev) == merged
    assert _row_projected_in_sql(rt, rev) == _row_written(rt, merged)


_SCRATCH: list = []


def _scratch():
    """One in-memory workspace for the examples below; each works in a rolled-back transaction."""
    if not _SCRATCH:
        from inspector.storage.workspace import open_workspace

        _SCRATCH.append(open_workspace(None))
    return _SCRATCH[0].conn


def _row_written(rt, values):
    conn = _scratch()
    conn.execute("BEGIN")
    try:
        conn.execute(projection_records._insert_sql(rt), values)
        return conn.execute(f"SELECT * FROM {rt.table} WHERE id = 'r1'").fetchone()
    finally:
        conn.execute("ROLLBACK")


def _row_projected_in_sql(rt, rev):
    """The row an import writes in SQL for the same revision, read back."""
    conn = _scratch()
    conn.execute("BEGIN")
    try:
        last = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM revisions").fetchone()[0]
        conn.execute(INSERT_REVISION, rev.chained(GENESIS).row())
        projection.project_created(conn, last, {rt.name: 1}, [])
        return conn.execute(f"SELECT * FROM {rt.table} WHERE id = 'r1'").fetchone()
    finally:
        conn.execute("ROLLBACK")


@given(st.lists(st.text(max_size=6), min_size=1, max_size=3))
def test_heads_are_written_as_json(ids):
    assert projection_records._heads_text(ids) == json.dumps(ids)


def test_a_stored_revision_reads_its_fields_and_base_when_first_asked(session):
    court = add_court(session, name="昆明市中级人民法院", level="中院", code="云01")
    records.update(session, "court", court, {"name": "昆明市中级人民法院（改）"})
    create, update = iter_revisions(session.conn, "WHERE record_id = ?", (court,))
    row = update.row()
    lazy = Revision.stored(row)
    assert "fields" not in vars(lazy) and "base" not in vars(lazy)
    assert lazy.row() == row and lazy.link(create.chain) == update.chain
    assert lazy.base == (create.id,) and lazy.fields == {"name": "昆明市中级人民法院（改）"}
    assert lazy == update  # a full revision with the same columns
    assert Revision.stored(create.row()).base == ()
    with pytest.raises(AttributeError):
        _ = lazy.no_such_attribute
