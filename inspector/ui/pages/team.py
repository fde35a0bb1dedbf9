"""团队与设置: campaign, courts, members and roles, this laptop's member, holidays, language.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSettings

from ...domain.case_numbers import CourtLevel
from ...domain.enums import CampaignKind, Role
from ...services.session import holidays_text, save_holidays, set_current_member
from ...services.team import (
    add_court,
    add_member,
    campaigns,
    courts,
    create_campaign,
    members,
    set_member_role,
    update_campaign,
)
from ..dialogs import from_qdate, to_qdate
from ..forms.ui_team_page import Ui_TeamPage
from ..i18n import LANGUAGES, current_language
from ..models.record_list import RecordListModel
from .base import Page, current_id, setup_table


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
        for k in CampaignKind:
            self.ui.campaignKind.addItem(k.value)
        for level in CourtLevel:
            self.ui.courtLevel.addItem(level.value)
        for role in Role:
            self.ui.memberRole.addItem(role.zh, role.value)
        for code, name in LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(
            self.ui.languageCombo.findData(current_language(QSettings()))
        )
        self.ui.saveCampaign.clicked.connect(self.save)
        self.ui.addCourt.clicked.connect(self._add_court)
        self.ui.addMember.clicked.connect(self._add_member)
        self.ui.changeRole.clicked.connect(self._change_role)
        self.ui.revokeLaptop.clicked.connect(self._revoke)
        self.ui.setCurrent.clicked.connect(self._set_current)
        self.ui.saveHolidays.clicked.connect(self._save_holidays)
        self.ui.saveLanguage.clicked.connect(self._save_language)
        self.campaign_row: str | None = None

    def refresh(self) -> None:
        self.courts.session = self.members.session = self.session
        self.courts.reload({})
        self.members.reload({})
        found = campaigns(self.session)
        c = next((x for x in found if x["id"] == self.campaign_id), found[0] if found else None)
        self.campaign_row = c["id"] if c else None
        self.ui.campaignName.setText(c["name"] if c else "")
        self.ui.campaignKind.setCurrentText(c["kind"] if c else CampaignKind.PATROL)
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
        self.ui.courtParent.clear()
        self.ui.courtParent.addItem(self.tr("(no parent court)"), None)
        for court in courts(self.session):
            self.ui.courtParent.addItem(court["name"], court["id"])
        self.ui.currentMember.clear()
        for m in members(self.session):
            self.ui.currentMember.addItem(m["name"], m["id"])
        self.ui.currentMember.setCurrentIndex(
            max(0, self.ui.currentMember.findData(self.session.member_id))
        )
        self.ui.holidayText.setPlainText(holidays_text(self.session))
        self.ui.holidayStatus.setText("")

    def save(self) -> None:
        values = {
            "name": self.ui.campaignName.text(),
            "kind": self.ui.campaignKind.currentText(),
            "issuing_court": self.ui.issuingCourt.text(),
            "doc_number": self.ui.docNumber.text(),
            "start_date": from_qdate(self.ui.startDate.date()),
            "end_date": from_qdate(self.ui.endDate.date()),
            "report_deadline": from_qdate(self.ui.reportDate.date()),
        }
        title = self.tr("Campaign")
        if self.campaign_row:
            ok = self.attempt(
                title, update_campaign, self.session, campaign_id=self.campaign_row, **values
            )
        else:
            ok = self.attempt(title, create_campaign, self.session, **values)
        if ok:
            self.changed.emit()

    def _add_court(self) -> None:
        rid = self.attempt(
            self.tr("Court"),
            add_court,
            self.session,
            name=self.ui.courtName.text(),
            level=self.ui.courtLevel.currentText(),
            code=self.ui.courtCode.text(),
            parent_id=self.ui.courtParent.currentData(),
        )
        if rid:
            self.ui.courtName.clear()
            self.ui.courtCode.clear()
            self.changed.emit()

    def _add_member(self) -> None:
        rid = self.attempt(
            self.tr("Member"),
            add_member,
            self.session,
            name=self.ui.memberName.text(),
            unit=self.ui.memberUnit.text(),
            role=self.ui.memberRole.currentData(),
        )
        if rid:
            self.ui.memberName.clear()
            self.changed.emit()

    def _change_role(self) -> None:
        mid = current_id(self.ui.memberTable, self.members)
        role = self.ui.memberRole.currentData()
        if mid and self.attempt(
            self.tr("Member"), set_member_role, self.session, member_id=mid, role=role
        ):
            self.changed.emit()

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

    def _set_current(self) -> None:
        mid = self.ui.currentMember.currentData()
        if mid and self.attempt(self.tr("Member"), set_current_member, self.session, member_id=mid):
            self.changed.emit()

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
        QSettings().setValue("language", self.ui.languageCombo.currentData())
        self.ui.languageNote.setText(
            self.tr("Saved. The language changes the next time the app starts.")
        )


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
