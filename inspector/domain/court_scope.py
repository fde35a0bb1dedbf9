"""What an inspected court's liaison (被检查法院联络员) may write: the rules the team's laptops
apply to every revision a court's laptop signed, and the court's own app before it writes.

A court proposes its rectification plan (整改方案) per problem, reports progress with evidence
(佐证材料) and submits items for verification — on its own court's items only. It never
closes, returns or reopens an item, never edits a problem, an item or anything of another
court; the leader decides on its proposals.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rectification import Action, EventKind

#: what a plan proposes for an item: the item's fields it sets when the leader accepts it
PLAN_FIELDS = (
    "measure",
    "goal",
    "responsible_unit",
    "responsible_person",
    "phone",
    "kind",
    "deadline",
)
#: the proposal's own fields, the court's to write (the decision fields are the leader's)
PROPOSAL_FIELDS = frozenset(
    {*PLAN_FIELDS, "problem_id", "item_id", "note", "proposed_by", "proposed_at", "status"}
)
DECISION_FIELDS = frozenset({"decision_note", "decided_by", "decided_at"})


class ProposalStatus:
    PENDING = "待审定"
    ACCEPTED = "已采纳"
    RETURNED = "已退回"


#: the transitions a court takes itself: starting work and submitting it for verification
COURT_ACTIONS = frozenset({str(Action.START), str(Action.SUBMIT)})
#: what an attachment of a court's may belong to
COURT_ATTACHMENT_OWNERS = frozenset({"rectification_item", "item_event"})
#: its own member record: name, unit, phone and the laptop it writes from
MEMBER_FIELDS = frozenset({"name", "unit", "role", "device_id", "phone"})


@dataclass(frozen=True)
class CourtWrite:
    """One revision of a court's laptop, with what the team's workspace knows about it."""

    record_type: str
    op: str  # create | update | delete
    fields: dict[str, object]
    #: the inspected court the record belongs to (through its problem or item), None when it
    #: belongs to none or cannot be found
    court_id: str | None
    #: whether the court's own laptop created the record
    own_record: bool
    #: whether the record is the liaison's own member record
    own_member: bool = False


def refusal(write: CourtWrite, *, bound_court: str) -> str | None:
    """Why a court bound to ``bound_court`` may not write this (a phrase for a message), or
    None when it may."""
    kind, op, fields = write.record_type, write.op, write.fields
    if kind == "member":
        if not write.own_member:
            return "修改了巡查组成员的信息"
        if op == "delete" or not MEMBER_FIELDS.issuperset(fields):
            return "修改了本人信息中不允许修改的内容"
        if fields.get("role") not in (None, "court"):
            return "把本人的身份改为巡查组角色"
        return None
    if kind not in ("plan_proposal", "item_event", "attachment"):
        return f"{'新建' if op == 'create' else '修改或删除'}了只有巡查组才能编辑的记录"
    if write.court_id != bound_court:
        return "涉及其他法院或不存在的问题、整改事项"
    if op == "delete":
        return None if write.own_record else "删除了不是本院提交的记录"
    if kind == "plan_proposal":
        if op == "update" and not write.own_record:
            return "修改了不是本院提出的整改方案"
        if not PROPOSAL_FIELDS.issuperset(fields):
            return "填写了整改方案中由组长审定的内容"
        if fields.get("status") not in (None, ProposalStatus.PENDING):
            return "自行审定了整改方案"
        return None
    if op != "create":
        return "修改了已提交的整改记录或附件（只能新增）"
    if kind == "item_event":
        event_kind = fields.get("event_kind")
        if event_kind == str(EventKind.TRANSITION):
            if fields.get("action") not in COURT_ACTIONS:
                return "销号、退回或重新打开了整改事项（只有组长或核查人可以）"
            return None
        if event_kind not in (str(EventKind.PROGRESS), str(EventKind.EVIDENCE)):
            return "写入了未知类型的整改记录"
        if fields.get("action"):
            return "记录了回头看复查（只有巡查组可以复查）"
        return None
    if fields.get("owner_type") not in COURT_ATTACHMENT_OWNERS:
        return "把附件挂在了整改事项以外的记录上"
    return None


def may_write(record_type: str, op: str) -> bool:
    """Whether the court's own app offers this kind of write at all (before the details)."""
    if record_type in ("plan_proposal", "member"):
        return True
    return record_type in ("item_event", "attachment") and op in ("create", "delete")
