"""The inspected court in the loop: leader → court → leader with signed, role-limited packages.

Three workspaces (leader, member, court liaison): the court gets only its own records, proposes
its plan, reports progress with evidence and submits; the team takes back exactly that.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.cli import main
from inspector.cli import main as cli
from inspector.domain import court_workbook as layout
from inspector.domain.court_scope import ProposalStatus
from inspector.domain.enums import Role, SourceType
from inspector.domain.rectification import Action, EventKind, State
from inspector.errors import PermissionDenied, UserError
from inspector.services import records
from inspector.services.court_loop import (
    court_feedback,
    court_problems,
    court_progress,
    decide_proposal,
    export_court_package,
    pending_proposals,
    propose_plan,
    revise_proposal,
)
from inspector.services.court_workbook import (
    export_court_workbook,
    import_court_workbook,
    preview_court_workbook,
)
from inspector.services.follow_up import (
    carried_over,
    create_follow_up,
    follow_up_rates,
    recheck_candidates,
    record_recheck,
)
from inspector.services.lists import fetch_rows, keys, list_ids
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem
from inspector.services.rectification import (
    EvidenceFile,
    act,
    add_evidence,
    add_item,
    add_progress,
    item_events,
)
from inspector.services.reports import write_reports
from inspector.services.roster import export_identity_card, export_roster, import_roster_file
from inspector.services.session import Session, open_session
from inspector.services.team import add_court, campaigns, create_campaign
from inspector.services.workspaces import create_workspace, statistics
from inspector.sync.package import PackageError
from tests.conftest import AS_OF, FakeClock
from tests.sync.court_ledger import COLUMN, Ledger, clerk_fills, fill, revisions, rows_by_item

from .team import TZ, Team, TickClock

COURT = "昆明市五华区人民法院"
OTHER = "昆明市盘龙区人民法院"


class Loop:
    """A leader and a member of the team, and the liaison of one inspected court."""

    def __init__(self, folder: Path) -> None:
        self.team = Team(folder, members=1)
        self.leader, self.member = self.team.laptops
        self.court_id = self.team.court
        self.other_id = add_court(self.leader, name=OTHER, level="基层", code="云0103")
        clock = TickClock(dt.datetime(2025, 9, 22, 10, 0, tzinfo=TZ))
        self.court = create_workspace(
            folder / "court.ledger", member_name="张联络", unit=COURT, role="court", clock=clock
        )
        card = self.file("court-card.json")
        export_identity_card(self.court, path=card)
        import_roster_file(self.leader, path=card, court=COURT)
        roster = self.file("roster.json")
        export_roster(self.leader, path=roster)
        for laptop in (self.member, self.court):
            import_roster_file(laptop, path=roster)
        self.campaign = create_campaign(self.leader, name="2025年执行工作专项巡查")
        self.problem = create_problem(
            self.leader,
            court_id=self.court_id,
            category="消极执行",
            description="终本案件未采取限制消费措施",
            campaign_id=self.campaign,
        )
        self.item = add_item(
            self.leader,
            problem_id=self.problem,
            measure="逐案补充限制消费措施",
            deadline=dt.date(2025, 12, 31),
            responsible_unit="执行局",
        )
        self.other_problem = create_problem(
            self.leader,
            court_id=self.other_id,
            category="消极执行",
            description="盘龙区的问题：财产查控不及时",
            campaign_id=self.campaign,
        )
        self.other_item = add_item(
            self.leader,
            problem_id=self.other_problem,
            measure="盘龙区的整改事项",
            deadline=dt.date(2025, 12, 31),
        )

    def file(self, name: str) -> Path:
        return self.team.file(name)

    def to_court(self) -> Path:
        path = self.file("court.ledgerpkg")
        export_court_package(self.leader, court=COURT, path=path)
        import_package(self.court, path=path)
        return path

    def from_court(self) -> Path:
        path = self.file("from-court.ledgerpkg")
        export_package(self.court, path=path)
        return path

    def close(self) -> None:
        self.team.close()
        self.court.close()


@pytest.fixture
def loop(tmp_path):
    made = Loop(tmp_path)
    yield made
    made.close()


def _state(session, item_id):
    return records.get(session, "rectification_item", item_id)["state"]


def test_round_trip_leader_court_leader(loop):
    loop.to_court()
    problems = court_problems(loop.court)
    assert [p.description for p in problems] == ["终本案件未采取限制消费措施"]
    assert [i.measure for i in problems[0].items] == ["逐案补充限制消费措施"]
    feedback = court_feedback(loop.court)
    assert feedback[1].text == f"{COURT}："
    # the court proposes a new item, reports progress with evidence and submits its item
    proposal = propose_plan(
        loop.court,
        problem_id=loop.problem,
        measure="建立终本案件限制消费措施核查台账",
        responsible_unit="执行指挥中心",
        responsible_person="李四",
        deadline=dt.date(2025, 11, 30),
    )
    act(loop.court, item_id=loop.item, action="start")
    add_progress(loop.court, item_id=loop.item, note="已对40件终本案件逐案补充限制消费")
    add_evidence(
        loop.court,
        item_id=loop.item,
        files=[EvidenceFile("限制消费决定书.pdf", b"%PDF-1.4 court evidence")],
    )
    act(loop.court, item_id=loop.item, action="submit", note="请核查")
    import_package(loop.leader, path=loop.from_court())
    assert _state(loop.leader, loop.item) == "待核查"
    waiting = pending_proposals(loop.leader)
    assert [w.proposal.id for w in waiting] == [proposal]
    assert waiting[0].court == COURT
    new_item = decide_proposal(loop.leader, proposal_id=proposal, accept=True, note="同意")
    assert new_item is not None
    added = records.get(loop.leader, "rectification_item", new_item)
    assert added["measure"] == "建立终本案件限制消费措施核查台账"
    assert added["responsible_person"] == "李四"
    assert pending_proposals(loop.leader) == []
    # the leader closes the item; the court sees the decision and the closure
    act(
        loop.leader,
        item_id=loop.item,
        action="close",
        note="核查属实，予以销号",
    )
    loop.to_court()
    assert _state(loop.court, loop.item) == "已销号"
    mine = court_problems(loop.court)[0]
    assert {i.id for i in mine.items} == {loop.item, new_item}
    assert mine.proposals[0].status == ProposalStatus.ACCEPTED
    # the member gets the court's work with the leader's consolidated ledger
    loop.team.send(loop.leader, loop.member)
    assert _state(loop.member, loop.item) == "已销号"
    assert records.exists(loop.member, "plan_proposal", proposal)


def test_a_court_package_holds_no_record_of_another_court(loop):
    path = loop.file("court.ledgerpkg")
    export_court_package(loop.leader, court=COURT, path=path)
    import_package(loop.court, path=path)
    conn = loop.court.conn
    courts = {r[0] for r in conn.execute("SELECT id FROM courts")}
    assert loop.other_id not in courts
    problems = {r[0] for r in conn.execute("SELECT court_id FROM problems")}
    assert problems == {loop.court_id}
    items = {r[0] for r in conn.execute("SELECT id FROM rectification_items")}
    assert items == {loop.item}
    for table in ("reviews", "cases", "interviews", "leads", "accountability"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    held = {r[0] for r in conn.execute("SELECT record_id FROM revisions")}
    assert loop.other_problem not in held and loop.other_item not in held
    # and nothing of it names another court: not its records, not the team's roster (which
    # names other courts' liaisons)
    with zipfile.ZipFile(_opened(loop, path)) as z:
        assert "roster.json" not in z.namelist()
        everything = b"".join(z.read(n) for n in z.namelist())
    assert OTHER.encode() not in everything and loop.other_id.encode() not in everything
    # the package is sealed to the court: the member's laptop cannot read it
    with pytest.raises(UserError):
        import_package(loop.member, path=path)


def _opened(loop, path):
    """The package's zip as the court's laptop decrypts it."""
    import io

    from inspector.services.packages import reader_of
    from inspector.sync.sealed import SealedReader

    device, key = reader_of(loop.court)
    with SealedReader(path, device_id=device, private_key=key) as source:
        return io.BytesIO(source.read())


def test_the_leaders_ledger_never_reaches_the_court(loop):
    with pytest.raises(UserError, match="整改包"):
        export_package(loop.leader, path=loop.file("x.ledgerpkg"), to=["张联络"])
    full = loop.file("full.ledgerpkg")
    export_package(loop.leader, path=full)  # to the team: not sealed to the court
    with pytest.raises(UserError):
        import_package(loop.court, path=full)


def forge(court, record_id, fields):
    """An item event the court's laptop writes past its own app's checks (and past its own
    workspace's foreign keys: another court's item is not there)."""
    court.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with court.transaction():
            court.log.write("item_event", record_id, "create", fields)
    finally:
        court.conn.execute("PRAGMA foreign_keys = ON")


def _leader_bytes(loop) -> bytes:
    loop.leader.workspace.checkpoint()
    return hashlib.sha256(Path(loop.leader.workspace.path).read_bytes()).hexdigest().encode()


def test_a_court_package_that_closes_an_item_is_refused_and_nothing_changes(loop):
    loop.to_court()
    add_progress(loop.court, item_id=loop.item, note="进展")
    # the court's laptop writes a closing event past its own app's checks
    forge(
        loop.court,
        "forged-close",
        {
            "item_id": loop.item,
            "event_kind": "transition",
            "action": "close",
            "from_state": "待核查",
            "to_state": "已销号",
            "note": "自行销号",
            "evidence": [],
            "at": "2025-09-23T10:00:00+08:00",
            "member_id": loop.court.member_id,
        },
    )
    before = _leader_bytes(loop)
    with pytest.raises(PackageError, match="整改事项“逐案补充限制消费措施”"):
        import_package(loop.leader, path=loop.from_court())
    assert _leader_bytes(loop) == before


def test_a_court_package_that_touches_another_courts_item_is_refused(loop):
    loop.to_court()
    forge(
        loop.court,
        "foreign-progress",
        {
            "item_id": loop.other_item,
            "event_kind": "progress",
            "note": "越权填报",
            "at": "2025-09-23T10:00:00+08:00",
            "member_id": loop.court.member_id,
        },
    )
    before = _leader_bytes(loop)
    with pytest.raises(PackageError, match="其他法院"):
        import_package(loop.leader, path=loop.from_court())
    assert _leader_bytes(loop) == before


def test_the_court_app_refuses_what_the_court_may_not_do(loop):
    loop.to_court()
    act(loop.court, item_id=loop.item, action="start")
    act(
        loop.court,
        item_id=loop.item,
        action="submit",
        note="请核查",
        evidence=[EvidenceFile("a.pdf", b"x")],
    )
    with pytest.raises(PermissionDenied):
        act(loop.court, item_id=loop.item, action="close", note="自行销号")
    with pytest.raises(PermissionDenied):
        records.update(loop.court, "problem", loop.problem, {"description": "改掉问题"})
    with pytest.raises(PermissionDenied):
        add_item(
            loop.court, problem_id=loop.problem, measure="直接新增", deadline=dt.date(2025, 12, 1)
        )


def test_a_returned_proposal_is_revised_and_accepted(loop):
    loop.to_court()
    proposal = propose_plan(
        loop.court,
        problem_id=loop.problem,
        item_id=loop.item,
        measure="逐案补充",
        responsible_unit="执行局",
        deadline=dt.date(2025, 10, 31),
    )
    import_package(loop.leader, path=loop.from_court())
    with pytest.raises(UserError, match="退回意见"):
        decide_proposal(loop.leader, proposal_id=proposal, accept=False)
    decide_proposal(loop.leader, proposal_id=proposal, accept=False, note="措施不具体，请细化")
    loop.to_court()
    returned = court_problems(loop.court)[0].proposals[0]
    assert returned.status == ProposalStatus.RETURNED
    assert returned.decision_note == "措施不具体，请细化"
    revise_proposal(loop.court, proposal_id=proposal, measure="对40件终本案件逐案补充限制消费")
    import_package(loop.leader, path=loop.from_court())
    decide_proposal(loop.leader, proposal_id=proposal, accept=True)
    item = records.get(loop.leader, "rectification_item", loop.item)
    assert item["measure"] == "对40件终本案件逐案补充限制消费"
    assert item["deadline"] == "2025-10-31"


def test_progress_per_court_over_time(loop):
    loop.to_court()
    act(loop.court, item_id=loop.item, action="start")
    import_package(loop.leader, path=loop.from_court())
    progress = {p.court: p for p in court_progress(loop.leader, today=dt.date(2025, 10, 20))}
    mine = progress[COURT]
    assert mine.latest is not None
    _day, planned, doing, submitted, closed, _overdue = mine.latest
    assert (planned, doing, submitted, closed) == (0, 1, 0, 0)
    assert sum(mine.points[0][1:5]) == 1
    assert progress[OTHER].latest[1] == 1


# --- from the command line ------------------------------------------------------------------


def test_the_court_loop_runs_from_the_command_line(tmp_path, capsys):
    import json
    import re

    from inspector.cli import main
    from inspector.services.session import open_session

    def run(*args, ok=True):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert (code == 0) == ok, (args, out, err)
        return out + err

    leader, wang, court = (tmp_path / f"{n}.ledger" for n in ("leader", "wang", "court"))
    run("new", leader, "--member", "李建国", "--role", "leader", "--no-encrypt")
    run("new", wang, "--member", "王芳", "--no-encrypt")
    court_print = re.search(
        r"指纹：?\s*((?:[0-9A-F]{4} ){7}[0-9A-F]{4})",
        run("new", court, "--member", "张联络", "--unit", COURT, "--role", "court", "--no-encrypt"),
    )[1]
    run("team", leader, "court", "add", COURT, "--code", "云0102")
    run("team", leader, "court", "add", OTHER, "--code", "云0103")
    run("team", leader, "campaign", "--name", "2025年执行工作专项巡查", "--start", "2025-09-22")
    for who, path in (("wang", wang), ("court", court)):
        run("roster", "export", path, tmp_path / f"{who}.card")
    run("roster", "import", leader, tmp_path / "wang.card")
    # the court's card is taken for that court only, its fingerprint compared
    run(
        "roster",
        "import",
        leader,
        tmp_path / "court.card",
        "--court",
        "云0102",
        "--fingerprint",
        court_print,
    )
    run("roster", "export", leader, tmp_path / "roster.json")
    for path in (wang, court):
        run("roster", "import", path, tmp_path / "roster.json")
    s = open_session(leader)
    try:
        courts = {c["code"]: c["id"] for c in records.find(s, "court")}
        problem = create_problem(
            s, court_id=courts["云0102"], category="消极执行", description="终本案件未限制消费"
        )
        item = add_item(
            s, problem_id=problem, measure="逐案补充限制消费", deadline=dt.date(2025, 12, 31)
        )
        other = create_problem(
            s, court_id=courts["云0103"], category="消极执行", description="盘龙区的问题"
        )
    finally:
        s.close()
    run("court", "package", leader, "--court", "云0102", "--out", tmp_path / "to-court.ledgerpkg")
    assert "已导入" in run("import", court, tmp_path / "to-court.ledgerpkg")
    listed = json.loads(run("court", "items", court, "--json"))
    assert [p["id"] for p in listed] == [problem]
    assert [i["id"] for i in listed[0]["items"]] == [item]
    run(
        "court",
        "propose",
        court,
        "--problem",
        problem,
        "--measure",
        "建立限制消费核查台账",
        "--unit",
        "执行局",
        "--deadline",
        "2025-11-30",
    )
    evidence = tmp_path / "决定书.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    run("court", "report", court, "--item", item, "--start", "--note", "已逐案补充")
    run(
        "court",
        "report",
        court,
        "--item",
        item,
        "--submit",
        "--note",
        "请核查",
        "--evidence",
        evidence,
    )
    # the court cannot decide its own plan
    assert "组长或核查人" in run("court", "decide", court, "x", "--accept", ok=False)
    run("export", court, tmp_path / "from-court.ledgerpkg")
    assert "已导入" in run("import", leader, tmp_path / "from-court.ledgerpkg")
    waiting = json.loads(run("court", "proposals", leader, "--json"))
    assert [w["measure"] for w in waiting] == ["建立限制消费核查台账"]
    run("court", "decide", leader, waiting[0]["id"], "--accept", "--note", "同意")
    assert "没有待审定" in run("court", "proposals", leader)
    progress = json.loads(run("court", "progress", leader, "--json"))
    mine = next(c for c in progress if c["court"] == COURT)
    assert mine["points"][-1]["submitted"] == 1
    # the member gets it all with the consolidated ledger; every workspace checks out
    run("export", leader, tmp_path / "consolidated.ledgerpkg")
    run("import", wang, tmp_path / "consolidated.ledgerpkg")
    s = open_session(wang)
    try:
        assert records.get(s, "rectification_item", item)["state"] == "待核查"
        assert records.exists(s, "problem", other)  # the team sees every court
    finally:
        s.close()
    for path in (leader, wang, court):
        assert "工作区完好" in run("verify-workspace", path)


# --- a property: exactly what a court may write lands -------------------------------------

ALLOWED = ("progress", "evidence", "propose", "start")
FORBIDDEN = (
    "close",
    "return",
    "other_court_progress",
    "edit_problem",
    "edit_item",
    "new_problem",
    "self_accepted_proposal",
    "edit_feedback",
    "new_interview",
)


def _raw(court, kind, record_id, op, fields):
    court.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with court.transaction():
            court.log.write(kind, record_id, op, fields, checked=True)
    finally:
        court.conn.execute("PRAGMA foreign_keys = ON")


def _do(loop, action: str, n: int) -> None:
    """One action of the court's laptop: allowed ones through the court's app (which may
    refuse them, e.g. progress on an item a forged event closed), forbidden ones forged."""
    with contextlib.suppress(UserError):
        _act(loop, action, n)


def _act(loop, action: str, n: int) -> None:
    c = loop.court
    at = "2025-09-23T10:00:00+08:00"
    event = {"at": at, "member_id": c.member_id, "evidence": []}
    if action == "progress":
        add_progress(c, item_id=loop.item, note=f"进展{n}")
    elif action == "evidence":
        add_evidence(
            c, item_id=loop.item, files=[EvidenceFile(f"材料{n}.pdf", f"%PDF {n}".encode())]
        )
    elif action == "propose":
        propose_plan(
            c,
            problem_id=loop.problem,
            measure=f"措施{n}",
            responsible_unit="执行局",
            deadline=dt.date(2025, 12, 1),
        )
    elif action == "start":
        if _state(c, loop.item) == "待整改":
            act(c, item_id=loop.item, action="start")
        else:
            add_progress(c, item_id=loop.item, note=f"继续推进{n}")
    elif action in ("close", "return"):
        _raw(
            c,
            "item_event",
            f"forged-{n}",
            "create",
            {
                **event,
                "item_id": loop.item,
                "event_kind": "transition",
                "action": action,
                "from_state": "待核查",
                "to_state": "已销号" if action == "close" else "整改中",
                "note": "越权",
            },
        )
    elif action == "other_court_progress":
        _raw(
            c,
            "item_event",
            f"forged-{n}",
            "create",
            {
                **event,
                "item_id": loop.other_item,
                "event_kind": "progress",
                "note": "越权",
            },
        )
    elif action == "edit_problem":
        _raw(c, "problem", loop.problem, "update", {"description": f"改写{n}"})
    elif action == "edit_item":
        _raw(c, "rectification_item", loop.item, "update", {"measure": f"改写{n}"})
    elif action == "new_problem":
        _raw(
            c,
            "problem",
            f"forged-{n}",
            "create",
            {
                "court_id": loop.court_id,
                "category": "消极执行",
                "description": "自报问题",
            },
        )
    elif action == "self_accepted_proposal":
        _raw(
            c,
            "plan_proposal",
            f"forged-{n}",
            "create",
            {
                "problem_id": loop.problem,
                "measure": "自定方案",
                "status": "已采纳",
            },
        )
    elif action == "edit_feedback":
        doc = c.conn.execute("SELECT id FROM documents").fetchone()[0]
        _raw(c, "document", doc, "update", {"title": "改写的反馈意见"})
    else:
        _raw(c, "interview", f"forged-{n}", "create", {"court_id": loop.court_id, "text": "x"})


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(st.sampled_from(ALLOWED + FORBIDDEN), min_size=1, max_size=5))
def test_exactly_what_a_court_may_write_lands(tmp_path_factory, actions):
    loop = Loop(tmp_path_factory.mktemp("court-property"))
    try:
        loop.to_court()
        for n, action in enumerate(actions):
            _do(loop, action, n)
        device = loop.court.device_id
        mine = loop.court.conn.execute(
            "SELECT COUNT(*) FROM revisions WHERE device_id = ?", (device,)
        ).fetchone()[0]
        path = loop.from_court()
        if any(a in FORBIDDEN for a in actions):
            before = _leader_bytes(loop)
            with pytest.raises(PackageError, match="法院联络员只能提交"):
                import_package(loop.leader, path=path)
            assert _leader_bytes(loop) == before
        else:
            import_package(loop.leader, path=path)
            landed = loop.leader.conn.execute(
                "SELECT COUNT(*) FROM revisions WHERE device_id = ?", (device,)
            ).fetchone()[0]
            assert landed == mine
    finally:
        loop.close()


# --- 约谈、通报、问责 --------------------------------------------------------------------------


def test_talks_notices_and_accountability_are_linked_from_the_item_and_counted(loop, capsys):
    import json

    from inspector.cli import main
    from inspector.reports.statistics import ledger_statistics, report_tables
    from inspector.services.accountability import add_accountability, item_history_entries

    rid = add_accountability(
        loop.leader,
        court_id=loop.court_id,
        kind="约谈",
        date=dt.date(2025, 11, 10),
        target="分管副院长",
        reason="整改事项逾期未完成",
        item_ids=[loop.item],
        follow_up="已提交书面说明",
    )
    with pytest.raises(UserError, match="不属于该法院"):
        add_accountability(
            loop.leader,
            court_id=loop.court_id,
            kind="通报",
            date=dt.date(2025, 11, 11),
            reason="x",
            item_ids=[loop.other_item],
        )
    with pytest.raises(UserError):
        add_accountability(
            loop.leader,
            court_id=loop.court_id,
            kind="批评",
            date=dt.date(2025, 11, 11),
            reason="x",
        )
    history = item_history_entries(loop.leader, item_id=loop.item)
    assert [(h["id"], h["event_kind"]) for h in history] == [(rid, "约谈")]
    assert "分管副院长" in history[0]["note"] and "已提交书面说明" in history[0]["note"]
    stats = ledger_statistics(loop.leader.conn, today=dt.date(2025, 11, 20))
    assert stats.accountability == {"约谈": 1, "通报": 0, "问责": 0}
    assert stats.accountability_by_court == {COURT: {"约谈": 1}}
    table = report_tables(loop.leader.conn, today=dt.date(2025, 11, 20))["约谈通报问责"]
    assert table.to_dict("records") == [
        {"法院": COURT, "约谈": 1, "通报": 0, "问责": 0, "所涉整改事项": 1}
    ]
    # never in the court's package: the team's own records
    loop.to_court()
    assert loop.court.conn.execute("SELECT COUNT(*) FROM accountability").fetchone()[0] == 0
    # and from the command line
    path = loop.leader.workspace.path
    loop.leader.close()
    try:
        code = main(
            [
                "accountability",
                "add",
                str(path),
                "--court",
                COURT,
                "--kind",
                "通报",
                "--date",
                "2025-11-12",
                "--reason",
                "按期整改率偏低",
                "--item",
                loop.item,
            ]
        )
        assert code == 0, capsys.readouterr()
        capsys.readouterr()
        assert main(["accountability", "list", str(path), "--item-of", loop.item, "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [r["kind"] for r in listed] == ["通报", "约谈"]
    finally:
        from inspector.services.session import open_session

        loop.leader = loop.team.laptops[0] = open_session(path, clock=loop.member.clock)


def test_the_rectification_report_is_written_from_what_the_court_sent(loop, tmp_path):
    import docx

    from inspector.services.reports import write_reports

    loop.to_court()
    act(loop.court, item_id=loop.item, action="start")
    add_progress(loop.court, item_id=loop.item, note="已对40件终本案件逐案补充限制消费措施")
    act(
        loop.court,
        item_id=loop.item,
        action="submit",
        note="请核查",
        evidence=[EvidenceFile("限制消费决定书.pdf", b"%PDF-1.4 x")],
    )
    import_package(loop.leader, path=loop.from_court())
    out = tmp_path / "整改情况报告.docx"
    write_reports(
        loop.leader, docx=out, kind="rectification", court=COURT, today=dt.date(2025, 11, 20)
    )
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"{COURT}关于" in text and "整改情况的报告" in text
    assert "已对40件终本案件逐案补充限制消费措施" in text
    assert "限制消费决定书.pdf" in text and "责任单位执行局" in text
    assert "待核查" in text and "盘龙区" not in text


# --- the fill-in workbook (填报表) of a court that does not run the app ----------------
# The fill-in workbook (填报表) of a court that does not run the app: exported for one court,
# opened and filled in with openpyxl as the court's clerk would in Excel (good rows and bad),
# checked row by row with nothing written, then imported — only the valid rows, once.


@pytest.fixture
def ledger(session):
    return Ledger(session)


@pytest.fixture
def workbook(ledger, tmp_path):
    """The first court's workbook, as exported (its evidence folder beside it)."""
    out = tmp_path / "填报表.xlsx"
    export_court_workbook(ledger.session, court=ledger.court, path=out)
    return out


