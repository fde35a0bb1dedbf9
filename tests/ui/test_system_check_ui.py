"""The 系统检查 dialog: every case checked on the runner, figures by rule, failures by court
and rule, and problems made from the chosen ones."""

import datetime as dt
import shutil

from PySide6.QtCore import QDate

from inspector.services import records
from inspector.services.session import open_session
from inspector.ui.main_window import MainWindow


def test_the_system_check_dialog_checks_every_case_and_makes_problems(
    qtbot, demo_file, tmp_path, messages
):
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy))
    qtbot.addWidget(window)
    window.system_check()
    dialog = window.system_check_dialog
    dialog.as_of.setDate(QDate(2025, 11, 20))
    assert not dialog.make.isEnabled() and dialog.make.toolTip()
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=30000)
    cases = records.find(window.session, "case")
    assert len(dialog.check.cases) == len(cases)  # every case, not only the sampled ones
    assert dialog.check.as_of == dt.date(2025, 11, 20)
    assert dialog.rules.rowCount() >= 9 and dialog.failures.rowCount() > 0
    before = len(records.find(window.session, "problem"))
    dialog.failure_table.selectRow(0)
    assert dialog.make.isEnabled()
    dialog.make.click()
    assert len(dialog.made) == 1
    assert len(records.find(window.session, "problem")) == before + 1
    assert messages.information
