"""A realistic demo campaign, the same for the same seed and reference date.

The leader's workspace after the team's ledgers were merged: every member worked
on their own laptop (device), courts and names are real-format, case dates cross
weekends and public holidays, reviews are auto-checked, and rectification items
are in every state, some overdue.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import struct
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.checklists import Answer
from ..domain.clock import system_clock
from ..domain.enums import CampaignKind, ClosingMethod, InterviewMethod, Role, Severity, SourceType
from ..domain.ids import time_ordered_id
from ..domain.leads import Allegation, Conclusion, LeadSource
from ..domain.rectification import Action, Kind
from ..domain.workdays import add_days, add_workdays
from ..errors import UserError, describe_os_error
from ..paths import resource_path
from ..services import records
from ..services.attachments import add_attachment
from ..services.cases import _case_fields
from ..services.interviews import create_interview
from ..services.leads import (
    assign_lead,
    clear_officer,
    conclude,
    create_lead,
    order_supplementary,
    record_feedback,
    record_investigation,
    record_meeting,
    submit_report,
)
from ..services.problems import create_problem, draft_from_review_item
from ..services.rectification import EvidenceFile, act, add_item, add_progress
from ..services.reviews import auto_check, create_review
from ..services.sampling import sample_cases
from ..services.search import refresh_index
from ..services.session import Session, mark_demo
from ..services.setup import basic_court_name
from ..services.team import add_court, add_member, create_campaign
from ..services.workspaces import create_workspace
from ..storage import keyfile, lock

TZ = dt.timezone(dt.timedelta(hours=8))


#: what the demo team wrote as the 主要成效 of a feedback (the courts are fictitious)
ACHIEVEMENTS = (
    "你院党组高度重视执行工作，执行指挥中心实体化运行，网络查控、财产处置等节点管理逐步规范，"
    "终本案件管理台账健全，执行信访化解取得一定成效。",
    "你院坚持“一案双查”，执行案款管理落实“一案一账号”，执行公开和执行事务中心建设有序推进，"
    "执行质效主要指标较上年有所提升。",
)


@dataclass(frozen=True)
class DemoScale:
    members: int
    courts: int
    cases: int
    reviews: int
    interviews: int
    problems: int
    items: int


SCALES = {
    "small": DemoScale(
        members=6, courts=12, cases=160, reviews=120, interviews=18, problems=48, items=72
    ),
    "province": DemoScale(
        members=30,
        courts=150,
        cases=36000,
        reviews=30000,
        interviews=600,
        problems=10000,
        items=15000,
    ),
}

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国文斌辉宇浩凯俊帆雪琳晨阳欣怡佳慧雯婷思源志远海燕春梅云峰永红德胜立新晓东"
UNITS = ("执行局", "执行局", "组织人事处", "审判管理办公室", "纪检监察室")
CAUSES = (
    "民间借贷纠纷",
    "买卖合同纠纷",
    "金融借款合同纠纷",
    "劳动争议",
    "机动车交通事故责任纠纷",
    "离婚纠纷",
    "建设工程施工合同纠纷",
    "房屋租赁合同纠纷",
    "追索劳动报酬纠纷",
    "信用卡纠纷",
    "物业服务合同纠纷",
    "承揽合同纠纷",
)
COMPANY_WORDS = (
    "鑫源",
    "恒达",
    "金桥",
    "滇南",
    "彩云",
    "康泰",
    "华宇",
    "长兴",
    "润丰",
    "宏远",
    "瑞祥",
    "天成",
)
COMPANY_KINDS = (
    "商贸有限公司",
    "建筑工程有限公司",
    "房地产开发有限公司",
    "农业科技有限公司",
    "小额贷款有限公司",
    "物流有限公司",
)

INTERVIEW_TEXTS = {
    InterviewMethod.REPORT: "听取{court}关于执行工作的专题汇报。院领导介绍了近三年执行案件收结情况、终本案件管理、执行案款发放及“一案一账号”落实情况，承认存在节点超期、终本约谈不及时等问题。",
    InterviewMethod.GROUP_TALK: "与{court}执行局干警座谈。干警反映案多人少，执行人员占比不足，网络查控反馈后线下控制不及时；部分干警对终本程序标准掌握不准。",
    InterviewMethod.VISIT: "走访{court}诉讼服务中心及执行指挥中心，查看案款管理系统与执行公开平台，现场抽查案款发放台账。",
    InterviewMethod.PHONE: "电话回访申请执行人{party}。其反映案件终本前未接到法院约谈，财产线索提交后一个多月未见核查结果。",
    InterviewMethod.INTERNAL_TALK: "与{court}执行局局长、执行实施庭庭长个别谈话，了解执行权运行制约、审批流程及廉政风险防控情况。",
    InterviewMethod.COVERT_VISIT: "明察暗访{court}执行窗口，接待人员对当事人咨询回应不耐烦，未一次性告知所需材料，存在“冷横硬推”现象。",
}

FREE_PROBLEMS = {
    "消极执行": [
        ("申报财产未核实", "部分案件被执行人申报财产后，承办人未进行核实，如{case}。"),
        ("卷宗粗糙", "执行卷宗装订不规范，财产调查笔录缺失，如{case}。"),
    ],
    "选择性执行": [
        ("挑案执行", "对标的额大、易执行的案件优先办理，小标的案件长期无进展，如{case}。"),
        ("选择性采取措施", "同类案件中，对部分被执行人未采取限制消费措施，标准不一，如{case}。"),
    ],
    "乱执行": [
        ("超标的查封", "查封被执行人房产价值明显超过执行标的额，未及时解除超额部分，如{case}。"),
        ("未落实“一案一账号”", "执行案款未按“一案一账号”管理，存在多案共用账号情况，如{case}。"),
        ("结案方式填写不规范", "以执行完毕方式报结未实际执行完毕案件，如{case}。"),
    ],
    "执行不廉": [
        ("违规接触当事人", "有干警在非工作场所单方会见当事人，反映问题线索已移交纪检部门核查。"),
    ],
    "作风不正": [
        ("冷横硬推", "执行窗口接待人员对当事人态度生硬，推诿咨询，群众满意度低。"),
        ("庸懒散奢", "个别干警工作时间办理案件不积极，案件长期无节点更新，如{case}。"),
    ],
    "有令不行": [
        (
            "执行人员配备不达标",
            "执行人员占全院在编人数比例不足15%，未落实上级法院关于执行力量配备的要求。",
        ),
        ("指挥中心职责未落实", "执行指挥中心未实行实质化运行，事项委托办理超期未反馈。"),
    ],
}

MEASURES = {
    "消极执行": [
        "开展节点超期案件专项清理，逐案明确办理时限",
        "建立网络查控反馈结果每日督办机制",
        "对终本案件开展回头看，逐案补充财产调查",
    ],
    "选择性执行": [
        "制定执行措施适用统一标准，定期抽查同类案件",
        "建立案件均衡分配和院庭长督办机制",
    ],
    "乱执行": [
        "逐案核查超标的查封情况并解除超额部分",
        "全面落实“一案一账号”案款管理",
        "规范结案方式，对不实报结案件予以纠正",
    ],
    "执行不廉": ["开展执行廉政风险排查，完善“三个规定”记录报告", "对问题线索依纪依法处理并通报"],
    "作风不正": ["开展执行窗口作风整顿，实行首问负责制", "建立当事人满意度回访制度"],
    "有令不行": ["按不低于15%比例充实执行队伍", "落实执行指挥中心实质化运行，明确事项委托办理时限"],
}

#: measures that answer the problem they are for, by its subtype
MEASURES_BY_SUBTYPE = {
    "立案不及时": ["对立案环节开展专项清理，收案当日完成立案审查"],
    "财产查控不及时": ["建立网络查控发起情况每日通报制度，超期案件逐案督办"],
    "网上节点超期": [
        "开展节点超期案件专项清理，逐案明确办理时限",
        "设置节点临期预警，院庭长每周督办",
    ],
    "执行措施未穷尽": [
        "对终本案件开展回头看，逐案补充财产调查",
        "制定终本前财产调查清单，逐项核对后方可报结",
    ],
    "财产处置拖延": ["对查封财产逐案制定处置计划，限期启动评估拍卖"],
    "案款发放不及时": ["清理在账案款，逐案明确发放时限", "实行案款到账即告知、限期发放"],
    "申报财产未核实": ["对被执行人申报财产逐项核实，虚假申报依法惩戒"],
    "卷宗粗糙": [
        "统一执行卷宗装订规范，逐卷补齐法律文书和送达回证",
        "开展卷宗质量评查，结果纳入考核",
    ],
    "执行争议协调不及时": ["建立执行争议协调台账，限期报请上级法院协调"],
    "信访办理不及时": ["对执行信访案件实行台账管理，5个工作日内录入、30个工作日内办结"],
    "挑案执行": ["实行案件随机分案，院庭长督办长期未结案件"],
    "选择性采取措施": ["制定执行措施适用统一标准，定期抽查同类案件"],
    "选择性监督": ["建立执行监督案件统一登记和督办机制"],
    "超标的查封": ["逐案核查超标的查封情况并解除超额部分"],
    "查封案外人财产": ["逐案核查查封财产权属，错误查封立即解除并告知案外人"],
    "财产处置不规范": ["规范评估拍卖程序，统一通过网络司法拍卖平台处置"],
    "截留挪用案款": ["全面清查案款账户，截留款项限期发还并追责"],
    "失信限高纠错不及时": ["对已履行案件逐案核查，及时屏蔽失信信息、解除限高"],
    "终本不合规": ["规范结案方式，对不符合终本条件的案件予以恢复执行", "严格终本案件院庭长审批"],
    "终本案件未定期核查": ["对终本案件每六个月开展一次网络查控，发现财产及时恢复执行"],
    "结案方式填写不规范": ["规范结案方式，对不实报结案件予以纠正"],
    "未落实“一案一账号”": ["全面落实“一案一账号”案款管理"],
    "滥用查控系统": ["规范查控系统使用权限，定期审计查询记录"],
    "违规收受财物": ["开展执行廉政风险排查，完善“三个规定”记录报告"],
    "违规接触当事人": ["严格执行“三个规定”，违规接触当事人一律记录报告并追责"],
    "泄露工作秘密": ["开展保密教育，规范执行信息查询和使用"],
    "冷横硬推": ["开展执行窗口作风整顿，实行首问负责制"],
    "庸懒散奢": ["开展作风纪律专项检查，结果通报并纳入考评"],
    "接待群众态度粗暴": ["建立当事人满意度回访制度，对投诉逐件核查"],
    "不落实上级法院决定": ["建立上级法院决定落实台账，逐项明确责任人和时限"],
    "指挥中心职责未落实": ["落实执行指挥中心实质化运行，明确事项委托办理时限"],
    "执行人员配备不达标": ["按不低于15%比例充实执行队伍"],
}

#: what a lead says, by where it came from
LEAD_SUMMARY_BY_SOURCE = {
    "人民群众来信来访": "申请执行人来信反映{court}案件立案后长期未采取执行措施",
    "人大代表、政协委员及其他党政机关反映或转交": "人大代表转交群众反映{court}执行案款长期未发放的材料",
    "检察机关检察建议": "检察建议指出{court}终本案件未穷尽财产调查措施",
    "司法巡查或审务督察中发现": "司法巡查中发现{court}执行干警违规接触被执行人",
    "院领导、执行机构负责人重点督办": "院领导督办{court}长期未结执行案件",
    "涉执行重大突发事件、舆情事件": "网络舆情反映{court}案款长期未发放",
    "执行复议、协调、监督等案件中发现": "执行监督案件中发现{court}超标的查封",
    "执行指挥中心运行管理中发现": "执行指挥中心发现{court}网络查控节点长期超期",
    "其他途径": "其他途径反映{court}执行案件办理拖延",
}

#: the goal of the plan's items, by category (整改目标)
GOALS = {
    "消极执行": "节点超期案件全部清零，网络查控反馈结果当日处理",
    "选择性执行": "同类案件执行措施适用标准统一，督办留痕",
    "乱执行": "超标的查封全部解除，案款一案一账号管理全覆盖",
    "执行不廉": "廉政风险点排查到位，违规问题零发生",
    "作风不正": "当事人满意度明显提升，投诉件件有回应",
    "有令不行": "上级部署事项按期落实，执行人员比例不低于15%",
}

LEAD_SUMMARIES = (
    "申请执行人来信反映{court}案件立案后长期未采取执行措施",
    "信访人反映{court}执行干警违规接触被执行人",
    "检察建议指出{court}终本案件未穷尽财产调查措施",
    "舆情反映{court}案款长期未发放",
)

REVIEW_NOTES = (
    "经调卷审查，案件办理规范，节点信息完整。",
    "经调卷审查，案件办理存在瑕疵，需补正。",
    "经调卷审查，案件办理存在明显问题，需整改。",
)


def tiny_png(rgb: tuple[int, int, int], width: int = 64, height: int = 48) -> bytes:
    """A solid-colour PNG (stands in for a photo taken on site)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class _Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def at(self, day: dt.date, rng: random.Random, start_hour: int = 9, end_hour: int = 18) -> None:
        minute = rng.randrange(start_hour * 60, end_hour * 60)
        self.now = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=TZ)


