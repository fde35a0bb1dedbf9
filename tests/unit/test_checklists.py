import datetime as dt

import pytest

from inspector.domain.checklists import (
    Answer,
    Verdict,
    check_case,
    checklist_from_dict,
    evaluate_rule,
)
from inspector.reference import checklist, checklists

D = dt.date


def rule(kind, **kw):
    return {"type": kind, **kw}


def test_network_query_late_gives_the_working_day_count_in_the_reason():
    r = evaluate_rule(
        rule("workdays_limit", start="transfer_date", end="network_query_date", limit=5),
        # Fri Sep 26 2025 → Oct 13: 7 working days (National Day in between)
        {"transfer_date": "2025-09-26", "network_query_date": "2025-10-13"},
    )
    assert r.verdict == Verdict.FAIL
    assert r.reason == "网络查控发起于移送执行后第7个工作日，超过5个工作日"


def test_network_query_in_time_across_the_holiday():
    r = evaluate_rule(
        rule("workdays_limit", start="transfer_date", end="network_query_date", limit=5),
        {"transfer_date": "2025-09-30", "network_query_date": "2025-10-14"},
    )
    assert r.verdict == Verdict.PASS
    assert "第5个工作日，未超过5个工作日" in r.reason


def test_missing_dates_cannot_be_judged():
    r = evaluate_rule(
        rule("workdays_limit", start="transfer_date", end="network_query_date", limit=5),
        {"transfer_date": "2025-09-30"},
    )
    assert r.verdict == Verdict.UNKNOWN
    assert "未记录网络查控发起日期" in r.reason
    r = evaluate_rule(
        rule("workdays_limit", start="funds_arrival_date", end="payment_notice_date", limit=10), {}
    )
    assert r.verdict == Verdict.UNKNOWN
    assert "不涉及" in r.reason


def test_dates_in_the_wrong_order_are_flagged_not_passed():
    r = evaluate_rule(
        rule("days_limit", start="seizure_date", end="price_start_date", days=30),
        {"seizure_date": "2025-05-10", "price_start_date": "2025-05-01"},
    )
    assert r.verdict == Verdict.UNKNOWN
    assert "日期记录有误" in r.reason


def test_thirty_day_limit_rolls_past_a_holiday_end():
    r = rule("days_limit", start="seizure_date", end="price_start_date", days=30)
    # Sep 1 + 30 = Oct 1 (National Day) → runs to Oct 9
    assert (
        evaluate_rule(r, {"seizure_date": "2025-09-01", "price_start_date": "2025-10-09"}).verdict
        == Verdict.PASS
    )
    fail = evaluate_rule(r, {"seizure_date": "2025-09-01", "price_start_date": "2025-10-10"})
    assert fail.verdict == Verdict.FAIL
    assert "期限届满2025-10-09" in fail.reason


def test_self_sale_maximum_does_not_roll():
    r = rule(
        "days_limit", start="self_sale_start_date", end="self_sale_end_date", days=90, roll=False
    )
    assert (
        evaluate_rule(
            r, {"self_sale_start_date": "2025-01-01", "self_sale_end_date": "2025-04-01"}
        ).verdict
        == Verdict.PASS
    )
    assert (
        evaluate_rule(
            r, {"self_sale_start_date": "2025-01-01", "self_sale_end_date": "2025-04-02"}
        ).verdict
        == Verdict.FAIL
    )


def test_urgent_lead_24_hours():
    r = rule("hours_limit", start="urgent_lead_time", end="lead_check_time", hours=24)
    ok = evaluate_rule(
        r, {"urgent_lead_time": "2025-03-01 10:00", "lead_check_time": "2025-03-02 09:30"}
    )
    late = evaluate_rule(
        r, {"urgent_lead_time": "2025-03-01 10:00", "lead_check_time": "2025-03-02 10:30"}
    )
    assert ok.verdict == Verdict.PASS and late.verdict == Verdict.FAIL
    assert "24.5小时" in late.reason


def test_zhongben_needs_more_than_three_months():
    r = rule("min_months", start="filing_date", end="closing_date", months=3)
    assert (
        evaluate_rule(r, {"filing_date": "2025-01-10", "closing_date": "2025-04-10"}).verdict
        == Verdict.FAIL
    )
    ok = evaluate_rule(r, {"filing_date": "2025-01-10", "closing_date": "2025-04-11"})
    assert ok.verdict == Verdict.PASS and "已满3个月" in ok.reason


