from inspector.domain.text_search import match_query, tokens
from inspector.services import records
from inspector.services.problems import create_problem
from inspector.services.search import global_search
from inspector.services.session import open_session
from inspector.services.team import add_court


def test_tokens_are_overlapping_pairs_and_words():
    assert tokens("终本约谈 ZB1") == ["终本", "本约", "约谈", "zb1"]
    assert tokens("限") == ["限"]
    assert match_query("限高") == '"限高"'
    assert match_query("限制消费") == '"限制 制消 消费"'
    assert match_query("  ") is None


def test_two_and_four_character_queries_find_records_grouped_by_type(session):
    court = add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    pid = create_problem(
        session,
        court_id=court,
        category="乱执行",
        description="部分终本案件未约谈申请人，未采取限高措施",
    )
    create_problem(session, court_id=court, category="消极执行", description="网络查控超期")
    groups = global_search(session, query="终本")
    assert [g.record_type for g in groups] == ["problem"]
    assert [h.record_id for h in groups[0].hits] == [pid]
    assert "终本" in groups[0].hits[0].snippet
    assert global_search(session, query="限高")[0].hits[0].record_id == pid
    assert global_search(session, query="未约谈申请")[0].hits[0].record_id == pid
    assert global_search(session, query="约申") == []  # characters that are not adjacent
    courts = [g for g in global_search(session, query="五华") if g.record_type == "court"]
    assert courts and courts[0].hits[0].record_id == court


def test_the_index_follows_edits_and_deletes(session):
    court = add_court(session, name="甲法院", level="基层", code="云0102")
    pid = create_problem(session, court_id=court, category="消极执行", description="案款发放不及时")
    assert global_search(session, query="案款")
    records.update(session, "problem", pid, {"description": "卷宗装订粗糙"})
    assert not any(g.record_type == "problem" for g in global_search(session, query="案款"))
    assert global_search(session, query="卷宗")
    records.delete(session, "problem", pid)
    assert not any(g.record_type == "problem" for g in global_search(session, query="卷宗"))


def test_search_in_the_demo_finds_case_numbers_and_text(demo_file, tmp_path):
    import shutil

    copy = tmp_path / "d.ledger"
    shutil.copy(demo_file, copy)
    s = open_session(copy)
    try:
        number = s.conn.execute("SELECT case_number FROM cases LIMIT 1").fetchone()[0]
        groups = global_search(s, query=number)
        assert any(g.record_type == "case" for g in groups)
        assert global_search(s, query="终本")
    finally:
        s.close()


def test_records_rank_over_checklist_answers_which_are_named_by_their_case(demo_file):
    """终本 is in many checklist answers; problems and items come first, and an answer says
    which case it is about and opens that case's review."""
    s = open_session(demo_file)
    try:
        groups = global_search(s, query="终本")
        kinds = [g.record_type for g in groups]
        assert kinds[0] == "problem" and "rectification_item" in kinds
        assert kinds.index("review_answer") == len(kinds) - 1
        answers = next(g for g in groups if g.record_type == "review_answer").hits
        assert answers and all(len(g.hits) <= 50 for g in groups)
        case = records.get(s, "case", answers[0].open_id)
        assert answers[0].open_type == "case"
        assert answers[0].title.startswith(case["case_number"])
        assert "ZB" in answers[0].title
    finally:
        s.close()


def test_snippets_keep_punctuation_as_written(session):
    court = add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    create_problem(
        session,
        court_id=court,
        category="乱执行",
        description="（2024）云0102执23号：终本前未约谈申请人，未采取限高措施。",
    )
    hit = global_search(session, query="约谈")[0].hits[0]
    assert "执23号：终本前未约谈申请人，未采取限高措施。" in hit.snippet
