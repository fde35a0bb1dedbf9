"""团队与设置: campaign, courts, members and roles, this laptop's member, holidays, language.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox

from ...domain.case_numbers import CourtLevel
from ...domain.enums import CampaignKind, Role
from ...domain.report_periods import PLAN_DAYS_RANGE, REPORT_MONTHS_RANGE, report_periods
from ...services import records
from ...services.editing import edit
from ...services.session import holidays_text, save_holidays
from ...services.team import (
    add_court,
    add_member,
    campaigns,
    courts,
    create_campaign,
    members,
    set_member_role,
)
from ..dialogs import from_qdate, to_qdate
from ..forms.ui_team_page import Ui_TeamPage
from ..i18n import LANGUAGES, current_language
from ..models.record_list import RecordListModel
from ..record_actions import RecordActions, delete_record
from ..step_dialog import Spec, StepDialog
from ..terms import add_terms, choose, term
from .base import Page, current_id, select_record, setup_table


class TeamPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = frozenset({"campaign", "court", "member", "category"})

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.ui = Ui_TeamPage()
        self.ui.setupUi(self)
        self.courts = RecordListModel(self.session, "courts")
        self.members = RecordListModel(self.session, "members")
        setup_table(self.ui.courtTable, self.courts, stretch=0)
        setup_table(self.ui.memberTable, self.members, stretch=1)
        add_terms(self.ui.campaignKind, CampaignKind)
        add_terms(self.ui.courtLevel, CourtLevel)
        choose(self.ui.courtLevel, CourtLevel.BASIC)
        for role in Role:
            if role.on_team:  # a court's liaison comes by its card, for its court
                self.ui.memberRole.addItem(term(role.zh), role.value)
        for code, name in LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(
            self.ui.languageCombo.findData(current_language(QSettings()))
        )
        self.wrap_rows("courtAddRow", "memberAddRow")
        self.ui.saveCampaign.clicked.connect(self._save_campaign)
        self.ui.deleteCampaign.clicked.connect(self._delete_campaign)
        # what the campaign's feedback asks of the courts, counted from the feedback's date
        position: Any = self.ui.campaignForm.getWidgetPosition(self.ui.reportDate)
        row = int(position[0])
        self.plan_days = self._period_box(
            "planDays",
            PLAN_DAYS_RANGE,
            self.tr(" days"),
            self.tr(
                "The feedback asks each court for its rectification plan this many days after its date."
            ),
        )
        self.ui.campaignForm.insertRow(row + 1, self.tr("Plan due within"), self.plan_days)
        self.report_months = self._period_box(
            "reportMonths",
            REPORT_MONTHS_RANGE,
            self.tr(" months"),
            self.tr(
                "The feedback asks each court for its rectification report this many months after its date."
            ),
        )
        self.ui.campaignForm.insertRow(row + 2, self.tr("Report due within"), self.report_months)
        # 回头看: the campaign a follow-up re-checks, and the leader's button for a new one
        self.follows = QLabel()
        self.follows.setObjectName("followsCampaign")
        self.ui.campaignForm.addRow(self.tr("Follows up"), self.follows)
        self.new_follow_up = QPushButton(self.tr("New follow-up…"))
        self.new_follow_up.setObjectName("newFollowUp")
        self.new_follow_up.clicked.connect(self._new_follow_up)
        self.ui.campaignButtons.insertWidget(1, self.new_follow_up)
        #: the leader's buttons, with what their tooltips say to the leader
        self._leader_tips = {
            b: b.toolTip()
            for b in (self.ui.changeRole, self.ui.revokeLaptop, self.ui.deleteCampaign)
        }
        self.ui.addCourt.clicked.connect(self._add_court)
        self.ui.addMember.clicked.connect(self._add_member)
        self.ui.changeRole.clicked.connect(self._change_role)
        self.ui.revokeLaptop.clicked.connect(self._revoke)
        self.ui.saveHolidays.clicked.connect(self._save_holidays)
        self.load_notice = QPushButton(self.tr("Load the State Council's notice…"))
        self.load_notice.setObjectName("loadNotice")
        self.load_notice.clicked.connect(self._load_notice)
        self.ui.holidayButtons.insertWidget(0, self.load_notice)
        self.ui.saveLanguage.clicked.connect(self._save_language)
        self.court_actions = RecordActions(
            self, self.ui.courtTable, self.courts, "court", edit=self.edit_court
        )
        self.member_actions = RecordActions(
            self, self.ui.memberTable, self.members, "member", edit=self.edit_member
        )
        self.campaign_row: str | None = None
        self._campaign_baseline: object = None
        self.dialog: StepDialog | None = None

    def refresh(self) -> None:
        self.courts.session = self.members.session = self.session
        self.courts.reload({})
        self.members.reload({})
        self._fill_parents()
        me = self.session.member()
        if me is None:
            self.ui.currentMember.setText(self.tr("(not set)"))
        else:
            role = Role(self.session.role())
            self.ui.currentMember.setText(f"<b>{escape(me['name'])}</b>（{escape(term(role.zh))}）")
        leader = me is not None and Role(self.session.role()) == Role.LEADER
        for button, tip in self._leader_tips.items():
            button.setEnabled(leader)
            button.setToolTip(
                tip
                if leader
                else self.tr(
                    "Only the team leader changes roles, revokes laptops and deletes the campaign."
                )
            )
        if self.campaign_unsaved() is None:
            self._load_campaign()
        self.new_follow_up.setEnabled(leader and self.campaign_row is not None)
        self.new_follow_up.setToolTip(
            self.tr(
                "A follow-up inspection of a campaign: it re-checks the items it closed and "
                "follows up the ones still open."
            )
            if leader
            else self.tr("Only the team leader creates a follow-up inspection.")
        )
        self.ui.holidayText.setPlainText(holidays_text(self.session))
        self.ui.holidayStatus.setText("")

    def _fill_parents(self) -> None:
        """The 上级法院 choices, keeping the one chosen."""
        keep = self.ui.courtParent.currentData()
        self.ui.courtParent.clear()
        self.ui.courtParent.addItem(self.tr("(no parent court)"), None)
        for court in courts(self.session):
            self.ui.courtParent.addItem(court["name"], court["id"])
        self.ui.courtParent.setCurrentIndex(max(0, self.ui.courtParent.findData(keep)))

    def _load_campaign(self) -> None:
        found = campaigns(self.session)
        c = next((x for x in found if x["id"] == self.campaign_id), found[0] if found else None)
        self.campaign_row = c["id"] if c else None
        earlier = next((x for x in found if c and x["id"] == c.get("follows_id")), None)
        self.follows.setText(earlier["name"] if earlier else "")
        self.ui.campaignForm.setRowVisible(self.follows, earlier is not None)
        self.ui.campaignName.setText(c["name"] if c else "")
        choose(self.ui.campaignKind, c["kind"] if c else CampaignKind.PATROL)
        self.ui.issuingCourt.setText((c["issuing_court"] or "") if c else "")
        self.ui.docNumber.setText((c["doc_number"] or "") if c else "")
        today = self.session.today()
        for widget, key in (
            (self.ui.startDate, "start_date"),
            (self.ui.endDate, "end_date"),
            (self.ui.reportDate, "report_deadline"),
        ):
            value = c.get(key) if c else None
            widget.setDate(to_qdate(_date(value) if value else today))
        days, months = report_periods(
            c.get("plan_days") if c else None, c.get("report_months") if c else None
        )
        self.plan_days.setValue(days)
        self.report_months.setValue(months)
        self._campaign_baseline = self._campaign_values()

    def _campaign_values(self) -> dict[str, Any]:
        return {
            "name": self.ui.campaignName.text().strip(),
            "kind": self.ui.campaignKind.currentData(),
            "issuing_court": self.ui.issuingCourt.text().strip(),
            "doc_number": self.ui.docNumber.text().strip(),
            "start_date": from_qdate(self.ui.startDate.date()),
            "end_date": from_qdate(self.ui.endDate.date()),
            "report_deadline": from_qdate(self.ui.reportDate.date()),
            "plan_days": self.plan_days.value(),
            "report_months": self.report_months.value(),
        }

    def campaign_unsaved(self) -> str | None:
        if (
            self._campaign_baseline is not None
            and self._campaign_values() != self._campaign_baseline
        ):
            return self.tr("The campaign")
        return None

    def unsaved(self) -> str | None:
        parts = []
        if self.campaign_unsaved():
            parts.append(self.tr("the campaign"))
        if self.ui.courtName.text().strip():
            parts.append(self.tr("the court being added"))
        if self.ui.memberName.text().strip():
            parts.append(self.tr("the member being added"))
        if not parts:
            return None
        return self.tr("Team and settings ({0})").format("、".join(parts))

    def discard(self) -> None:
        self.ui.courtName.clear()
        self.ui.courtCode.clear()
        self.ui.memberName.clear()
        self.ui.memberUnit.clear()
        self.ui.memberPhone.clear()
        self._load_campaign()

    @staticmethod
    def _period_box(name: str, bounds: tuple[int, int], suffix: str, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(*bounds)
        box.setSuffix(suffix)
        box.setToolTip(tip)
        return box

    def save(self) -> bool:
        """Ctrl+S: the campaign, and a court or member being added."""
        if self.campaign_unsaved() and not self._save_campaign():
            return False
        if self.ui.courtName.text().strip() and not self._add_court():
            return False
        return not (self.ui.memberName.text().strip() and not self._add_member())

    def _save_campaign(self) -> bool:
        values = self._campaign_values()
        title = self.tr("Campaign")
        if self.campaign_row:
            ok = self.attempt(
                title,
                edit,
                self.session,
                "campaign",
                self.campaign_row,
                values,
                label=self.tr("Edit campaign"),
            )
        else:
            ok = self.attempt(title, create_campaign, self.session, **values)
        if ok is None:
            return False
        self.changed.emit()
        self._load_campaign()
        return True

    def _new_follow_up(self) -> None:
        """The leader's 回头看 of the campaign shown (another may be chosen in the dialog)."""
        from ..follow_up import FollowUpDialog

        if not self.confirm_leave():
            return
        dialog = FollowUpDialog(self.session, self, follows=self.campaign_row)

        def done(code: int) -> None:
            if code and dialog.created:
                self.changed.emit()
                self.window_.notify(
                    self.tr(
                        "Follow-up “{0}” created. Choose it above to edit it; the ledger page "
                        "shows what it re-checks and carries over."
                    ).format(dialog.name.text().strip())
                )

        dialog.finished.connect(done)
        self.follow_up_dialog = dialog
        dialog.open()

    def _delete_campaign(self) -> None:
        if self.campaign_row and delete_record(self, self.session, "campaign", self.campaign_row):
            self._load_campaign()

    def _add_court(self) -> bool:
        rid = self.attempt(
            self.tr("Court"),
            add_court,
            self.session,
            name=self.ui.courtName.text(),
            level=self.ui.courtLevel.currentData(),
            code=self.ui.courtCode.text(),
            parent_id=self.ui.courtParent.currentData(),
        )
        if not rid:
            return False
        self.ui.courtName.clear()
        self.ui.courtCode.clear()
        self.changed.emit()
        self.refresh()
        select_record(self.ui.courtTable, self.courts, rid)
        return True

    def _add_member(self) -> bool:
        rid = self.attempt(
            self.tr("Member"),
            add_member,
            self.session,
            name=self.ui.memberName.text(),
            unit=self.ui.memberUnit.text(),
            role=self.ui.memberRole.currentData(),
            phone=self.ui.memberPhone.text(),
        )
        if not rid:
            return False
        for w in (self.ui.memberName, self.ui.memberUnit, self.ui.memberPhone):
            w.clear()
        self.changed.emit()
        self.refresh()
        select_record(self.ui.memberTable, self.members, rid)
        return True

    def edit_court(self, court_id: str) -> None:
        court = records.get(self.session, "court", court_id)
        parents = [(self.tr("(no parent court)"), None)] + [
            (c["name"], c["id"]) for c in courts(self.session) if c["id"] != court_id
        ]

        def save(v: dict[str, Any]) -> None:
            edit(self.session, "court", court_id, v, label=self.tr("Edit court"))
            self.changed.emit()

        self._edit_dialog(
            self.tr("Edit court"),
            [
                Spec("name", "法院名称", "line", default=court["name"]),
                Spec(
                    "level",
                    "层级",
                    "combo",
                    [(lv.value, lv.value) for lv in CourtLevel],
                    court["level"],
                ),
                Spec("code", "代字", "line", default=court["code"] or ""),
                Spec("parent_id", "上级法院", "combo", parents, court["parent_id"]),
            ],
            save,
        )

    def edit_member(self, member_id: str) -> None:
        member = records.get(self.session, "member", member_id)

        def save(v: dict[str, Any]) -> None:
            edit(self.session, "member", member_id, v, label=self.tr("Edit member"))
            self.changed.emit()

        self._edit_dialog(
            self.tr("Edit member"),
            [
                Spec("name", "姓名", "line", default=member["name"]),
                Spec("unit", "单位", "line", default=member["unit"] or ""),
                Spec("phone", "电话", "line", default=member["phone"] or ""),
            ],
            save,
        )

    def _edit_dialog(self, title: str, specs: list[Spec], save: Any) -> None:
        self.dialog = StepDialog(title, "", specs, save, self)
        self.dialog.finished.connect(lambda _c: self.refresh())
        self.dialog.open()

    def _change_role(self) -> None:
        mid = current_id(self.ui.memberTable, self.members)
        role = self.ui.memberRole.currentData()
        if mid and self.attempt(
            self.tr("Member"), set_member_role, self.session, member_id=mid, role=role
        ):
            self.changed.emit()
            self.refresh()

    def _revoke(self) -> None:
        """Leader: revoke the selected member's laptop, after a confirmation."""
        from PySide6.QtWidgets import QMessageBox

        from ...services.roster import revoke_laptop

        mid = current_id(self.ui.memberTable, self.members)
        if not mid:
            QMessageBox.information(
                self, self.tr("Revoke laptop"), self.tr("Select the member whose laptop was lost.")
            )
            return
        name = next((m["name"] for m in members(self.session) if m["id"] == mid), "")
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Revoke laptop"),
            self.tr(
                "Revoke {0}'s laptop? Everything it sends from now on is refused, here and on "
                "every laptop that receives the new roster; what it sent before stays. This "
                "cannot be undone: a new laptop needs a new identity card."
            ).format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        member = next((m for m in members(self.session) if m["id"] == mid), None)
        who = (member or {}).get("device_id") or name
        if self.attempt(self.tr("Revoke laptop"), revoke_laptop, self.session, who=who):
            QMessageBox.information(
                self,
                self.tr("Revoke laptop"),
                self.tr(
                    "{0}'s laptop is revoked and a new roster is signed. It reaches the members "
                    "with your next package; you can also export the roster now."
                ).format(name),
            )
            self.changed.emit()

    def _load_notice(self) -> None:
        from ..holiday_dialog import HolidayNoticeDialog

        self.notice_dialog = HolidayNoticeDialog(self.session, self)

        def done(code: int) -> None:
            loaded = self.notice_dialog.loaded
            if code and loaded is not None:
                self.ui.holidayText.setPlainText(holidays_text(self.session))
                self.ui.holidayStatus.setText(
                    self.tr(
                        "Loaded: {0}. Deadlines in that year are no longer provisional."
                    ).format(loaded.summary())
                )
                self.changed.emit()

        self.notice_dialog.finished.connect(done)
        self.notice_dialog.open()

    def _save_holidays(self) -> None:
        cal = self.attempt(
            self.tr("Holidays"), save_holidays, self.session, text=self.ui.holidayText.toPlainText()
        )
        if cal is not None:
            years = "、".join(str(y) for y in sorted(cal.override_years)) or self.tr("none")
            self.ui.holidayStatus.setText(
                self.tr("Saved. Years with your own holiday list: {0}").format(years)
            )
            self.changed.emit()

    def _save_language(self) -> None:
        """Keep the choice; the app offers to start again in it at once (every window's
        text is built in the language the app started with)."""
        chosen = self.ui.languageCombo.currentData()
        if chosen == current_language(QSettings()):
            return
        QSettings().setValue("language", chosen)
        self.ui.languageNote.setText(
            self.tr("Saved. The language changes the next time the app starts.")
        )
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Language"),
            self.tr(
                "Restart the app now in the chosen language? Unsaved changes are asked about first."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window_.restart_app()


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
