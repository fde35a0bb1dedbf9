"""Campaign, courts, members and problem categories.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..domain.categories import Category
from ..domain.enums import CampaignKind, Role
from ..domain.records import record_type
from ..domain.report_periods import period_errors
from ..errors import UserError
from . import records
from .session import Session, derived_id

_DOC_NUMBER = re.compile(r"^\S+〔\d{4}〕\d+号$")


def normalize_doc_number(text: str) -> str:
    """发文字号 in official form: 法发〔2016〕10号 (accepts [] () 【】 for the brackets)."""
    s = re.sub(r"\s+", "", text)
    s = re.sub(r"[\[\(（【［]\s*(\d{4})\s*[\]\)）】］]", r"〔\1〕", s)
    if not _DOC_NUMBER.match(s):
        raise UserError(f"发文字号“{text}”格式应如“法发〔2016〕10号”")
    return s


def _iso(d: dt.date | str | None) -> str | None:
    if d is None or d == "":
        return None
    return d.isoformat() if isinstance(d, dt.date) else dt.date.fromisoformat(d).isoformat()


def create_campaign(
    session: Session,
    *,
    name: str,
    kind: str = CampaignKind.PATROL,
    issuing_court: str = "",
    doc_number: str = "",
    start_date: dt.date | str | None = None,
    end_date: dt.date | str | None = None,
    report_deadline: dt.date | str | None = None,
    target_courts: list[str] | None = None,
    note: str = "",
    follows_id: str | None = None,
    plan_days: int | None = None,
    report_months: int | None = None,
) -> str:
    """A campaign; with ``follows_id``, a 回头看 of that earlier campaign (made through
    :func:`.follow_up.create_follow_up`, which checks it). ``plan_days`` / ``report_months``:
    what its feedback asks of the courts, counted from the feedback's date (30 days for the
    整改方案 and 3 months for the 整改情况报告 when not given)."""
    if not name.strip():
        raise UserError("请填写巡查活动名称")
    _check_periods(plan_days, report_months)
    CampaignKind(kind)
    start, end = _iso(start_date), _iso(end_date)
    if start and end and end < start:
        raise UserError("结束日期不能早于开始日期")
    return records.create(
        session,
        "campaign",
        {
            "name": name,
            "kind": str(kind),
            "issuing_court": issuing_court,
            "doc_number": normalize_doc_number(doc_number) if doc_number.strip() else None,
            "start_date": start,
            "end_date": end,
            "report_deadline": _iso(report_deadline),
            "target_courts": list(target_courts or []),
            "note": note,
            **({"follows_id": follows_id} if follows_id else {}),
            **({"plan_days": plan_days} if plan_days is not None else {}),
            **({"report_months": report_months} if report_months is not None else {}),
        },
    )


def _check_periods(plan_days: Any, report_months: Any) -> None:
    for value in (plan_days, report_months):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise UserError("报送期限应为整数")
    errors = period_errors(plan_days, report_months)
    if errors:
        raise UserError("；".join(errors))


def update_campaign(session: Session, *, campaign_id: str, **changes: Any) -> None:
    """Change the campaign's name, kind, document number, dates or the periods its feedback
    gives the courts."""
    _check_periods(changes.get("plan_days"), changes.get("report_months"))
    if "kind" in changes:
        changes["kind"] = str(CampaignKind(changes["kind"]))
    if changes.get("doc_number"):
        changes["doc_number"] = normalize_doc_number(str(changes["doc_number"]))
    for key in ("start_date", "end_date", "report_deadline"):
        if key in changes:
            changes[key] = _iso(changes[key])
    current = records.get(session, "campaign", campaign_id)
    start = changes.get("start_date", current["start_date"])
    end = changes.get("end_date", current["end_date"])
    if start and end and end < start:
        raise UserError("结束日期不能早于开始日期")
    if "name" in changes and not str(changes["name"]).strip():
        raise UserError("请填写巡查活动名称")
    records.update(session, "campaign", campaign_id, changes)


def add_court(
    session: Session, *, name: str, level: str, code: str = "", parent_id: str | None = None
) -> str:
    if not name.strip():
        raise UserError("请填写法院名称")
    from ..domain.case_numbers import CourtLevel

    try:
        CourtLevel(level)
    except ValueError:
        raise UserError(f"法院层级“{level}”无效（{'、'.join(CourtLevel)}）") from None
    code = code.strip()
    _check_court_code(code)
    return records.create(
        session, "court", {"name": name, "level": str(level), "code": code, "parent_id": parent_id}
    )


def update_court(session: Session, *, court_id: str, **changes: Any) -> None:
    """Correct a court's name, level, code or parent (the change is in its history)."""
    from ..domain.case_numbers import CourtLevel

    records.get(session, "court", court_id)  # raises when there is none
    if "name" in changes and not str(changes["name"] or "").strip():
        raise UserError("请填写法院名称")
    if changes.get("level"):
        changes["level"] = str(CourtLevel(changes["level"]))
    if changes.get("parent_id") == court_id:
        raise UserError("法院不能以自己为上级法院")
    if "code" in changes:
        _check_court_code(str(changes["code"] or ""))
    records.update(session, "court", court_id, changes)


