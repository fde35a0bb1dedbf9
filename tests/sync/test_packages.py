"""Export, import and merge between laptops, conflicts and their resolution."""

import datetime as dt
import random
from pathlib import Path
from types import SimpleNamespace

import pytest

from inspector.domain.rectification import Action
from inspector.errors import PermissionDenied, UserError
from inspector.services import records
from inspector.services.conflicts import list_conflicts, resolve_conflict
from inspector.services.packages import (
    export_package,
    import_package,
    import_packages,
    preview_import,
    verify_package,
)
from inspector.services.problems import create_problem
from inspector.services.rectification import EvidenceFile, act, add_item
from inspector.storage import projection

from .team import Team, ledger, revision_ids


@pytest.fixture
def team(tmp_path):
    t = Team(tmp_path, members=2)
    yield t
    t.close()


def problem(session, court, text="执行节点超期"):
    return create_problem(session, court_id=court, category="消极执行", description=text)


def test_a_members_ledger_reaches_the_leader(team):
    leader, wang, _zhao = team.laptops
    team.send(leader, wang)  # the court record reaches the member first
    pid = problem(wang, team.court, "王芳发现的问题")
    result = team.send(wang, leader)
    assert result.new_records == {"problem": 1, "member": 1} or result.new_records["problem"] == 1
    got = records.get(leader, "problem", pid)
    assert got["description"] == "王芳发现的问题"
    assert got["created_by"] == wang.member_id and got["created_device"] == wang.device_id


def test_second_import_changes_nothing_and_says_so(team):
    leader, wang, _ = team.laptops
    team.send(leader, wang)
    problem(wang, team.court)
    pkg = export_package(wang, path=team.file("w.ledgerpkg"))
    first = import_package(leader, path=pkg.path)
    before = ledger(leader)
    second = import_package(leader, path=pkg.path)
    assert first.new_revisions > 0
    assert second.already_imported and second.new_revisions == 0
    assert "已导入过" in second.summary()
    assert ledger(leader) == before


def test_preview_reports_without_writing(team):
    leader, wang, _ = team.laptops
    team.send(leader, wang)
    problem(wang, team.court)
    pkg = export_package(wang, path=team.file("w.ledgerpkg"))
    before = ledger(leader)
    preview = preview_import(leader, path=pkg.path)
    assert preview.dry_run and preview.sender == "王芳"
    assert preview.new_records.get("problem") == 1
    assert ledger(leader) == before
    assert import_package(leader, path=pkg.path).new_records.get("problem") == 1


def test_concurrent_edits_of_the_same_field_are_a_conflict_resolved_by_the_leader(team):
    leader, wang, zhao = team.laptops
    pid = problem(leader, team.court, "原描述")
    team.send(leader, wang)
    team.send(leader, zhao)
    records.update(wang, "problem", pid, {"description": "王芳的描述"})
    records.update(zhao, "problem", pid, {"description": "赵敏的描述"})
    team.send(wang, leader)
    result = team.send(zhao, leader)
    assert result.new_conflicts == 1
    [conflict] = list_conflicts(leader)
    assert conflict.field == "description" and conflict.field_label == "问题描述"
    values = {c["value"]: c for c in conflict.candidates}
    assert set(values) == {"王芳的描述", "赵敏的描述"}
    assert (
        values["王芳的描述"]["member"] == "王芳" and values["王芳的描述"]["device"] == "王芳的电脑"
    )
    assert records.get(leader, "problem", pid)["conflicted"] == 1

    with pytest.raises(PermissionDenied):
        resolve_conflict(
            zhao, record_type_name="problem", record_id=pid, field="description", value="x"
        )
    resolve_conflict(
        leader, record_type_name="problem", record_id=pid, field="description", value="王芳的描述"
    )
    assert list_conflicts(leader) == []
    row = records.get(leader, "problem", pid)
    assert row["description"] == "王芳的描述" and row["conflicted"] == 0
    assert row["updated_by"] == leader.member_id  # the decision is a revision by the leader

    team.send(leader, wang)
    team.send(leader, zhao)
    for m in (wang, zhao):
        assert list_conflicts(m) == []
        assert records.get(m, "problem", pid)["description"] == "王芳的描述"
        assert ledger(m) == ledger(leader)


