"""User actions through the services, as an inspector and a team leader take them."""

import datetime as dt

import pytest

from inspector.domain.rectification import Action, State
from inspector.errors import NotFound, PermissionDenied, UserError
from inspector.services import records
from inspector.services.attachments import add_attachment, attachment_data
from inspector.services.cases import add_case, find_case
from inspector.services.interviews import create_interview
from inspector.services.problems import (
    create_problem,
    create_problem_from_review_item,
    draft_from_review_item,
)
from inspector.services.rectification import (
    EvidenceFile,
    act,
    add_evidence,
    add_item,
    add_progress,
    available_actions,
    item_events,
    status_of,
)
from inspector.services.reviews import create_review, review_answers, set_answer
from inspector.services.team import (
    add_court,
    add_member,
    categories,
    create_campaign,
    save_category,
)
from inspector.services.workspaces import compute_deadline, statistics


@pytest.fixture
def court(session):
    return add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")


@pytest.fixture
def zhongben_case(session, court):
    return add_case(
        session,
        case_number="（2024）云0102执 １２３号",
        court_id=court,
        cause="民间借贷纠纷",
        judge="赵敏",
        filing_date=dt.date(2024, 3, 1),
        closing_date=dt.date(2024, 5, 10),  # less than three months: 不符合
        closing_method="终结本次执行程序",
        traditional_investigation_date="2024-03-20",
        restriction_date="2024-03-15",
        last_network_query_date="2024-05-01",
        zhongben_talk_date="2024-05-05",
        ruling_served_date="2024-05-15",
    )


def test_case_numbers_are_normalised_and_duplicates_refused(session, court, zhongben_case):
    case = records.get(session, "case", zhongben_case)
    assert case["case_number"] == "（2024）云0102执123号"
    assert case["case_type"] == "执" and case["case_year"] == 2024
    assert find_case(session, "(2024)云0102执123号")["id"] == zhongben_case
    with pytest.raises(UserError, match="已在案件清单中"):
        add_case(session, case_number="(2024)云0102执123号", court_id=court)
    with pytest.raises(UserError, match="不是执行案件类型"):
        add_case(session, case_number="（2024）云0102民初1号", court_id=court)


def test_review_prefills_answers_from_rules_and_grades(session, zhongben_case):
    result = create_review(session, case_id=zhongben_case, template_code="zhongben-2018")
    assert result.answers == {
        "ZB1": "不符合",
        "ZB2": "符合",
        "ZB3": "符合",
        "ZB4": "符合",
        "ZB5": "符合",
    }
    assert result.grade == "瑕疵"
    answers = review_answers(session, review_id=result.review_id)
    assert answers["ZB1"]["auto_verdict"] == "不符合"
    assert "未满3个月" in answers["ZB1"]["auto_reason"]
    assert (
        set_answer(session, review_id=result.review_id, item_code="ZB3", result="不符合")
        == "不合格"
    )
    assert records.get(session, "review", result.review_id)["grade"] == "不合格"


def test_reviewer_answers_override_the_suggestion(session, zhongben_case):
    result = create_review(
        session, case_id=zhongben_case, template_code="zhongben-2018", answers={"ZB1": "不适用"}
    )
    assert result.answers["ZB1"] == "不适用" and result.grade == "合格"
    with pytest.raises(UserError):
        create_review(
            session, case_id=zhongben_case, template_code="zhongben-2018", answers={"ZB9": "符合"}
        )


def test_a_failed_item_becomes_a_prefilled_problem_in_one_action(session, zhongben_case, court):
    review = create_review(session, case_id=zhongben_case, template_code="zhongben-2018")
    draft = draft_from_review_item(session, review_id=review.review_id, item_code="ZB1")
    assert draft.category == "乱执行" and draft.subtype == "终本不合规"
    assert draft.example_cases == ["（2024）云0102执123号"]
    pid = create_problem_from_review_item(session, review_id=review.review_id, item_code="ZB1")
    problem = records.get(session, "problem", pid)
    assert problem["court_id"] == court
    assert problem["source_type"] == "案卷评查" and problem["source_id"] == review.review_id
    assert "（2024）云0102执123号" in problem["description"]
    assert problem["found_by"] == session.member_id
    with pytest.raises(UserError, match="不符合"):
        create_problem_from_review_item(session, review_id=review.review_id, item_code="ZB2")


