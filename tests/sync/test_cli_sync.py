"""The sync commands of the ``inspector`` CLI, end to end on real files."""

import json

from inspector.cli import main
from inspector.services.problems import create_problem
from inspector.services.session import open_session
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_kickoff_exchange_and_conflicts_from_the_command_line(tmp_path, capsys):
    leader_ws, member_ws = tmp_path / "leader.ledger", tmp_path / "member.ledger"
    create_workspace(leader_ws, member_name="李建国").close()
    create_workspace(member_ws, member_name="王芳", role="inspector").close()

    code, out, _ = run(capsys, "roster", "export", member_ws, tmp_path / "wang.card")
    assert code == 0 and "身份卡" in out and "指纹" in out
    code, out, _ = run(
        capsys, "roster", "import", leader_ws, tmp_path / "wang.card", "--role", "verifier"
    )
    assert code == 0 and "王芳（verifier）" in out
    code, out, _ = run(capsys, "roster", "export", leader_ws, tmp_path / "team.roster")
    assert code == 0 and "第1版名册（2台电脑）" in out
    code, out, _ = run(capsys, "roster", "import", member_ws, tmp_path / "team.roster")
    assert code == 0 and "组长李建国" in out

    s = open_session(leader_ws)
    court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    create_problem(s, court_id=court, category="消极执行", description="节点超期")
    s.close()

    code, out, _ = run(capsys, "export", leader_ws, tmp_path / "to-wang", "--since-last-to", "王芳")
    assert code == 0 and "已校验无误" in out
    pkg = tmp_path / "to-wang.ledgerpkg"
    code, out, _ = run(capsys, "verify", pkg, "--workspace", member_ws, "--json")
    assert code == 0 and json.loads(out)["sender"] == "李建国"
    code, out, _ = run(capsys, "import", member_ws, pkg, "--dry-run", "--json")
    assert code == 0 and json.loads(out)[0]["dry_run"] is True
    code, out, _ = run(capsys, "import", member_ws, pkg)
    assert code == 0 and "已导入李建国的台账包" in out and "问题1" in out
    code, out, _ = run(capsys, "import", member_ws, pkg)
    assert code == 0 and "已导入过" in out

    code, out, _ = run(capsys, "conflicts", member_ws, "--json")
    assert code == 0 and json.loads(out) == []

    s = open_session(member_ws)
    pid = s.conn.execute("SELECT id FROM problems").fetchone()[0]
    s.close()
    code, out, _ = run(capsys, "history", member_ws, pid)
    assert code == 0 and "创建：李建国，李建国的电脑" in out


def test_sync_errors_are_one_line(tmp_path, capsys):
    ws = tmp_path / "w.ledger"
    create_workspace(ws, member_name="李建国").close()
    bad = tmp_path / "bad.ledgerpkg"
    bad.write_bytes(b"nonsense")
    code, out, err = run(capsys, "import", ws, bad)
    assert code == 1 and out == "" and err.count("\n") == 1 and "bad.ledgerpkg" in err
    code, _, err = run(capsys, "verify", bad, "--workspace", ws)
    assert code == 1 and "不是台账包" in err
    code, _, err = run(capsys, "roster", "import", ws, bad)
    assert code == 1 and "不是有效的名册" in err
