"""一案双查: leads from receipt to conclusion, each step a dialog, with deadlines and lights.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import Any

from ...domain.leads import (
    Allegation,
    Conclusion,
    FeedbackLead,
    LeadSource,
    Method,
    Stage,
    stage,
)
from ...services import records
from ...services.editing import edit
from ...services.leads import (
    assign_lead,
    clear_officer,
    conclude,
    create_lead,
    feedback_lead_of,
    order_supplementary,
    record_feedback,
    record_investigation,
    record_meeting,
    related_records,
    submit_report,
)
from ...services.team import categories, courts
from ...services.workspaces import compute_deadline
from ..forms.ui_leads_page import Ui_LeadsPage
from ..models.record_list import RecordListModel
from ..record_actions import RecordActions
from ..step_dialog import Spec, StepDialog
from ..terms import term
from .base import Page, current_id, select_record, setup_table

#: what a complaint may allege (Art. 10: it decides who leads the feedback)
ALLEGATIONS = [(a.value, a.value) for a in Allegation]

#: the steps a lead's stage allows (button → stages)
STEPS = {
    "meetingButton": (Stage.RECEIVED,),
    "assignButton": (Stage.STARTED,),
    "investigationButton": (Stage.INVESTIGATING, Stage.SUPPLEMENTARY),
    "reportButton": (Stage.INVESTIGATING, Stage.SUPPLEMENTARY),
    "supplementaryButton": (Stage.REPORTED,),
    "concludeButton": (Stage.REPORTED,),
    "feedbackButton": (Stage.CONCLUDED,),
    "clearButton": (Stage.CONCLUDED, Stage.DONE),
}


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _split(text: str) -> list[str]:
    return [p for p in re.split(r"[；;，,、\s]+", text) if p]


class LeadsPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = frozenset({"lead", "court", "rectification_item"})

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.ui = Ui_LeadsPage()
        self.ui.setupUi(self)
        self.model = RecordListModel(self.session, "leads")
        setup_table(self.ui.leadTable, self.model, stretch=4)
        self.ui.leadSplitter.setSizes([420, 260])
        self.wrap_rows("leadFilterRow")
        self.ui.sourceFilter.addItem(self.tr("All"), None)
        for s in LeadSource:
            self.ui.sourceFilter.addItem(term(s.value), s.value)
        self.ui.sourceFilter.currentIndexChanged.connect(self.refresh)
        self.ui.openOnly.toggled.connect(self.refresh)
        self.ui.leadTable.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.ui.newLead.clicked.connect(self.new_record)
        handlers = {
            "meetingButton": self.meeting,
            "assignButton": self.assign,
            "investigationButton": self.investigation,
            "reportButton": self.report,
            "supplementaryButton": self.supplementary,
            "concludeButton": self.conclude,
            "feedbackButton": self.feedback,
            "clearButton": self.clear,
        }
        for name, handler in handlers.items():
            getattr(self.ui, name).clicked.connect(handler)
        self.dialog: StepDialog | None = None
        self.actions_ = RecordActions(
            self, self.ui.leadTable, self.model, "lead", edit=self.edit_lead
        )

    def refresh(self) -> None:
        self.model.session = self.session
        keep = self.selected()
        self.model.reload(
            {
                "court_id": self.court_id,
                "source": self.ui.sourceFilter.currentData(),
                "open_leads": self.ui.openOnly.isChecked(),
            }
        )
        self.ui.leadCount.setText(self.tr("{0} leads").format(self.model.rowCount()))
        if keep:
            select_record(self.ui.leadTable, self.model, keep)
        self._show()

    def selected(self) -> str | None:
        return current_id(self.ui.leadTable, self.model)

    def lead(self) -> dict[str, Any] | None:
        lid = self.selected()
        return records.get(self.session, "lead", lid) if lid else None

    def _show(self) -> None:
        lead = self.lead()
        st = stage(lead) if lead else None
        for name, stages in STEPS.items():
            button = getattr(self.ui, name)
            button.setEnabled(st in stages)
            if st is None:
                button.setToolTip(self.tr("Select a lead first."))
            elif st not in stages:
                button.setToolTip(
                    self.tr("The lead is at “{0}”; this step is for a lead at {1}.").format(
                        term(st), "、".join(f"“{term(s)}”" for s in stages)
                    )
                )
            else:
                button.setToolTip("")
        if lead is None:
            self.ui.leadDetail.setText(self.tr("Select a lead."))
            return

        def e(value: Any) -> str:
            if isinstance(value, list | tuple):
                value = "、".join(str(v) for v in value)
            return escape(str(value)) if value not in (None, "") else "—"

        lines = [
            f"<b>{e(lead['summary'])}</b>",
            self.tr("Source: {0}   Received: {1}   Stage: <b>{2}</b>").format(
                e(term(lead["source"])), e(lead["received_date"]), e(term(st))
            ),
            self.tr("Case numbers: {0}   Officers concerned: {1}").format(
                e(lead["case_numbers"]), e(lead["officers"])
            ),
        ]
        if lead.get("alleges"):
            lines.append(self.tr("Alleges: {0}").format(e([term(a) for a in lead["alleges"]])))
        if lead["decision"]:
            lines.append(
                self.tr("Joint meeting ({0}): {1}. {2}").format(
                    e(lead["meeting_date"]), e(term(lead["decision"])), e(lead["decision_reason"])
                )
            )
        if lead["assigned_date"]:
            lines.append(
                self.tr("Assigned: {0}, report due {1}").format(
                    e(lead["assigned_date"]), e(lead["report_deadline"])
                )
            )
        if lead["methods"]:
            lines.append(
                self.tr("Investigated by: {0}").format(e([term(m) for m in lead["methods"]]))
            )
        if lead["report_date"]:
            lines.append(
                self.tr("Investigation report ({0}): facts: {1}; proposed handling: {2}").format(
                    e(lead["report_date"]), e(lead["report_facts"]), e(lead["report_opinion"])
                )
            )
        if lead["supplementary_deadline"]:
            how = (
                self.tr("Investigated by the higher court directly")
                if lead["supplementary_direct"]
                else self.tr("Supplementary investigation ordered")
            )
            lines.append(self.tr("{0}, due {1}").format(how, e(lead["supplementary_deadline"])))
        if lead["conclusions"]:
            lines.append(
                self.tr("Conclusion ({0}): {1}. {2}").format(
                    e(lead["conclusion_date"]),
                    e([term(c) for c in lead["conclusions"]]),
                    e(lead["conclusion_note"]),
                )
            )
        if lead["feedback_date"]:
            lines.append(
                self.tr("Feedback ({0}, {1}): {2}").format(
                    e(term(lead["feedback_by"])), e(lead["feedback_date"]), e(lead["feedback_note"])
                )
            )
        if lead["cleared_date"]:
            lines.append(
                self.tr("Officer cleared ({0}): {1}").format(
                    e(lead["cleared_date"]), e(lead["clearing_note"])
                )
            )
        self.ui.leadDetail.setText("<br>".join(lines))

    def _court_choices(self) -> list[tuple[str, Any]]:
        return [(c["name"], c["id"]) for c in courts(self.session)]

    def _open(self, title: str, intro: str, specs: list[Spec], action: Any) -> None:
        def run(values: dict[str, Any]) -> Any:
            result = action(values)
            self.changed.emit()
            return result

        self.dialog = StepDialog(title, intro, specs, run, self)
        self.dialog.finished.connect(lambda _code: self.refresh())
        self.dialog.open()

    def new_record(self) -> None:
        def create(v: dict[str, Any]) -> str:
            lid = create_lead(
                self.session,
                source=v["source"],
                received_date=v["received_date"],
                summary=v["summary"],
                court_id=v["court"],
                case_numbers=_split(v["cases"]),
                officers=_split(v["officers"]),
                alleges=v["alleges"],
                campaign_id=self.campaign_id,
            )
            self._pending_select = lid
            return lid

        self._open(
            self.tr("New lead"),
            "",
            [
                Spec("source", "线索来源", "combo", [(s.value, s.value) for s in LeadSource]),
                Spec("received_date", "收到日期", "date", default=self.session.today()),
                Spec("court", "所涉法院", "combo", self._court_choices(), self.court_id),
                Spec("summary", "线索摘要", "text"),
                Spec("alleges", "反映的问题", "checks", ALLEGATIONS),
                Spec("cases", "相关案号", "line"),
                Spec("officers", "涉及干警", "line"),
            ],
            create,
        )

    def edit_lead(self, lead_id: str) -> None:
        """Correct what was recorded when the lead came in."""
        lead = records.get(self.session, "lead", lead_id)

        def save(v: dict[str, Any]) -> None:
            edit(
                self.session,
                "lead",
                lead_id,
                {
                    "source": v["source"],
                    "received_date": v["received_date"],
                    "summary": v["summary"],
                    "court_id": v["court"],
                    "case_numbers": _split(v["cases"]),
                    "officers": _split(v["officers"]),
                    "alleges": v["alleges"],
                },
                label=self.tr("Edit lead"),
            )

        self._open(
            self.tr("Edit lead"),
            "",
            [
                Spec(
                    "source",
                    "线索来源",
                    "combo",
                    [(s.value, s.value) for s in LeadSource],
                    lead["source"],
                ),
                Spec("received_date", "收到日期", "date", default=_day(lead["received_date"])),
                Spec("court", "所涉法院", "combo", self._court_choices(), lead["court_id"]),
                Spec("summary", "线索摘要", "text", default=lead["summary"]),
                Spec("alleges", "反映的问题", "checks", ALLEGATIONS, lead.get("alleges") or []),
                Spec("cases", "相关案号", "line", default="；".join(lead["case_numbers"] or [])),
                Spec("officers", "涉及干警", "line", default="；".join(lead["officers"] or [])),
            ],
            save,
        )

    def meeting(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        self._open(
            self.tr("Joint meeting"),
            "执行机构和监察机构召开联席会议，研判是否启动“一案双查”。",
            [
                Spec("date", "会议日期", "date", default=self.session.today()),
                Spec("participants", "参会部门和人员", "line", default="执行局；监察室"),
                Spec("start", "研判结果", "combo", [("启动", True), ("不启动", False)], True),
                Spec("reason", "研判理由", "text"),
            ],
            lambda v: record_meeting(
                self.session,
                lead_id=lid,
                date=v["date"],
                participants=_split(v["participants"]),
                start=v["start"],
                reason=v["reason"],
            ),
        )

    def assign(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        lead = self.lead() or {}
        due, note = self._due(30, "workdays")
        self._open(
            self.tr("Assign"),
            term("通过执行指挥中心向下级法院交办，并指定上报调查报告的期限（第五条）。") + note,
            [
                Spec("date", "交办日期", "date", default=self.session.today()),
                Spec("court", "承办法院", "combo", self._court_choices(), lead.get("court_id")),
                Spec("deadline", "报告期限", "date", default=due),
            ],
            lambda v: assign_lead(
                self.session,
                lead_id=lid,
                date=v["date"],
                court_id=v["court"],
                deadline=v["deadline"],
            ),
        )

    def investigation(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        lead = self.lead() or {}
        linked = [r["id"] for r in lead.get("linked_records") or []]
        methods = [(m.value, m.value) for m in Method]
        self._open(
            self.tr("Investigation"),
            "联合调查组采取的调查方式（第六条）；可关联巡查组已有的案卷评查和座谈走访记录。",
            [
                Spec("methods", "调查方式", "checks", methods, lead.get("methods") or []),
                Spec("linked", "关联记录", "checks", self._related_records(lead), linked),
            ],
            lambda v: record_investigation(
                self.session, lead_id=lid, methods=v["methods"], linked_records=v["linked"]
            ),
        )

    def _related_records(self, lead: dict[str, Any]) -> list[tuple[str, Any]]:
        """Reviews of the lead's cases and interviews at its court."""
        return [(r.label, r.record_id) for r in related_records(self.session, lead_id=lead["id"])]

    def report(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        self._open(
            self.tr("Report"),
            "调查报告应包含调查经过、查明事实、问题分析和处理意见（第八条）。",
            [
                Spec("date", "报告日期", "date", default=self.session.today()),
                Spec("process", "调查经过", "text"),
                Spec("facts", "查明事实", "text"),
                Spec("analysis", "问题分析", "text"),
                Spec("opinion", "处理意见", "text"),
            ],
            lambda v: submit_report(
                self.session,
                lead_id=lid,
                date=v["date"],
                process=v["process"],
                facts=v["facts"],
                analysis=v["analysis"],
                opinion=v["opinion"],
            ),
        )

    def _due(self, amount: int, unit: str) -> tuple[dt.date, str]:
        """A default deadline from today, and a note when it is provisional (counted in
        working days of a year whose holidays are not announced yet)."""
        deadline = compute_deadline(
            self.session.calendar, start=self.session.today(), amount=amount, unit=unit
        )
        note = (
            "\n"
            + self.tr(
                "The default deadline is provisional: the holidays of {0} are not announced "
                "yet (load them under Team and settings → Holidays)."
            ).format(deadline.due.year)
            if deadline.provisional
            else ""
        )
        return deadline.due, note

    def supplementary(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        due, note = self._due(15, "workdays")
        self._open(
            self.tr("Supplementary investigation"),
            term("需要继续调查核实的，责令限期补充调查，或直接派员调查（第八条）。") + note,
            [
                Spec("deadline", "补充调查期限", "date", default=due),
                Spec("direct", "上级法院直接派员调查", "check"),
            ],
            lambda v: order_supplementary(
                self.session, lead_id=lid, deadline=v["deadline"], direct=v["direct"]
            ),
        )

    def conclude(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        due = compute_deadline(
            self.session.calendar, start=self.session.today(), amount=30, unit="days"
        ).due
        self._open(
            self.tr("Conclusion"),
            "联席会议会商形成检查结论（第九条）；“督促限期办理”会在整改台账中生成整改事项。",
            [
                Spec("conclusions", "检查结论", "checks", [(c.value, c.value) for c in Conclusion]),
                Spec("date", "结论日期", "date", default=self.session.today()),
                Spec("note", "结论说明", "text"),
                Spec("deadline", "限期办理期限", "date", default=due),
                Spec("measure", "督办意见（整改措施）", "line"),
                Spec(
                    "category",
                    "问题类别",
                    "combo",
                    [(self.tr("As the report's analysis names it"), None)]
                    + [(c.name, c.name) for c in categories(self.session)],
                ),
                Spec("referral", "移送处理情况", "line"),
            ],
            lambda v: conclude(
                self.session,
                lead_id=lid,
                conclusions=v["conclusions"],
                date=v["date"],
                note=v["note"],
                deadline=v["deadline"] if Conclusion.DEADLINE in v["conclusions"] else None,
                measure=v["measure"],
                discipline_referral=v["referral"],
                category=v["category"],
            ),
        )

    def feedback(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        # Art. 10: by what the complaint alleges (enforcement when nothing is recorded)
        by = feedback_lead_of(self.session, lead_id=lid) or FeedbackLead.ENFORCEMENT
        self._open(
            self.tr("Feedback"),
            "向当事人或信访人反馈：反映执行行为问题的以执行机构为主，反映干警违纪的以监察机构为主（第十条）。",
            [
                Spec("date", "反馈日期", "date", default=self.session.today()),
                Spec(
                    "by", "牵头部门", "combo", [(f.value, f.value) for f in FeedbackLead], str(by)
                ),
                Spec("note", "反馈情况", "text"),
            ],
            lambda v: record_feedback(
                self.session, lead_id=lid, date=v["date"], note=v["note"], by=v["by"]
            ),
        )

    def clear(self) -> None:
        lid = self.selected()
        if lid is None:
            return
        self._open(
            self.tr("Clear the officer"),
            "反映问题不实的，明确告知反映人，并在一定范围内予以澄清（第十一条）。",
            [
                Spec("date", "澄清日期", "date", default=self.session.today()),
                Spec("note", "澄清范围和方式", "text"),
            ],
            lambda v: clear_officer(self.session, lead_id=lid, date=v["date"], note=v["note"]),
        )

    def open_record(self, record_type: str, record_id: str) -> None:
        self.ui.sourceFilter.setCurrentIndex(0)
        self.ui.openOnly.setChecked(False)
        if not select_record(self.ui.leadTable, self.model, record_id):
            self.window_.clear_court_filter()
            select_record(self.ui.leadTable, self.model, record_id)
        self._show()