def test_problem_categories_are_checked_and_configurable(session, court):
    assert [c.name for c in categories(session)] == [
        "消极执行",
        "选择性执行",
        "乱执行",
        "执行不廉",
        "作风不正",
        "有令不行",
    ]
    with pytest.raises(UserError, match="没有问题类别"):
        create_problem(session, court_id=court, category="别的", description="x")
    with pytest.raises(UserError, match="没有子类"):
        create_problem(
            session, court_id=court, category="乱执行", subtype="不存在", description="x"
        )
    save_category(session, name="乱执行", subtypes=["超标的查封", "新子类"])
    create_problem(session, court_id=court, category="乱执行", subtype="新子类", description="x")
    save_category(session, name="信息化应用不到位", subtypes=["节点信息录入不全"])
    assert categories(session)[-1].name == "信息化应用不到位"


def test_only_a_leader_configures_categories(session):
    inspector = add_member(session, name="王芳", role="inspector")
    session.act_as(inspector)
    with pytest.raises(UserError, match="组长"):
        save_category(session, name="新类别", subtypes=[])


def test_rectification_resolve_one_close_one(session, court, clock):
    inspector = add_member(session, name="王芳", unit="执行局", role="inspector")
    leader = session.member_id
    pid = create_problem(
        session, court_id=court, category="消极执行", subtype="网上节点超期", description="节点超期"
    )
    item = add_item(
        session,
        problem_id=pid,
        measure="逐案清理超期节点",
        deadline=dt.date(2025, 10, 31),
        responsible_unit="五华区法院执行局",
    )
    assert records.get(session, "rectification_item", item)["state"] == "待整改"
    with pytest.raises(UserError, match="限期整改事项必须填写整改时限"):
        add_item(session, problem_id=pid, measure="x", kind="限期整改")

    session.act_as(inspector)
    assert available_actions(session, item_id=item) == [Action.START]
    act(session, item_id=item, action=Action.START)
    add_progress(session, item_id=item, note="已清理12件")
    with pytest.raises(UserError, match="佐证材料"):
        act(session, item_id=item, action=Action.SUBMIT)
    act(
        session,
        item_id=item,
        action=Action.SUBMIT,
        note="完成",
        evidence=[EvidenceFile("整改报告.docx", b"report")],
    )
    with pytest.raises(PermissionDenied, match="只有组长或核查人"):
        act(session, item_id=item, action=Action.CLOSE, note="自行销号")

    session.act_as(leader)
    with pytest.raises(UserError, match="说明"):
        act(session, item_id=item, action=Action.CLOSE)
    act(session, item_id=item, action=Action.RETURN, note="请补充案件清单")
    session.act_as(inspector)
    add_evidence(session, item_id=item, files=[EvidenceFile("案件清单.xlsx", b"list")])
    act(session, item_id=item, action=Action.SUBMIT, note="已补充")
    session.act_as(leader)
    assert (
        act(session, item_id=item, action=Action.CLOSE, note="核查属实，予以销号") == State.CLOSED
    )

    row = records.get(session, "rectification_item", item)
    assert row["closed_by"] == leader and row["closed_at"]
    assert row["evidence_count"] == 2 and row["last_progress"] == "已清理12件"
    events = item_events(session, item_id=item)
    assert [e["action"] for e in events if e["event_kind"] == "transition"] == [
        "start",
        "submit",
        "return",
        "submit",
        "close",
    ]
    close = events[-1]
    assert (
        close["member_id"] == leader
        and close["from_state"] == "待核查"
        and close["to_state"] == "已销号"
    )

    act(session, item_id=item, action=Action.REOPEN, note="回头看发现反弹")
    row = records.get(session, "rectification_item", item)
    assert row["state"] == "整改中" and row["closed_by"] is None
    with pytest.raises(UserError, match="当前状态为“整改中”"):
        act(session, item_id=item, action=Action.START)


def test_a_failed_action_writes_nothing(session, court):
    pid = create_problem(session, court_id=court, category="消极执行", description="x")
    item = add_item(session, problem_id=pid, measure="m", kind="长期坚持")
    before = session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
    blobs = session.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    with pytest.raises(UserError):
        act(session, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("a.txt", b"a")])
    assert session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == before
    assert session.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == blobs


