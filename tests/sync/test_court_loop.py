"""The inspected court in the loop: leader → court → leader with signed, role-limited packages.

Three workspaces (leader, member, court liaison): the court gets only its own records, proposes
its plan, reports progress with evidence and submits; the team takes back exactly that.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.domain.court_scope import ProposalStatus
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
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem
from inspector.services.rectification import (
    EvidenceFile,
    act,
    add_evidence,
    add_item,
    add_progress,
)
from inspector.services.roster import export_identity_card, export_roster, import_roster_file
from inspector.services.team import add_court, create_campaign
from inspector.services.workspaces import create_workspace
from inspector.sync.package import PackageError

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
    # the package is sealed to the court: the member's laptop cannot read it
    with pytest.raises(UserError):
        import_package(loop.member, path=path)


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