def _check_court_code(code: str) -> None:
    from ..domain.case_numbers import PROVINCE_CODES

    code = code.strip()
    digits = code[1:]
    if (
        code
        and code != "最高法"
        and (code[0] not in PROVINCE_CODES or (digits and not digits.isdigit()))
    ):
        raise UserError(f"法院代字“{code}”应为省级简称加数字，如“云0102”")


def _the_one(
    session: Session, type_name: str, where: str, params: tuple[str, ...], none: str, many: str
) -> dict[str, Any]:
    found = records.find(session, type_name, where, params)
    if not found:
        raise UserError(none)
    if len(found) > 1:
        raise UserError(many)
    return found[0]


def find_court(session: Session, who: str) -> dict[str, Any]:
    """A court by its id, name or code (for the command line)."""
    return _the_one(
        session,
        "court",
        "id = ? OR name = ? OR code = ?",
        (who, who, who),
        f"没有法院“{who}”",
        f"有多个法院与“{who}”相符，请改用编号",
    )


def find_campaign(session: Session, which: str) -> dict[str, Any]:
    """A campaign by its id or name (for the command line)."""
    return _the_one(
        session,
        "campaign",
        "id = ? OR name = ?",
        (which, which),
        f"没有巡查活动“{which}”",
        f"有多个巡查活动叫“{which}”，请改用编号",
    )


def find_member(session: Session, who: str) -> dict[str, Any]:
    """A member by their id or name (for the command line)."""
    return _the_one(
        session,
        "member",
        "id = ? OR name = ?",
        (who, who),
        f"没有组员“{who}”",
        f"有多名组员叫“{who}”，请改用编号",
    )


def update_member(session: Session, *, member_id: str, **changes: Any) -> None:
    """Correct a member's name, unit or phone (the role changes only by
    :func:`set_member_role`, the leader's)."""
    if "role" in changes:
        raise UserError("角色只能由组长在名册中调整")
    if "device_id" in changes:
        raise UserError("组员的电脑由其身份卡确定，不能手工修改")
    if "name" in changes and not str(changes["name"] or "").strip():
        raise UserError("请填写组员姓名")
    records.update(session, "member", member_id, changes)


def add_member(
    session: Session,
    *,
    name: str,
    unit: str = "",
    role: str = Role.INSPECTOR,
    device_id: str | None = None,
    phone: str = "",
) -> str:
    if not name.strip():
        raise UserError("请填写组员姓名")
    Role(role)
    return records.create(
        session,
        "member",
        {"name": name, "unit": unit, "role": str(role), "device_id": device_id, "phone": phone},
    )


