"""A new workspace's campaign, courts and members, recorded at once."""

import datetime as dt

import pytest

from inspector.errors import UserError
from inspector.services import records
from inspector.services.setup import (
    CampaignChoice,
    CourtChoice,
    MemberChoice,
    TeamSetup,
    parse_court_lines,
    province_courts,
    set_up_team,
)
from inspector.services.team import courts, members


def test_the_province_list_names_courts_with_their_codes():
    known = {c.code: c for c in province_courts()}
    assert known["云"].level == "高院"
    assert known["云01"].name == "昆明市中级人民法院" and known["云01"].parent_code == "云"
    assert known["云0102"].name == "昆明市五华区人民法院" and known["云0102"].level == "基层"


def test_typed_courts_one_per_line():
    parsed = parse_court_lines("曲靖市麒麟区人民法院 云0302\n\n大理白族自治州中级人民法院，云29\n")
    assert parsed == [
        CourtChoice("曲靖市麒麟区人民法院", "基层", "云0302"),
        CourtChoice("大理白族自治州中级人民法院", "中院", "云29"),
    ]
    with pytest.raises(UserError, match="第2行"):
        parse_court_lines("陆良县人民法院\n陆良县公安局")


def test_the_team_is_set_up_in_one_go_with_the_courts_above(session):
    known = {c.code: c for c in province_courts()}
    setup = TeamSetup(
        campaign=CampaignChoice(
            "2026年执行工作巡查", start_date=dt.date(2026, 12, 7), end_date=dt.date(2026, 12, 11)
        ),
        courts=[known["云0102"], CourtChoice("某某县人民法院", "基层")],
        members=[MemberChoice("王芳", "执行局", "verifier"), MemberChoice("赵磊")],
    )
    set_up_team(session, setup)
    names = {c["name"] for c in courts(session)}
    assert {
        "云南省高级人民法院",
        "昆明市中级人民法院",
        "昆明市五华区人民法院",
        "某某县人民法院",
    } <= names
    wuhua = next(c for c in courts(session) if c["code"] == "云0102")
    kunming = next(c for c in courts(session) if c["code"] == "云01")
    assert wuhua["parent_id"] == kunming["id"]
    campaign = records.find(session, "campaign")[0]
    assert len(campaign["target_courts"]) == 2 and wuhua["id"] in campaign["target_courts"]
    assert {"王芳", "赵磊"} <= {m["name"] for m in members(session)}


def test_a_bad_entry_writes_nothing(session):
    before = len(courts(session)), len(members(session))
    setup = TeamSetup(
        campaign=CampaignChoice(
            "巡查", start_date=dt.date(2026, 12, 7), end_date=dt.date(2026, 12, 1)
        ),
        courts=[CourtChoice("某某县人民法院", "基层")],
        members=[MemberChoice("赵磊")],
    )
    with pytest.raises(UserError, match="结束日期"):
        set_up_team(session, setup)
    assert (len(courts(session)), len(members(session))) == before
    with pytest.raises(UserError, match="重复"):
        set_up_team(session, TeamSetup(members=[MemberChoice("赵磊"), MemberChoice("赵磊")]))
