"""Fixed vocabularies of the domain (values are the Chinese terms users see)."""

from __future__ import annotations

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

    @property
    def zh(self) -> str:
        return {"leader": "组长", "verifier": "核查人", "inspector": "检查人员"}[self.value]


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
    OTHER = "其他"
