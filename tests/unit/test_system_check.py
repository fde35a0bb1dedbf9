"""系统检查: every rule over every case, figures by court, judge and rule, problems from the
failures, and the ``inspector check`` command."""

import datetime as dt
import json

import pytest

from inspector.cli import main as cli_main
from inspector.errors import UserError
from inspector.services import records
from inspector.services.cases import add_case
from inspector.services.system_check import problems_from_check, run_system_check
from inspector.services.team import add_court

AS_OF = dt.date(2025, 12, 1)


@pytest.fixture
def courts(session):
    wuhua = add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    panlong = add_court(session, name="昆明市盘龙区人民法院", level="基层", code="云0103")
    for n, queried in ((1, "2025-03-05"), (2, None), (3, "2025-03-25"), (4, "2025-03-04")):
        add_case(
            session,
            case_number=f"（2025）云0102执{n}号",
            court_id=wuhua,
            judge="张三" if n % 2 else "李四",
            transfer_date="2025-03-03",
            network_query_date=queried,
        )
    add_case(
        session,
        case_number="（2025）云0103执1号",
        court_id=panlong,
        judge="王五",
        transfer_date="2025-03-03",
        network_query_date="2025-03-04",
    )
    return wuhua, panlong


def test_every_case_is_checked_not_only_the_sampled(session, courts):
    wuhua, _ = courts
    check = run_system_check(session, as_of=AS_OF)
    assert len(check.cases) == 5
    jd1 = {c.case_number: next(r for r in c.results if r.item == "JD1") for c in check.cases}
    assert jd1["（2025）云0102执1号"].verdict == "符合"
    assert jd1["（2025）云0102执2号"].verdict == "不符合"  # never queried, long past the limit
    assert "仍未" in jd1["（2025）云0102执2号"].reason
    assert jd1["（2025）云0102执3号"].verdict == "不符合"  # queried late
    assert check.by_rule["JD1"]["不符合"] == 2 and check.by_rule["JD1"]["符合"] == 3
    assert check.by_court["昆明市五华区人民法院"]["JD1"]["不符合"] == 2
    assert check.by_judge["李四"]["JD1"]["不符合"] == 1
    assert check.failing_pairs()[0][:3] == (wuhua, "昆明市五华区人民法院", "JD1")
    # the 终本 checklist fits 终本 cases only: none of these is one
    assert not any(r.item.startswith("ZB") for c in check.cases for r in c.results)
    data = check.as_json()
    assert data["as_of"] == "2025-12-01" and data["cases"][0]["results"][0].keys() == {
        "item",
        "verdict",
        "reason",
    }
    one = run_system_check(session, as_of=AS_OF, court_id=wuhua)
    assert {c.court_id for c in one.cases} == {wuhua}


def test_failures_become_one_problem_per_court_and_rule(session, courts):
    wuhua, _ = courts
    check = run_system_check(session, as_of=AS_OF)
    made = problems_from_check(session, check, [(wuhua, "JD1")])
    assert len(made) == 1
    problem = records.get(session, "problem", made[0])
    assert problem["source_type"] == "系统检查" and problem["category"] == "消极执行"
    assert "2件不符合要求" in problem["description"]
    assert "2025年12月1日" in problem["description"]
    assert set(problem["example_cases"]) == {"（2025）云0102执2号", "（2025）云0102执3号"}
    with pytest.raises(UserError, match="没有不符合"):
        problems_from_check(session, check, [(wuhua, "JD9")])


def test_the_check_command(session, courts, capsys):
    path = session.workspace.path
    session.close()
    assert cli_main(["check", str(path), "--as-of", "2025-12-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["cases"]) == 5 and data["by_rule"]["JD1"]["不符合"] == 2
    assert (
        cli_main(["check", str(path), "--as-of", "2025-12-01", "--problems", "--rule", "JD1"]) == 0
    )
    out = capsys.readouterr().out
    assert "已生成问题 1 个" in out and "JD1" in out