def test_network_query_within_three_months_before_closing():
    r = rule(
        "within_months_before", field="last_network_query_date", anchor="closing_date", months=3
    )
    assert (
        evaluate_rule(
            r, {"last_network_query_date": "2025-03-01", "closing_date": "2025-05-31"}
        ).verdict
        == Verdict.PASS
    )
    old = evaluate_rule(r, {"last_network_query_date": "2025-02-27", "closing_date": "2025-05-31"})
    assert old.verdict == Verdict.FAIL and "此前最近一次为2025-02-27" in old.reason
    assert evaluate_rule(r, {"closing_date": "2025-05-31"}).verdict == Verdict.FAIL


def test_node_present_before_closing():
    r = rule("present_before", field="restriction_date", anchor="closing_date")
    assert evaluate_rule(r, {"closing_date": "2025-05-31"}).verdict == Verdict.FAIL
    assert (
        evaluate_rule(r, {"restriction_date": "2025-06-01", "closing_date": "2025-05-31"}).verdict
        == Verdict.FAIL
    )
    assert (
        evaluate_rule(r, {"restriction_date": "2025-05-01", "closing_date": "2025-05-31"}).verdict
        == Verdict.PASS
    )


def test_zhongben_talk_and_ruling_need_no_invented_time_limit():
    r = checklist("zhongben-2018").item("ZB5").rule
    case = {
        "closing_date": "2025-05-30",
        "zhongben_talk_date": "2025-05-20",
        "ruling_served_date": "2025-06-20",  # served three weeks later: no seed sets a limit
    }
    assert evaluate_rule(r, case, as_of=D(2025, 12, 1)).verdict == Verdict.PASS
    never = dict(case, ruling_served_date=None)
    res = evaluate_rule(r, never, as_of=D(2025, 12, 1))
    assert res.verdict == Verdict.FAIL and "截至2025年12月1日仍未送达终本裁定" in res.reason
    talk_after = dict(case, zhongben_talk_date="2025-06-02")
    res = evaluate_rule(r, talk_after, as_of=D(2025, 12, 1))
    assert res.verdict == Verdict.FAIL and "晚于结案" in res.reason
    no_talk = dict(case, zhongben_talk_date=None)
    assert evaluate_rule(r, no_talk, as_of=D(2025, 12, 1)).verdict == Verdict.FAIL


def test_zhongben_checklist_has_the_five_items_of_the_yunnan_plan():
    cl = checklist("zhongben-2018")
    assert [i.code for i in cl.items] == ["ZB1", "ZB2", "ZB3", "ZB4", "ZB5"]
    assert cl.applies({"closing_method": "终结本次执行程序"})
    assert not cl.applies({"closing_method": "执行完毕"})


def test_a_compliant_zhongben_case_passes_every_item():
    case = {
        "filing_date": "2025-01-06",
        "closing_date": "2025-06-30",
        "traditional_investigation_date": "2025-02-01",
        "restriction_date": "2025-01-20",
        "last_network_query_date": "2025-06-10",
        "zhongben_talk_date": "2025-06-20",
        "ruling_served_date": "2025-07-03",
    }
    checks = check_case(checklist("zhongben-2018"), case)
    assert [c.result.verdict for c in checks] == [Verdict.PASS] * 5
    assert all(c.suggested_answer == Answer.PASS for c in checks)


def test_grading_by_failed_count():
    cl = checklist("zhongben-2018")
    assert cl.grade({"ZB1": "符合", "ZB2": "不适用"}) == "合格"
    assert cl.grade({"ZB1": "不符合", "ZB2": "符合"}) == "瑕疵"
    assert cl.grade({"ZB1": "不符合", "ZB2": "不符合"}) == "不合格"
    assert cl.score({"ZB1": "不符合", "ZB2": "符合", "ZB3": "不适用"}) == 50.0


def test_grading_by_score_is_configurable():
    cl = checklist_from_dict(
        {
            "code": "x",
            "name": "x",
            "items": [{"code": "A", "text": "a"}, {"code": "B", "text": "b"}],
            "grading": {
                "type": "score",
                "levels": [{"min_score": 90, "grade": "优"}, {"grade": "差"}],
            },
        }
    )
    assert cl.grade({"A": "符合", "B": "符合"}) == "优"
    assert cl.grade({"A": "符合", "B": "不符合"}) == "差"


def test_every_shipped_rule_names_real_case_fields():
    assert set(checklists()) == {
        "zhongben-2018",
        "zhongben-2021",
        "wanbi-2018",
        "nodes-2021",
        "coordination-2021",
    }