def test_concurrent_edits_of_different_fields_merge_without_conflict(team):
    leader, wang, zhao = team.laptops
    pid = problem(leader, team.court, "原描述")
    team.send(leader, wang)
    team.send(leader, zhao)
    records.update(wang, "problem", pid, {"description": "新描述"})
    records.update(zhao, "problem", pid, {"severity": "严重"})
    team.send(wang, leader)
    assert team.send(zhao, leader).new_conflicts == 0
    row = records.get(leader, "problem", pid)
    assert row["description"] == "新描述" and row["severity"] == "严重"
    assert list_conflicts(leader) == []


def test_the_same_value_set_on_two_laptops_is_not_a_conflict(team):
    leader, wang, zhao = team.laptops
    pid = problem(leader, team.court)
    team.send(leader, wang)
    team.send(leader, zhao)
    records.update(wang, "problem", pid, {"severity": "较重"})
    records.update(zhao, "problem", pid, {"severity": "较重"})
    team.send(wang, leader)
    assert team.send(zhao, leader).new_conflicts == 0


def test_an_edit_concurrent_with_a_delete_is_a_conflict(team):
    leader, wang, _ = team.laptops
    pid = problem(leader, team.court)
    team.send(leader, wang)
    records.delete(leader, "problem", pid)
    records.update(wang, "problem", pid, {"description": "补充了例证"})
    assert team.send(wang, leader).new_conflicts == 1
    [conflict] = list_conflicts(leader)
    assert conflict.field == "__deleted__"
    assert records.get(leader, "problem", pid)["deleted"] == 0  # kept visible until decided
    resolve_conflict(
        leader, record_type_name="problem", record_id=pid, field="__deleted__", value=True
    )
    assert list_conflicts(leader) == []
    assert records.get(leader, "problem", pid, deleted=True)["deleted"] == 1


def test_two_different_transitions_from_the_same_state_are_a_conflict(team):
    leader, wang, _ = team.laptops
    pid = problem(leader, team.court)
    item = add_item(leader, problem_id=pid, measure="清理超期节点", kind="长期坚持")
    act(leader, item_id=item, action=Action.START)
    act(leader, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("报告.txt", b"r")])
    team.send(leader, wang)
    # the leader closes it while the verifier... here the leader returns it on one laptop
    act(leader, item_id=item, action=Action.CLOSE, note="核查属实")
    records_before = records.get(wang, "rectification_item", item)
    assert records_before["state"] == "待核查"
    team.send(wang, leader)  # nothing new from wang: no conflict
    assert list_conflicts(leader) == []


def test_state_conflict_between_leader_and_verifier(tmp_path):
    team = Team(tmp_path, members=1, roles=["leader", "verifier"])
    try:
        leader, verifier = team.laptops
        pid = problem(leader, team.court)
        item = add_item(leader, problem_id=pid, measure="逐案纠正", kind="长期坚持")
        act(leader, item_id=item, action=Action.START)
        act(leader, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("报告.txt", b"r")])
        team.send(leader, verifier)
        act(leader, item_id=item, action=Action.CLOSE, note="核查属实，销号")
        act(verifier, item_id=item, action=Action.RETURN, note="材料不全，退回")
        result = team.send(verifier, leader)
        assert result.new_conflicts == 1
        [conflict] = list_conflicts(leader)
        assert conflict.field == "__state__"
        assert {c["value"] for c in conflict.candidates} == {"已销号", "整改中"}
        with pytest.raises(UserError, match="冲突"):
            act(leader, item_id=item, action=Action.START)
        resolve_conflict(
            leader,
            record_type_name="rectification_item",
            record_id=item,
            field="__state__",
            value="整改中",
            note="以核查人意见为准",
        )
        row = records.get(leader, "rectification_item", item)
        assert row["state"] == "整改中" and row["closed_by"] is None
        assert list_conflicts(leader) == []
        team.send(leader, verifier)
        assert records.get(verifier, "rectification_item", item)["state"] == "整改中"
        assert ledger(verifier) == ledger(leader)
    finally:
        team.close()