def test_overdue_item_is_red_and_counted(session, court):
    pid = create_problem(session, court_id=court, category="消极执行", description="x")
    item = add_item(session, problem_id=pid, measure="m", deadline=dt.date(2025, 9, 1))
    row = records.get(session, "rectification_item", item)
    assert status_of(session, row, dt.date(2025, 9, 22)).light == "red"
    stats = statistics(session, today=dt.date(2025, 9, 22))
    assert stats.items.overdue == 1
    assert stats.overdue_by_court == {"昆明市五华区人民法院": 1}


def test_attachments_are_content_addressed(session, court):
    iid = create_interview(session, method="走访", date=dt.date(2025, 9, 23), court_id=court)
    a = add_attachment(
        session, owner_type="interview", owner_id=iid, filename="照片.png", data=b"same"
    )
    b = add_attachment(
        session, owner_type="interview", owner_id=iid, filename="照片2.png", data=b"same"
    )
    assert (
        records.get(session, "attachment", a)["sha256"]
        == records.get(session, "attachment", b)["sha256"]
    )
    assert session.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 1
    assert attachment_data(session, attachment_id=b) == b"same"
    with pytest.raises(NotFound):
        add_attachment(session, owner_type="interview", owner_id="missing", filename="x", data=b"")


def test_interview_method_is_validated(session):
    with pytest.raises(UserError, match="检查方式"):
        create_interview(session, method="喝茶", date=dt.date(2025, 9, 23))


def test_campaign_document_number_in_official_form(session):
    cid = create_campaign(session, name="专项巡查", doc_number="法发 (2016) 10号", kind="专项整治")
    assert records.get(session, "campaign", cid)["doc_number"] == "法发〔2016〕10号"
    with pytest.raises(UserError, match="发文字号"):
        create_campaign(session, name="x", doc_number="第10号")
    with pytest.raises(ValueError):
        create_campaign(session, name="x", kind="不存在的类型")


def test_deadline_service():
    d = compute_deadline(None, start=dt.date(2025, 9, 30), amount=5, unit="workdays")
    assert d.due == dt.date(2025, 10, 14)
    with pytest.raises(UserError):
        compute_deadline(None, start=dt.date(2025, 9, 30), amount=5, unit="weeks")


def test_a_review_fails_a_node_never_done_and_waits_on_what_it_cannot_judge(session, court):
    case = add_case(
        session,
        case_number="（2025）云0102执88号",
        court_id=court,
        transfer_date="2025-11-17",
        funds_arrival_date="2025-11-28",
    )
    result = create_review(
        session, case_id=case, template_code="nodes-2021", review_date=dt.date(2025, 12, 1)
    )
    assert result.answers["JD1"] == "不符合"  # never queried, five working days gone
    assert result.answers["JD7"] == "未到期"  # ten working days not over yet
    assert result.answers["JD2"] == "待核实"  # no start recorded: the reviewer decides
    assert result.grade == "待核实"
    answers = review_answers(session, review_id=result.review_id)
    assert answers["JD1"]["auto_reason"].startswith("截至2025年12月1日仍未发起网络查控")
    for code in ("JD2", "JD3", "JD4", "JD5", "JD6", "JD8", "JD9"):
        set_answer(session, review_id=result.review_id, item_code=code, result="不适用")
    assert records.get(session, "review", result.review_id)["grade"] == "瑕疵"


def test_a_case_keeps_every_network_query_date(session, court):
    case = add_case(
        session,
        case_number="（2025）云0102执89号",
        court_id=court,
        network_query_dates=["2025-04-20", dt.date(2025, 1, 10), "2025-04-20"],
    )
    assert records.get(session, "case", case)["network_query_dates"] == [
        "2025-01-10",
        "2025-04-20",
    ]
    with pytest.raises(UserError, match="网络查控日期“昨天”无效"):
        add_case(
            session,
            case_number="（2025）云0102执90号",
            court_id=court,
            network_query_dates=["昨天"],
        )


