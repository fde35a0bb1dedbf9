"""The CLI on encrypted workspaces: INSPECTOR_PASSWORD, verify-workspace, passwd, backups."""

from __future__ import annotations

import datetime as dt

from inspector.cli import main as cli


def test_the_cli_end_to_end_on_an_encrypted_demo(tmp_path, monkeypatch, capsys):
    path = tmp_path / "demo.ledger"
    monkeypatch.setenv("INSPECTOR_PASSWORD", "demo-secret")
    assert cli(["demo", str(path), "--as-of", str(dt.date(2025, 11, 20))]) == 0
    assert "已加密" in capsys.readouterr().out
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert (tmp_path / "demo.ledger.key").exists()

    assert cli(["verify-workspace", str(path)]) == 0
    out = capsys.readouterr().out
    assert "工作区完好" in out and "修改记录链完整" in out

    monkeypatch.setenv("INSPECTOR_PASSWORD", "wrong-secret")
    assert cli(["stats", str(path)]) == 1
    assert "密码错误" in capsys.readouterr().err

    monkeypatch.setenv("INSPECTOR_PASSWORD", "demo-secret")
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "new-secret")
    assert cli(["passwd", str(path)]) == 0
    assert cli(["stats", str(path)]) == 1  # the old password no longer opens it
    monkeypatch.setenv("INSPECTOR_PASSWORD", "new-secret")
    assert cli(["stats", str(path)]) == 0
    capsys.readouterr()

    assert cli(["backup", str(path)]) == 0
    assert cli(["backups", str(path)]) == 0
    listing = capsys.readouterr().out
    name = next(line.split()[-1] for line in listing.splitlines() if "手动备份" in line)
    assert cli(["restore", str(path), name]) == 0
    assert "恢复前的状态" in capsys.readouterr().out
    assert cli(["verify-workspace", str(path), "--json"]) == 0


def test_without_a_terminal_or_password_the_cli_says_how(tmp_path, monkeypatch, capsys):
    path = tmp_path / "demo.ledger"
    monkeypatch.setenv("INSPECTOR_PASSWORD", "demo-secret")
    assert cli(["demo", str(path)]) == 0
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    assert cli(["stats", str(path)]) == 1
    assert "INSPECTOR_PASSWORD" in capsys.readouterr().err