def test_consolidated_package_gives_every_member_the_whole_ledger(team):
    leader, wang, zhao = team.laptops
    team.send(leader, wang)
    team.send(leader, zhao)
    problem(wang, team.court, "王芳的问题")
    problem(zhao, team.court, "赵敏的问题")
    team.exchange_all()
    descriptions = {p["description"] for p in records.find(leader, "problem")}
    assert descriptions == {"王芳的问题", "赵敏的问题"}
    for m in team.laptops:
        assert ledger(m) == ledger(leader)
        assert revision_ids(m) == revision_ids(leader)


def test_delta_package_holds_only_what_the_member_has_not_seen(team):
    leader, wang, _ = team.laptops
    team.send(leader, wang, delta_to="王芳")  # the first one to a member holds everything
    first = export_package(leader, path=team.file("full.ledgerpkg"))
    problem(leader, team.court, "新问题")
    delta = export_package(leader, path=team.file("d.ledgerpkg"), since_last_to="王芳")
    assert delta.kind == "delta" and delta.revisions < first.revisions
    assert import_package(wang, path=delta.path).new_records == {"problem": 1}


def test_a_gap_is_refused_with_a_clear_message(team):
    leader, wang, _ = team.laptops
    team.send(leader, wang)
    problem(wang, team.court, "一")
    export_package(wang, path=team.file("a.ledgerpkg"), since_last_to="李建国")  # never delivered
    problem(wang, team.court, "二")
    later = export_package(wang, path=team.file("b.ledgerpkg"), since_last_to="李建国")
    with pytest.raises(UserError, match="请先导入更早的台账包"):
        import_package(leader, path=later.path)


def test_verify_reports_sender_and_counts(team):
    leader, wang, _ = team.laptops
    pkg = export_package(leader, path=team.file("v.ledgerpkg"))
    report = verify_package(wang, path=pkg.path)
    assert report.sender == "李建国" and report.revisions == pkg.revisions


def test_rebuilding_after_merges_gives_the_same_ledger(team):
    leader, wang, zhao = team.laptops
    pid = problem(leader, team.court, "原描述")
    team.exchange_all()
    records.update(wang, "problem", pid, {"description": "甲"})
    records.update(zhao, "problem", pid, {"description": "乙"})
    team.exchange_all()
    live = ledger(leader)
    with leader.transaction():
        projection.rebuild(leader.conn)
    assert ledger(leader) == live
    assert len(live["conflicts"]) == 1


def test_items_and_evidence_travel_with_their_attachments(team):
    leader, wang, _ = team.laptops
    team.send(leader, wang)
    pid = problem(wang, team.court)
    item = add_item(wang, problem_id=pid, measure="m", deadline=dt.date(2025, 12, 1))
    act(wang, item_id=item, action=Action.START)
    act(
        wang,
        item_id=item,
        action=Action.SUBMIT,
        evidence=[EvidenceFile("照片.png", b"\x89PNG fake")],
    )
    team.send(wang, leader)
    row = records.get(leader, "rectification_item", item)
    assert row["state"] == "待核查" and row["evidence_count"] == 1
    att = records.find(leader, "attachment", "owner_id = ?", (item,))[0]
    blob = leader.conn.execute(
        "SELECT data FROM blobs WHERE sha256 = ?", (att["sha256"],)
    ).fetchone()
    assert bytes(blob[0]) == b"\x89PNG fake"


def test_provenance_names_who_changed_what_on_which_laptop(team):
    from inspector.services.conflicts import record_provenance

    leader, wang, _ = team.laptops
    pid = problem(leader, team.court, "原描述")
    team.send(leader, wang)
    records.update(wang, "problem", pid, {"description": "王芳改过"})
    team.send(wang, leader)
    p = record_provenance(leader, record_id=pid)
    assert (p.created_by, p.created_on) == ("李建国", "本机")
    assert (p.updated_by, p.updated_on) == ("王芳", "王芳的电脑")
    assert [(h["op"], h["by"], h["fields"]) for h in p.history] == [
        ("create", "李建国", p.history[0]["fields"]),
        ("update", "王芳", ["description"]),
    ]


