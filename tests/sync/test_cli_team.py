"""The README's team workflow, from the command line alone, with three real workspaces."""

from __future__ import annotations

import json
import re

import pytest

from inspector.cli import main


@pytest.fixture
def run(capsys):
    def run(*args: str, ok: bool = True) -> str:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert (code == 0) == ok, (args, out, err)
        return out + err

    return run


def fingerprint(text: str) -> str:
    found = re.search(r"指纹：?\s*((?:[0-9A-F]{4} ){7}[0-9A-F]{4})", text)
    assert found, text
    return found[1]


def test_the_team_workflow_runs_end_to_end_from_the_command_line(run, tmp_path):
    leader, wang, zhao = (tmp_path / f"{n}.ledger" for n in ("leader", "wang", "zhao"))
    leader_print = fingerprint(
        run("new", leader, "--member", "李建国", "--role", "leader", "--no-encrypt")
    )
    run("new", wang, "--member", "王芳", "--unit", "审管办", "--no-encrypt")
    run("new", zhao, "--member", "赵敏", "--no-encrypt")

    # kickoff: cards to the leader (the leader gives the roles), the signed roster back
    for who, path in (("wang", wang), ("zhao", zhao)):
        run("roster", "export", path, tmp_path / f"{who}.card")
    run("roster", "import", leader, tmp_path / "wang.card", "--role", "verifier")
    run("roster", "import", leader, tmp_path / "zhao.card")
    run("team", leader, "campaign", "--name", "2025年执行工作专项巡查", "--start", "2025-09-22")
    run("team", leader, "court", "add", "昆明市五华区人民法院", "--code", "云0102")
    signed = run("roster", "export", leader, tmp_path / "roster.json")
    assert fingerprint(signed) == leader_print
    for path in (wang, zhao):
        imported = run("roster", "import", path, tmp_path / "roster.json")
        assert fingerprint(imported) == leader_print  # read aloud and compared at kickoff
    roles = run("roster", "list", wang)
    assert re.search(r"王芳\s+核查人", roles) and re.search(r"赵敏\s+检查人员", roles)

    # the leader's ledger to everyone
    run("export", leader, tmp_path / "start.ledgerpkg")
    for path in (wang, zhao):
        assert "已导入" in run("import", path, tmp_path / "start.ledgerpkg")

    # in the field both correct the same court's name: a conflict for the leader
    run("team", wang, "court", "edit", "云0102", "--new-name", "五华区人民法院")
    run("team", zhao, "court", "edit", "云0102", "--new-name", "昆明市五华区法院")
    run("export", wang, tmp_path / "wang.ledgerpkg")
    run("export", zhao, tmp_path / "zhao.ledgerpkg")
    merged = run("import", leader, tmp_path / "zhao.ledgerpkg", tmp_path / "wang.ledgerpkg")
    assert "新增冲突1处" in merged
    listed = json.loads(run("conflicts", leader, "--json"))
    assert len(listed) == 1 and listed[0]["field"] == "name"
    key = listed[0]["key"]
    take = 1 + [c["value"] for c in listed[0]["candidates"]].index("五华区人民法院")
    run("conflicts", leader, "--decide", key, "--take", take, "--note", "以核查人意见为准")
    assert "没有待处理的冲突" in run("conflicts", leader)

    # the consolidated ledger back to every member: everyone holds the same team ledger
    run("export", leader, tmp_path / "consolidated.ledgerpkg")
    for path in (wang, zhao):
        run("import", path, tmp_path / "consolidated.ledgerpkg")
    views = [json.loads(run("team", p, "list", "--json")) for p in (leader, wang, zhao)]
    assert views[0] == views[1] == views[2]
    assert [c["name"] for c in views[0]["courts"]] == ["五华区人民法院"]
    assert {m["name"] for m in views[0]["members"]} >= {"李建国", "王芳", "赵敏"}
    for path in (leader, wang, zhao):
        assert "没有待处理的冲突" in run("conflicts", path)
        assert "工作区完好" in run("verify-workspace", path)


def test_only_the_leader_sets_roles(run, tmp_path):
    leader, wang = tmp_path / "leader.ledger", tmp_path / "wang.ledger"
    run("new", leader, "--member", "李建国", "--role", "leader", "--no-encrypt")
    run("new", wang, "--member", "王芳", "--no-encrypt")
    run("team", wang, "member", "add", "赵敏")
    refused = run("team", wang, "member", "edit", "赵敏", "--role", "leader", ok=False)
    assert "只有组长" in refused
    refused = run("roster", "import", wang, tmp_path / "nothing.card", ok=False)
    assert refused.startswith("错误：") and refused.count("\n") == 1


def test_every_failing_command_says_one_line_and_exits_non_zero(run, tmp_path):
    for args in (
        ("backups", tmp_path / "nothere.ledger"),
        ("stats", tmp_path / "nothere.ledger"),
        ("import", tmp_path / "nothere.ledger", tmp_path / "x.ledgerpkg"),
        ("verify-workspace", tmp_path),
    ):
        out = run(*args, ok=False)
        assert out.startswith("错误：") and out.count("\n") == 1, (args, out)
        assert "Traceback" not in out and "Errno" not in out


def test_a_card_is_linked_to_the_member_the_leader_added_and_there_is_one_of_each(run, tmp_path):
    from inspector.services.session import open_session

    leader, wang = tmp_path / "leader.ledger", tmp_path / "wang.ledger"
    run("new", leader, "--member", "李建国", "--role", "leader", "--no-encrypt")
    run("new", wang, "--member", "王芳", "--unit", "审管办", "--no-encrypt")
    run("team", leader, "member", "add", "王芳", "--unit", "审管办", "--role", "verifier")
    card = tmp_path / "wang.card"
    wang_print = fingerprint(run("roster", "export", wang, card))

    # a namesake on the list: the leader must say whether it is the same person
    refused = run("roster", "import", leader, card, ok=False)
    assert "--link" in refused and "--new-member" in refused
    # a fingerprint that differs from the one read aloud trusts nothing
    wrong = "0000 " * 7 + "0000"
    refused = run(
        "roster", "import", leader, card, "--link", "王芳", "--fingerprint", wrong, ok=False
    )
    assert "指纹不一致" in refused
    run("roster", "import", leader, card, "--link", "王芳", "--fingerprint", wang_print)
    roles = run("roster", "list", leader)
    assert re.search(r"王芳\s+核查人", roles)  # the role the leader gave the listed member

    run("roster", "export", leader, tmp_path / "roster.json")
    run("roster", "import", wang, tmp_path / "roster.json")
    run("export", leader, tmp_path / "start.ledgerpkg")
    run("import", wang, tmp_path / "start.ledgerpkg")
    run("export", wang, tmp_path / "wang.ledgerpkg")
    run("import", leader, tmp_path / "wang.ledgerpkg")

    views = [json.loads(run("team", p, "list", "--json")) for p in (leader, wang)]
    for view in views:
        assert [m["name"] for m in view["members"]].count("王芳") == 1
    s_wang = open_session(wang)
    try:
        listed = next(m for m in views[0]["members"] if m["name"] == "王芳")
        assert s_wang.member_id == listed["id"]  # the laptop writes as the leader's 王芳
        assert s_wang.role() == "verifier"
    finally:
        s_wang.close()