def test_the_workbook_holds_one_court_locked_where_the_team_wrote(ledger, tmp_path):
    s = ledger.session
    out = tmp_path / "五华区填报表.xlsx"
    result = export_court_workbook(s, court="云0102", path=out)
    assert result.rows == 8 and result.evidence_dir == tmp_path / "五华区填报表_佐证材料"
    assert result.evidence_dir.is_dir()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["填报表", "填写说明"]
    sheet = book["填报表"]
    assert sheet.protection.sheet and book["填写说明"].protection.sheet
    assert [
        sheet.cell(layout.HEADER_ROW, c).value for c in range(1, len(layout.COLUMNS) + 1)
    ] == list(layout.COLUMNS)
    assert sheet.column_dimensions["A"].hidden and sheet.column_dimensions["B"].hidden
    # only this court's items, the other court's nowhere in the file
    items = rows_by_item(sheet)
    assert set(items) == {
        ledger.pending,
        ledger.started,
        ledger.dated,
        ledger.kinded,
        ledger.missing,
        ledger.closed,
        ledger.altered,
        ledger.deleted,
    }
    with zipfile.ZipFile(out) as z:
        everything = b"".join(z.read(n) for n in z.namelist()).decode("utf-8", "replace")
    assert "盘龙区" not in everything and ledger.foreign not in everything
    # the team's columns locked, the court's unlocked (except on a closed item), prefilled
    row = items[ledger.pending]
    for name in (*layout.HIDDEN_COLUMNS, *layout.TEAM_COLUMNS):
        assert sheet.cell(row, COLUMN[name]).protection.locked, name
    for name in layout.COURT_COLUMNS:
        assert not sheet.cell(row, COLUMN[name]).protection.locked, name
        assert sheet.cell(items[ledger.closed], COLUMN[name]).protection.locked, name
    assert sheet.cell(row, COLUMN[layout.MEASURE]).value == "三个工作日内完成网络查控"
    assert sheet.cell(row, COLUMN[layout.UNIT]).value == "执行局"
    assert sheet.cell(row, COLUMN[layout.KIND]).value == "限期整改"
    assert sheet.cell(row, COLUMN[layout.DEADLINE]).value == dt.datetime(2025, 12, 31)
    assert sheet.cell(row, COLUMN[layout.SUBMIT]).value == "否"
    assert "例证：（2024）云0102执123号" in sheet.cell(row, COLUMN[layout.DESCRIPTION]).value
    assert sheet.cell(items[ledger.closed], COLUMN[layout.EVIDENCE]).value == "结案统计.xlsx"
    # data validation on the court's columns
    rules = {str(v.sqref).split(":")[0][0]: v for v in sheet.data_validations.dataValidation}
    letter = {name: openpyxl.utils.get_column_letter(c) for name, c in COLUMN.items()}
    assert rules[letter[layout.KIND]].type == "list"
    assert "限期整改" in rules[letter[layout.KIND]].formula1
    assert rules[letter[layout.DEADLINE]].type == "date"
    assert rules[letter[layout.SUBMIT]].formula1 == '"是,否"'
    for name in (layout.MEASURE, layout.UNIT, layout.PERSON, layout.PROGRESS, layout.EVIDENCE):
        assert rules[letter[name]].type == "textLength", name
    # printed A3 landscape, one page wide, the headers on every page
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 8
    assert sheet.print_title_rows == "$3:$4"
    assert "佐证材料" in sheet.cell(layout.NOTE_ROW, 3).value
    assert "五华区填报表_佐证材料" in "".join(str(c.value) for c in book["填写说明"]["A"])


