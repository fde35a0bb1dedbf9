"""The inspected court in the loop: leader → court → leader with signed, role-limited packages.

Three workspaces (leader, member, court liaison): the court gets only its own records, proposes
its plan, reports progress with evidence and submits; the team takes back exactly that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

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
