"""回头看 in the app, on the demo: the leader makes a follow-up on the team page; on the ledger
page its view shows the earlier campaign's items marked, the re-check dialog records what
held and what recurred (reopened, or a new problem), and the rates follow."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector.domain.rectification import State
from inspector.services import records
from inspector.services.follow_up import carried_over, follow_ups, recheck_candidates
from inspector.ui.follow_up import FollowUpDialog, RecheckDialog
from inspector.ui.main_window import MainWindow
from tests.conftest import AS_OF

START = AS_OF - dt.timedelta(days=3)


@pytest.fixture
def session(demo_on):
    return demo_on(START)


@pytest.fixture
def window(qtbot, session):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.confirm_leave_all = lambda: True
    w.close()


def mark_of(ledger, item_id):
    return ledger.model.data(
        ledger.model.index(ledger.model.row_of(item_id), ledger.model.column_of("follow_up"))
    )


def revisions(s):
    return s.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]


def test_the_leader_rechecks_the_earlier_campaign_on_the_ledger_page(
    qtbot, window, session, messages
):
    ledger = window.show_page("ledger")
    assert not ledger.follow_up.combo.isVisible()  # no follow-up yet: no filter, no column
    assert ledger.ui.itemTable.isColumnHidden(ledger.model.column_of("follow_up"))

    team = window.show_page("team")
    team.new_follow_up.click()
    dialog = team.follow_up_dialog
    assert isinstance(dialog, FollowUpDialog) and dialog.isVisible()
    earlier = records.get(session, "campaign", dialog.earlier.currentData())
    assert earlier["name"] in dialog.name.text()
    dialog.start.setDate(dialog.start.date().fromString("2025-10-08", "yyyy-MM-dd"))
    dialog.accept()  # before the earlier campaign ended: refused, the dialog stays
    assert messages.warning and "开始日期应晚于" in messages.warning[-1]
    assert dialog.isVisible() and not follow_ups(session)
    dialog.name.setText("2025年执行工作专项巡查“回头看”")
    dialog.start.setDate(dialog.start.date().fromString(START.isoformat(), "yyyy-MM-dd"))
    dialog.accept()
    assert not dialog.isVisible()
    (made,) = follow_ups(session)
    assert (made.name, made.follows_id, made.start_date) == (
        "2025年执行工作专项巡查“回头看”",
        earlier["id"],
        START,
    )
    assert not team.follows.isVisibleTo(team)  # the earlier campaign follows up none
    window.ui.campaignCombo.setCurrentIndex(window.ui.campaignCombo.findData(made.id))
    assert team.ui.campaignName.text() == made.name
    assert team.follows.isVisibleTo(team) and team.follows.text() == earlier["name"]

    ledger = window.show_page("ledger")
    combo = ledger.follow_up.combo
    assert combo.isVisible() and combo.findData(made.id) > 0
    assert not ledger.ui.itemTable.isColumnHidden(ledger.model.column_of("follow_up"))
    combo.setCurrentIndex(combo.findData(made.id))
    candidates = recheck_candidates(session, campaign_id=made.id)
    carried = carried_over(session, campaign_id=made.id)
    assert ledger.model.rowCount() == len(candidates) + len(carried)
    qtbot.waitUntil(lambda: ledger.follow_up.rates.isVisible(), timeout=10_000)
    rates = ledger.follow_up.rates.text()
    assert str(len(candidates)) in rates and str(len(carried)) in rates

    # a carried-over item needs no re-check, and the button says so
    ledger.open_record("rectification_item", carried[0].item_id)
    assert not ledger.follow_up.button.isEnabled()
    assert "延续" in ledger.follow_up.button.toolTip() or "carried" in (
        ledger.follow_up.button.toolTip()
    )
    assert mark_of(ledger, carried[0].item_id) in ("延续整改", "Carried over")

    closed = [c for c in candidates if c.state == State.CLOSED]
    held, reopened, again = closed[:3]

    def recheck(item, choose, note="", description=None):
        ledger.open_record("rectification_item", item.item_id)
        assert ledger.follow_up.button.isEnabled(), ledger.follow_up.button.toolTip()
        ledger.follow_up.button.click()
        dialog = ledger.follow_up.dialog
        assert isinstance(dialog, RecheckDialog) and dialog.isVisible()
        assert item.measure in dialog.subject.text()
        getattr(dialog, choose).setChecked(True)
        dialog.note.setPlainText(note)
        if description is not None:
            dialog.description.setPlainText(description)
        dialog.accept()
        return dialog

    done = recheck(held, "held", "调阅新收案件，未见同类问题")
    assert not done.isVisible()
    row = records.get(session, "rectification_item", held.item_id)
    assert row["state"] == State.CLOSED and "整改成果巩固" in row["last_progress"]
    assert mark_of(ledger, held.item_id) in ("复查巩固", "Held")

    # reopening needs a note: refused, nothing written, what was chosen stays
    before = revisions(session)
    refused = recheck(reopened, "reopen")
    assert refused.isVisible() and "说明" in messages.warning[-1]
    assert refused.reopen.isChecked() and revisions(session) == before
    refused.note.setPlainText("仍有节点超期")
    refused.accept()
    assert not refused.isVisible()
    assert (
        records.get(session, "rectification_item", reopened.item_id)["state"] == State.IN_PROGRESS
    )
    assert mark_of(ledger, reopened.item_id) in ("复发·重新整改", "Recurred, reopened")

    done = recheck(again, "new_problem", "新案件中再次出现", "回头看发现同类问题再次出现")
    assert not done.isVisible()
    (problem,) = records.find(session, "problem", "recurrence_of = ?", (again.problem_id,))
    assert problem["campaign_id"] == made.id
    assert problem["description"] == "回头看发现同类问题再次出现"
    assert mark_of(ledger, again.item_id) in ("复发·另立问题", "Recurred, new problem")

    # once recurred, the item cannot be re-checked again in this follow-up
    ledger.open_record("rectification_item", again.item_id)
    assert ledger.follow_up.chosen() == made.id  # an item in the view keeps the view
    assert not ledger.follow_up.button.isEnabled()

    qtbot.waitUntil(lambda: "66.7%" in ledger.follow_up.rates.text(), timeout=10_000)

    # the dashboard shows the rates by court and category
    dashboard = window.show_page("dashboard")
    assert dashboard.court_tabs.isTabVisible(dashboard.follow_up_tab)
    assert dashboard.follow_up_rates.rowCount() >= 3
    assert dashboard.follow_up_rates.index(0, 1).data() == made.name
    assert dashboard.follow_up_rates.index(0, 2).data() == "66.7%"
