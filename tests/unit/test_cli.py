import json
import subprocess
import sys

import pytest

from inspector.cli import main
from inspector.domain.rectification import State
from tests.conftest import AS_OF


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_and_stats_show_every_record_type_category_and_state(capsys, demo_file):
    code, out, err = run(capsys, "stats", str(demo_file), "--json", "--today", AS_OF.isoformat())
    assert code == 0, err
    stats = json.loads(out)
    assert all(n > 0 for n in stats["counts"].values()), stats["counts"]
    assert len(stats["problems_by_category"]) == 6
    assert all(n > 0 for n in stats["problems_by_category"].values()), stats["problems_by_category"]
    assert set(stats["items_by_state"]) == {s.value for s in State}
    assert all(n > 0 for n in stats["items_by_state"].values()), stats["items_by_state"]
    assert stats["items"]["overdue"] > 0
    assert 0 < stats["closure_rate"] < 1
    assert stats["items"]["total"] == sum(stats["items_by_state"].values())


def test_the_same_seed_gives_the_same_workspace_content(tmp_path, capsys):
    def content(path):
        import sqlite3

        conn = sqlite3.connect(path)
        tables = [
            "revisions",
            "cases",
            "reviews",
            "problems",
            "rectification_items",
            "item_events",
            "blobs",
        ]
        data = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
        conn.close()
        return data

    for name in ("a", "b"):
        assert (
            run(
                capsys,
                "demo",
                str(tmp_path / f"{name}.ledger"),
                "--seed",
                "3",
                "--as-of",
                "2025-11-20",
            )[0]
            == 0
        )
    assert content(tmp_path / "a.ledger") == content(tmp_path / "b.ledger")
    run(capsys, "demo", str(tmp_path / "c.ledger"), "--seed", "4", "--as-of", "2025-11-20")
    assert content(tmp_path / "a.ledger")["cases"] != content(tmp_path / "c.ledger")["cases"]


def test_demo_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "x.ledger"
    path.write_text("keep me")
    code, _out, err = run(capsys, "demo", str(path))
    assert code == 1
    assert err.strip().count("\n") == 0 and "已存在" in err
    assert path.read_text() == "keep me"


def test_deadline_prints_the_due_date_and_reasoning(capsys):
    code, out, _ = run(capsys, "deadline", "2025-09-30", "5", "--workdays")
    assert code == 0
    assert "截止日期为2025-10-14（星期二）" in out
    assert "调休上班日" in out
    code, out, _ = run(capsys, "deadline", "2099-03-06", "3", "--workdays", "--json")
    data = json.loads(out)
    assert data["provisional"] is True and data["due"] == "2099-03-11"
    code, out, _ = run(capsys, "deadline", "2025-09-01", "30")
    assert "2025-10-09" in out


def test_errors_exit_non_zero_with_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "stats", str(tmp_path / "missing.ledger"))
    assert code == 1 and out == ""
    assert err.startswith("错误：") and err.count("\n") == 1
    bad = tmp_path / "bad.ledger"
    bad.write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, "stats", str(bad))
    assert code == 1 and "不是巡查台账工作区文件" in err
    with pytest.raises(SystemExit) as e:
        main(["deadline", "2025-13-01", "3"])
    assert e.value.code == 2


def test_rebuild_command(capsys, demo_file, tmp_path):
    import shutil

    copy = tmp_path / "d.ledger"
    shutil.copy(demo_file, copy)
    code, out, _ = run(capsys, "rebuild", str(copy))
    assert code == 0 and "重建" in out


def test_python_dash_m_inspector_works():
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "deadline", "2025-09-30", "5", "--workdays"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "2025-10-14" in proc.stdout


def test_deadline_with_a_user_loaded_holiday_list(capsys, tmp_path):
    holidays = tmp_path / "2099.txt"
    holidays.write_text(
        "2099-03-09..2099-03-10 休 测试假期\n2099-03-14 班 调休\n", encoding="utf-8"
    )
    code, out, _ = run(
        capsys, "deadline", "2099-03-06", "3", "--workdays", "--json", "--holidays", str(holidays)
    )
    data = json.loads(out)
    assert code == 0 and data["provisional"] is False and data["due"] == "2099-03-13"
    holidays.write_text("2099-03-09 放假\n", encoding="utf-8")
    code, _, err = run(
        capsys, "deadline", "2099-03-06", "3", "--workdays", "--holidays", str(holidays)
    )
    assert code == 1 and "第1行" in err


def test_import_sample_and_report_from_the_command_line(capsys, tmp_path):

    from tests.data import messy_lists

    ws = tmp_path / "w.ledger"
    assert run(capsys, "demo", str(ws), "--seed", "5", "--as-of", "2025-11-20")[0] == 0
    xlsx = messy_lists.write_xlsx(tmp_path / "list.xlsx")
    code, out, _ = run(
        capsys, "import-cases", str(ws), str(xlsx), "--court", "昆明市五华区人民法院", "--dry-run"
    )
    assert code == 0 and "将导入" in out and "新增5件" in out
    code, out, _ = run(
        capsys, "import-cases", str(ws), str(xlsx), "--court", "昆明市五华区人民法院", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["new"] == 5 and len(data["rejected"]) == 4
    code, out, _ = run(
        capsys,
        "sample",
        str(ws),
        "--ratio",
        "0.3",
        "--seed",
        "9",
        "--by",
        "承办人",
        "--out",
        str(tmp_path / "s.csv"),
    )
    assert code == 0 and "抽取" in out and (tmp_path / "s.csv").exists()
    code, out, _ = run(
        capsys,
        "report",
        str(ws),
        "--xlsx",
        str(tmp_path / "r.xlsx"),
        "--pdf",
        str(tmp_path / "r.pdf"),
        "--today",
        "2025-11-20",
    )
    assert code == 0 and "r.xlsx" in out and (tmp_path / "r.pdf").exists()
    code, _, err = run(capsys, "report", str(ws))
    assert code == 1 and "至少一种输出" in err


def test_deadline_in_an_unannounced_year_skips_the_fixed_holidays(capsys):
    code, out, _ = run(capsys, "deadline", "2026-12-28", "5", "--workdays", "--json")
    data = json.loads(out)
    assert code == 0 and data["due"] == "2027-01-05" and data["provisional"] is True
    code, out, _ = run(capsys, "deadline", "2027-02-03", "5", "--workdays")
    assert code == 0 and "截止日期为2027-02-12" in out and "春节" in out