def test_bad_rule_data_is_rejected():
    with pytest.raises(ValueError):
        checklist_from_dict(
            {
                "code": "x",
                "name": "x",
                "items": [{"code": "A", "text": "a", "rule": {"type": "nope"}}],
            }
        )
    with pytest.raises(ValueError):
        checklist_from_dict(
            {
                "code": "x",
                "name": "x",
                "items": [
                    {
                        "code": "A",
                        "text": "a",
                        "rule": {"type": "present_before", "field": "x", "anchor": "closing_date"},
                    }
                ],
            }
        )
    with pytest.raises(ValueError, match="重复"):
        checklist_from_dict(
            {
                "code": "x",
                "name": "x",
                "items": [{"code": "A", "text": "a"}, {"code": "A", "text": "b"}],
            }
        )


JD1 = rule("workdays_limit", start="transfer_date", end="network_query_date", limit=5)


def test_a_query_never_run_fails_once_the_limit_has_passed():
    # Mon 2025-11-17 + 5 working days = Mon 2025-11-24
    r = evaluate_rule(JD1, {"transfer_date": "2025-11-17"}, as_of=D(2025, 12, 1))
    assert r.verdict == Verdict.FAIL
    assert r.reason.startswith("截至2025年12月1日仍未发起网络查控，已超过5个工作日")
    assert "2025-11-24" in r.reason


def test_a_query_not_yet_run_within_its_limit_is_not_yet_due():
    r = evaluate_rule(JD1, {"transfer_date": "2025-11-17"}, as_of=D(2025, 11, 24))
    assert r.verdict == Verdict.NOT_DUE
    assert "尚未发起网络查控" in r.reason and "尚未到期" in r.reason


def test_only_an_unknown_start_cannot_be_judged():
    r = evaluate_rule(JD1, {"network_query_date": "2025-11-20"}, as_of=D(2025, 12, 1))
    assert r.verdict == Verdict.UNKNOWN and "未记录移送执行" in r.reason


def test_funds_never_notified_or_paid_and_a_restriction_never_lifted_fail():
    cl = checklist("nodes-2021")
    case = {"funds_arrival_date": "2025-10-09", "performance_date": "2025-10-09"}
    by_code = {c.item.code: c for c in check_case(cl, case, as_of=D(2025, 12, 1))}
    assert by_code["JD7"].result.verdict == Verdict.FAIL
    assert "仍未向财务部门发出支付案款通知" in by_code["JD7"].result.reason
    assert by_code["JD9"].result.verdict == Verdict.FAIL
    assert "仍未解除限制消费令" in by_code["JD9"].result.reason
    assert by_code["JD7"].suggested_answer == Answer.FAIL
    # payout: its start (the notice) is unknown, so it cannot be judged — never 不适用
    assert by_code["JD8"].suggested_answer == Answer.TO_VERIFY


def test_a_day_limit_and_a_maximum_not_done_are_judged_on_the_check_date():
    jd4 = checklist("nodes-2021").item("JD4").rule
    assert (
        evaluate_rule(jd4, {"seizure_date": "2025-09-01"}, as_of=D(2025, 10, 9)).verdict
        == Verdict.NOT_DUE
    )
    late = evaluate_rule(jd4, {"seizure_date": "2025-09-01"}, as_of=D(2025, 10, 10))
    assert late.verdict == Verdict.FAIL and "仍未启动确定财产处置参考价" in late.reason
    jd6 = checklist("nodes-2021").item("JD6").rule
    r = evaluate_rule(jd6, {"self_sale_start_date": "2025-01-01"}, as_of=D(2025, 4, 2))
    assert r.verdict == Verdict.FAIL and "最长90日" in r.reason


def test_not_yet_due_is_neither_a_pass_nor_a_failure_in_the_grade():
    cl = checklist("nodes-2021")
    answers = {c: "符合" for c in ("JD1", "JD2", "JD3", "JD4", "JD5", "JD6", "JD7", "JD8")}
    answers["JD9"] = "未到期"
    assert cl.grade(answers) == "合格"
    assert cl.score(answers) == 100.0
    answers["JD8"] = "待核实"
    assert cl.grade(answers) == "待核实"


