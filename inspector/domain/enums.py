"""Fixed vocabularies of the domain (values are the Chinese terms users see)."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class CampaignKind(StrEnum):
    PATROL = "专项巡查"
    CAMPAIGN = "专项整治"
    ONE_CASE_TWO_CHECKS = "一案双查"
    JUDICIAL_PATROL = "司法巡查"
    SUPERVISION = "审务督察"


class Role(StrEnum):
    LEADER = "leader"
    VERIFIER = "verifier"
    INSPECTOR = "inspector"
    #: 被检查法院联络员: the inspected court's liaison, bound to that court, outside the team
    COURT = "court"

    @property
    def zh(self) -> str:
        return {
            "leader": "组长",
            "verifier": "核查人",
            "inspector": "检查人员",
            "court": "被检查法院联络员",
        }[self.value]

    @property
    def on_team(self) -> bool:
        """A member of the inspection team (not an inspected court's liaison)."""
        return self is not Role.COURT


class InterviewMethod(StrEnum):
    REPORT = "听取汇报"
    GROUP_TALK = "座谈"
    VISIT = "走访"
    PHONE = "电话约谈"
    INTERNAL_TALK = "内部谈话"
    COVERT_VISIT = "明察暗访"


class ClosingMethod(StrEnum):
    COMPLETED = "执行完毕"
    ZHONGBEN = "终结本次执行程序"
    TERMINATED = "终结执行"
    NOT_ENFORCED = "不予执行"
    REJECTED = "驳回申请"
    WITHDRAWN = "销案"


#: what case lists and users write for a closing method (a prefix matches: 终本结案, 驳回申请执行…)
CLOSING_ALIASES = {
    "终本": ClosingMethod.ZHONGBEN,
    "终结本次执行": ClosingMethod.ZHONGBEN,
    "终结本次执行程序": ClosingMethod.ZHONGBEN,
    "执行完毕": ClosingMethod.COMPLETED,
    "执行完结": ClosingMethod.COMPLETED,
    "终结执行": ClosingMethod.TERMINATED,
    "终结": ClosingMethod.TERMINATED,
    "不予执行": ClosingMethod.NOT_ENFORCED,
    "驳回申请": ClosingMethod.REJECTED,
    "驳回": ClosingMethod.REJECTED,
    "销案": ClosingMethod.WITHDRAWN,
}


def closing_method_from(value: str) -> ClosingMethod:
    """The closing method a text names ("终本" is 终结本次执行程序); ``ValueError`` with a
    message for users when it names none."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    for key in sorted(CLOSING_ALIASES, key=len, reverse=True):
        if text == key or text.startswith(key):
            return CLOSING_ALIASES[key]
    shown = str(value).strip()[:20]
    raise ValueError(f"结案方式“{shown}”无法识别（{'、'.join(m.value for m in ClosingMethod)}）")


class Severity(StrEnum):
    MINOR = "一般"
    SERIOUS = "较重"
    GRAVE = "严重"


class SourceType(StrEnum):
    REVIEW = "案卷评查"
    INTERVIEW = "座谈走访"
    SYSTEM = "系统检查"
    REPORT = "听取汇报"
    PARTY = "听取当事人意见"
    #: found again when a 回头看 re-checked a closed item (its source record)
    FOLLOW_UP = "回头看"
    OTHER = "其他"


class AccountabilityKind(StrEnum):
    """What a problem or an overdue item may lead to (约谈、通报、问责)."""

    TALK = "约谈"
    NOTICE = "通报"
    ACCOUNTABILITY = "问责"