def test_a_filled_workbook_is_checked_row_by_row_then_only_valid_rows_land(ledger, tmp_path):
    s = ledger.session
    out = tmp_path / "填报表.xlsx"
    export_court_workbook(s, court="昆明市五华区人民法院", path=out)
    # the team deletes an item after sending the workbook
    records.delete(s, "rectification_item", ledger.deleted)
    # the clerk fills the workbook in
    book = openpyxl.load_workbook(out)
    sheet = book["填报表"]
    at = rows_by_item(sheet)
    fill(sheet, at[ledger.pending], layout.MEASURE, "两个工作日内完成网络查控并记录")
    fill(sheet, at[ledger.pending], layout.PERSON, "张三")
    fill(sheet, at[ledger.pending], layout.PROGRESS, "已完成全部案件的网络查控")
    fill(sheet, at[ledger.pending], layout.EVIDENCE, "查控记录.pdf；照片.jpg")
    fill(sheet, at[ledger.pending], layout.SUBMIT, "是")
    fill(sheet, at[ledger.started], layout.DEADLINE, dt.datetime(2026, 1, 15))
    fill(sheet, at[ledger.started], layout.KIND, "长期坚持")
    fill(sheet, at[ledger.dated], layout.DEADLINE, "下个月底")
    fill(sheet, at[ledger.kinded], layout.KIND, "马上就改")
    fill(sheet, at[ledger.missing], layout.EVIDENCE, "送达回证.pdf")
    fill(sheet, at[ledger.closed], layout.MEASURE, "重新规范结案方式")
    fill(sheet, at[ledger.altered], layout.DESCRIPTION, "问题不存在")
    fill(sheet, at[ledger.deleted], layout.PROGRESS, "已撤销")
    pasted = sheet.max_row + 1  # another court's item id pasted into a new row
    fill(sheet, pasted, layout.ID, ledger.foreign)
    fill(sheet, pasted, layout.MEASURE, "盘龙区的整改")
    fill(sheet, pasted, layout.KIND, "立行立改")
    book.save(out)
    folder = tmp_path / "填报表_佐证材料"
    (folder / "查控记录.pdf").write_bytes(b"%PDF-1.4 control records")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8\xff photo")

    before = revisions(s)
    preview = preview_court_workbook(s, path=out)
    assert revisions(s) == before  # nothing written by the check
    reasons = {r.row: r.reason for r in preview.rejected}
    assert set(reasons) == {
        at[ledger.dated],
        at[ledger.kinded],
        at[ledger.missing],
        at[ledger.closed],
        at[ledger.altered],
        at[ledger.deleted],
        pasted,
    }
    assert "“下个月底”不是日期" in reasons[at[ledger.dated]]
    assert "整改类型“马上就改”无效" in reasons[at[ledger.kinded]]
    assert "佐证材料“送达回证.pdf”不在文件夹“填报表_佐证材料”中" in reasons[at[ledger.missing]]
    assert "已销号" in reasons[at[ledger.closed]]
    assert "灰色列" in reasons[at[ledger.altered]] and "被改动" in reasons[at[ledger.altered]]
    assert "已被巡查组删除" in reasons[at[ledger.deleted]]
    assert "昆明市盘龙区人民法院的整改事项" in reasons[pasted]
    accepted = {c.item_id: c for c in preview.accepted}
    assert set(accepted) == {ledger.pending, ledger.started}
    change = accepted[ledger.pending]
    assert change.updates == {
        "measure": "两个工作日内完成网络查控并记录",
        "responsible_person": "张三",
    }
    assert change.progress == "已完成全部案件的网络查控"
    assert [e.filename for e in change.evidence] == ["查控记录.pdf", "照片.jpg"]
    assert change.start and change.submit
    assert "申请核查" in change.describe()
    assert accepted[ledger.started].updates == {
        "kind": "长期坚持",
        "deadline": dt.date(2026, 1, 15),
    }
    assert preview.unchanged == 0

    # nothing is written without the user's acceptance
    assert not import_court_workbook(s, path=out, accept=False).applied
    assert revisions(s) == before

    result = import_court_workbook(s, path=out)
    assert result.applied and len(result.accepted) == 2
    item = records.get(s, "rectification_item", ledger.pending)
    assert item["measure"] == "两个工作日内完成网络查控并记录"
    assert item["responsible_person"] == "张三" and item["responsible_unit"] == "执行局"
    assert item["last_progress"] == "已完成全部案件的网络查控"
    assert item["state"] == State.AWAITING_CHECK
    attached = records.find(s, "attachment", "owner_id = ?", (ledger.pending,))
    assert {a["filename"]: a["sha256"] for a in attached} == {
        "查控记录.pdf": hashlib.sha256(b"%PDF-1.4 control records").hexdigest(),
        "照片.jpg": hashlib.sha256(b"\xff\xd8\xff photo").hexdigest(),
    }
    from inspector.services.attachments import attachment_data

    by_name = {a["filename"]: a["id"] for a in attached}
    assert attachment_data(s, attachment_id=by_name["照片.jpg"]) == b"\xff\xd8\xff photo"
    started = records.get(s, "rectification_item", ledger.started)
    assert started["kind"] == "长期坚持" and started["deadline"] == "2026-01-15"
    # the rejected rows changed nothing
    assert records.get(s, "rectification_item", ledger.closed)["measure"] == "规范结案方式填写"
    assert records.get(s, "rectification_item", ledger.kinded)["kind"] == "限期整改"
    assert records.get(s, "rectification_item", ledger.foreign)["measure"] == "盘龙区的整改事项"

    # the same workbook again: nothing changes
    after = revisions(s)
    events = len(item_events(s, item_id=ledger.pending))
    again = import_court_workbook(s, path=out)
    assert again.accepted == [] and again.unchanged == 2 and len(again.rejected) == 7
    assert revisions(s) == after
    assert len(item_events(s, item_id=ledger.pending)) == events


