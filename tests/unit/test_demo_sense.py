"""The demo reads like a real campaign: measures answer their problem, lead summaries match
their source, example 案号 belong to the problem's own court, deadlines are spread out."""

from inspector.demo.build import LEAD_SUMMARY_BY_SOURCE, MEASURES_BY_SUBTYPE
from inspector.services import records
from inspector.services.problems import example_case_warnings
from inspector.services.session import open_session


def test_the_demo_makes_sense(demo_file):
    s = open_session(demo_file)
    try:
        problems = records.find(s, "problem")
        items = records.find(s, "rectification_item")
        for p in problems:
            warnings = example_case_warnings(
                s, court_id=p["court_id"], example_cases=p["example_cases"] or []
            )
            assert warnings == [], p["description"]
            answers = MEASURES_BY_SUBTYPE.get(p["subtype"] or "")
            if answers:
                for item in (i for i in items if i["problem_id"] == p["id"]):
                    assert item["measure"] in answers, (p["subtype"], item["measure"])
        assert len({i["deadline"] for i in items}) >= 8
        for lead in records.find(s, "lead"):
            court = records.get(s, "court", lead["court_id"])["name"]
            assert lead["summary"] == LEAD_SUMMARY_BY_SOURCE[lead["source"]].format(court=court)
        done = [c for c in records.find(s, "case") if c["closing_method"] == "执行完毕"]
        with_document = sum(1 for c in done if c["completion_doc_date"])
        assert with_document > len(done) * 0.7
    finally:
        s.close()
