"""一案双查: every branch of a lead, and the rectification items it creates."""

import datetime as dt

import pytest

from inspector.domain.leads import Stage, current_deadline, stage
from inspector.errors import UserError
from inspector.services import records
from inspector.services.leads import (
    assign_lead,
    clear_officer,
    conclude,
    create_lead,
    order_supplementary,
    record_feedback,
    record_investigation,
    record_meeting,
    submit_report,
)
from inspector.services.team import add_court

D = dt.date


@pytest.fixture
def court(session):
    return add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")


def lead(session, court, alleges=("执行行为违法或不规范",)):
    return create_lead(
        session,
        source="人民群众来信来访",
        received_date=D(2025, 9, 1),
        summary="申请执行人反映案件长期未执行，承办人推诿",
        court_id=court,
        case_numbers=["(2024)云0102执88号"],
        officers=["赵某"],
        alleges=list(alleges),
    )


def get(session, lid):
    return records.get(session, "lead", lid)


def started(session, court, **kw):
    lid = lead(session, court, **kw)
    record_meeting(
        session,
        lead_id=lid,
        date=D(2025, 9, 3),
        participants=["执行局", "监察室"],
        start=True,
        reason="反映问题具体",
    )
    assign_lead(session, lead_id=lid, date=D(2025, 9, 4), court_id=court, deadline=D(2025, 10, 9))
    return lid


def reported(session, court, analysis="消极执行", **kw):
    lid = started(session, court, **kw)
    record_investigation(
        session, lead_id=lid, methods=["调卷审查", "系统检查", "听取当事人意见", "内部谈话"]
    )
    submit_report(
        session,
        lead_id=lid,
        date=D(2025, 9, 30),
        process="调卷、约谈",
        facts="查控超期",
        analysis=analysis,
        opinion="限期办理",
    )
    return lid


def test_not_started(session, court):
    lid = lead(session, court)
    assert stage(get(session, lid)) == Stage.RECEIVED
    assert get(session, lid)["case_numbers"] == ["（2024）云0102执88号"]
    record_meeting(
        session,
        lead_id=lid,
        date=D(2025, 9, 3),
        participants=["执行局", "监察室"],
        start=False,
        reason="已另案处理",
    )
    assert stage(get(session, lid)) == Stage.NOT_STARTED
    with pytest.raises(UserError, match="不启动"):
        assign_lead(
            session, lead_id=lid, date=D(2025, 9, 4), court_id=court, deadline=D(2025, 10, 1)
        )


def test_started_report_and_each_conclusion(session, court):
    for conclusion, extra in (
        ("执行监督纠正", {}),
        ("违纪行为处分", {"discipline_referral": "移送院纪检组"}),
        ("通报、约谈及纳入考评", {}),
    ):
        lid = reported(session, court)
        assert stage(get(session, lid)) == Stage.REPORTED
        assert (
            conclude(
                session,
                lead_id=lid,
                conclusions=[conclusion],
                date=D(2025, 10, 12),
                note="会商结论",
                **extra,
            )
            == []
        )
        assert stage(get(session, lid)) == Stage.CONCLUDED
        by = record_feedback(session, lead_id=lid, date=D(2025, 10, 15), note="已电话反馈信访人")
        assert by == "执行机构"  # the complaint is about the enforcement acts, whatever is found
        assert stage(get(session, lid)) == Stage.DONE


def test_deadline_conclusion_creates_rectification_items_in_the_ledger(session, court):
    lid = reported(session, court)
    items = conclude(
        session,
        lead_id=lid,
        conclusions=["督促限期办理", "执行监督纠正"],
        date=D(2025, 10, 12),
        note="督办",
        deadline=D(2025, 11, 12),
    )
    assert len(items) == 1
    item = records.get(session, "rectification_item", items[0])
    assert item["deadline"] == "2025-11-12" and item["state"] == "待整改"
    problem = records.get(session, "problem", item["problem_id"])
    assert problem["source_id"] == lid and problem["example_cases"] == ["（2024）云0102执88号"]
    with pytest.raises(UserError, match="指定办理期限"):
        conclude(
            session,
            lead_id=reported(session, court),
            conclusions=["督促限期办理"],
            date=D(2025, 10, 12),
            note="x",
        )


def test_supplementary_investigation_sets_a_new_deadline(session, court):
    lid = reported(session, court)
    order_supplementary(session, lead_id=lid, deadline=D(2025, 10, 31), direct=True)
    row = get(session, lid)
    assert stage(row) == Stage.SUPPLEMENTARY and current_deadline(row) == D(2025, 10, 31)
    assert row["supplementary_direct"] == 1
    submit_report(
        session,
        lead_id=lid,
        date=D(2025, 10, 28),
        process="补充调查",
        facts="补充事实",
        analysis="分析",
        opinion="意见",
    )
    assert stage(get(session, lid)) == Stage.REPORTED