def test_a_field_the_team_changed_after_the_export_is_not_overwritten(ledger, workbook):
    s, out = ledger.session, workbook
    at = clerk_fills(
        out,
        {
            ledger.pending: {layout.UNIT: "执行一庭"},
            ledger.started: {layout.PROGRESS: "已建立台账"},  # the unit left as exported
        },
    )
    from inspector.services.rectification import update_item

    update_item(s, item_id=ledger.pending, responsible_unit="执行指挥中心")
    update_item(s, item_id=ledger.started, responsible_unit="执行二庭")
    preview = preview_court_workbook(s, path=out)
    assert [r.row for r in preview.rejected] == [at[ledger.pending]]
    assert "已被巡查组改为“执行指挥中心”" in preview.rejected[0].reason
    assert [c.item_id for c in preview.accepted] == [ledger.started]
    assert preview.accepted[0].updates == {}  # the team's 执行二庭 stays


def test_asking_for_checking_needs_evidence(ledger, workbook):
    s, out = ledger.session, workbook
    row = clerk_fills(out, {ledger.started: {layout.SUBMIT: "是"}})[ledger.started]
    preview = preview_court_workbook(s, path=out)
    assert [r.row for r in preview.rejected] == [row]
    assert "申请核查需要至少一份佐证材料" in preview.rejected[0].reason


