"""The app imports a batch exactly as the command line does, in whatever order it was picked."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QDialogButtonBox

from inspector.cli import main as cli
from inspector.services import records
from inspector.services.packages import export_package
from inspector.services.problems import create_problem
from inspector.services.session import open_session
from inspector.storage import projection
from inspector.ui.main_window import MainWindow
from tests.sync.team import Team


def test_the_app_and_the_command_line_merge_a_batch_into_the_same_ledger(qtbot, tmp_path):
    team = Team(tmp_path / "team", members=2)
    try:
        leader, wang, zhao = team.laptops
        team.send(leader, wang)
        team.send(leader, zhao)
        packages = []
        for member, who in ((wang, "王芳"), (zhao, "赵敏")):
            create_problem(member, court_id=team.court, category="消极执行", description=f"{who}一")
            packages.append(export_package(member, path=team.file(f"{who}-1.ledgerpkg")).path)
            create_problem(member, court_id=team.court, category="消极执行", description=f"{who}二")
            packages.append(export_package(member, path=team.file(f"{who}-2.ledgerpkg")).path)
        base = leader.workspace.path
        leader.close()
        app_copy, cli_copy = tmp_path / "app.ledger", tmp_path / "cli.ledger"
        shutil.copy(base, app_copy)
        shutil.copy(base, cli_copy)
        team.laptops[0] = open_session(base)
    finally:
        team.close()

    # the app, second packages picked before the first ones
    picked = [packages[1], packages[2], packages[3], packages[0]]
    window = MainWindow(open_session(app_copy))
    qtbot.addWidget(window)
    window.import_packages(picked)
    qtbot.waitUntil(lambda: window.preview_dialog is not None, timeout=20000)
    dialog = window.preview_dialog
    assert dialog.model.rowCount() == 4
    assert all("问题 1" in dialog.model.index(r, 3).data() for r in range(4))
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "已导入" in window.notice.text.text(), timeout=20000)
    app_ledger = projection.snapshot(window.session.conn)
    descriptions = {p["description"] for p in records.find(window.session, "problem")}
    assert descriptions == {"王芳一", "王芳二", "赵敏一", "赵敏二"}
    window.close()

    # the command line, in yet another order
    assert (
        cli(
            [
                "import",
                str(cli_copy),
                *map(str, [packages[3], packages[0], packages[2], packages[1]]),
            ]
        )
        == 0
    )
    s = open_session(cli_copy)
    try:
        cli_ledger = projection.snapshot(s.conn)
    finally:
        s.close()
    assert app_ledger == cli_ledger
    descriptions = {row[5] for row in app_ledger["problems"] if isinstance(row[5], str)}
    assert {"王芳一", "王芳二", "赵敏一", "赵敏二"} <= descriptions or len(
        app_ledger["problems"]
    ) == 4