def test_unfounded_report_clears_the_officer(session, court):
    lid = reported(session, court)
    with pytest.raises(UserError, match="只能与“执行监督纠正”同时选择"):
        conclude(
            session,
            lead_id=lid,
            conclusions=["反映问题不实", "违纪行为处分"],
            date=D(2025, 10, 12),
            note="x",
            discipline_referral="移送",
        )
    conclude(
        session, lead_id=lid, conclusions=["反映问题不实"], date=D(2025, 10, 12), note="查无实据"
    )
    record_feedback(session, lead_id=lid, date=D(2025, 10, 14), note="书面告知反映人")
    assert stage(get(session, lid)) == Stage.CONCLUDED  # clearing still owed
    clear_officer(session, lead_id=lid, date=D(2025, 10, 20), note="在执行局会议上予以澄清")
    assert stage(get(session, lid)) == Stage.DONE


def test_steps_out_of_order_are_refused(session, court):
    lid = lead(session, court)
    with pytest.raises(UserError, match="待研判"):
        submit_report(
            session,
            lead_id=lid,
            date=D(2025, 9, 30),
            process="a",
            facts="b",
            analysis="c",
            opinion="d",
        )
    with pytest.raises(UserError, match="线索来源"):
        create_lead(session, source="小道消息", received_date=D(2025, 9, 1), summary="x")
    with pytest.raises(UserError, match="调查报告应包含"):
        submit_report(
            session,
            lead_id=started(session, court),
            date=D(2025, 9, 30),
            process="",
            facts="b",
            analysis="c",
            opinion="d",
        )


def test_an_overdue_investigation_has_a_deadline(session, court):
    lid = started(session, court)
    assert current_deadline(get(session, lid)) == D(2025, 10, 9)


def test_who_leads_the_feedback_follows_what_the_complaint_alleges(session, court):
    from inspector.services.leads import feedback_lead_of

    lid = reported(session, court, alleges=["执行干警违规违法违纪"])
    assert feedback_lead_of(session, lead_id=lid) == "监察机构"
    conclude(session, lead_id=lid, conclusions=["执行监督纠正"], date=D(2025, 10, 12), note="x")
    assert record_feedback(session, lead_id=lid, date=D(2025, 10, 15), note="已反馈") == "监察机构"
    silent = reported(session, court, alleges=())
    conclude(session, lead_id=silent, conclusions=["违纪行为处分"], date=D(2025, 10, 12),
             note="x", discipline_referral="移送院纪检组")  # fmt: skip
    with pytest.raises(UserError, match="请先记录线索反映的问题类型"):
        record_feedback(session, lead_id=silent, date=D(2025, 10, 15), note="已反馈")
    with pytest.raises(UserError, match="反映问题类型应为"):
        lead(session, court, alleges=["态度不好"])


def test_an_unfounded_complaint_may_stand_with_a_corrected_case(session, court):
    lid = reported(session, court, alleges=["执行行为违法或不规范", "执行干警违规违法违纪"])
    conclude(
        session,
        lead_id=lid,
        conclusions=["反映问题不实", "执行监督纠正"],
        date=D(2025, 10, 12),
        note="干警无违纪，案件查控措施由执行法院自行纠正",
    )
    record_feedback(session, lead_id=lid, date=D(2025, 10, 14), note="书面告知反映人")
    assert stage(get(session, lid)) == Stage.CONCLUDED  # the officer is still to be cleared
    clear_officer(session, lead_id=lid, date=D(2025, 10, 20), note="在执行局会议上予以澄清")
    assert stage(get(session, lid)) == Stage.DONE


def test_the_item_a_deadline_creates_is_filed_under_the_finding(session, court):
    def problem_of(lid, **kw):
        items = conclude(
            session,
            lead_id=lid,
            conclusions=["督促限期办理"],
            date=D(2025, 10, 12),
            note="督办",
            deadline=D(2025, 11, 12),
            **kw,
        )
        item = records.get(session, "rectification_item", items[0])
        return records.get(session, "problem", item["problem_id"])

    assert problem_of(reported(session, court, analysis="存在选择性执行问题"))["category"] == (
        "选择性执行"
    )
    chosen = problem_of(
        reported(session, court, analysis="多项问题"), category="乱执行", subtype="财产处置不规范"
    )
    assert chosen["category"] == "乱执行" and chosen["subtype"] == "财产处置不规范"
    with pytest.raises(UserError, match="须选择问题类别"):
        problem_of(reported(session, court, analysis="既有消极执行，也有乱执行"))