def test_a_deadline_is_needed_by_an_item_to_fix_by_a_deadline(ledger, workbook):
    s, out = ledger.session, workbook
    at = clerk_fills(
        out,
        {
            ledger.pending: {layout.DEADLINE: None},  # 限期整改 left without a deadline
            ledger.started: {layout.KIND: "立行立改", layout.DEADLINE: None},
        },
    )
    preview = preview_court_workbook(s, path=out)
    assert [(r.row, r.reason) for r in preview.rejected] == [
        (at[ledger.pending], "限期整改事项必须填写整改时限")
    ]
    assert preview.accepted[0].updates == {"kind": "立行立改", "deadline": None}


def test_evidence_files_are_found_beside_the_workbook_or_in_a_folder_given(ledger, tmp_path):
    s = ledger.session
    out = tmp_path / "sent" / "填报表.xlsx"
    export_court_workbook(s, court=ledger.court, path=out)
    (tmp_path / "sent" / "填报表_佐证材料").rmdir()  # the clerk put the files beside it
    clerk_fills(out, {ledger.started: {layout.EVIDENCE: "台账.PDF;../secret.txt"}})
    (tmp_path / "sent" / "台账.pdf").write_bytes(b"ledger")
    preview = preview_court_workbook(s, path=out)
    assert "含有文件夹" in preview.rejected[0].reason
    assert any("填报表所在的文件夹" in n for n in preview.notes)
    clerk_fills(out, {ledger.started: {layout.EVIDENCE: "台账.PDF"}})  # any case, as on Windows
    assert [e.filename for e in preview_court_workbook(s, path=out).accepted[0].evidence] == [
        "台账.pdf"
    ]
    elsewhere = tmp_path / "材料"
    elsewhere.mkdir()
    with pytest.raises(UserError, match="不在文件夹“材料”中"):
        raise UserError(
            preview_court_workbook(s, path=out, evidence_dir=elsewhere).rejected[0].reason
        )
    with pytest.raises(UserError, match="不存在"):
        preview_court_workbook(s, path=out, evidence_dir=tmp_path / "没有")