def test_an_urgent_lead_recorded_by_date_only_is_not_read_as_midnight():
    jd3 = checklist("nodes-2021").item("JD3").rule
    # the lead came some time on Mar 1; checking began at 10:00 the next day: within 24 hours
    # if the lead came after 10:00, so the rule cannot say it was late
    r = evaluate_rule(
        jd3, {"urgent_lead_time": "2025-03-01", "lead_check_time": "2025-03-02 10:00"}
    )
    assert r.verdict == Verdict.UNKNOWN and "仅记录日期" in r.reason
    same_day = evaluate_rule(
        jd3, {"urgent_lead_time": "2025-03-01", "lead_check_time": "2025-03-01 16:00"}
    )
    assert same_day.verdict == Verdict.PASS
    late = evaluate_rule(
        jd3, {"urgent_lead_time": "2025-03-01", "lead_check_time": "2025-03-03 08:00"}
    )
    assert late.verdict == Verdict.FAIL and "至少32.0小时" in late.reason
    never = evaluate_rule(jd3, {"urgent_lead_time": "2025-03-01"}, as_of=D(2025, 3, 3))
    assert never.verdict == Verdict.FAIL and "仍未启动线索核查" in never.reason
    assert (
        evaluate_rule(jd3, {"urgent_lead_time": "2025-03-01"}, as_of=D(2025, 3, 2)).verdict
        == Verdict.NOT_DUE
    )


def test_a_deadline_rolled_over_the_spring_festival_says_both_facts():
    jd4 = checklist("nodes-2021").item("JD4").rule
    # seized 2024-12-30: day 30 is 2025-01-29 (春节), the period runs to 2025-02-05
    r = evaluate_rule(jd4, {"seizure_date": "2024-12-30", "price_start_date": "2025-02-02"})
    assert r.verdict == Verdict.PASS
    assert "第34日" in r.reason and "未超过30日" not in r.reason
    assert "2025-01-29" in r.reason and "春节" in r.reason and "顺延至2025-02-05" in r.reason


def test_any_network_query_in_the_three_months_before_closing_counts():
    zb4 = checklist("zhongben-2018").item("ZB4").rule
    # queried in time, then re-checked periodically after closing (as the 2017 campaign asks)
    case = {
        "closing_date": "2025-05-31",
        "network_query_date": "2025-01-10",
        "network_query_dates": ["2025-01-10", "2025-04-20", "2025-08-31", "2025-11-30"],
        "last_network_query_date": "2025-11-30",
    }
    r = evaluate_rule(zb4, case)
    assert r.verdict == Verdict.PASS and "2025-04-20" in r.reason
    late = evaluate_rule(
        zb4,
        {"closing_date": "2025-05-31", "network_query_dates": ["2025-01-10", "2025-08-31"]},
    )
    assert late.verdict == Verdict.FAIL
    assert "此前最近一次为2025-01-10" in late.reason and "2025-08-31起）不计" in late.reason
    assert "最近一次最近一次" not in late.reason
    only_last = evaluate_rule(
        zb4, {"closing_date": "2025-05-31", "last_network_query_date": "2025-07-01"}
    )
    assert only_last.verdict == Verdict.FAIL and "最近一次最近一次" not in only_last.reason


def test_categories_follow_the_2017_campaign():
    from inspector.domain.categories import validate_problem_category
    from inspector.reference import _load, seed_categories

    cats = {c.name: c for c in seed_categories()}
    # 拖延发放兑现执行款物 is 消极执行; 违规适用终本 is 乱执行 (工作方案 二（一）、（三）)
    assert "案款发放不及时" in cats["消极执行"].subtypes
    assert "案款发放不及时" not in cats["乱执行"].subtypes
    nodes = checklist("nodes-2021")
    assert {nodes.item(c).category for c in ("JD7", "JD8")} == {"消极执行"}
    assert {i.category for i in checklist("zhongben-2018").items} == {"乱执行"}
    for cl in checklists().values():
        for it in cl.items:
            validate_problem_category(list(cats.values()), it.category, it.subtype)
    source = _load("categories.json")["source"]
    assert "专项整治行动的工作方案" in source and "通知" not in source


def test_the_zhongben_checklist_fits_zhongben_enforcement_cases_only():
    cl = checklist("zhongben-2018")
    assert cl.applies({"closing_method": "终结本次执行程序", "case_type": "执"})
    assert cl.applies({"closing_method": "终结本次执行程序", "case_type": "执恢"})
    assert cl.applies({"closing_method": "终结本次执行程序", "case_type": None})  # legacy number
    why = cl.not_applicable_reason({"closing_method": "终结本次执行程序", "case_type": "执保"})
    assert why and "本案类型代字为执保" in why
    assert not cl.applies({"closing_method": "终结本次执行程序", "case_type": "执异"})
    assert not cl.applies({"closing_method": None, "case_type": "执"})


def test_checklists_cite_the_seeds_they_come_from():
    zhongben = checklist("zhongben-2018").source
    assert "云高法〔2018〕35号" in zhongben and zhongben.endswith("二（三）1")
    assert "整改方案》" in zhongben and "全省法院执行工作巡查整改方案" not in zhongben
    assert "法〔2021〕322号" in checklist("nodes-2021").source


