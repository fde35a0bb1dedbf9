import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from inspector.services.session import open_session
from inspector.services.workspaces import statistics
from inspector.ui import main_window
from inspector.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_shows_the_workspace_counts(qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    session = open_session(copy)
    expected = statistics(session)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.tiles["case"].value.text() == str(expected.counts["case"])
    assert window.tiles["problem"].value.text() == str(expected.counts["problem"])
    assert window.tiles["overdue"].value.text() == str(expected.items.overdue)
    assert "专项巡查" in window.ui.campaignCombo.currentText()
    assert "demo.ledger" in window.windowTitle()


def test_opening_a_bad_file_keeps_the_current_workspace(
    qtbot, demo_file, tmp_path, monkeypatch, messages
):

    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy))
    qtbot.addWidget(window)
    warnings = messages.warning
    bad = tmp_path / "bad.ledger"
    bad.write_bytes(b"not a workspace" * 10)
    assert not window.open_workspace(bad)
    assert "不是巡查台账工作区文件" in warnings[0]
    assert window.session.workspace.path == copy
    QSettings().remove("last_workspace")


def test_main_py_starts_on_a_demo_workspace_created_on_first_run(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        INSPECTOR_DATA_DIR=str(tmp_path),
        HOME=str(tmp_path),
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--quit-after", "300"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "demo.ledger").exists()
    assert "Warning" not in proc.stderr and "QWARN" not in proc.stderr, proc.stderr
    # the second start reuses the demo workspace
    again = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            str(tmp_path / "demo.ledger"),
            "--quit-after",
            "100",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stderr


def test_at_start_up_the_window_paints_first_and_the_numbers_follow(qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    session = open_session(copy)
    expected = statistics(session)
    window = MainWindow(session, fill_later=True)
    qtbot.addWidget(window)
    # the window's chrome is ready; the dashboard and the shortcuts wait for the first paint
    assert "专项巡查" in window.ui.campaignCombo.currentText()
    assert "dashboard" not in window.pages
    find = next(a for a in window.findChildren(QAction) if a.text() == window.tr("&Find…"))
    assert find.shortcut().isEmpty()
    window.show()
    qtbot.waitUntil(lambda: "dashboard" in window.pages, timeout=5000)
    assert window.ui.pages.currentWidget().widget() is window.pages["dashboard"]
    assert find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.tiles["case"].value.text() == "—"  # not a misleading 0 while counting
    want = str(expected.counts["case"])
    qtbot.waitUntil(lambda: window.tiles["case"].value.text() == want, timeout=10000)
    assert window.tiles["overdue"].value.text() == str(expected.items.overdue)
    window.refresh()  # later refreshes are immediate
    assert window.tiles["case"].value.text() == want
    window.close()


def test_a_window_closed_before_it_painted_starts_nothing(qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy), fill_later=True)
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(main_window.AFTER_PAINT_LATEST_MS + 200)  # past the time it would start anyway
    assert "dashboard" not in window.pages


def test_a_window_that_never_paints_builds_its_dashboard_all_the_same(qtbot, demo_file, tmp_path):
    """Started minimised or hidden: the waiting work starts after a while without a paint."""
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    expected = statistics(open_session(copy))
    window = MainWindow(open_session(copy), fill_later=True)
    qtbot.addWidget(window)
    want = str(expected.counts["case"])
    qtbot.waitUntil(lambda: "dashboard" in window.pages, timeout=5000)
    qtbot.waitUntil(lambda: window.tiles["case"].value.text() == want, timeout=10000)
    window.close()


def test_each_workspace_keeps_its_own_filters_and_search_text(qtbot, demo_file, tmp_path):
    """Opening the leader's workspace does not show it through another one's 待核查 filter."""
    first, second = tmp_path / "first.ledger", tmp_path / "second.ledger"
    shutil.copy(demo_file, first)
    shutil.copy(demo_file, second)
    window = MainWindow(open_session(first))
    qtbot.addWidget(window)
    ledger = window.show_page("ledger")
    everything = ledger.model.rowCount()
    ledger.ui.stateFilter.setCurrentIndex(ledger.ui.stateFilter.findData("待核查"))
    window.ui.searchEdit.setText("终本")
    checking = ledger.model.rowCount()
    assert checking < everything

    window.switch_to(open_session(second))
    assert ledger.ui.stateFilter.currentData() is None  # 全部, this workspace's default
    assert ledger.model.rowCount() == everything
    assert window.ui.searchEdit.text() == ""
    reviews = window.show_page("reviews")  # built while the second workspace is open
    reviews.ui.reviewedFilter.setCurrentIndex(2)

    window.switch_to(open_session(first))
    assert ledger.ui.stateFilter.currentData() == "待核查"
    window.show_page("ledger")
    assert ledger.model.rowCount() == checking
    assert window.ui.searchEdit.text() == "终本"
    assert reviews.ui.reviewedFilter.currentIndex() == 0

    window.switch_to(open_session(second))
    assert reviews.ui.reviewedFilter.currentIndex() == 2


def test_search_marks_the_term_and_an_answer_opens_its_case_review(qtbot, demo_file, tmp_path):
    from PySide6.QtCore import Qt

    from inspector.services.search import global_search
    from inspector.ui.search_dialog import SearchDialog, highlighted

    assert highlighted("未采取<限高>措施，限高", "限高") == (
        '未采取&lt;<span style="background:#fff176">限高</span>&gt;措施，'
        '<span style="background:#fff176">限高</span>'
    )
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy))
    qtbot.addWidget(window)
    groups = global_search(window.session, query="终本")
    dialog = SearchDialog("终本", groups, window)
    qtbot.addWidget(dialog)
    dialog.chosen.connect(window.open_record)
    top = dialog.tree.topLevelItem(0)
    assert top.text(0).startswith("问题")
    answers = dialog.tree.topLevelItem(dialog.tree.topLevelItemCount() - 1)
    first = answers.child(0)
    kind, case_id = first.data(0, Qt.ItemDataRole.UserRole)
    assert kind == "case"
    dialog.tree.itemActivated.emit(first, 0)
    assert window.current_page() is window.pages["reviews"]
    assert window.pages["reviews"].case_id == case_id


