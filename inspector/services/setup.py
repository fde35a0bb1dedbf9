"""A new workspace's first steps, taken at once: the campaign, the courts to inspect (from
the province's list or typed), the team's members. Used by the new-workspace wizard.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache

from ..domain.case_numbers import CourtLevel
from ..domain.enums import CampaignKind, Role
from ..errors import UserError
from ..paths import resource_path
from .session import Session
from .team import add_court, add_member, create_campaign
from .team import members as team_members


@dataclass(frozen=True)
class CourtChoice:
    """A court to inspect: its name, level and 代字 (``云0102``), and the 代字 of the court
    above it (the high court's and intermediate courts' come along when chosen under it)."""

    name: str
    level: str
    code: str = ""
    parent_code: str = ""


@dataclass(frozen=True)
class MemberChoice:
    name: str
    unit: str = ""
    role: str = Role.INSPECTOR
    phone: str = ""


@dataclass(frozen=True)
class CampaignChoice:
    name: str
    kind: str = CampaignKind.PATROL
    issuing_court: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None


@dataclass(frozen=True)
class TeamSetup:
    campaign: CampaignChoice | None = None
    courts: list[CourtChoice] = field(default_factory=list)
    members: list[MemberChoice] = field(default_factory=list)


def basic_court_name(city: str, county: str) -> str:
    """A basic court's name from the list's county (``五华区`` → 昆明市五华区人民法院)."""
    if county.endswith("法院"):
        return county
    if county.endswith("区"):
        return f"{city}{county}人民法院"
    return f"{county}人民法院"


@cache
def province_courts() -> tuple[CourtChoice, ...]:
    """The province's courts the app knows (high, intermediate, basic), with their 代字."""
    data = json.loads(
        resource_path("db", "reference", "demo_courts.json").read_text(encoding="utf-8")
    )
    high = data["high_court"]
    out = [CourtChoice(high["name"], CourtLevel.HIGH, high["code"])]
    for p in data["prefectures"]:
        code = high["code"] + p["code"]
        out.append(CourtChoice(p["court"], CourtLevel.INTERMEDIATE, code, high["code"]))
        for suffix, county in p["basic"]:
            name = basic_court_name(p["city"], county)
            out.append(CourtChoice(name, CourtLevel.BASIC, code + suffix, code))
    return tuple(out)


_CODE = re.compile(r"[\u4e00-\u9fff]\d{2,4}$")


def parse_court_lines(text: str) -> list[CourtChoice]:
    """Courts typed one per line, ``名称 [代字]`` (``曲靖市麒麟区人民法院 云0302``); the level
    follows the name (高级 → 高院, 中级 → 中院, otherwise 基层). Raises a message naming
    the line that cannot be read."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.replace("，", " ").replace(",", " ").split()
        if not parts:
            continue
        code = parts[-1] if len(parts) > 1 and _CODE.match(parts[-1]) else ""
        name = "".join(parts[:-1] if code else parts)
        if not name.endswith("法院"):
            raise UserError(f"第{number}行“{line.strip()}”不是法院名称（应以“法院”结尾）")
        level = (
            CourtLevel.HIGH
            if "高级" in name
            else CourtLevel.INTERMEDIATE
            if "中级" in name
            else CourtLevel.BASIC
        )
        out.append(CourtChoice(name, level, code))
    return out


def set_up_team(session: Session, setup: TeamSetup) -> None:
    """Record the campaign, the courts (with the courts above them the province's list
    names) and the members, in one transaction: all of it or, on a bad entry, nothing."""
    names = [m.name.strip() for m in setup.members]
    if any(not n for n in names):
        raise UserError("有组员未填写姓名")
    if len(set(names)) != len(names):
        raise UserError(
            "组员姓名重复：" + "、".join(sorted({n for n in names if names.count(n) > 1}))
        )
    me = session.member()
    mine = (me or {}).get("name")
    members = [m for m in setup.members if m.name.strip() != mine]  # the laptop's own member
    taken = {r["name"] for r in team_members(session)} & {m.name.strip() for m in members}
    if taken:
        raise UserError("组员已在名单中：" + "、".join(sorted(taken)))
    known = {c.code: c for c in province_courts() if c.code}
    wanted: dict[str, CourtChoice] = {}
    for court in setup.courts:
        chain = [court]
        while chain[-1].parent_code and chain[-1].parent_code in known:
            chain.append(known[chain[-1].parent_code])
        for c in reversed(chain):
            wanted.setdefault(c.code or c.name, c)
    with session.transaction():
        ids: dict[str, str] = {}
        for key, c in wanted.items():
            parent = ids.get(c.parent_code) if c.parent_code else None
            ids[key] = add_court(session, name=c.name, level=c.level, code=c.code, parent_id=parent)
        for m in members:
            add_member(session, name=m.name.strip(), unit=m.unit, role=m.role, phone=m.phone)
        if setup.campaign is not None:
            inspected = [ids[c.code or c.name] for c in setup.courts]
            create_campaign(
                session,
                name=setup.campaign.name,
                kind=setup.campaign.kind,
                issuing_court=setup.campaign.issuing_court,
                start_date=setup.campaign.start_date,
                end_date=setup.campaign.end_date,
                target_courts=inspected,
            )