@pytest.fixture(params=["thread", "process"])
def reading(request, monkeypatch):
    """Batches read ahead on a thread, or — when large — in a reader process."""
    from inspector.sync import batch

    attached: list = []
    submitted: list = []
    if request.param == "process":
        monkeypatch.setattr(batch, "PROCESS_READ_BYTES", 0)
        attach = batch.attach
        monkeypatch.setattr(batch, "attach", lambda d, **kw: attached.append(d) or attach(d, **kw))
        make_pool = batch._reading_pool

        def recording_pool(paths):
            pool = make_pool(paths)
            submit = pool.submit
            pool.submit = lambda fn, path: submitted.append(path) or submit(fn, path)
            return pool

        monkeypatch.setattr(batch, "_reading_pool", recording_pool)
    return SimpleNamespace(kind=request.param, attached=attached, submitted=submitted)


def read_as_asked(reading, count):
    """With a reader process, every package of the batch but the first (read while the
    process starts) came back from it."""
    assert len(reading.attached) == (count - 1 if reading.kind == "process" else 0)


def test_a_batch_merges_in_any_order_and_reads_ahead(team, reading):
    leader, wang, zhao = team.laptops
    team.send(leader, wang)
    team.send(leader, zhao)
    for i in range(3):
        problem(wang, team.court, f"王芳发现的问题{i}")
        problem(zhao, team.court, f"赵敏发现的问题{i}")
    first = export_package(wang, path=team.file("w1.ledgerpkg")).path
    problem(wang, team.court, "王芳后来发现的问题")
    second = export_package(wang, path=team.file("w2.ledgerpkg")).path
    third = export_package(zhao, path=team.file("z.ledgerpkg")).path
    results = import_packages(leader, paths=[third, first, second])
    read_as_asked(reading, 3)
    assert [r.new_revisions > 0 for r in results] == [True, True, True]
    assert sum(r.new_records.get("problem", 0) for r in results) == 7
    again = import_packages(leader, paths=[first, second, third])
    assert all(r.already_imported for r in again)
    assert len(leader.conn.execute("SELECT id FROM problems").fetchall()) == 7
    assert_rebuilds_the_same(leader)


def assert_rebuilds_the_same(session):
    """Rows written in bulk (in SQL for records made by one create) are the merged rows."""
    live = ledger(session)
    with session.transaction():
        projection.rebuild(session.conn)
    assert ledger(session) == live


def submitted_item(session, problem_id, evidence):
    item = add_item(
        session, problem_id=problem_id, measure="补正卷宗", deadline=dt.date(2026, 12, 31)
    )
    act(session, item_id=item, action=Action.START)
    act(session, item_id=item, action=Action.SUBMIT, evidence=[evidence])
    return item


def test_a_batch_carries_items_events_and_evidence(team, reading):
    leader, wang, zhao = team.laptops
    team.send(leader, wang)
    team.send(leader, zhao)
    paths = []
    for n, who in enumerate((wang, zhao)):
        pid = problem(who, team.court, f"问题{n}")
        submitted_item(who, pid, EvidenceFile(f"照片{n}.png", f"PNG {n}".encode()))
        paths.append(export_package(who, path=team.file(f"{n}.ledgerpkg")).path)
    import_packages(leader, paths=paths)
    read_as_asked(reading, 2)
    rows = leader.conn.execute(
        "SELECT state, evidence_count FROM rectification_items ORDER BY measure"
    ).fetchall()
    assert rows == [("待核查", 1), ("待核查", 1)]
    blobs = {bytes(r[0]) for r in leader.conn.execute("SELECT data FROM blobs")}
    assert {b"PNG 0", b"PNG 1"} <= blobs
    assert_rebuilds_the_same(leader)