def set_member_role(session: Session, *, member_id: str, role: str) -> None:
    """The leader changes a member's role: in the ledger and in the signed roster, as a new
    roster version that travels with the leader's next packages. Laptops check each revision
    against the role its laptop had when it made it, so a demoted verifier's later closes are
    refused and what they closed before stays."""
    from ..sync import roster as roster_mod
    from .roster import my_identity

    if session.role() != Role.LEADER:
        raise UserError("只有组长可以调整组员角色")
    role = str(Role(role))
    member = records.get(session, "member", member_id)
    with session.transaction():
        records.update(session, "member", member_id, {"role": role})
        changed = roster_mod.set_role(session.conn, member_id, role, member.get("device_id"))
        if changed and roster_mod.pinned(session.conn) is not None:
            roster_mod.export_roster(session.conn, my_identity(session))


def category_id(name: str) -> str:
    return derived_id(f"category:{name}")


#: the seeded reference revisions are identical on every laptop (same ids, device, clock)
REFERENCE_DEVICE = "reference"
REFERENCE_EPOCH = dt.datetime(2016, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def seed_reference_data(session: Session) -> None:
    """Seed the category list; identical revisions on every laptop merge as one."""
    from ..reference import seed_categories
    from ..storage.revisions import RevisionLog

    log = RevisionLog(session.workspace, REFERENCE_DEVICE, None, lambda: REFERENCE_EPOCH)
    with session.transaction():
        for order, c in enumerate(seed_categories(), start=1):
            rid = category_id(c.name)
            if log.heads(record_type("category"), rid) is None:
                log.write(
                    "category",
                    rid,
                    "create",
                    {
                        "name": c.name,
                        "description": c.description,
                        "subtypes": list(c.subtypes),
                        "sort_order": order,
                        "active": 1,
                    },
                )


def categories(session: Session) -> list[Category]:
    rows = records.find(session, "category", "active = 1")
    rows.sort(key=lambda r: (r["sort_order"] or 0, r["name"]))
    return [Category(r["name"], r["description"] or "", tuple(r["subtypes"] or [])) for r in rows]


def save_category(
    session: Session, *, name: str, subtypes: list[str], description: str = ""
) -> str:
    """Add a category or change its subtypes (leaders configure the list)."""
    if session.role() != Role.LEADER:
        raise UserError("只有组长可以调整问题类别")
    name = name.strip()
    if not name:
        raise UserError("请填写类别名称")
    clean = list(dict.fromkeys(s.strip() for s in subtypes if s.strip()))
    existing = records.find(session, "category", "name = ?", (name,))
    if existing:
        records.update(
            session,
            "category",
            existing[0]["id"],
            {"subtypes": clean, "description": description or existing[0]["description"]},
        )
        return str(existing[0]["id"])
    order = session.conn.execute(
        "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM categories"
    ).fetchone()[0]
    return records.create(
        session,
        "category",
        {
            "name": name,
            "description": description,
            "subtypes": clean,
            "sort_order": order,
            "active": 1,
        },
        record_id=category_id(name),
    )


def campaigns(session: Session) -> list[dict[str, Any]]:
    return sorted(records.find(session, "campaign"), key=lambda r: r["start_date"] or "")


def courts(session: Session) -> list[dict[str, Any]]:
    return sorted(records.find(session, "court"), key=lambda r: (r["code"] or "", r["name"]))


#: a member record whose laptop the roster gives to another record of the same person (the
#: laptop's first record of itself, before the leader linked it to theirs) is not listed
NOT_SUPERSEDED = (
    "NOT (device_id IS NOT NULL AND EXISTS (SELECT 1 FROM trusted_keys t "
    "WHERE t.device_id = members.device_id AND t.member_id != members.id "
    "AND EXISTS (SELECT 1 FROM members o WHERE o.id = t.member_id AND o.deleted = 0)))"
)


def members(session: Session) -> list[dict[str, Any]]:
    """The team's members, each person once."""
    return sorted(records.find(session, "member", NOT_SUPERSEDED), key=lambda r: r["name"])


def member_names(session: Session) -> dict[str, str]:
    """Every member's name by id, deleted and superseded records too (for who made what)."""
    return {rid: name for rid, name in session.conn.execute("SELECT id, name FROM members")}
