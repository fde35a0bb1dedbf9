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
    # counted as a feedback says it: what was checked, how many failed and how
    assert "检查执行案件" in problem["description"]
    assert "其中2件移送执行后未在5个工作日内发起网络查控，如" in problem["description"]
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


def test_the_figures_higher_courts_ask_for(session, courts):
    """终本 sampling against the 30 % floor, 首次执行 到位率, 终本率, 按期整改率, node-overdue
    rates, per court and overall."""
    from inspector.domain.rectification import Action
    from inspector.services.cases import add_case
    from inspector.services.problems import create_problem
    from inspector.services.rectification import EvidenceFile, act, add_item
    from inspector.services.sampling import sample_cases
    from inspector.services.workspaces import statistics

    wuhua, _ = courts
    for n in range(1, 5):
        add_case(
            session,
            case_number=f"（2024）云0102执{100 + n}号",
            court_id=wuhua,
            filing_date="2024-01-02",
            closing_date="2024-06-01",
            closing_method="终结本次执行程序" if n <= 3 else "执行完毕",
            amount=1000.0,
            paid_amount=0.0 if n <= 3 else 1000.0,
        )
    sample_cases(session, seed=1, count=1, closing_method="终结本次执行程序")
    problem = create_problem(session, court_id=wuhua, category="消极执行", description="超期")
    on_time = add_item(
        session,
        problem_id=problem,
        measure="立即整改",
        kind="限期整改",
        deadline=dt.date(2025, 11, 1),
    )
    add_item(
        session,
        problem_id=problem,
        measure="逾期未改",
        kind="限期整改",
        deadline=dt.date(2025, 10, 1),
    )
    act(session, item_id=on_time, action=Action.START)
    act(
        session,
        item_id=on_time,
        action=Action.SUBMIT,
        note="已整改",
        evidence=[EvidenceFile("说明.txt", b"x")],
    )
    act(session, item_id=on_time, action=Action.CLOSE, note="核查属实")
    f = statistics(session, today=AS_OF).figures.by_court["昆明市五华区人民法院"]
    assert (f.zhongben_cases, f.zhongben_sampled) == (3, 1)
    assert f.sampling_ratio == 0.3333 and f.meets_sampling_floor
    assert f.first_paid_rate == 0.25  # 1000 paid of 4000 claimed in the closed 执 cases
    assert f.zhongben_rate == 0.75  # 3 of the 4 closed cases
    assert (f.items_due, f.items_on_time, f.overdue) == (2, 1, 1) and f.on_time_rate == 0.5
    rates = run_system_check(session, as_of=AS_OF).node_overdue_rates()
    assert rates["JD1"]["昆明市五华区人民法院"] == 0.5 and rates["JD1"]["全部"] == 0.4


def test_the_case_list_sorts_by_court_name_both_ways(session, courts):
    from inspector.services.lists import list_ids

    names = {c["id"]: c["name"] for c in records.find(session, "court")}
    cases = {c["id"]: c for c in records.find(session, "case")}
    up = list_ids(session, list_name="cases", order_by="court")
    down = list_ids(session, list_name="cases", order_by="court", descending=True)
    key = [names[cases[i]["court_id"]] for i in up]
    assert key == sorted(key) and len(up) == len(cases)
    assert [names[cases[i]["court_id"]] for i in down] == sorted(key, reverse=True)
    # ties keep the same order either way (the id, as the SQL orders do)
    same = [i for i in up if names[cases[i]["court_id"]] == key[0]]
    assert [i for i in down if names[cases[i]["court_id"]] == key[0]] == same