def test_a_file_too_large_is_refused_before_it_is_read(ledger, workbook, tmp_path, monkeypatch):
    from inspector.services import attachments

    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 10)
    s, out = ledger.session, workbook
    clerk_fills(out, {ledger.started: {layout.EVIDENCE: "录像.mp4"}})
    (tmp_path / "填报表_佐证材料" / "录像.mp4").write_bytes(b"x" * 100)
    preview = preview_court_workbook(s, path=out)
    assert "超过 200 MB" in preview.rejected[0].reason


def test_broken_and_foreign_files_are_refused_in_one_chinese_sentence(ledger, workbook, tmp_path):
    s, out = ledger.session, workbook
    before = revisions(s)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(out.read_bytes()[:2000])
    with pytest.raises(UserError, match="已损坏"):
        import_court_workbook(s, path=cut)
    text = tmp_path / "填报表.docx.xlsx"
    text.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(UserError, match="不是 Excel 表格"):
        import_court_workbook(s, path=text)
    csv = tmp_path / "填报表.csv"
    csv.write_text("序号,整改措施\n1,x\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是 xlsx 格式"):
        import_court_workbook(s, path=csv)
    other = tmp_path / "别的表.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["序号", "整改措施"])
    book.save(other)
    with pytest.raises(UserError, match="不是巡查台账导出的法院填报表"):
        import_court_workbook(s, path=other)
    assert revisions(s) == before


def test_an_encrypted_workbook_is_explained(ledger, workbook, tmp_path):
    import io

    import msoffcrypto.format.ooxml

    s, out = ledger.session, workbook
    locked = tmp_path / "加密.xlsx"
    with out.open("rb") as f:
        encrypted = io.BytesIO()
        msoffcrypto.format.ooxml.OOXMLFile(f).encrypt("1234", encrypted)
    locked.write_bytes(encrypted.getvalue())
    with pytest.raises(UserError, match="设有打开密码"):
        preview_court_workbook(s, path=locked)


def test_a_court_without_items_has_no_workbook(session, tmp_path):
    add_court(session, name="昆明市官渡区人民法院", level="基层", code="云0111")
    with pytest.raises(UserError, match="还没有整改事项"):
        export_court_workbook(session, court="云0111", path=tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="没有法院"):
        export_court_workbook(session, court="没有这个法院", path=tmp_path / "x.xlsx")