def test_a_batch_with_one_bad_package_keeps_nothing(team, reading):
    leader, wang, zhao = team.laptops
    team.send(leader, wang)
    team.send(leader, zhao)
    problem(wang, team.court)
    good = export_package(wang, path=team.file("w.ledgerpkg")).path
    problem(zhao, team.court)
    bad = export_package(zhao, path=team.file("z.ledgerpkg")).path
    data = bytearray(bad.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    before = ledger(leader), revision_ids(leader)
    with pytest.raises(UserError, match=bad.name):
        import_packages(leader, paths=[good, good, bad])
    assert (ledger(leader), revision_ids(leader)) == before
    preview = import_packages(leader, paths=[good], dry_run=True)
    assert preview[0].dry_run and preview[0].new_records["problem"] == 1
    assert (ledger(leader), revision_ids(leader)) == before


def pid_of(session):
    return session.conn.execute("SELECT id FROM problems WHERE deleted = 0 LIMIT 1").fetchone()[0]


@pytest.mark.parametrize("damaged", ["larger", "smaller"])
@pytest.mark.parametrize("at", [0.2, 0.5, 0.8])
def test_damage_found_while_reading_ahead_keeps_nothing(team, reading, at, damaged):
    """Wherever the damage is — found from the manifest alone, or only when the reader (thread
    or process) reaches it — the batch is refused by the damaged package's name."""
    leader, wang, zhao = team.laptops
    team.send(leader, wang)
    team.send(leader, zhao)
    for n in range(30):
        problem(wang, team.court, f"王芳的问题{n}")
        problem(zhao, team.court, f"赵敏的问题{n}")
    # evidence large enough that the package spans many encrypted chunks (and, for the other
    # package to be the larger, more of it on the other laptop)
    for who, size in ((zhao, 400_000), (wang, 0 if damaged == "larger" else 600_000)):
        if size:
            photo = EvidenceFile("现场.jpg", random.Random(at).randbytes(size))
            submitted_item(who, pid_of(who), photo)
    good = export_package(wang, path=team.file("w.ledgerpkg")).path
    bad = export_package(zhao, path=team.file("z.ledgerpkg")).path
    data = bytearray(bad.read_bytes())
    data[int(len(data) * at)] ^= 0x01
    bad.write_bytes(bytes(data))
    before = ledger(leader), revision_ids(leader)
    with pytest.raises(UserError, match=bad.name):
        import_packages(leader, paths=[good, bad])
    if reading.kind == "process":
        # the larger package is read here while the reader process starts and reads the other
        assert reading.submitted == [good if damaged == "larger" else bad]
        if damaged == "larger":  # the damage showed before anything came back
            assert reading.attached == []
    assert (ledger(leader), revision_ids(leader)) == before


def test_held_revisions_are_known_by_laptop_and_sequence(team):
    from inspector.sync.merge import held_ids

    leader, wang, _ = team.laptops
    team.send(leader, wang)
    problem(wang, team.court)
    mine = revision_ids(leader)
    wangs = sorted(set(revision_ids(wang)) - set(mine))
    device = leader.device_id
    top = max(int(i.rpartition(":")[2]) for i in mine if i.startswith(device))
    asked = [*mine, *wangs, f"{device}:{top + 1}", f"{device}:0", f"{device}:01", "junk", ":3"]
    assert held_ids(leader.conn, asked) == set(mine)
    team.send(wang, leader)
    assert held_ids(leader.conn, asked) == set(mine) | set(wangs)


def test_a_package_read_in_a_reader_process_has_the_outline_of_one_read_here(team):
    """The outline worked out beside the reading (causal order, each laptop's first revision,
    each record's revisions, bases from outside, privileged actions, attachment contents) is
    the one the revisions give, however the package was read."""
    from inspector.services.packages import package_reader
    from inspector.sync.package import attach

    leader, wang, _ = team.laptops
    team.send(leader, wang)
    pid = problem(wang, team.court)
    records.update(wang, "problem", pid, {"description": "改过"})
    item = add_item(wang, problem_id=pid, measure="m", deadline=dt.date(2025, 12, 1))
    act(wang, item_id=item, action=Action.START)
    act(wang, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("a.png", b"\x89PNG")])
    pkg_file = export_package(wang, path=team.file("w.ledgerpkg")).path
    with package_reader(leader)(pkg_file) as here:
        local = here.outline
        revs = here.revisions
    with attach(package_reader(leader, detached=True)(pkg_file)) as there:
        assert there.outline == local
        assert [r.row() for r in there.revisions] == local.rows

    assert local.rows == sorted(local.rows, key=lambda row: (row[4], row[1], row[2]))
    assert sorted(local.rows) == sorted(r.row() for r in revs)
    for device, i in local.firsts.items():
        assert local.rows[i][2] == min(row[2] for row in local.rows if row[1] == device)
    assert local.records[pid] == [i for i, row in enumerate(local.rows) if row[6] == pid]
    assert local.record_type(pid) == "problem" and len(local.records[pid]) == 2
    assert local.kinds["problem"] == 1 and sum(local.kinds.values()) == len(local.records)
    assert local.outside_bases == frozenset()  # everything it follows travels with it
    assert local.privileged == frozenset()  # starting and submitting are anyone's to do
    digest = records.find(wang, "attachment", "owner_id = ?", (item,))[0]["sha256"]
    assert local.digests == {digest}