def test_an_item_submitted_in_time_and_not_yet_verified_is_not_the_courts_delay(session, court):
    from inspector.domain.rectification import Light

    pid = create_problem(session, court_id=court, category="消极执行", description="节点超期")
    evidence = [EvidenceFile("清理台账.xlsx", b"x")]
    in_time = add_item(session, problem_id=pid, measure="清理", deadline=dt.date(2025, 10, 31))
    late = add_item(session, problem_id=pid, measure="清理", deadline=dt.date(2025, 9, 1))
    idle = add_item(session, problem_id=pid, measure="清理", deadline=dt.date(2025, 10, 31))
    for item in (in_time, late):  # both submitted on 2025-09-22 (the session's clock)
        act(session, item_id=item, action=Action.START)
        act(session, item_id=item, action=Action.SUBMIT, note="完成", evidence=evidence)
    today = dt.date(2025, 11, 20)
    row = records.get(session, "rectification_item", in_time)
    assert status_of(session, row, today).light == Light.VERIFYING
    assert status_of(session, row, today).light.zh == "待核查逾期"
    assert status_of(session, records.get(session, "rectification_item", late), today).light == (
        Light.RED
    )
    items = statistics(session, today=today).items
    assert items.overdue == 2  # the late submission and the item never started
    assert items.overdue_awaiting_verification == 1
    assert idle and items.on_track == 0


def test_a_zhongben_review_of_a_preservation_case_is_refused(session, court):
    case = add_case(
        session,
        case_number="（2025）云0102执保3号",
        court_id=court,
        closing_method="终结本次执行程序",
    )
    with pytest.raises(UserError, match="只适用于类型代字为执、执恢的案件"):
        create_review(session, case_id=case, template_code="zhongben-2018")


def test_an_example_case_of_another_court_is_warned_about(session, court):
    from inspector.services.problems import example_case_warnings

    city = add_court(session, name="昆明市中级人民法院", level="中院", code="云01")
    numbers = ["（2024）云0102执5号", "（2024）云0111执6号", "（2012）曲中法执字第66号"]
    warnings = example_case_warnings(session, court_id=court, example_cases=numbers)
    assert warnings == [
        "例证案号（2024）云0111执6号的法院代字为云0111，"
        "不属于被检查法院“昆明市五华区人民法院”（云0102），请核对"
    ]
    assert example_case_warnings(session, court_id=city, example_cases=numbers) == []


def test_each_courts_zhongben_pass_rate_rolls_up_the_latest_review_of_each_case(session, court):
    other = add_court(session, name="昆明市盘龙区人民法院", level="基层", code="云0103")
    good = dict(
        filing_date="2025-01-06",
        closing_date="2025-06-30",
        closing_method="终本",
        traditional_investigation_date="2025-02-01",
        restriction_date="2025-01-20",
        network_query_dates=["2025-06-10"],
        zhongben_talk_date="2025-06-20",
        ruling_served_date="2025-07-03",
    )
    a = add_case(session, case_number="（2025）云0102执1号", court_id=court, **good)
    b = add_case(session, case_number="（2025）云0102执2号", court_id=court, **good)
    c = add_case(session, case_number="（2025）云0103执3号", court_id=other, **good)
    day = dt.date(2025, 12, 1)
    for case in (a, b, c):
        create_review(session, case_id=case, template_code="zhongben-2018", review_date=day)
    # a's second, later review finds a failure: that is the one that counts
    create_review(
        session,
        case_id=a,
        template_code="zhongben-2018",
        review_date=day + dt.timedelta(days=1),
        answers={"ZB3": "不符合"},
    )
    from inspector.reports.statistics import PassRate

    rates = statistics(session, today=day).zhongben_pass_rate
    assert rates.by_court["昆明市五华区人民法院"] == PassRate(2, 1, 0, 0.5)
    assert rates.by_court["昆明市盘龙区人民法院"].pass_rate == 1.0
    assert rates.overall.reviewed == 3 and rates.overall.passed == 2