def test_the_command_line_exports_checks_and_imports(ledger, tmp_path, capsys):
    s = ledger.session
    workspace = str(s.workspace.path)
    out = tmp_path / "填报表.xlsx"
    s.close()
    assert cli(["court-workbook", "export", workspace, "--court", "云0102", "--out", str(out)]) == 0
    assert "填报表.xlsx" in capsys.readouterr().out
    at = clerk_fills(
        out, {ledger.started: {layout.PROGRESS: "台账已建立"}, ledger.kinded: {layout.KIND: "随便"}}
    )
    assert cli(["court-workbook", "import", workspace, str(out), "--dry-run"]) == 0
    text = capsys.readouterr().out
    number = openpyxl.load_workbook(out)["填报表"].cell(at[ledger.kinded], COLUMN[layout.NUMBER])
    assert f"第{at[ledger.kinded]}行（序号{number.value}）：拒绝，整改类型“随便”无效" in text
    assert "新增整改进展“台账已建立”" in text and "将更新1项" in text
    assert cli(["court-workbook", "import", workspace, str(out), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is False and [r["row"] for r in data["rejected"]] == [at[ledger.kinded]]
    assert data["accepted"][0]["progress"] == "台账已建立"
    assert cli(["court-workbook", "import", workspace, str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["applied"] is True
    assert cli(["court-workbook", "import", workspace, str(out)]) == 0
    assert "已更新0项" not in capsys.readouterr().out  # nothing left to change: not applied
    from inspector.services.session import open_session

    again = open_session(workspace)
    try:
        assert (
            records.get(again, "rectification_item", ledger.started)["last_progress"]
            == "台账已建立"
        )
    finally:
        again.close()
    assert cli(["court-workbook", "import", workspace, str(tmp_path / "没有.xlsx")]) == 1
    assert "找不到文件" in capsys.readouterr().err


def test_text_pasted_from_word_reads_back_as_exported(session, tmp_path):
    """Word's line breaks (\\x0b), Windows line ends and control characters in the ledger are
    not something a cell can hold: the row still reads back unchanged, not as altered."""
    court = add_court(session, name="昆明市西山区人民法院", level="基层", code="云0112")
    problem = create_problem(
        session, court_id=court, category="消极执行", description="第一段\x0b第二段\r\n第三段\x01"
    )
    item = add_item(
        session, problem_id=problem, measure="措施一\r\n措施二", kind="立行立改", deadline=None
    )
    add_progress(session, item_id=item, note="进展\x0b已部署")
    out = tmp_path / "西山区.xlsx"
    export_court_workbook(session, court=court, path=out)
    preview = preview_court_workbook(session, path=out)
    assert (preview.rows, preview.unchanged, preview.rejected) == (1, 1, [])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_again_by_another_office_suite_reads_back_as_filled(
    ledger, workbook, tmp_path
):
    """The clerk's office suite rewrites the whole file (its own strings, styles and dates):
    the rows still read back, the team's columns unaltered, the court's changes seen."""
    s, out = ledger.session, workbook
    clerk_fills(out, {ledger.started: {layout.DEADLINE: dt.datetime(2026, 2, 27)}})
    saved = tmp_path / "saved"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(saved), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    preview = preview_court_workbook(s, path=saved / out.name, evidence_dir=tmp_path)
    assert (preview.rows, preview.unchanged, preview.rejected) == (8, 7, [])
    assert preview.accepted[0].updates == {"deadline": dt.date(2026, 2, 27)}


# --- 回头看 (follow-up inspection) ------------------------------------------------------
# 回头看 (follow-up inspection) on the demo: a follow-up of its campaign re-checks what was
# closed before it started (held, reopened, or recorded as a new problem linked to the earlier
# one), carries over what was still open, and the statistics count it — in the services, the
# reports and from the command line.


START = AS_OF - dt.timedelta(days=3)  # the follow-up's first day on site


@pytest.fixture
def demo(demo_on) -> Session:
    """A copy of the demo, the leader's, on the follow-up's first day."""
    return demo_on(START)


def standing(s: Session, item_id: str, before: dt.date) -> str:
    """The item's state before a day, from its transitions (independently of the services)."""
    row = s.conn.execute(
        """SELECT to_state FROM item_events WHERE item_id = ? AND deleted = 0
           AND event_kind = 'transition' AND substr(at, 1, 10) < ? ORDER BY at DESC LIMIT 1""",
        (item_id, before.isoformat()),
    ).fetchone()
    return row[0] if row else "待整改"


def revision_count(s: Session) -> int:
    return s.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]


def follow_up_of(s: Session) -> tuple[dict, str]:
    earlier = campaigns(s)[0]
    fid = create_follow_up(
        s,
        follows=earlier["name"],
        name="执行工作专项巡查“回头看”",
        start_date=START,
        end_date=START + dt.timedelta(days=4),
    )
    return earlier, fid


def test_a_follow_up_on_the_demo_shows_recurrences_carried_over_items_and_the_rates(demo):
    s = demo
    earlier, fid = follow_up_of(s)
    campaign = records.get(s, "campaign", fid)
    assert campaign["follows_id"] == earlier["id"]
    assert campaign["target_courts"] == earlier["target_courts"]
    assert campaign["kind"] == earlier["kind"]

    # every item of the earlier campaign is either to re-check or carried over
    items = s.conn.execute(
        """SELECT i.id FROM rectification_items i JOIN problems p ON p.id = i.problem_id
           WHERE i.deleted = 0 AND p.campaign_id = ?""",
        (earlier["id"],),
    ).fetchall()
    closed = {i for (i,) in items if standing(s, i, START) == "已销号"}
    candidates = recheck_candidates(s, campaign_id=fid)
    carried = carried_over(s, campaign_id=fid)
    assert {c.item_id for c in candidates} == closed
    assert {c.item_id for c in carried} == {i for (i,) in items} - closed
    assert closed and carried

    # four re-checks of four problems: two held, one reopened, one recorded as a new problem
    chosen, seen = [], set()
    for c in candidates:
        if c.problem_id not in seen and c.state == State.CLOSED:
            chosen.append(c)
            seen.add(c.problem_id)
    held, held2, reopened, again = chosen[:4]
    before = records.get(s, "rectification_item", held.item_id)
    record_recheck(s, item_id=held.item_id, campaign_id=fid, held=True, note="抽查3件未见反弹")
    record_recheck(s, item_id=held2.item_id, campaign_id=fid, held=True)
    record_recheck(s, item_id=reopened.item_id, campaign_id=fid, held=False, note="仍有2件节点超期")
    result = record_recheck(
        s,
        item_id=again.item_id,
        campaign_id=fid,
        held=False,
        new_problem=True,
        note="新收案件中再次出现",
        description="回头看发现同类问题再次出现",
    )

    # a re-check that held leaves the item closed by whom it was, its note the latest progress
    after = records.get(s, "rectification_item", held.item_id)
    assert after["state"] == State.CLOSED
    assert (after["closed_by"], after["closed_at"]) == (before["closed_by"], before["closed_at"])
    assert after["event_count"] == before["event_count"] + 1
    assert after["last_progress"] == (
        f"回头看复查（{START.year}年{START.month}月{START.day}日）："
        "整改成果巩固，未发现问题反弹。抽查3件未见反弹"
    )
    note = item_events(s, item_id=held.item_id)[-1]
    assert (note["event_kind"], note["action"]) == (EventKind.PROGRESS, Action.RECHECK_HELD)
    # a recurrence reopens the item (the re-check, then the reopening) …
    events = item_events(s, item_id=reopened.item_id)
    assert [e["action"] for e in events[-2:]] == [Action.RECHECK_REOPENED, Action.REOPEN]
    assert records.get(s, "rectification_item", reopened.item_id)["state"] == State.IN_PROGRESS
    # … or is a new problem of the follow-up, linked to the earlier one, the item staying closed
    problem = records.get(s, "problem", result.problem_id)
    first = records.get(s, "problem", again.problem_id)
    assert problem["recurrence_of"] == again.problem_id
    assert problem["campaign_id"] == fid
    assert (problem["court_id"], problem["category"], problem["subtype"]) == (
        first["court_id"],
        first["category"],
        first["subtype"],
    )
    assert (problem["source_type"], problem["source_id"]) == (SourceType.FOLLOW_UP, again.item_id)
    assert problem["description"] == "回头看发现同类问题再次出现"
    assert records.get(s, "rectification_item", again.item_id)["state"] == State.CLOSED

    # an item carried over and closed during the follow-up
    waiting = next(c for c in carried if c.state == State.AWAITING_CHECK)
    act(s, item_id=waiting.item_id, action=Action.CLOSE, note="回头看期间核查，予以销号。")

    stats = statistics(s, today=AS_OF)
    assert len(stats.follow_ups) == 1
    f = stats.follow_ups[0]
    assert (f.campaign_id, f.follows_id, f.start_date) == (fid, earlier["id"], START.isoformat())
    assert (f.candidates, f.rechecked, f.held, f.recurred) == (len(closed), 4, 2, 2)
    assert (f.reopened, f.new_problems) == (1, 1)
    assert (f.recurrence.rechecked, f.recurrence.recurred, f.recurrence.rate) == (4, 2, 0.5)
    courts: dict[str, list[int]] = {}
    categories: dict[str, list[int]] = {}
    for c, recurred in ((held, 0), (held2, 0), (reopened, 1), (again, 1)):
        for by, key in ((courts, c.court), (categories, c.category)):
            by.setdefault(key, [0, 0])[0] += 1
            by[key][1] += recurred
    assert {k: (v.rechecked, v.recurred) for k, v in f.by_court.items()} == {
        k: tuple(v) for k, v in courts.items()
    }
    assert {k: (v.rechecked, v.recurred) for k, v in f.by_category.items()} == {
        k: tuple(v) for k, v in categories.items()
    }
    for by in (f.by_court, f.by_category):
        for r in by.values():
            assert r.rate == round(r.recurred / r.rechecked, 4)
    assert (f.carried_over, f.carried_closed) == (len(items) - len(closed), 1)
    last_visit = earlier["end_date"]
    closed_since = sum(1 for c in candidates if c.since[:10] > last_visit)
    assert f.closed_since_last_visit == closed_since > 0
    assert follow_up_rates(s, campaign_id=fid, today=AS_OF) == [f]

    # the ledger's view of the follow-up: its items and the earlier campaign's, marked
    ids = list_ids(s, list_name="items", filters={"follow_up": fid})
    rows = fetch_rows(s, list_name="items", ids=ids)
    mark = {i: rows[i][1 + keys("items").index("follow_up")] for i in ids}
    assert set(ids) == {i for (i,) in items}  # the new problem has no item yet
    assert mark[held.item_id] == mark[held2.item_id] == "复查巩固"
    assert mark[reopened.item_id] == "复发·重新整改"
    assert mark[again.item_id] == "复发·另立问题"
    assert mark[waiting.item_id] == "延续整改"
    assert {mark[c.item_id] for c in carried} == {"延续整改"}
    untouched = {c.item_id for c in candidates} - {c.item_id for c in chosen[:4]}
    assert {mark[i] for i in untouched} == {"待复查"}

    # the 统计 sheet and the CSV tables have it
    tables = write_reports(s, csv_dir=s.workspace.path.parent / "csv", today=AS_OF)
    summary = (s.workspace.path.parent / "csv" / "回头看.csv").read_text(encoding="utf-8-sig")
    assert tables.files and "执行工作专项巡查“回头看”" in summary
    row = summary.splitlines()[1].split(",")
    assert row[2:9] == [str(len(closed)), "4", "2", "2", "1", "1", "0.5"]


def test_bad_rechecks_are_refused_and_write_nothing(demo):
    s = demo
    _earlier, fid = follow_up_of(s)
    candidates = [c for c in recheck_candidates(s, campaign_id=fid) if c.state == State.CLOSED]
    carried = carried_over(s, campaign_id=fid)
    first, second = candidates[:2]
    record_recheck(s, item_id=first.item_id, campaign_id=fid, held=True)
    inspector = s.conn.execute(
        "SELECT m.id, m.device_id FROM members m JOIN trusted_keys t ON t.member_id = m.id "
        "WHERE t.role = 'inspector' LIMIT 1"
    ).fetchone()
    leader = (s.member_id, s.log.device_id)
    mark = revision_count(s)
    refused = [
        (UserError, dict(item_id=carried[0].item_id, held=True), "延续整改"),
        (UserError, dict(item_id=first.item_id, held=True), "无需重复"),
        (UserError, dict(item_id=second.item_id, held=True, new_problem=True), "巩固"),
        (UserError, dict(item_id=second.item_id, held=False, note=" "), "说明"),
    ]
    for error, kwargs, says in refused:
        with pytest.raises(error, match=says):
            record_recheck(s, campaign_id=fid, **kwargs)
    with pytest.raises(UserError, match="不是回头看"):
        record_recheck(s, item_id=second.item_id, campaign_id=_earlier["id"], held=True)
    s.act_as(*inspector)
    assert s.role() == Role.INSPECTOR
    with pytest.raises(PermissionDenied, match="组长或核查人"):
        record_recheck(s, item_id=second.item_id, campaign_id=fid, held=False, note="复发")
    with pytest.raises(PermissionDenied, match="组长"):
        create_follow_up(s, follows=fid, name="再次回头看", start_date=AS_OF)
    # an inspector may record what held, and a recurrence as a new problem
    record_recheck(s, item_id=second.item_id, campaign_id=fid, held=True)
    assert revision_count(s) == mark + 1
    s.act_as(*leader)
    mark = revision_count(s)
    # once recurred, final for the visit; the new problem's own items are not the earlier ones
    done = record_recheck(s, item_id=first.item_id, campaign_id=fid, held=False, new_problem=True)
    assert records.get(s, "problem", done.problem_id)["description"] == first.description
    with pytest.raises(UserError, match="复发"):
        record_recheck(s, item_id=first.item_id, campaign_id=fid, held=False, note="x")
    own = add_item(s, problem_id=done.problem_id, measure="再次整改", kind="立行立改")
    with pytest.raises(UserError, match="不属于原巡查"):
        record_recheck(s, item_id=own, campaign_id=fid, held=True)
    with pytest.raises(UserError, match="开始日期应晚于"):
        create_follow_up(s, follows=fid, name="太早", start_date=START)
    with pytest.raises(UserError, match="没有巡查活动"):
        create_follow_up(s, follows="不存在的巡查", name="x", start_date=AS_OF)
    with pytest.raises(UserError, match="开始日期"):
        create_follow_up(s, follows=fid, name="x", start_date="2025-13-01")
    with pytest.raises(UserError, match="巡查类型"):
        create_follow_up(s, follows=fid, name="x", start_date=AS_OF + dt.timedelta(30), kind="巡视")
    assert revision_count(s) == mark + 3  # the problem, the re-check and the new item


def test_a_second_follow_up_takes_the_rechecks_made_once_it_has_started(demo):
    s = demo
    earlier, first = follow_up_of(s)
    spring = AS_OF + dt.timedelta(days=120)
    second = create_follow_up(s, follows=earlier["id"], name="第二次回头看", start_date=spring)
    candidates = [c for c in recheck_candidates(s, campaign_id=first) if c.state == State.CLOSED]
    record_recheck(s, item_id=candidates[0].item_id, campaign_id=first, held=True)
    s.use_clock(FakeClock(dt.datetime.combine(spring, dt.time(9), tzinfo=TZ)))
    with pytest.raises(UserError, match="第二次回头看"):
        record_recheck(s, item_id=candidates[1].item_id, campaign_id=first, held=True)
    record_recheck(s, item_id=candidates[0].item_id, campaign_id=second, held=True)
    record_recheck(s, item_id=candidates[1].item_id, campaign_id=second, held=True)
    rates = {f.campaign_id: f for f in statistics(s, today=spring).follow_ups}
    assert (rates[first].rechecked, rates[second].rechecked) == (1, 2)


def test_the_demo_can_hold_a_follow_up_with_both_kinds_of_recurrence(tmp_path, demo_file):
    from inspector.demo import build_demo

    with closing(open_session(demo_file)) as plain:
        assert statistics(plain, today=AS_OF).follow_ups == []
    s = build_demo(tmp_path / "f.ledger", scale="small", seed=7, as_of=AS_OF, follow_up=True)
    try:
        (f,) = statistics(s, today=AS_OF).follow_ups
        assert f.held and f.reopened and f.new_problems and f.carried_over and f.carried_closed
        assert f.rechecked < f.candidates  # some not re-checked yet
        assert 0 < f.recurrence.rate < 1
        assert any(r.recurred for r in f.by_court.values())
        new = records.find(s, "problem", "recurrence_of IS NOT NULL")
        assert len(new) == f.new_problems
        assert all(records.find(s, "rectification_item", "problem_id = ?", (p["id"],)) for p in new)
        # the 专题报告 for the higher court reports it
        import docx

        from inspector.services.reports import write_reports

        out = tmp_path / "专题报告.docx"
        write_reports(s, docx=out, kind="topic", today=AS_OF)
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "五、“回头看”情况" in text and "六、下一步工作" in text
        assert f"已复查{f.rechecked}项" in text and f"问题反弹{f.recurred}项" in text
        assert f"延续整改的事项{f.carried_over}项" in text
    finally:
        s.close()


def test_follow_up_from_the_command_line(tmp_path, demo_file, capsys):
    path = tmp_path / "demo.ledger"
    shutil.copy(demo_file, path)

    def run(*args: str, ok: bool = True) -> str:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert (code == 0) == ok, (args, out, err)
        return out if ok else err

    with closing(open_session(path)) as s:
        earlier = campaigns(s)[0]["name"]
    made = run(
        "follow-up", path, "create", "--follows", earlier, "--name", "回头看", "--start", START
    )
    assert "已创建回头看“回头看”" in made
    listed = json.loads(run("follow-up", path, "list", "--json"))
    assert [(f["name"], f["follows"], f["start_date"]) for f in listed] == [
        ("回头看", earlier, START.isoformat())
    ]
    candidates = json.loads(run("follow-up", path, "candidates", "回头看", "--json"))
    carried = json.loads(run("follow-up", path, "carried", "回头看", "--json"))
    assert candidates and carried
    closed = [c for c in candidates if c["state"] == "已销号"]
    one, two, three = (c["item_id"] for c in closed[:3])
    assert "巩固" in run("follow-up", path, "recheck", "回头看", one[:20], "--held")
    assert "重新整改" in run(
        "follow-up", path, "recheck", "回头看", two, "--recurred", "--note", "仍有超期"
    )
    assert "另立问题" in run(
        "follow-up", path, "recheck", "回头看", three, "--recurred", "--new-problem"
    )
    assert "--held" in run("follow-up", path, "recheck", "回头看", one, ok=False)
    assert "没有编号" in run("follow-up", path, "recheck", "回头看", "ffffffff", "--held", ok=False)
    (rates,) = json.loads(run("follow-up", path, "rates", "--json", "--today", AS_OF))
    assert (rates["rechecked"], rates["held"], rates["recurred"]) == (3, 1, 2)
    assert (rates["reopened"], rates["new_problems"]) == (1, 1)
    assert rates["carried_over"] == len(carried)
    text = run("follow-up", path, "rates", "回头看", "--today", AS_OF)
    assert "已复查 3 项：巩固 1，复发 2" in text and "按法院" in text
    stats = json.loads(run("stats", path, "--json", "--today", AS_OF))
    assert stats["follow_ups"] == [rates]
    assert "回头看（回头看）：复查 3/" in run("stats", path, "--today", AS_OF)