def test_the_outline_names_outside_bases_and_who_closes_items(team):
    from inspector.services.packages import package_reader

    leader, wang, _ = team.laptops
    pid = problem(leader, team.court)
    item = add_item(leader, problem_id=pid, measure="m", deadline=dt.date(2025, 12, 1))
    act(leader, item_id=item, action=Action.START)
    act(leader, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("a.png", b"\x89")])
    act(leader, item_id=item, action=Action.CLOSE, note="核查属实")
    team.send(leader, wang)
    records.update(wang, "problem", pid, {"description": "改过"})
    delta = export_package(wang, path=team.file("d.ledgerpkg"), since_last_to="李建国").path
    with package_reader(leader)(delta) as pkg:
        (update,) = [r for r in pkg.revisions if r.record_id == pid]
        outside = pkg.outline.outside_bases
        assert set(update.base) <= outside and outside.isdisjoint(r.id for r in pkg.revisions)
        assert outside and all(leader.device_id in b for b in update.base)
        assert pkg.outline.privileged == frozenset()
    full = export_package(leader, path=team.file("l.ledgerpkg")).path
    with package_reader(wang)(full) as pkg:
        assert {device for device, _seq, _event in pkg.outline.privileged} == {leader.device_id}
        assert pkg.outline.outside_bases == frozenset()


def test_a_laptop_writes_after_what_it_imported_even_with_a_slow_clock(team):
    """Hybrid logical clocks: revisions made after an import order after the imported ones,
    whether the import came before the session's first write or between two writes."""
    leader, wang, _ = team.laptops
    team.send(leader, wang)
    wang.clock.now += dt.timedelta(days=30)  # wang's clock runs a month ahead
    pid = problem(wang, team.court)
    team.send(wang, leader)
    ahead = max(r[0] for r in leader.conn.execute("SELECT hlc FROM revisions"))
    records.update(leader, "problem", pid, {"description": "组长改过"})
    mine = leader.conn.execute(
        "SELECT hlc FROM revisions WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        (leader.device_id,),
    ).fetchone()[0]
    assert mine > ahead
    problem(wang, team.court, "又一个")
    team.send(wang, leader)  # between two of the leader's writes
    ahead = max(r[0] for r in leader.conn.execute("SELECT hlc FROM revisions"))
    records.update(leader, "problem", pid, {"description": "组长再改"})
    mine = leader.conn.execute(
        "SELECT hlc FROM revisions WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        (leader.device_id,),
    ).fetchone()[0]
    assert mine > ahead


def test_a_laptops_packages_picked_out_of_order_merge_in_sequence(team, reading):
    """Two deltas from one laptop, picked latest first, merge earliest first; the results come
    in the order the packages were given."""
    leader, wang, zhao = team.laptops
    team.send(leader, wang)
    team.send(leader, zhao)
    problem(wang, team.court, "一")
    earlier = export_package(wang, path=team.file("a.ledgerpkg"), since_last_to="李建国").path
    problem(wang, team.court, "二")
    later = export_package(wang, path=team.file("b.ledgerpkg"), since_last_to="李建国").path
    problem(zhao, team.court, "三")
    other = export_package(zhao, path=team.file("z.ledgerpkg")).path
    results = import_packages(leader, paths=[later, other, earlier])
    assert [r.sender for r in results] == ["王芳", "赵敏", "王芳"]
    assert [r.new_records.get("problem") for r in results] == [1, 1, 1]
    descriptions = {p["description"] for p in records.find(leader, "problem")}
    assert {"一", "二", "三"} <= descriptions


def test_merge_order_puts_the_largest_first_and_each_laptop_in_sequence():
    from inspector.sync.batch import Waiting, merge_order

    def waiting(n, sender, sequence, size):
        manifest = SimpleNamespace(sender_device=sender, sequence=sequence)
        return Waiting(n, Path(f"{n}.ledgerpkg"), manifest, size)

    a2, b1, a1, c1, b2 = (
        waiting(0, "a", 2, 10),
        waiting(1, "b", 1, 200),
        waiting(2, "a", 1, 300),
        waiting(3, "c", 1, 20),
        waiting(4, "b", 2, 900),  # largest, but b's second: it cannot go first
    )
    assert merge_order([a2, b1, a1, c1, b2]) == [a1, b1, a2, c1, b2]
    assert merge_order([]) == []