def test_the_feedback_counts_what_the_reviews_found_in_prose(session, court, tmp_path):
    """A campaign built from scratch: three 终本 dossiers reviewed, two without 限制消费; the
    feedback says "评查终本案件3件，其中2件未采取限制消费措施，如…" once, not one point a case,
    and leaves 主要成效 marked for the team (the export says so)."""
    from docx import Document

    from inspector.services.reports import write_reports

    reviews = []
    for n, restricted in ((1, None), (2, None), (3, "2024-03-15")):
        case = add_case(
            session,
            case_number=f"（2024）云0102执{n}号",
            court_id=court,
            filing_date=dt.date(2024, 1, 2),
            closing_date=dt.date(2024, 6, 10),
            closing_method="终结本次执行程序",
            traditional_investigation_date="2024-01-20",
            restriction_date=restricted,
            last_network_query_date="2024-05-01",
            zhongben_talk_date="2024-05-05",
            ruling_served_date="2024-06-15",
        )
        reviews.append(create_review(session, case_id=case, template_code="zhongben-2018"))
    assert [r.answers["ZB3"] for r in reviews] == ["不符合", "不符合", "符合"]
    # one problem a case, as the team raises them from the reviews
    for review in reviews[:2]:
        pid = create_problem_from_review_item(session, review_id=review.review_id, item_code="ZB3")
    assert records.get(session, "problem", pid)["description"].startswith(
        "（2024）云0102执2号：未采取限制消费措施"
    )
    create_problem(
        session, court_id=court, category="作风不正", subtype="冷横硬推", description="窗口推诿。"
    )
    out = tmp_path / "反馈.docx"
    result = write_reports(
        session, kind="feedback", docx=out, court="昆明市五华区人民法院", today=dt.date(2026, 12, 1)
    )
    texts = [p.text for p in Document(str(out)).paragraphs if p.text.strip()]
    headings = [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、")]
    assert headings == ["一、总体情况", "二、主要成效", "三、存在的主要问题", "四、整改要求"]
    assert "巡查组通过听取汇报、调卷评查、系统检查等方式，评查你院案卷3件，发现问题3个。" in texts
    assert "（一）乱执行问题（2个）" in texts  # the heading counts what its points state
    assert (
        "1. 评查终本案件3件，其中2件未采取限制消费措施，如（2024）云0102执1号、（2024）云0102执2号。"
        in texts
    )
    # the problem made from the review is not written twice; the other one is its own point
    assert sum("限制消费" in t for t in texts) == 1
    assert "1. 冷横硬推问题1个。窗口推诿。" in texts
    assert "【待巡查组填写：你院执行工作的主要成效和经验做法。】" in texts
    assert "“主要成效”尚待巡查组在反馈意见草稿中填写" in result.summary()


def test_items_failed_in_the_same_cases_are_stated_together_and_rewritten_problems_stay(
    session, court, tmp_path
):
    """Two items failed by one dossier, both raised: one clause ("1件A、B"); a problem made
    from a review but rewritten by hand keeps its own words as its own point; an item no
    problem was raised for is not stated."""
    from docx import Document

    from inspector.services.reports import write_reports

    reviews = []
    for n in (1, 2):
        case = add_case(
            session,
            case_number=f"（2024）云0102执{n}号",
            court_id=court,
            filing_date=dt.date(2024, 3, 1),
            closing_date=dt.date(2024, 5, 10),  # under three months: ZB1 fails
            closing_method="终结本次执行程序",
            traditional_investigation_date="2024-03-20",
            last_network_query_date="2024-05-01",
            zhongben_talk_date="2024-05-05",
            ruling_served_date="2024-05-15",
        )
        reviews.append(create_review(session, case_id=case, template_code="zhongben-2018"))
    assert {r.answers["ZB1"] for r in reviews} == {r.answers["ZB3"] for r in reviews} == {"不符合"}
    for code in ("ZB1", "ZB3"):
        create_problem_from_review_item(session, review_id=reviews[0].review_id, item_code=code)
    create_problem(
        session,
        court_id=court,
        category="乱执行",
        subtype="终本不合规",
        description="（2024）云0102执2号卷宗中未见限高令，承办人称已口头告知。",
        source_type="案卷评查",
        source_id=reviews[1].review_id,
    )
    out = tmp_path / "反馈.docx"
    write_reports(
        session, kind="feedback", docx=out, court="昆明市五华区人民法院", today=dt.date(2026, 12, 1)
    )
    texts = [p.text for p in Document(str(out)).paragraphs if p.text.strip()]
    assert (
        "1. 评查终本案件2件，其中1件立案未满三个月即终结本次执行程序、未采取限制消费措施，"
        "如（2024）云0102执1号。"
    ) in texts
    assert (
        "2. 终本不合规问题1个。（2024）云0102执2号卷宗中未见限高令，承办人称已口头告知。" in texts
    )
    assert "（一）乱执行问题（3个）" in texts
    assert not any("执2号" in t and "立案未满三个月" in t for t in texts)
