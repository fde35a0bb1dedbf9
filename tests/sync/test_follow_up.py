"""回头看 (follow-up inspection) on the demo: a follow-up of its campaign re-checks what was
closed before it started (held, reopened, or recorded as a new problem linked to the earlier
one), carries over what was still open, and the statistics count it — in the services, the
reports and from the command line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from contextlib import closing

import pytest

from inspector.cli import main
from inspector.domain.enums import Role, SourceType
from inspector.domain.rectification import Action, EventKind, State
from inspector.errors import PermissionDenied, UserError
from inspector.services import records
from inspector.services.follow_up import (
    carried_over,
    create_follow_up,
    follow_up_rates,
    recheck_candidates,
    record_recheck,
)
from inspector.services.lists import fetch_rows, keys, list_ids
from inspector.services.rectification import act, add_item, item_events
from inspector.services.reports import write_reports
from inspector.services.session import Session, open_session
from inspector.services.team import campaigns
from inspector.services.workspaces import statistics
from tests.conftest import AS_OF, TZ, FakeClock

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


def revisions(s: Session) -> int:
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
    mark = revisions(s)
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
    assert revisions(s) == mark + 1
    s.act_as(*leader)
    mark = revisions(s)
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
    assert revisions(s) == mark + 3  # the problem, the re-check and the new item


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