def test_a_batch_settles_item_states_once_and_counts_their_conflicts(tmp_path, reading):
    team = Team(tmp_path, members=3, roles=["leader", "verifier", "verifier", "inspector"])
    try:
        leader, one, other, inspector = team.laptops
        team.send(leader, inspector)
        pid = problem(inspector, team.court)
        item = submitted_item(inspector, pid, EvidenceFile("报告.txt", b"report"))
        team.send(inspector, one)
        team.send(inspector, other)
        act(one, item_id=item, action=Action.CLOSE, note="核查属实，销号")
        act(other, item_id=item, action=Action.RETURN, note="材料不全，退回")
        paths = [
            export_package(who, path=team.file(f"{n}.ledgerpkg")).path
            for n, who in enumerate((inspector, one, other))
        ]
        results = import_packages(leader, paths=paths)
        read_as_asked(reading, 3)
        # the conflict is counted once, for the verifier's package merged last
        assert results[0].new_conflicts == 0
        assert sum(r.new_conflicts for r in results) == 1
        assert sorted(r.conflicts_after for r in results) == [0, 0, 1]
        [conflict] = list_conflicts(leader)
        assert conflict.field == "__state__" and conflict.record_id == item
        row = records.get(leader, "rectification_item", item)
        assert row["conflicted"] == 1 and row["event_count"] == 4
        assert_rebuilds_the_same(leader)
        # a batch that settles a state conflict the workspace had: counted as gone
        assert team.send(other, one).new_conflicts == 1
        resolve_conflict(
            leader,
            record_type_name="rectification_item",
            record_id=item,
            field="__state__",
            value="已销号",
            note="以销号为准",
        )
        [settled] = import_packages(one, paths=[export_package(leader, path=team.file("l")).path])
        assert (settled.conflicts_before, settled.conflicts_after) == (1, 0)
        assert list_conflicts(one) == []
        assert records.get(one, "rectification_item", item)["state"] == "已销号"
        assert ledger(one) == ledger(leader)
    finally:
        team.close()


def test_a_batch_merges_a_package_that_follows_another_one_of_it_after_it(tmp_path):
    """王芳's problem, edited by 赵敏 after the leader's ledger brought it: a copy of the
    leader's workspace from before takes both packages in one batch, 赵敏's picked first."""
    import shutil

    from inspector.services.session import open_session

    team = Team(tmp_path, members=2)
    leader, wang, zhao = team.laptops
    try:
        team.send(leader, wang)
        before = tmp_path / "leader-before.ledger"
        leader.workspace.checkpoint()
        shutil.copy(leader.workspace.path, before)
        pid = problem(wang, team.court, "王芳发现的问题")
        wang_pkg = export_package(wang, path=team.file("wang.ledgerpkg")).path
        import_package(leader, path=wang_pkg)
        team.send(leader, zhao)
        records.update(zhao, "problem", pid, {"description": "赵敏补充了问题描述"})
        # and a photo: 赵敏's is the batch's largest package, which goes first
        from inspector.services.attachments import add_attachment

        add_attachment(
            zhao,
            owner_type="problem",
            owner_id=pid,
            filename="现场.jpg",
            data=random.randbytes(300_000),
        )
        # only what the leader has not seen: not 王芳's problem, which it follows
        zhao_pkg = export_package(
            zhao, path=team.file("zhao.ledgerpkg"), since_last_to="李建国"
        ).path
        import_package(leader, path=zhao_pkg)
        copy = open_session(before)
        try:
            results = import_packages(copy, paths=[zhao_pkg, wang_pkg])
            assert [r.sender for r in results] == ["赵敏", "王芳"]
            assert records.get(copy, "problem", pid)["description"] == "赵敏补充了问题描述"
            assert ledger(copy)["problems"] == ledger(leader)["problems"]
        finally:
            copy.close()
    finally:
        team.close()