class _Builder:
    def __init__(
        self, session: Session, rng: random.Random, clock: _Clock, scale: DemoScale, as_of: dt.date
    ) -> None:
        self.s = session
        self.rng = rng
        self.clock = clock
        self.scale = scale
        self.as_of = as_of
        # the on-site week: a Monday about six weeks before the reference date
        start = as_of - dt.timedelta(days=42)
        self.start = start - dt.timedelta(days=start.weekday())
        self.end = self.start + dt.timedelta(days=4)
        self.feedback = add_workdays(self.end, 5).due
        self.members: list[dict[str, Any]] = []
        #: the inspected courts' liaisons (被检查法院联络员), each on a laptop of its own
        self.liaisons: list[tuple[dict[str, Any], str]] = []
        self.courts: list[dict[str, Any]] = []
        self.basic_courts: list[dict[str, Any]] = []
        self.case_ids: list[tuple[str, dict[str, Any]]] = []
        self.campaign_id = ""

    # --- people and places -------------------------------------------------------------
    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(
            self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2)))
        )

    def company(self, city: str) -> str:
        place = city.removesuffix("市").removesuffix("州")[:2] if city else "云南"
        return place + self.rng.choice(COMPANY_WORDS) + self.rng.choice(COMPANY_KINDS)

    def party(self, city: str) -> str:
        return self.company(city) if self.rng.random() < 0.45 else self.name()

    def as_member(self, member: dict[str, Any]) -> None:
        self.s.act_as(member["id"], member["device_id"])

    def leader(self) -> dict[str, Any]:
        return self.members[0]

    def verifiers(self) -> list[dict[str, Any]]:
        return [m for m in self.members if m["role"] in (Role.LEADER, Role.VERIFIER)]

    def inspectors(self) -> list[dict[str, Any]]:
        return [m for m in self.members if m["role"] == Role.INSPECTOR]

    def build_team(self) -> None:
        leader_id = self.s.member_id
        assert leader_id
        leader = records.get(self.s, "member", leader_id)
        self.members.append(leader)
        n_verifiers = max(1, self.scale.members // 10)
        for i in range(1, self.scale.members):
            role = Role.VERIFIER if i <= n_verifiers else Role.INSPECTOR
            unit = "审判管理办公室" if role == Role.VERIFIER else self.rng.choice(UNITS)
            mid = add_member(
                self.s,
                name=self.name(),
                unit=f"云南省高级人民法院{unit}",
                role=role,
                device_id=str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
                phone=f"1{self.rng.choice('3589')}{self.rng.randrange(10**9):09d}",
            )
            self.members.append(records.get(self.s, "member", mid))

    def sign_laptops(self) -> None:
        """What the leader's laptop would hold had the members' packages arrived: each
        member's card on the roster (with the role the leader gave) and the head of each
        member's hash chain signed by that member's laptop, and the roster signed. The members'
        laptops are simulated: their private keys are made here and thrown away."""
        from ..services.roster import my_identity
        from ..storage.boxes import box_public_key
        from ..sync import keys
        from ..sync import roster as roster_mod

        conn = self.s.conn
        with self.s.transaction():
            for m in self.members[1:]:
                private = keys.generate_private_key()
                ident = roster_mod.Identity(
                    m["id"],
                    m["name"],
                    m.get("unit") or "",
                    str(m["role"]),
                    m["device_id"],
                    keys.public_key_of(private),
                    box_public_key(private),
                )
                roster_mod.add_card(conn, ident, str(m["role"]))
                self._sign_chain(private, m["device_id"])
            for m, court_id in self.liaisons:
                private = keys.generate_private_key()
                ident = roster_mod.Identity(
                    m["id"],
                    m["name"],
                    m.get("unit") or "",
                    str(Role.COURT),
                    m["device_id"],
                    keys.public_key_of(private),
                    box_public_key(private),
                )
                roster_mod.add_card(conn, ident, str(Role.COURT), court_id)
                self._sign_chain(private, m["device_id"])
            roster_mod.export_roster(conn, my_identity(self.s))

    def _sign_chain(self, private: str, device: str) -> None:
        """The head of a simulated laptop's hash chain, signed with its (thrown away) key."""
        from ..sync import heads

        conn = self.s.conn
        top = conn.execute(
            "SELECT seq, chain FROM revisions WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
            (device,),
        ).fetchone()
        if top is not None:
            heads.keep(conn, [heads.sign(private, device, top[0], top[1])])

    def build_courts(self) -> None:
        data = json.loads(
            resource_path("db", "reference", "demo_courts.json").read_text(encoding="utf-8")
        )
        high = data["high_court"]
        high_id = add_court(self.s, name=high["name"], level="高院", code=high["code"])
        self.courts.append({"id": high_id, "name": high["name"], "code": high["code"], "city": ""})
        prefectures = data["prefectures"]
        k = max(1, min(len(prefectures), -(-self.scale.courts // 9)))
        chosen = prefectures[:k]
        queues = []
        for p in chosen:
            code = high["code"] + p["code"]
            pid = add_court(self.s, name=p["court"], level="中院", code=code, parent_id=high_id)
            self.courts.append({"id": pid, "name": p["court"], "code": code, "city": p["city"]})
            queues.append([(p, b) for b in p["basic"]])
        while len(self.courts) < self.scale.courts and any(queues):
            for q in queues:
                if q and len(self.courts) < self.scale.courts:
                    p, (suffix, county) = q.pop(0)
                    code = high["code"] + p["code"] + suffix
                    name = basic_court_name(p["city"], county)
                    parent = next(
                        c["id"] for c in self.courts if c["code"] == high["code"] + p["code"]
                    )
                    cid = add_court(self.s, name=name, level="基层", code=code, parent_id=parent)
                    court = {"id": cid, "name": name, "code": code, "city": p["city"]}
                    self.courts.append(court)
                    self.basic_courts.append(court)

    def build_campaign(self) -> None:
        year = self.start.year
        self.campaign_id = create_campaign(
            self.s,
            name=f"{year}年全省法院执行工作专项巡查",
            kind=CampaignKind.PATROL,
            issuing_court="云南省高级人民法院",
            doc_number=f"云高法〔{year}〕{self.rng.randrange(20, 200)}号",
            start_date=self.start,
            end_date=self.end,
            report_deadline=add_workdays(self.end, 20).due,
            target_courts=[c["id"] for c in self.courts[1:]],
            note="按照“解决一个、销号一个”要求建立问题清单和整改台账，逐项跟踪销号。",
        )

    # --- cases -------------------------------------------------------------------------
    def _ok(self, p: float = 0.8) -> bool:
        return self.rng.random() < p

    def _case_values(
        self, court: dict[str, Any], year: int, seq: int, type_code: str
    ) -> dict[str, Any]:
        rng = self.rng
        span = (self.start - dt.timedelta(days=60) - dt.date(year, 1, 1)).days
        filing = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(max(1, min(span, 365))))
        method = rng.choices(
            [
                ClosingMethod.COMPLETED,
                ClosingMethod.ZHONGBEN,
                ClosingMethod.TERMINATED,
                ClosingMethod.NOT_ENFORCED,
                ClosingMethod.WITHDRAWN,
            ],
            [40, 42, 10, 4, 4],
        )[0]
        amount = round(
            rng.choice((8_000, 30_000, 120_000, 560_000, 2_400_000)) * rng.uniform(0.5, 2.0), 2
        )
        if method == ClosingMethod.ZHONGBEN and type_code in ("执保", "执异"):
            # preservation and objection cases are not closed by 终本
            method = ClosingMethod.COMPLETED if type_code == "执保" else ClosingMethod.REJECTED
        v: dict[str, Any] = {
            "cause": rng.choice(CAUSES),
            "judge": self.judges[court["id"]][rng.randrange(len(self.judges[court["id"]]))],
            "filing_date": filing,
            "closing_method": str(method),
            "applicant": self.party(court["city"]),
            "respondent": self.party(court["city"]),
            "amount": amount,
            "transfer_date": filing + dt.timedelta(days=rng.choice((0, 0, 1, 2))),
        }
        transfer = v["transfer_date"]
        v["network_query_date"] = add_workdays(
            transfer, rng.randint(1, 5) if self._ok() else rng.randint(6, 15)
        ).due
        if self._ok(0.85):
            v["traditional_investigation_date"] = v["network_query_date"] + dt.timedelta(
                days=rng.randint(3, 30)
            )
        if self._ok(0.6):
            found = v["network_query_date"] + dt.timedelta(days=rng.randint(1, 8))
            v["property_found_date"] = found
            v["control_date"] = add_workdays(
                found, rng.randint(0, 3) if self._ok() else rng.randint(4, 9)
            ).due
            if self._ok(0.6):
                seizure = v["control_date"]
                v["seizure_date"] = seizure
                v["price_start_date"] = seizure + dt.timedelta(
                    days=rng.randint(5, 30) if self._ok() else rng.randint(35, 70)
                )
                v["price_set_date"] = v["price_start_date"] + dt.timedelta(days=rng.randint(10, 40))
                v["sale_start_date"] = v["price_set_date"] + dt.timedelta(
                    days=rng.randint(1, 10) if self._ok() else rng.randint(15, 30)
                )
        if self._ok(0.1):
            lead = dt.datetime.combine(
                transfer + dt.timedelta(days=rng.randint(10, 40)),
                dt.time(rng.randint(8, 17), rng.choice((0, 15, 30, 45))),
            )
            v["urgent_lead_time"] = lead.isoformat(sep=" ", timespec="minutes")
            hours = rng.randint(1, 23) if self._ok() else rng.randint(26, 96)
            v["lead_check_time"] = (lead + dt.timedelta(hours=hours)).isoformat(
                sep=" ", timespec="minutes"
            )
        if self._ok(0.05):
            v["self_sale_start_date"] = transfer + dt.timedelta(days=rng.randint(60, 120))
            v["self_sale_end_date"] = v["self_sale_start_date"] + dt.timedelta(
                days=rng.randint(30, 90) if self._ok() else rng.randint(95, 130)
            )
        if self._ok(0.7):
            v["restriction_date"] = v["network_query_date"] + dt.timedelta(days=rng.randint(1, 20))
        if method == ClosingMethod.ZHONGBEN:
            closing = filing + dt.timedelta(
                days=rng.randint(100, 330) if self._ok(0.85) else rng.randint(40, 88)
            )
            closing = self._cap(filing, closing)
            v["paid_amount"] = round(amount * rng.choice((0, 0, 0.1, 0.25)), 2)
            v["last_network_query_date"] = closing - dt.timedelta(
                days=rng.randint(3, 80) if self._ok(0.85) else rng.randint(100, 200)
            )
            if v["last_network_query_date"] < v["network_query_date"]:
                v["last_network_query_date"] = v["network_query_date"]
            if self._ok(0.85):
                v["zhongben_talk_date"] = closing - dt.timedelta(days=rng.randint(1, 20))
            v["ruling_served_date"] = closing + dt.timedelta(
                days=rng.randint(1, 10) if self._ok(0.85) else rng.randint(12, 40)
            )
        else:
            closing = filing + dt.timedelta(days=rng.randint(30, 300))
            closing = self._cap(filing, closing)
            v["last_network_query_date"] = v["network_query_date"]
            if method == ClosingMethod.COMPLETED:
                v["paid_amount"] = amount
                if self._ok(0.9):  # the 执行完毕笔录 or 结案通知书 on file, most of the time
                    v["completion_doc_date"] = closing
                arrival = closing - dt.timedelta(days=rng.randint(15, 40))
                v["funds_arrival_date"] = arrival
                v["payment_notice_date"] = add_workdays(
                    arrival, rng.randint(1, 10) if self._ok() else rng.randint(11, 20)
                ).due
                v["payout_date"] = add_workdays(
                    v["payment_notice_date"],
                    rng.randint(1, 5) if self._ok() else rng.randint(6, 10),
                ).due
                if "restriction_date" in v:
                    v["performance_date"] = arrival
                    v["restriction_lift_date"] = add_workdays(
                        arrival, rng.randint(0, 3) if self._ok() else rng.randint(4, 10)
                    ).due
            else:
                v["paid_amount"] = 0.0
        v["closing_date"] = closing
        return v

    def _cap(self, filing: dt.date, closing: dt.date) -> dt.date:
        """Cases on the list closed before the team arrived."""
        latest = self.start - dt.timedelta(days=7)
        return max(filing + dt.timedelta(days=1), min(closing, latest))

    def build_cases(self) -> None:
        rng = self.rng
        self.judges = {
            c["id"]: [self.name() for _ in range(rng.randint(4, 9))] for c in self.courts
        }
        targets = self.basic_courts or self.courts
        seqs: dict[tuple[str, int, str], int] = {}
        self.as_member(self.leader())
        self.clock.at(self.start - dt.timedelta(days=3), rng)
        for i in range(self.scale.cases):
            court = targets[i % len(targets)] if i < len(targets) else rng.choice(targets)
            year = rng.choice(
                (self.start.year - 2, self.start.year - 1, self.start.year - 1, self.start.year)
            )
            type_code = rng.choices(("执", "执恢", "执保", "执异"), (75, 10, 10, 5))[0]
            key = (court["code"], year, type_code)
            seqs[key] = seqs.get(key, 0) + rng.randint(1, 40)
            number = f"（{year}）{court['code']}{type_code}{seqs[key]}号"
            values = self._case_values(court, year, seqs[key], type_code)
            fields = _case_fields(number, values)
            fields["court_id"] = court["id"]
            cid = records.create(self.s, "case", fields)
            self.case_ids.append(
                (cid, {**values, "court": court, "case_number": fields["case_number"]})
            )

    def build_sampling(self) -> None:
        """The Yunnan plan: no less than 30% of 终本 cases, stratified by judge."""
        self.as_member(self.leader())
        self.clock.at(self.start - dt.timedelta(days=2), self.rng)
        sample_cases(
            self.s,
            seed=self.rng.randrange(10_000),
            ratio=0.3,
            by="承办人",
            closing_method=str(ClosingMethod.ZHONGBEN),
            campaign_id=self.campaign_id,
            note="按不低于30%的比例抽查终本案件",
        )

    # --- on-site work ------------------------------------------------------------------
    def on_site_days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(5)]

    def build_reviews(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Review cases; returns (review id, failed item code, case) for every failure."""
        rng = self.rng
        reviewers = self.inspectors() or self.members
        days = self.on_site_days()
        failures: list[tuple[str, str, dict[str, Any]]] = []
        for i, (case_id, case) in enumerate(self.case_ids[: self.scale.reviews]):
            reviewer = reviewers[i % len(reviewers)]
            self.as_member(reviewer)
            day = days[i * len(days) // self.scale.reviews]
            self.clock.at(day, rng)
            template = (
                "zhongben-2018"
                if case["closing_method"] == ClosingMethod.ZHONGBEN
                else "nodes-2021"
            )
            checks = auto_check(self.s, case_id=case_id, template_code=template)
            failed = sum(1 for c in checks if c.suggested_answer == Answer.FAIL)
            result = create_review(
                self.s,
                case_id=case_id,
                template_code=template,
                campaign_id=self.campaign_id,
                review_date=day,
                note=REVIEW_NOTES[min(failed, 2)],
            )
            for code, answer in result.answers.items():
                if answer == "不符合":
                    failures.append((result.review_id, code, case))
        return failures

    def build_interviews(self) -> list[tuple[str, dict[str, Any]]]:
        rng = self.rng
        out = []
        methods = list(InterviewMethod)
        days = self.on_site_days()
        for i in range(self.scale.interviews):
            member = self.members[i % len(self.members)]
            self.as_member(member)
            court = (
                self.courts[1:][i % (len(self.courts) - 1)]
                if len(self.courts) > 1
                else self.courts[0]
            )
            method = methods[i % len(methods)]
            day = days[i % len(days)]
            self.clock.at(day, rng)
            people = [
                {
                    "name": self.name(),
                    "role": rng.choice(
                        (
                            "执行局局长",
                            "执行实施庭庭长",
                            "执行法官",
                            "法官助理",
                            "书记员",
                            "申请执行人",
                            "被执行人",
                            "律师",
                        )
                    ),
                }
                for _ in range(rng.randint(1, 4))
            ]
            iid = create_interview(
                self.s,
                method=method,
                date=day,
                court_id=court["id"],
                campaign_id=self.campaign_id,
                place=court["name"]
                + rng.choice(("第一会议室", "执行指挥中心", "诉讼服务中心", "执行局办公室")),
                interviewees=people,
                text=INTERVIEW_TEXTS[method].format(
                    court=court["name"], party=self.party(court["city"])
                ),
            )
            if i % 3 == 0:
                add_attachment(
                    self.s,
                    owner_type="interview",
                    owner_id=iid,
                    filename=f"现场照片{i + 1}.png",
                    data=tiny_png((rng.randrange(256), rng.randrange(256), rng.randrange(256))),
                    caption="现场照片",
                )
            out.append((iid, court))
        return out

    def build_problems(
        self,
        failures: list[tuple[str, str, dict[str, Any]]],
        interviews: list[tuple[str, dict[str, Any]]],
    ) -> list[tuple[str, str]]:
        rng = self.rng
        rng.shuffle(failures)
        target = self.scale.problems
        from_reviews = min(len(failures), target * 6 // 10)
        problems: list[tuple[str, str]] = []
        days = self.on_site_days()
        for review_id, code, _case in failures[:from_reviews]:
            reviewer_id = records.get(self.s, "review", review_id)["reviewer_id"]
            self.as_member(next(m for m in self.members if m["id"] == reviewer_id))
            self.clock.at(rng.choice(days), rng)
            d = draft_from_review_item(self.s, review_id=review_id, item_code=code)
            pid = create_problem(
                self.s,
                court_id=d.court_id,
                category=d.category,
                subtype=d.subtype,
                description=d.description,
                example_cases=d.example_cases,
                source_type=d.source_type,
                source_id=d.source_id,
                campaign_id=d.campaign_id,
                severity=rng.choices(list(Severity), (70, 25, 5))[0],
            )
            problems.append((pid, d.category))
        categories = list(FREE_PROBLEMS)
        i = 0
        while len(problems) < target:
            category = categories[i % len(categories)]
            subtype, template = FREE_PROBLEMS[category][
                (i // len(categories)) % len(FREE_PROBLEMS[category])
            ]
            iid, court = (
                interviews[i % len(interviews)] if interviews else (None, rng.choice(self.courts))
            )
            # an example case of the problem's own court
            own = [
                c
                for _id, c in self.case_ids
                if c["court"]["id"] == court["id"] and court["code"] in c["case_number"]
            ]
            example = rng.choice(own)["case_number"] if own else ""
            if not own:
                template = template.replace("，如{case}", "").replace("{case}", "")
            member = self.members[i % len(self.members)]
            self.as_member(member)
            self.clock.at(rng.choice(days), rng)
            pid = create_problem(
                self.s,
                court_id=court["id"],
                category=category,
                subtype=subtype,
                description=template.format(case=example),
                example_cases=[example] if "{case}" in template else [],
                source_type=SourceType.INTERVIEW if iid else SourceType.OTHER,
                source_id=iid,
                campaign_id=self.campaign_id,
                severity=rng.choices(list(Severity), (50, 35, 15))[0],
            )
            problems.append((pid, category))
            i += 1
        return problems

    # --- rectification -----------------------------------------------------------------
    def build_items(self, problems: list[tuple[str, str]]) -> None:
        rng = self.rng
        leader = self.leader()
        item_ids: list[tuple[str, str]] = []
        extra = self.scale.items - len(problems)
        self.as_member(leader)
        for n, (pid, category) in enumerate(problems):
            count = 1 + (1 if n < extra else 0)
            for k in range(count):
                if len(item_ids) >= self.scale.items:
                    break
                self.clock.at(self.feedback, rng)
                kind = rng.choices(list(Kind), (30, 55, 15))[0]
                deadline: dt.date | None
                if kind == Kind.IMMEDIATE:
                    deadline = add_workdays(self.feedback, rng.choice((5, 7, 10, 15))).due
                elif kind == Kind.BY_DEADLINE:
                    deadline = add_days(
                        self.feedback, rng.choice((15, 20, 30, 35, 40, 45, 60, 90))
                    ).due
                else:
                    deadline = dt.date(self.as_of.year, 12, 31) if rng.random() < 0.5 else None
                problem = records.get(self.s, "problem", pid)
                measures = MEASURES_BY_SUBTYPE.get(problem["subtype"] or "") or MEASURES[category]
                court_name = records.get(self.s, "court", problem["court_id"])["name"]
                iid = add_item(
                    self.s,
                    problem_id=pid,
                    measure=measures[(n + k) % len(measures)],
                    kind=kind,
                    deadline=deadline,
                    responsible_unit=court_name
                    + rng.choice(
                        ("执行局", "执行局综合科", "执行指挥中心", "政治部", "审判管理办公室")
                    ),
                    responsible_person=self.name(),
                    supervisor=self.name() + rng.choice(("副院长", "执行局局长")),
                    # not drawn from rng: the demo's other records stay as they were
                    goal=GOALS.get(category, "问题整改到位，建立长效机制"),
                    phone=f"0871-6{(len(item_ids) * 7919 + k) % 10**7:07d}",
                )
                item_ids.append((iid, kind))
        for iid, _kind in item_ids:
            self._walk_item(iid)

    def build_leads(self) -> None:
        """一案双查 leads at every stage of the 2019 rules."""
        rng = self.rng
        n = max(9, self.scale.problems // 30)
        sources = list(LeadSource)
        targets = (
            "received",
            "not_started",
            "started",
            "investigating",
            "supplementary",
            "reported",
            "concluded",
            "done",
            "unfounded",
        )
        self.as_member(self.leader())
        for i in range(n):
            court = (
                self.basic_courts[i % len(self.basic_courts)]
                if self.basic_courts
                else self.courts[0]
            )
            # a case of the lead's own court
            own = [
                c
                for _id, c in self.case_ids
                if c["court"]["id"] == court["id"] and court["code"] in c["case_number"]
            ]
            case = own[(i * 7) % len(own)] if own else None
            day = self.start + dt.timedelta(days=rng.randint(0, 4))
            self.clock.at(day, rng)
            lid = create_lead(
                self.s,
                source=sources[i % len(sources)],
                received_date=day,
                summary=LEAD_SUMMARY_BY_SOURCE.get(
                    str(sources[i % len(sources)]), rng.choice(LEAD_SUMMARIES)
                ).format(court=court["name"]),
                court_id=court["id"],
                case_numbers=[case["case_number"]] if case else [],
                officers=[self.name()],
                campaign_id=self.campaign_id,
                alleges=[Allegation.HANDLING, Allegation.CONDUCT]
                if i % 2 == 0
                else [Allegation.HANDLING],
            )
            target = targets[i % len(targets)]
            if target == "received":
                continue
            meeting = add_workdays(day, 2).due
            self.clock.at(meeting, rng)
            record_meeting(
                self.s,
                lead_id=lid,
                date=meeting,
                participants=["执行局", "监察室"],
                start=target != "not_started",
                reason="线索具体，需核查" if target != "not_started" else "已另案处理，不启动",
            )
            if target in ("not_started", "started"):
                continue
            assigned = add_workdays(meeting, 1).due
            assign_lead(
                self.s,
                lead_id=lid,
                date=assigned,
                court_id=court["id"],
                deadline=add_workdays(assigned, rng.choice((15, 20, 30))).due,
            )
            record_investigation(
                self.s,
                lead_id=lid,
                methods=["调卷审查", "系统检查", "听取当事人意见", "内部谈话"][: rng.randint(2, 4)],
            )
            if target == "investigating":
                continue
            reported = min(add_workdays(assigned, 12).due, self.as_of - dt.timedelta(days=3))
            self.clock.at(reported, rng)
            submit_report(
                self.s,
                lead_id=lid,
                date=reported,
                process="调取卷宗、查看系统节点、约谈承办人和申请执行人",
                facts="网络查控和财产处置存在超期",
                analysis="存在消极执行问题",
                opinion="督促限期办理",
            )
            if target == "supplementary":
                order_supplementary(self.s, lead_id=lid, deadline=add_workdays(reported, 10).due)
                continue
            if target == "reported":
                continue
            if target == "unfounded":
                conclude(
                    self.s,
                    lead_id=lid,
                    conclusions=[Conclusion.UNFOUNDED],
                    date=reported,
                    note="经查反映问题不实",
                )
                record_feedback(self.s, lead_id=lid, date=reported, note="书面告知反映人检查结果")
                clear_officer(self.s, lead_id=lid, date=reported, note="在执行局全体会议上予以澄清")
                continue
            chosen = (
                [Conclusion.DEADLINE, Conclusion.CORRECT]
                if i % 2
                else [Conclusion.DISCIPLINE, Conclusion.NOTICE]
            )
            conclude(
                self.s,
                lead_id=lid,
                conclusions=chosen,
                date=reported,
                note="联席会议会商形成结论",
                deadline=add_days(reported, 30).due,
                discipline_referral="移送院纪检组依纪处理",
            )
            if target == "done":
                record_feedback(self.s, lead_id=lid, date=reported, note="已向信访人反馈办理结果")

    def build_court_loop(self) -> None:
        """The inspected courts' side: each court's feedback draft; the liaisons of the two
        courts with the most problems, with plan proposals (one accepted, one returned, others
        waiting for the leader); talks, notices and accountability for overdue items."""
        from ..services.accountability import add_accountability
        from ..services.court_loop import decide_proposal, propose_plan
        from ..services.drafts import (
            Block,
            blocks_from_json,
            ensure_feedback,
            is_to_write,
            update_draft,
        )

        rng = self.rng
        conn = self.s.conn
        leader = self.leader()
        self.as_member(leader)
        self.clock.at(self.feedback, rng)
        ranked = conn.execute(
            """SELECT p.court_id, c.name, COUNT(*) FROM problems p JOIN courts c ON c.id = p.court_id
               WHERE p.deleted = 0 GROUP BY 1, 2 ORDER BY 3 DESC, 2"""
        ).fetchall()
        drafted = {
            court_id: ensure_feedback(self.s, court_id=court_id, today=self.feedback)
            for court_id, _name, _n in ranked
        }
        # the team wrote the 主要成效 of the feedbacks it sends the courts in the loop; the
        # others are still drafts (not drawn from the random numbers: the rest stays as it was)
        for n, (court_id, _name, _n) in enumerate(ranked[:2]):
            draft = records.get(self.s, "document", drafted[court_id])
            blocks = [
                Block(b.kind, ACHIEVEMENTS[n % len(ACHIEVEMENTS)], b.rows) if is_to_write(b) else b
                for b in blocks_from_json(draft["blocks"])
            ]
            update_draft(self.s, document_id=drafted[court_id], blocks=blocks)
        for court_id, name, _n in ranked[:2]:
            self.as_member(leader)
            mid = add_member(
                self.s,
                name=self.name(),
                unit=f"{name}执行局",
                role=Role.COURT,
                device_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                phone=f"0871-6{rng.randrange(10**7):07d}",
            )
            liaison = records.get(self.s, "member", mid)
            self.liaisons.append((liaison, court_id))
            problems = conn.execute(
                "SELECT id, subtype FROM problems WHERE court_id = ? AND deleted = 0"
                " ORDER BY found_date, id LIMIT 3",
                (court_id,),
            ).fetchall()
            made = []
            for n, (pid, subtype) in enumerate(problems):
                answers = MEASURES_BY_SUBTYPE.get(subtype or "")
                day = self.feedback + dt.timedelta(days=3 + n)
                self.as_member(liaison)
                self.clock.at(min(day, self.as_of - dt.timedelta(days=1)), rng)
                item = conn.execute(
                    "SELECT id, measure FROM rectification_items WHERE problem_id = ? AND "
                    "deleted = 0 AND state != '已销号' LIMIT 1",
                    (pid,),
                ).fetchone()
                made.append(
                    propose_plan(
                        self.s,
                        problem_id=pid,
                        item_id=item[0] if item and n == 1 else None,
                        measure=(
                            f"{item[1]}，并于每月底前逐案复查一次"
                            if item and n == 1
                            else answers[-1]
                            if answers
                            else "建立问题清单、责任清单、整改清单，逐案整改并建立长效机制"
                        ),
                        kind=Kind.BY_DEADLINE,
                        deadline=self.feedback + dt.timedelta(days=45 + 15 * n),
                        responsible_unit=f"{name}执行局",
                        responsible_person=self.name(),
                        phone=f"0871-6{rng.randrange(10**7):07d}",
                        goal="问题整改到位，建立长效机制",
                    )
                )
            self.as_member(leader)
            self.clock.at(min(self.feedback + dt.timedelta(days=8), self.as_of), rng)
            if made:
                decide_proposal(self.s, proposal_id=made[0], accept=True, note="同意该整改方案。")
            if len(made) > 2:
                decide_proposal(
                    self.s,
                    proposal_id=made[2],
                    accept=False,
                    note="整改措施不够具体，请明确每项措施的完成时限和责任人后重新报送。",
                )
        self.as_member(leader)
        overdue = conn.execute(
            """SELECT p.court_id, i.id, p.id FROM rectification_items i
               JOIN problems p ON p.id = i.problem_id
               WHERE i.deleted = 0 AND i.state != '已销号' AND i.deadline < ?
               ORDER BY p.court_id, i.deadline, i.id""",
            (self.as_of.isoformat(),),
        ).fetchall()
        by_court: dict[str, list[tuple[str, str]]] = {}
        for court_id, iid, pid in overdue:
            by_court.setdefault(court_id, []).append((iid, pid))
        worst = sorted(by_court.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3]
        for n, (court_id, late) in enumerate(worst):
            kind = ("约谈", "通报", "问责")[n]
            day = min(self.as_of - dt.timedelta(days=2), self.feedback + dt.timedelta(days=40))
            self.clock.at(day, rng)
            add_accountability(
                self.s,
                court_id=court_id,
                kind=kind,
                date=day,
                target=(
                    "院长、分管副院长"
                    if kind == "约谈"
                    else "执行局"
                    if kind == "通报"
                    else "执行局执行一庭"
                ),
                officers=[self.name()] if kind == "问责" else [],
                by_whom="云南省高级人民法院执行局",
                reason=f"整改事项逾期未完成{len(late)}项",
                item_ids=[iid for iid, _ in late[:5]],
                problem_ids=sorted({pid for _, pid in late[:5]}),
                follow_up=(
                    "已提交书面说明，承诺限期完成整改"
                    if kind == "约谈"
                    else "已在全省法院执行工作会议上通报"
                    if kind == "通报"
                    else "已移送督察部门处理"
                ),
                follow_up_date=day + dt.timedelta(days=1),
            )

    def build_follow_up(self) -> None:
        """A 回头看 of the campaign in the week before the reference date: of the items closed by
        then, some re-checks held, some found the problem again — reopened by a verifier, or
        recorded as a new problem linked to the earlier one — and some are not re-checked yet;
        the open items carry over, and one of them is closed during the visit. Made after every
        other record: the demo without it stays as it was."""
        from ..services.follow_up import carried_over, create_follow_up, recheck_candidates
        from ..services.follow_up import record_recheck as recheck

        rng = self.rng
        leader = self.leader()
        week = self.as_of - dt.timedelta(days=7)
        start = week - dt.timedelta(days=week.weekday())
        end = start + dt.timedelta(days=4)
        campaign = records.get(self.s, "campaign", self.campaign_id)
        self.as_member(leader)
        self.clock.at(start - dt.timedelta(days=3), rng)
        fid = create_follow_up(
            self.s,
            follows=self.campaign_id,
            name=f"{campaign['name']}“回头看”",
            start_date=start,
            end_date=end,
            doc_number=f"云高法〔{start.year}〕{rng.randrange(200, 300)}号",
            report_deadline=add_workdays(end, 10).due,
            note="逐项复查已销号问题是否反弹，跟踪未销号事项整改到位。",
        )
        last_day = min(end, self.as_of - dt.timedelta(days=1))
        days = [d for d in (start + dt.timedelta(days=i) for i in range(5)) if d <= last_day]
        self.clock.at(days[0], rng)
        closed = [i for i in recheck_candidates(self.s, campaign_id=fid) if i.state == "已销号"]
        verifiers = self.verifiers()
        for n, earlier in enumerate(closed):
            step = n % 5
            if step == 4:
                continue  # not re-checked yet
            self.clock.at(days[n % len(days)], rng)
            if step == 1:
                self.as_member(verifiers[n % len(verifiers)])
                recheck(
                    self.s,
                    item_id=earlier.item_id,
                    campaign_id=fid,
                    held=False,
                    note="抽查同类案件，仍有节点超期、措施未落实的情况，整改成果未巩固。",
                )
                continue
            self.as_member(rng.choice(self.inspectors() or self.members))
            if step == 3:
                done = recheck(
                    self.s,
                    item_id=earlier.item_id,
                    campaign_id=fid,
                    held=False,
                    new_problem=True,
                    note="复查中发现同类问题在新案件中再次出现。",
                    description=f"回头看发现同类问题再次出现：{earlier.description}",
                )
                assert done.problem_id is not None
                self.as_member(leader)
                measures = MEASURES_BY_SUBTYPE.get(earlier.subtype) or MEASURES.get(
                    earlier.category, ["针对复发问题制定整改措施，建立长效机制"]
                )
                add_item(
                    self.s,
                    problem_id=done.problem_id,
                    measure=measures[-1],
                    kind=Kind.BY_DEADLINE,
                    deadline=add_days(end, 30).due,
                    responsible_unit=f"{earlier.court}执行局",
                    responsible_person=self.name(),
                    supervisor=self.name() + "副院长",
                    goal=GOALS.get(earlier.category, "问题整改到位，建立长效机制"),
                )
                continue
            recheck(
                self.s,
                item_id=earlier.item_id,
                campaign_id=fid,
                held=True,
                note=rng.choice(
                    (
                        "调阅整改后新收案件，未发现同类问题。",
                        "查看系统节点和佐证材料，整改措施持续落实。",
                        "座谈了解长效机制运行情况，整改成果巩固。",
                    )
                ),
            )
        waiting = [i for i in carried_over(self.s, campaign_id=fid) if i.state == "待核查"]
        if waiting:
            self.as_member(verifiers[0])
            self.clock.at(days[-1], rng)
            act(
                self.s,
                item_id=waiting[0].item_id,
                action=Action.CLOSE,
                note="回头看期间核查佐证材料，整改到位，予以销号。",
            )

    def _walk_item(self, item_id: str) -> None:
        """Take an item through the states up to a random target, before the reference date."""
        rng = self.rng
        target = rng.choices(
            ("待整改", "整改中", "待核查", "已销号", "reopened"), (12, 33, 15, 36, 4)
        )[0]
        if target == "待整改":
            return
        recorder = rng.choice(self.inspectors() or self.members)
        verifier = rng.choice(self.verifiers())
        span = max(2, (self.as_of - self.feedback).days - 1)
        day = self.feedback + dt.timedelta(days=rng.randint(1, max(1, span // 4)))

        def step(member: dict[str, Any], days_later: int) -> None:
            nonlocal day
            day = min(day + dt.timedelta(days=days_later), self.as_of - dt.timedelta(days=1))
            self.as_member(member)
            self.clock.at(day, rng)

        step(recorder, 0)
        act(self.s, item_id=item_id, action=Action.START, note="已制定整改方案，明确责任人和时限。")
        step(recorder, rng.randint(1, max(1, span // 4)))
        add_progress(
            self.s,
            item_id=item_id,
            note=rng.choice(
                (
                    "已完成节点超期案件逐案梳理，正在补正。",
                    "已召开专题会议部署整改。",
                    "已对涉及案件逐案核查，形成整改清单。",
                )
            ),
        )
        if target == "整改中":
            return
        step(recorder, rng.randint(1, max(1, span // 4)))
        evidence = [
            EvidenceFile(
                f"整改情况报告-{item_id[:8]}.txt",
                f"整改情况报告\n事项：{item_id}\n已按要求完成整改。".encode(),
            ),
            EvidenceFile(f"佐证照片-{item_id[:8]}.png", tiny_png((rng.randrange(256), 200, 120))),
        ]
        act(
            self.s,
            item_id=item_id,
            action=Action.SUBMIT,
            note="整改完成，提交佐证材料。",
            evidence=evidence[: rng.randint(1, 2)],
        )
        if target == "待核查":
            return
        if rng.random() < 0.2:
            step(verifier, 1)
            act(
                self.s,
                item_id=item_id,
                action=Action.RETURN,
                note="佐证材料不充分，请补充相关案件的纠正文书。",
            )
            step(recorder, 1)
            act(
                self.s,
                item_id=item_id,
                action=Action.SUBMIT,
                note="已补充纠正文书。",
                evidence=[EvidenceFile(f"纠正文书-{item_id[:8]}.txt", b"correction ruling")],
            )
        step(verifier, 1)
        act(
            self.s,
            item_id=item_id,
            action=Action.CLOSE,
            note="经核查佐证材料，整改到位，予以销号。",
        )
        if target == "reopened":
            step(verifier, 1)
            act(
                self.s, item_id=item_id, action=Action.REOPEN, note="回头看发现问题反弹，重新整改。"
            )


def build_demo(
    path: Path | str | None,
    *,
    scale: str = "small",
    seed: int = 1,
    as_of: dt.date | None = None,
    password: str | None = None,
    replace: bool = False,
    follow_up: bool = False,
) -> Session:
    """Create the demo workspace at ``path`` (encrypted when a password is given) and return
    its open session (the leader's); with ``follow_up``, a 回头看 of its campaign as well.

    The workspace is built under a temporary name and renamed when it is complete, so a run
    that is killed leaves no file that looks like a workspace (the next open clears what it
    left); with ``replace`` an existing workspace there is replaced only then."""
    if scale not in SCALES:
        raise UserError(f"演示规模“{scale}”无效（small / province）")
    if path is None:
        return _build_demo(
            None, scale=scale, seed=seed, as_of=as_of, password=password, follow_up=follow_up
        )
    final = Path(path)
    if final.exists() and not replace:
        raise UserError(f"文件已存在：{final}")
    tmp = final.with_name(f".{final.name}.building.tmp")
    _remove_workspace_files(tmp)
    try:
        _build_demo(
            tmp, scale=scale, seed=seed, as_of=as_of, password=password, follow_up=follow_up
        ).close()
        key_tmp = keyfile.key_path_for(tmp)
        hold = lock.acquire_exclusive(final, "覆盖演示工作区") if final.exists() else None
        try:
            _remove_workspace_files(final)
            if key_tmp.exists():
                os.replace(key_tmp, keyfile.key_path_for(final))
            os.replace(tmp, final)
            keyfile.sync_directory(final.parent)
        finally:
            if hold is not None:
                hold.release()
        _remove_workspace_files(tmp)
    except OSError as e:
        _remove_workspace_files(tmp)
        raise UserError(f"无法创建演示工作区（{describe_os_error(e)}）") from e
    except BaseException:
        _remove_workspace_files(tmp)
        raise
    from ..services.session import open_session

    return open_session(final, password=password)


def _remove_workspace_files(path: Path) -> None:
    for p in (Path(str(path) + s) for s in ("", "-wal", "-shm", ".key", ".busy")):
        p.unlink(missing_ok=True)


def _build_demo(
    path: Path | None,
    *,
    scale: str,
    seed: int,
    as_of: dt.date | None,
    password: str | None,
    follow_up: bool = False,
) -> Session:
    as_of = as_of or dt.date.today()
    rng = random.Random(seed)
    start = as_of - dt.timedelta(days=50)
    clock = _Clock(dt.datetime(start.year, start.month, start.day, 9, 0, tzinfo=TZ))

    def new_id() -> str:
        # led by the demo's own clock, as the app's ids are by the real one
        return time_ordered_id(int(clock.now.timestamp() * 1000), rng.getrandbits(74))

    session = create_workspace(
        path,
        member_name=rng.choice(SURNAMES) + "建国",
        unit="云南省高级人民法院执行局",
        role=Role.LEADER,
        password=password,
        clock=clock,
        new_id=new_id,
    )
    try:
        mark_demo(session)
        b = _Builder(session, rng, clock, SCALES[scale], as_of)
        with session.transaction():
            b.build_team()
            b.build_courts()
            b.build_campaign()
            b.build_cases()
            b.build_sampling()
            failures = b.build_reviews()
            interviews = b.build_interviews()
            problems = b.build_problems(failures, interviews)
            b.build_items(problems)
            b.build_leads()
            b.build_court_loop()
            if follow_up:
                b.build_follow_up()
        session.act_as(b.leader()["id"], session.device_id)
        b.sign_laptops()
        session.use_clock(system_clock)
        refresh_index(session)
        session.workspace.checkpoint()
    except BaseException:
        session.close()
        raise
    return session
