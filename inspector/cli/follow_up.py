"""回头看 (follow-up inspection): create one, list what it re-checks and carries over, record
re-checks, print its rates."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from ..domain.enums import CampaignKind
from ..errors import UserError
from .common import date_arg, print_json, workspace

OUTCOMES = {
    "recheck_held": "巩固",
    "recheck_reopened": "复发，重新整改",
    "recheck_new_problem": "复发，另立问题",
}


def _pct(rate: float | None) -> str:
    return f"{rate:.1%}" if rate is not None else "—"


def cmd_follow_up(args: argparse.Namespace) -> int:
    from ..services import follow_up as fu
    from ..services.team import find_campaign

    with workspace(args.workspace) as session:
        if args.action == "create":
            fid = fu.create_follow_up(
                session,
                follows=args.follows,
                name=args.name,
                start_date=args.start,
                end_date=args.end,
                kind=args.kind,
                doc_number=args.doc_number or "",
                report_deadline=args.report_deadline,
            )
            made = fu.follow_up(session, campaign_id=fid)
            print(f"已创建回头看“{made.name}”（{fid}），原巡查：{made.follows}")
            return 0
        if args.action == "list":
            found = fu.follow_ups(session)
            if args.json:
                print_json([_plain(asdict(f)) for f in found])
                return 0
            if not found:
                print("没有回头看")
            for f in found:
                print(
                    f"{f.name}\t{f.start_date or '—'} 至 {f.end_date or '—'}\t原巡查：{f.follows}"
                )
            return 0
        if args.action == "rates":
            campaign_id = find_campaign(session, args.campaign)["id"] if args.campaign else None
            rates = fu.follow_up_rates(session, campaign_id=campaign_id, today=args.today)
            if args.json:
                print_json([asdict(r) for r in rates])
                return 0
            if not rates:
                print("没有回头看")
            for r in rates:
                _print_rates(r)
            return 0
        campaign_id = find_campaign(session, args.campaign)["id"]
        if args.action == "recheck":
            _recheck(session, args, campaign_id)
            return 0
        listing = fu.recheck_candidates if args.action == "candidates" else fu.carried_over
        items = listing(session, campaign_id=campaign_id)
        if args.json:
            print_json([asdict(i) for i in items])
            return 0
        for i in items:
            if args.action == "candidates":
                outcome = OUTCOMES.get(i.recheck or "", "未复查")
                print(
                    f"{i.item_id}\t{i.court}\t{i.category}\t销号于 {(i.since or '')[:10]}"
                    f"\t{outcome}\t{i.measure}"
                )
            else:
                print(
                    f"{i.item_id}\t{i.court}\t{i.category}\t{i.state}"
                    f"\t时限 {i.deadline or '—'}\t{i.measure}"
                )
        what = "应复查（回头看开始时已销号）" if args.action == "candidates" else "延续整改"
        print(f"共 {len(items)} 项{what}")
    return 0


def _recheck(session: Any, args: argparse.Namespace, campaign_id: str) -> None:
    from ..services import follow_up as fu

    if args.held == args.recurred:
        raise UserError("请用 --held（巩固）或 --recurred（复发）给出复查结论")
    if args.new_problem and not args.recurred:
        raise UserError("--new-problem 只用于复发（--recurred）")
    item = fu.find_earlier_item(session, campaign_id=campaign_id, which=args.item)
    done = fu.record_recheck(
        session,
        item_id=item.item_id,
        campaign_id=campaign_id,
        held=args.held,
        note=args.note or "",
        new_problem=args.new_problem,
        description=args.description,
    )
    text = f"已记录复查（{OUTCOMES[done.outcome]}）：{item.court} {item.measure}"
    if done.problem_id:
        text += f"；复发问题 {done.problem_id}"
    print(text)


def _print_rates(r: Any) -> None:
    print(f"{r.campaign}（原巡查：{r.follows}）")
    print(
        f"  应复查 {r.candidates} 项，已复查 {r.rechecked} 项：巩固 {r.held}，复发 {r.recurred}"
        f"（重新整改 {r.reopened}，另立问题 {r.new_problems}）；"
        f"问题复发率 {_pct(r.recurrence.rate)}（{r.recurrence.recurred}/{r.recurrence.rechecked}）"
    )
    print(
        f"  延续整改 {r.carried_over} 项（其中已销号 {r.carried_closed}）；"
        f"上次巡查后销号 {r.closed_since_last_visit} 项"
    )
    for label, by in (("法院", r.by_court), ("问题类别", r.by_category)):
        rates = "，".join(
            f"{k} {_pct(v.rate)}（{v.recurred}/{v.rechecked}）" for k, v in by.items()
        )
        print(f"  按{label}：{rates or '—'}")


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "follow-up", help="回头看：新建、列出应复查和延续整改的事项、记录复查、复发率"
    )
    p.add_argument("workspace")
    action = p.add_subparsers(dest="action", required=True)
    create = action.add_parser("create", help="新建回头看（组长）")
    create.add_argument("--follows", required=True, help="原巡查活动（名称或编号）")
    create.add_argument("--name", required=True)
    create.add_argument("--start", type=date_arg, required=True)
    create.add_argument("--end", type=date_arg)
    create.add_argument(
        "--kind", choices=[k.value for k in CampaignKind], help="类型（默认与原巡查相同）"
    )
    create.add_argument("--doc-number", help="发文字号，如 云高法〔2026〕12号")
    create.add_argument("--report-deadline", type=date_arg)
    listing = action.add_parser("list", help="列出回头看")
    listing.add_argument("--json", action="store_true")
    for name, text in (
        ("candidates", "原巡查中回头看开始时已销号、应复查的事项"),
        ("carried", "原巡查中回头看开始时尚未销号、延续整改的事项"),
    ):
        q = action.add_parser(name, help=text)
        q.add_argument("campaign", help="回头看（名称或编号）")
        q.add_argument("--json", action="store_true")
    recheck = action.add_parser("recheck", help="记录复查：巩固，或复发（重新打开或另立问题）")
    recheck.add_argument("campaign", help="回头看（名称或编号）")
    recheck.add_argument("item", help="整改事项编号（或其前几位）")
    recheck.add_argument("--held", action="store_true", help="整改成果巩固，未发现反弹")
    recheck.add_argument("--recurred", action="store_true", help="问题复发")
    recheck.add_argument(
        "--new-problem", action="store_true", help="复发时另立问题（默认重新打开原事项）"
    )
    recheck.add_argument("--description", help="另立问题的描述（默认沿用原问题的描述）")
    recheck.add_argument("--note", help="复查情况")
    rates = action.add_parser("rates", help="复查、复发率、延续整改和上次巡查后销号的统计")
    rates.add_argument("campaign", nargs="?", help="回头看（名称或编号；默认全部）")
    rates.add_argument("--today", type=date_arg, default=None, help="统计截止日期（默认今天）")
    rates.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_follow_up)