def test_the_dashboard_charts_read_at_a_glance(qtbot, demo_file, tmp_path):
    """An empty workspace shows charts that say there is nothing yet (no 1,0,0,0,0 axis, no
    01-01 five times); counts sit on whole, round ticks."""
    from PySide6.QtCore import Qt

    from inspector.services.workspaces import create_workspace

    empty = MainWindow(create_workspace(tmp_path / "empty.ledger", member_name="李建国"))
    qtbot.addWidget(empty)
    views = empty.dashboard.build_charts()
    for view in views:
        chart = view.chart()
        assert chart.title() and not chart.axes()
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy))
    qtbot.addWidget(window)
    category, _state, closure = window.dashboard.build_charts()
    counts = category.chart().axes(Qt.Orientation.Horizontal)[0]
    top, ticks = counts.max(), counts.tickCount()
    step = top / (ticks - 1)
    assert counts.min() == 0 and step == int(step) and str(int(step)).rstrip("0") in "125"
    assert counts.labelFormat() == "%d"
    dates = closure.chart().axes(Qt.Orientation.Horizontal)[0]
    assert dates.min() < dates.max()


def test_the_demo_workspace_says_it_is_demo_data(qtbot, demo_file, tmp_path):
    from inspector.services.workspaces import create_workspace

    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy))
    qtbot.addWidget(window)
    assert not window.demo_banner.isHidden()
    window.switch_to(create_workspace(tmp_path / "real.ledger", member_name="李建国"))
    assert window.demo_banner.isHidden()


def test_the_first_run_builds_the_demo_on_a_worker(qtbot, tmp_path, monkeypatch):
    """The demo takes seconds to build: the window's thread stays free and shows progress."""
    import threading

    from inspector.ui import app

    threads = []
    real = app.build_in_background

    def build(path):
        threads.append(threading.current_thread())
        return real(path)

    monkeypatch.setattr(app, "build_in_background", build)
    session = app._build_demo_with_progress(tmp_path / "demo.ledger")
    try:
        assert threads and threads[0] is not threading.main_thread()
        assert session is not None and session.workspace.path == tmp_path / "demo.ledger"
    finally:
        session.close()


def test_the_dashboard_shows_each_courts_figures(qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    window = MainWindow(open_session(copy))
    qtbot.addWidget(window)
    page = window.dashboard
    figures = page.figures
    assert figures.rowCount() > 0
    headers = [
        figures.headerData(c, Qt.Orientation.Horizontal) for c in range(figures.columnCount())
    ]
    assert "按期整改率" in headers and "终本抽查比例" in headers
    stats = statistics(window.session)
    court, _f, _quality = figures.rows[0]
    rate = figures.index(0, headers.index("按期整改率")).data()
    expected = stats.figures.by_court[court].on_time_rate
    assert rate == (f"{expected:.1%}" if expected is not None else "—")
