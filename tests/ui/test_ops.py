"""The operation runner: off the GUI thread, cancellable, stale results dropped, changes named."""

from __future__ import annotations

import threading
import time

import pytest

from inspector.errors import UserError
from inspector.services import records
from inspector.services.problems import create_problem
from inspector.services.team import add_court
from inspector.ui import ops
from inspector.ui.ops import Changes, Op


@pytest.fixture
def court(session):
    return add_court(session, name="五华区法院", level="基层", code="云0102")


def test_work_runs_off_the_gui_thread_and_callbacks_on_it(qtbot, session, court):
    threads = {}

    def work(s, _progress):
        threads["work"] = threading.current_thread()
        return create_problem(s, court_id=court, category="消极执行", description="后台写入")

    got = []
    op = Op(None, work, workspace=session).success(
        lambda pid: got.append((pid, threading.current_thread()))
    )
    op.run()
    assert op.wait()
    assert threads["work"] is not threading.main_thread()
    assert got[0][1] is threading.main_thread()
    assert records.get(session, "problem", got[0][0])["description"] == "后台写入"
    assert op.changes == Changes(frozenset({"problem"}))


def test_a_failure_carries_the_exception(qtbot, session):
    def work(_s, _progress):
        raise UserError("输入有误")

    seen = []
    op = Op(None, work, workspace=session).failure(seen.append).run()
    assert op.wait()
    assert isinstance(seen[0], UserError) and str(seen[0]) == "输入有误"


def test_a_bug_is_logged_and_named_in_one_line(qtbot, session, messages):
    from inspector.logs import log_path

    def work(_s, _progress):
        raise KeyError("bug")

    op = Op(None, work, workspace=session).run()
    assert op.wait()
    [text] = messages.critical
    assert "内部错误" in text and str(log_path()) in text and "\n" not in text
    assert "KeyError" in log_path().read_text(encoding="utf-8")


def test_cancelling_rolls_back_even_work_that_reports_no_progress(qtbot, session, court):
    started = threading.Event()

    def work(s, _progress):
        with s.transaction():
            create_problem(s, court_id=court, category="消极执行", description="不应保存")
            started.set()
            # a long query that never reports progress: only the interrupt stops it
            s.conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT COUNT(*) FROM n"
            ).fetchone()

    done = []
    op = Op(None, work, workspace=session).success(done.append).run()
    assert started.wait(10)
    op.cancel()
    assert op.wait(20_000)
    assert op.dropped and done == []
    assert records.find(session, "problem") == []


def test_a_result_that_arrives_after_its_page_moved_on_is_dropped(qtbot, session):
    token = {"record": "A"}
    gate = threading.Event()

    def work(_s, _progress):
        gate.wait(10)
        return "为A准备的内容"

    shown = []
    op = Op(None, work, workspace=session).bound_to(lambda: token["record"])
    op.success(shown.append).run()
    token["record"] = "B"  # the user clicked another record meanwhile
    gate.set()
    assert op.wait()
    assert op.dropped and shown == []


def test_listeners_hear_what_changed(qtbot, session, court):
    heard = []
    ops.add_listener(heard.append)
    try:
        Op(
            None,
            lambda s, _p: create_problem(s, court_id=court, category="消极执行", description="x"),
            workspace=session,
        ).run().wait()
        Op(None, lambda s, _p: records.find(s, "problem"), workspace=session).run().wait()
    finally:
        ops.remove_listener(heard.append)
    assert heard == [Changes(frozenset({"problem"}))]  # the read changed nothing


def test_an_op_without_a_session_runs_too(qtbot):
    op = Op(None, lambda _progress: time.sleep(0.05) or 42, session=False).run()
    assert op.wait() and op.result == 42
