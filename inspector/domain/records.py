"""The record types of a workspace and their fields.

Every record has a device-made UUID and is changed only through revisions. The
projection tables in the workspace have one column per field listed here, plus
the provenance columns of :data:`META_COLUMNS` and, for some types, columns
derived from other records (:attr:`RecordType.derived`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property


class FieldKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    REAL = "real"
    DATE = "date"  # ISO yyyy-mm-dd text
    JSON = "json"  # a list or mapping, stored as JSON text
    REF = "ref"  # id of another record


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind = FieldKind.TEXT
    label: str = ""
    ref: str | None = None  # record type a REF points to


@dataclass(frozen=True, eq=False)  # one instance per type: identity is equality (fast hash)
class RecordType:
    name: str
    table: str
    label: str
    fields: tuple[Field, ...]
    #: columns the projection computes from other records (never set by a revision)
    derived: tuple[Field, ...] = ()
    #: fields whose text the global search indexes
    searchable: tuple[str, ...] = ()

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def field_set(self) -> frozenset[str]:
        return frozenset(self.field_names)

    @cached_property
    def json_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.kind == FieldKind.JSON)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> Field:
        return self._by_name[name]


META_COLUMNS: tuple[str, ...] = (
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
    "created_rev",
    "heads",
    "deleted",
    "conflicted",
)

T, INT, R, D, J = FieldKind.TEXT, FieldKind.INTEGER, FieldKind.REAL, FieldKind.DATE, FieldKind.JSON


def _ref(name: str, target: str, label: str) -> Field:
    return Field(name, FieldKind.REF, label, ref=target)


# Dates of case nodes that checklist rules read, with their Chinese labels.
CASE_NODE_FIELDS: tuple[Field, ...] = (
    Field("transfer_date", D, "移送执行日期"),
    Field("network_query_date", D, "网络查控发起日期"),
    Field("last_network_query_date", D, "最近一次网络查控日期"),
    Field("property_found_date", D, "查控发现财产日期"),
    Field("control_date", D, "控制措施日期"),
    Field("traditional_investigation_date", D, "传统查控日期"),
    Field("urgent_lead_time", T, "紧急财产线索提供时间"),
    Field("lead_check_time", T, "线索核查启动时间"),
    Field("seizure_date", D, "查封日期"),
    Field("price_start_date", D, "启动确定参考价日期"),
    Field("price_set_date", D, "参考价确定日期"),
    Field("sale_start_date", D, "启动拍卖变卖日期"),
    Field("self_sale_start_date", D, "被执行人自行处置开始日期"),
    Field("self_sale_end_date", D, "被执行人自行处置结束日期"),
    Field("funds_arrival_date", D, "案款到账日期"),
    Field("payment_notice_date", D, "通知财务发放日期"),
    Field("payout_date", D, "案款发放日期"),
    Field("restriction_date", D, "限制消费日期"),
    Field("performance_date", D, "全部履行日期"),
    Field("guarantee_date", D, "提供有效担保日期"),
    Field("consent_date", D, "申请执行人同意解除限制消费日期"),
    Field("restriction_lift_date", D, "解除限制消费日期"),
    Field("zhongben_talk_date", D, "终本约谈日期"),
    Field("ruling_served_date", D, "终本裁定送达日期"),
    Field("completion_doc_date", D, "执行完毕确认文书日期"),
    Field("dispute_report_date", D, "报请上级法院协调执行争议日期"),
    Field("dispute_plan_date", D, "上级法院提出协调方案日期"),
    Field("dispute_done_date", D, "协调意见落实日期"),
    Field("petition_received_date", D, "收到信访材料日期"),
    Field("petition_entered_date", D, "信访录入系统日期"),
    Field("petition_closed_date", D, "信访办结日期"),
)

CAMPAIGN = RecordType(
    "campaign",
    "campaigns",
    "巡查活动",
    (
        Field("name", T, "名称"),
        Field("kind", T, "类型"),
        Field("issuing_court", T, "发文法院"),
        Field("doc_number", T, "发文字号"),
        Field("start_date", D, "开始日期"),
        Field("end_date", D, "结束日期"),
        Field("report_deadline", D, "报告期限"),
        Field("plan_days", INT, "整改方案报送期限（天）"),
        Field("report_months", INT, "整改情况报告报送期限（月）"),
        Field("target_courts", J, "被检查法院"),
        Field("note", T, "备注"),
        _ref("follows_id", "campaign", "回头看的原巡查"),
    ),
    searchable=("name", "doc_number", "issuing_court", "note"),
)

COURT = RecordType(
    "court",
    "courts",
    "法院",
    (
        Field("name", T, "名称"),
        Field("level", T, "层级"),
        Field("code", T, "代字"),
        _ref("parent_id", "court", "上级法院"),
    ),
    searchable=("name", "code"),
)

MEMBER = RecordType(
    "member",
    "members",
    "组员",
    (
        Field("name", T, "姓名"),
        Field("unit", T, "单位"),
        Field("role", T, "角色"),
        Field("device_id", T, "设备"),
        Field("phone", T, "电话"),
    ),
    searchable=("name", "unit"),
)

CATEGORY = RecordType(
    "category",
    "categories",
    "问题类别",
    (
        Field("name", T, "名称"),
        Field("description", T, "说明"),
        Field("subtypes", J, "子类"),
        Field("sort_order", INT, "排序"),
        Field("active", INT, "启用"),
    ),
)

CASE = RecordType(
    "case",
    "cases",
    "案件",
    (
        Field("case_number", T, "案号"),
        Field("case_number_legacy", INT, "旧式案号"),
        Field("case_year", INT, "收案年度"),
        Field("case_type", T, "类型代字"),
        _ref("court_id", "court", "法院"),
        Field("cause", T, "案由"),
        Field("judge", T, "承办人"),
        Field("filing_date", D, "立案日期"),
        Field("closing_date", D, "结案日期"),
        Field("closing_method", T, "结案方式"),
        Field("applicant", T, "申请执行人"),
        Field("respondent", T, "被执行人"),
        Field("amount", R, "执行标的额"),
        Field("paid_amount", R, "到位金额"),
        *CASE_NODE_FIELDS,
        Field("network_query_dates", J, "网络查控日期"),
    ),
    searchable=("case_number", "cause", "judge", "applicant", "respondent", "closing_method"),
)

REVIEW = RecordType(
    "review",
    "reviews",
    "案卷评查",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        _ref("case_id", "case", "案件"),
        _ref("reviewer_id", "member", "评查人"),
        Field("review_date", D, "评查日期"),
        Field("template_code", T, "评查表"),
        Field("grade", T, "评查结论"),
        Field("score", R, "得分"),
        Field("note", T, "评查意见"),
    ),
    searchable=("note", "grade"),
)

REVIEW_ANSWER = RecordType(
    "review_answer",
    "review_answers",
    "评查项",
    (
        _ref("review_id", "review", "评查"),
        Field("item_code", T, "评查项"),
        Field("result", T, "结论"),
        Field("note", T, "说明"),
        Field("auto_verdict", T, "自动判断"),
        Field("auto_reason", T, "判断依据"),
    ),
    searchable=("note", "auto_reason"),
)

INTERVIEW = RecordType(
    "interview",
    "interviews",
    "座谈走访",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        _ref("court_id", "court", "法院"),
        Field("method", T, "方式"),
        Field("date", D, "日期"),
        Field("place", T, "地点"),
        Field("interviewees", J, "访谈对象"),
        Field("text", T, "记录"),
        _ref("recorded_by", "member", "记录人"),
    ),
    searchable=("place", "text", "interviewees", "method"),
)

PROBLEM = RecordType(
    "problem",
    "problems",
    "问题",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        _ref("court_id", "court", "被检查法院"),
        Field("category", T, "问题类别"),
        Field("subtype", T, "问题子类"),
        Field("description", T, "问题描述"),
        Field("example_cases", J, "例证案号"),
        Field("source_type", T, "发现方式"),
        Field("source_id", T, "来源记录"),
        Field("severity", T, "严重程度"),
        _ref("found_by", "member", "发现人"),
        Field("found_date", D, "发现日期"),
        Field("evidence", T, "证据"),
        Field("in_feedback", INT, "纳入反馈"),
        _ref("recurrence_of", "problem", "复发的原问题"),
    ),
    searchable=("description", "category", "subtype", "example_cases", "evidence"),
)

RECTIFICATION_ITEM = RecordType(
    "rectification_item",
    "rectification_items",
    "整改事项",
    (
        _ref("problem_id", "problem", "问题"),
        Field("measure", T, "整改措施"),
        Field("goal", T, "整改目标"),
        Field("responsible_unit", T, "责任单位"),
        Field("responsible_person", T, "责任人"),
        Field("phone", T, "联系电话"),
        Field("supervisor", T, "督办领导"),
        Field("kind", T, "整改类型"),
        Field("deadline", D, "整改时限"),
        Field("note", T, "备注"),
    ),
    derived=(
        Field("state", T, "状态"),
        Field("state_changed_at", T, "状态变更时间"),
        Field("closed_by", T, "销号人"),
        Field("closed_at", T, "销号时间"),
        Field("last_progress", T, "整改进展"),
        Field("evidence_count", INT, "佐证材料数"),
        Field("event_count", INT, "事件数"),
        Field("state_leaves", J, "当前状态记录"),
    ),
    searchable=("measure", "goal", "responsible_unit", "responsible_person", "note"),
)

ITEM_EVENT = RecordType(
    "item_event",
    "item_events",
    "整改记录",
    (
        _ref("item_id", "rectification_item", "整改事项"),
        Field("event_kind", T, "类型"),
        Field("action", T, "操作"),
        Field("from_state", T, "原状态"),
        Field("to_state", T, "新状态"),
        Field("note", T, "说明"),
        Field("evidence", J, "佐证材料"),
        Field("at", T, "时间"),
        _ref("member_id", "member", "操作人"),
        Field("after_events", J, "前序状态记录"),
    ),
    searchable=("note",),
)

ATTACHMENT = RecordType(
    "attachment",
    "attachments",
    "附件",
    (
        Field("owner_type", T, "所属记录类型"),
        Field("owner_id", T, "所属记录"),
        Field("sha256", T, "摘要"),
        Field("filename", T, "文件名"),
        Field("mime", T, "类型"),
        Field("size", INT, "大小"),
        Field("caption", T, "说明"),
    ),
    searchable=("filename", "caption"),
)

SAMPLING = RecordType(
    "sampling",
    "samplings",
    "抽样记录",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        Field("seed", INT, "随机种子"),
        Field("ratio", R, "抽样比例"),
        Field("count", INT, "抽样数量"),
        Field("stratify_by", T, "分层依据"),
        Field("filters", J, "抽样范围"),
        Field("population_size", INT, "总体数量"),
        Field("sample_size", INT, "样本数量"),
        Field("strata", J, "各层总体与样本数量"),
        Field("cases", J, "抽中案件"),
        Field("assignments", J, "分配评查人"),
        Field("note", T, "说明"),
    ),
)

LEAD = RecordType(
    "lead",
    "leads",
    "一案双查线索",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        _ref("court_id", "court", "所涉法院"),
        Field("source", T, "线索来源"),
        Field("received_date", D, "收到日期"),
        Field("summary", T, "线索摘要"),
        Field("case_numbers", J, "相关案号"),
        Field("officers", J, "涉及干警"),
        Field("alleges", J, "反映问题类型"),
        Field("meeting_date", D, "联席会议日期"),
        Field("meeting_participants", J, "参会人员"),
        Field("decision", T, "是否启动"),
        Field("decision_reason", T, "研判理由"),
        Field("assigned_date", D, "交办日期"),
        _ref("assigned_court_id", "court", "承办法院"),
        Field("report_deadline", D, "报告期限"),
        Field("methods", J, "调查方式"),
        Field("linked_records", J, "关联评查走访记录"),
        Field("report_date", D, "报告日期"),
        Field("report_process", T, "调查经过"),
        Field("report_facts", T, "查明事实"),
        Field("report_analysis", T, "问题分析"),
        Field("report_opinion", T, "处理意见"),
        Field("supplementary_deadline", D, "补充调查期限"),
        Field("supplementary_direct", INT, "上级法院直接调查"),
        Field("supplementary_report_date", D, "补充报告日期"),
        Field("conclusions", J, "检查结论"),
        Field("conclusion_date", D, "结论日期"),
        Field("conclusion_note", T, "结论说明"),
        Field("discipline_referral", T, "移送处理情况"),
        Field("feedback_date", D, "反馈日期"),
        Field("feedback_by", T, "反馈牵头部门"),
        Field("feedback_note", T, "反馈情况"),
        Field("cleared_date", D, "澄清日期"),
        Field("clearing_note", T, "澄清情况"),
    ),
    searchable=("summary", "case_numbers", "officers", "report_facts", "conclusion_note"),
)

PLAN_PROPOSAL = RecordType(
    "plan_proposal",
    "plan_proposals",
    "整改方案",
    (
        _ref("problem_id", "problem", "问题"),
        _ref("item_id", "rectification_item", "整改事项"),
        Field("measure", T, "整改措施"),
        Field("goal", T, "整改目标"),
        Field("responsible_unit", T, "责任单位"),
        Field("responsible_person", T, "责任人"),
        Field("phone", T, "联系电话"),
        Field("kind", T, "整改类型"),
        Field("deadline", D, "整改时限"),
        Field("note", T, "说明"),
        _ref("proposed_by", "member", "提出人"),
        Field("proposed_at", T, "提出时间"),
        Field("status", T, "审定状态"),
        Field("decision_note", T, "审定意见"),
        _ref("decided_by", "member", "审定人"),
        Field("decided_at", T, "审定时间"),
    ),
    searchable=("measure", "goal", "responsible_unit", "responsible_person", "note"),
)

DOCUMENT = RecordType(
    "document",
    "documents",
    "文书草稿",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        _ref("court_id", "court", "法院"),
        Field("kind", T, "文书类型"),
        Field("title", T, "标题"),
        Field("blocks", J, "正文"),
        Field("generated", J, "生成时的正文"),
        Field("generated_at", T, "生成时间"),
    ),
    searchable=("title", "blocks"),
)

ACCOUNTABILITY = RecordType(
    "accountability",
    "accountability",
    "约谈通报问责",
    (
        _ref("campaign_id", "campaign", "巡查活动"),
        _ref("court_id", "court", "法院"),
        Field("kind", T, "类型"),
        Field("date", D, "日期"),
        Field("target", T, "对象"),
        Field("officers", J, "涉及人员"),
        Field("by_whom", T, "实施单位或人员"),
        Field("reason", T, "事由"),
        Field("problem_ids", J, "所涉问题"),
        Field("item_ids", J, "所涉整改事项"),
        Field("follow_up", T, "后续情况"),
        Field("follow_up_date", D, "后续日期"),
        Field("note", T, "备注"),
    ),
    searchable=("target", "officers", "reason", "follow_up", "note"),
)

RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt
    for rt in (
        CAMPAIGN,
        COURT,
        MEMBER,
        CATEGORY,
        CASE,
        REVIEW,
        REVIEW_ANSWER,
        INTERVIEW,
        PROBLEM,
        RECTIFICATION_ITEM,
        ITEM_EVENT,
        ATTACHMENT,
        SAMPLING,
        LEAD,
        PLAN_PROPOSAL,
        DOCUMENT,
        ACCOUNTABILITY,
    )
}


def record_type(name: str) -> RecordType:
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise ValueError(f"unknown record type: {name}") from None