def test_a_restriction_is_lifted_within_three_working_days_of_any_trigger():
    jd9 = checklist("nodes-2021").item("JD9").rule
    # a guarantee on Mon 2025-11-17 comes before full performance: the limit runs from it
    case = {
        "guarantee_date": "2025-11-17",
        "performance_date": "2025-11-28",
        "restriction_lift_date": "2025-11-24",
    }
    r = evaluate_rule(jd9, case)
    assert r.verdict == Verdict.FAIL and "于提供有效担保后第5个工作日" in r.reason
    consent = evaluate_rule(jd9, {"consent_date": "2025-11-17"}, as_of=D(2025, 11, 19))
    assert consent.verdict == Verdict.NOT_DUE
    assert (
        "未记录全部履行或提供有效担保或申请执行人同意解除限制消费" in evaluate_rule(jd9, {}).reason
    )


def test_disputes_between_courts_and_petitions_have_their_limits():
    cl = checklist("coordination-2021")
    case = {
        "dispute_report_date": "2025-01-15",
        "dispute_plan_date": "2025-02-17",  # Feb 15 is a Saturday: the month runs to Feb 17
        "dispute_done_date": "2025-03-11",  # 16th working day after Feb 17
        "petition_received_date": "2025-09-26",
        "petition_entered_date": "2025-10-10",  # 5th working day over National Day
    }
    by_code = {c.item.code: c.result for c in check_case(cl, case, as_of=D(2025, 12, 1))}
    assert by_code["XT1"].verdict == Verdict.PASS
    assert by_code["XT2"].verdict == Verdict.FAIL and "第16个工作日" in by_code["XT2"].reason
    assert by_code["XF1"].verdict == Verdict.PASS
    assert by_code["XF2"].verdict == Verdict.FAIL  # 30 working days gone, never closed
    assert "仍未办结信访" in by_code["XF2"].reason
    late = evaluate_rule(
        cl.item("XT1").rule,
        {"dispute_report_date": "2025-01-15", "dispute_plan_date": "2025-02-18"},
    )
    assert late.verdict == Verdict.FAIL and "超过1个月" in late.reason


def test_a_case_closed_as_fully_performed_needs_its_confirming_document_and_the_money():
    cl = checklist("wanbi-2018")
    assert cl.applies({"closing_method": "执行完毕"}) and not cl.applies(
        {"closing_method": "终结本次执行程序"}
    )
    case = {"amount": 120000.0, "paid_amount": 80000.0}
    by_code = {c.item.code: c.result for c in check_case(cl, case, as_of=D(2025, 12, 1))}
    assert by_code["WB1"].verdict == Verdict.FAIL
    assert "仍未制作执行完毕笔录、说明或结案通知书" in by_code["WB1"].reason
    assert (
        by_code["WB2"].verdict == Verdict.FAIL
        and "低于执行标的额120,000.00元" in by_code["WB2"].reason
    )
    case.update(paid_amount=120000.0, completion_doc_date="2025-06-30")
    assert {c.result.verdict for c in check_case(cl, case)} == {Verdict.PASS}


def test_a_courts_zhongben_pass_rate_counts_judged_reviews_only():
    from inspector.domain.checklists import summarize_grades

    s = summarize_grades(["合格", "瑕疵", "合格", "待核实", "不合格"])
    assert (s.reviewed, s.passed, s.to_verify, s.judged) == (5, 2, 1, 4)
    assert s.pass_rate == 0.5
    assert summarize_grades(["待核实"]).pass_rate is None


def test_zhongben_with_seized_property_unsold_or_a_lead_unchecked_fails_item_24():
    cl = checklist("zhongben-2021")
    case = {
        "closing_date": "2025-06-30",
        "seizure_date": "2025-03-01",
        "urgent_lead_time": "2025-05-01 10:00",
        "lead_check_time": "2025-07-02 09:00",
        "ruling_served_date": "2025-07-03",
    }
    by_code = {c.item.code: c.result for c in check_case(cl, case, as_of=D(2025, 12, 1))}
    assert by_code["ZS1"].verdict == Verdict.FAIL
    assert by_code["ZS1"].reason == "已于2025-03-01查封，结案前未启动变价程序"
    assert (
        by_code["ZS2"].verdict == Verdict.FAIL and "结案前未启动线索核查" in by_code["ZS2"].reason
    )
    assert by_code["ZS3"].verdict == Verdict.PASS
    nothing_seized = {"closing_date": "2025-06-30", "ruling_served_date": "2025-07-03"}
    assert {c.result.verdict for c in check_case(cl, nothing_seized)} == {Verdict.PASS}
