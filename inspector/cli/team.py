"""The team: its campaign, courts and members, and the roster of their laptops."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import UserError
from .common import date_arg, print_json, workspace

ROLE_LABELS = {"leader": "组长", "verifier": "核查人", "inspector": "检查人员"}


def cmd_team(args: argparse.Namespace) -> int:
    """List the campaign, courts and members; add or correct them (the role only through
    ``--role``, which the leader alone may set)."""
    from ..services import team

    with workspace(args.workspace) as session:
        if args.what == "list":
            data = {
                "campaigns": team.campaigns(session),
                "courts": team.courts(session),
                "members": team.members(session),
            }
            if args.json:
                print_json({k: [_public(r) for r in v] for k, v in data.items()})
                return 0
            for c in data["campaigns"]:
                print(
                    f"巡查活动：{c['name']}（{c['start_date'] or '—'} 至 {c['end_date'] or '—'}）"
                )
            for c in data["courts"]:
                print(f"法院：{c['name']}\t{c['level'] or ''}\t{c['code'] or ''}")
            for m in data["members"]:
                print(
                    f"组员：{m['name']}\t{ROLE_LABELS.get(m['role'], m['role'])}\t{m['unit'] or ''}"
                )
            return 0
        if args.what == "court":
            parent = team.find_court(session, args.parent)["id"] if args.parent else None
            if args.action == "add":
                team.add_court(
                    session,
                    name=args.name,
                    level=args.level or "基层",
                    code=args.code or "",
                    parent_id=parent,
                )
                print(f"已添加法院：{args.name}")
            else:
                court = team.find_court(session, args.name)
                changes = _given(args, new_name="name", level="level", code="code")
                if args.parent:
                    changes["parent_id"] = parent
                team.update_court(session, court_id=court["id"], **changes)
                print(f"已修改法院：{court['name']}")
            return 0
        if args.what == "member":
            if args.action == "add":
                team.add_member(
                    session,
                    name=args.name,
                    unit=args.unit or "",
                    role=args.role or "inspector",
                    phone=args.phone or "",
                )
                print(f"已添加组员：{args.name}")
            else:
                member = team.find_member(session, args.name)
                changes = _given(args, new_name="name", unit="unit", phone="phone")
                if changes:
                    team.update_member(session, member_id=member["id"], **changes)
                if args.role:
                    team.set_member_role(session, member_id=member["id"], role=args.role)
                print(f"已修改组员：{member['name']}")
            return 0
        found = team.campaigns(session)
        values = _given(
            args,
            new_name="name",
            kind="kind",
            issuing_court="issuing_court",
            doc_number="doc_number",
            start="start_date",
            end="end_date",
            report_deadline="report_deadline",
        )
        for key in ("plan_days", "report_months"):  # a 0 is refused, not passed over
            if getattr(args, key, None) is not None:
                values[key] = getattr(args, key)
        if found:
            team.update_campaign(session, campaign_id=found[0]["id"], **values)
            print(f"已修改巡查活动：{values.get('name', found[0]['name'])}")
        else:
            if "name" not in values:
                raise UserError("请用 --name 给出巡查活动名称")
            team.create_campaign(session, **values)
            print(f"已创建巡查活动：{values['name']}")
    return 0


def _given(args: argparse.Namespace, **names: str) -> dict[str, Any]:
    """The options given on the command line, by the field each one sets."""
    return {field: getattr(args, opt) for opt, field in names.items() if getattr(args, opt, None)}


def _public(row: dict[str, Any]) -> dict[str, Any]:
    keep = (
        *("id", "name", "level", "code", "parent_id", "unit", "role", "phone", "kind"),
        *("doc_number", "issuing_court", "start_date", "end_date", "report_deadline"),
        *("plan_days", "report_months", "follows_id"),
    )
    return {k: row[k] for k in keep if k in row}


def cmd_roster(args: argparse.Namespace) -> int:
    from ..services.roster import (
        export_identity_card,
        export_roster,
        import_roster_file,
        my_identity,
        revoke_laptop,
        roster_entries,
    )

    if args.action in ("export", "import", "revoke") and not args.file:
        what = "组员姓名或电脑编号" if args.action == "revoke" else "文件"
        raise UserError(f"请给出{what}")
    with workspace(args.workspace) as session:
        if args.action == "list":
            labels = ROLE_LABELS
            for ident in roster_entries(session):
                state = f"  已于{(ident.revoked_at or '')[:10]}注销" if ident.revoked else ""
                print(
                    f"{ident.name}\t{labels.get(ident.role, ident.role)}\t"
                    f"电脑{ident.device_id[:8]}\t指纹 {ident.fingerprint}{state}"
                )
            return 0
        if args.action == "revoke":
            revoked = revoke_laptop(session, who=args.file)
            print(
                f"已注销{revoked[0].name}的电脑（{len(revoked)}条记录链），并签发新版名册；"
                "其注销后的台账包将被拒绝，注销前已导入的内容保留。请把新名册发给各组员"
            )
            return 0
        if args.action == "export":
            me = my_identity(session)
            if me.role == "leader" and not args.card:
                roster = export_roster(session, path=Path(args.file))
                print(
                    f"已签发第{roster.version}版名册（{len(roster.members)}台电脑）：{args.file}\n"
                    f"组长密钥指纹：{roster.leader.fingerprint}"
                )
            else:
                ident = export_identity_card(session, path=Path(args.file))
                print(f"已导出{ident.name}的身份卡：{args.file}\n本机密钥指纹：{ident.fingerprint}")
        else:
            link = _card_link(session, Path(args.file), args.link, args.new_member)
            result = import_roster_file(
                session,
                path=Path(args.file),
                role=args.role,
                link_to=link,
                fingerprint=args.fingerprint,
                court=args.court,
            )
            if result.kind == "card":
                ident = result.identities[0]
                linked = "，已关联组员名单中的记录" if result.linked_to else ""
                print(
                    f"已接收{ident.name}（{ident.role}）的身份卡{linked}，指纹：{ident.fingerprint}"
                )
                if args.fingerprint is None:
                    print("请与对方当面或电话核对上述指纹；不一致时请执行 roster revoke")
            else:
                assert result.leader is not None
                print(
                    f"已导入第{result.version}版名册（{len(result.identities)}台电脑），"
                    f"组长{result.leader.name}的密钥指纹：{result.leader.fingerprint}"
                )
    return 0


def _card_link(session: Any, path: Path, link: str | None, new_member: bool) -> str | None:
    """Whom on the member list a card belongs to: ``--link`` names them; with a namesake on
    the list and neither ``--link`` nor ``--new-member``, the leader must say which."""
    from ..services.roster import read_roster_file
    from ..services.team import find_member

    preview = read_roster_file(session, path=path)
    if preview.kind != "card":
        return None
    if link:
        return str(find_member(session, link)["id"])
    if preview.matches and not new_member:
        names = "、".join(f"{m.name}（{m.unit or '未填单位'}）" for m in preview.matches)
        raise UserError(
            f"组员名单中已有{names}：是同一人请加 --link 姓名（或编号）关联，"
            "是另一人请加 --new-member"
        )
    return None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("team", help="巡查活动、法院和组员：列出、添加、修改")
    p.add_argument("workspace")
    what = p.add_subparsers(dest="what", required=True)
    listing = what.add_parser("list", help="列出巡查活动、法院和组员")
    listing.add_argument("--json", action="store_true")
    court = what.add_parser("court", help="添加或修改法院")
    court.add_argument("action", choices=("add", "edit"))
    court.add_argument("name", help="add：法院名称；edit：要修改的法院（名称、代字或编号）")
    court.add_argument("--level", choices=("最高法", "高院", "中院", "基层"))
    court.add_argument("--code", help="法院代字，如 云0102")
    court.add_argument("--parent", help="上级法院（名称、代字或编号）")
    court.add_argument("--new-name", help="edit：新的名称")
    member = what.add_parser("member", help="添加或修改组员")
    member.add_argument("action", choices=("add", "edit"))
    member.add_argument("name", help="add：姓名；edit：要修改的组员（姓名或编号）")
    member.add_argument("--unit")
    member.add_argument("--phone")
    member.add_argument(
        "--role", choices=("leader", "verifier", "inspector"), help="角色（只有组长可以调整）"
    )
    member.add_argument("--new-name", help="edit：新的姓名")
    campaign = what.add_parser("campaign", help="设置巡查活动（没有时创建）")
    campaign.add_argument("--name", dest="new_name")
    campaign.add_argument("--kind")
    campaign.add_argument("--issuing-court")
    campaign.add_argument("--doc-number", help="发文字号，如 云高法〔2025〕12号")
    campaign.add_argument("--start", type=date_arg)
    campaign.add_argument("--end", type=date_arg)
    campaign.add_argument("--report-deadline", type=date_arg)
    campaign.add_argument(
        "--plan-days", type=int, help="反馈意见要求报送整改方案的期限（天，自反馈之日起；默认30）"
    )
    campaign.add_argument(
        "--report-months",
        type=int,
        help="反馈意见要求报送整改情况报告的期限（月，自反馈之日起；默认3）",
    )
    p.set_defaults(func=cmd_team)

    p = sub.add_parser(
        "roster", help="名册：组长签发、组员导入；组员导出身份卡；列出名册；注销丢失的电脑"
    )
    p.add_argument("action", choices=("export", "import", "list", "revoke"))
    p.add_argument("workspace")
    p.add_argument(
        "file", nargs="?", default=None, help="export / import：文件；revoke：组员姓名或电脑编号"
    )
    p.add_argument("--card", action="store_true", help="导出本机身份卡（组长也可）")
    p.add_argument(
        "--role", choices=("leader", "verifier", "inspector"), help="导入身份卡时指定角色"
    )
    p.add_argument(
        "--court",
        metavar="COURT",
        help="导入被检查法院联络员的身份卡：其所属法院（名称、代字或编号），只在该院范围内信任",
    )
    p.add_argument("--link", metavar="MEMBER", help="导入身份卡：关联组员名单中的这名组员")
    p.add_argument("--new-member", action="store_true", help="导入身份卡：名单中的同名者是另一人")
    p.add_argument("--fingerprint", help="与对方核对过的指纹；文件中的密钥指纹不同则拒绝导入")
    p.set_defaults(func=cmd_roster)
