"""Whole workspaces: the demo, statistics, deadlines, rebuilding and checking."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from .common import PASSWORD_ENV, date_arg, print_json, workspace


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo import build_demo
    from ..services.workspaces import statistics

    path = Path(args.path)
    if path.exists() and not args.force:
        raise UserError(f"文件已存在：{path}（加 --force 覆盖）")
    import os

    password = os.environ.get(PASSWORD_ENV)
    if password is not None and not password:
        raise UserError(
            f"环境变量 {PASSWORD_ENV} 为空：要创建加密的演示工作区请设置密码，不加密请删除该变量"
        )
    session = build_demo(
        path,
        scale=args.scale,
        seed=args.seed,
        as_of=args.as_of,
        password=password,
        replace=True,
        follow_up=args.follow_up,
    )
    try:
        counts = statistics(session, today=args.as_of).counts
    finally:
        session.close()
    summary = "，".join(f"{k} {v}" for k, v in counts.items())
    lock = "，已加密" if password else ""
    print(f"已创建演示工作区 {path}（规模 {args.scale}，种子 {args.seed}{lock}）：{summary}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """A real (not demo) workspace for this laptop's member: encrypted unless --no-encrypt,
    with the password from INSPECTOR_PASSWORD or asked twice on the terminal."""
    from ..services.workspaces import create_workspace
    from .common import password

    path = Path(args.path)
    if path.exists():
        raise UserError(f"文件已存在：{path}")
    secret = None if args.no_encrypt else password("新工作区的密码：", confirm=True)
    session = create_workspace(
        path, member_name=args.member, unit=args.unit or "", role=args.role, password=secret
    )
    try:
        from ..services.roster import my_identity

        me = my_identity(session)
    finally:
        session.close()
    lock = "已加密" if secret else "未加密"
    print(
        f"已创建工作区 {path}（{lock}），本机使用者：{args.member}；本机密钥指纹：{me.fingerprint}"
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from ..services.system_check import run_system_check
    from ..services.workspaces import statistics

    with workspace(args.path) as session:
        stats = statistics(session, today=args.today)
        # node-overdue rates come from the rules over every case (the 系统检查)
        nodes = run_system_check(session, as_of=args.today).node_overdue_rates()
    if args.json:
        print_json({**stats.as_dict(), "node_overdue_rates": nodes})
        return 0
    from ..domain.records import RECORD_TYPES

    items = stats.items
    print(f"截至 {stats.as_of}")
    for name, n in stats.counts.items():
        label = RECORD_TYPES[name].label if name in RECORD_TYPES else name
        print(f"  {label}{'　' * max(0, 8 - len(label))}{n:>8}")
    print("问题类别：" + "，".join(f"{k} {v}" for k, v in stats.problems_by_category.items()))
    print("整改状态：" + "，".join(f"{k} {v}" for k, v in stats.items_by_state.items()))
    print(
        f"整改事项 {items.total} 项，已销号 {items.closed}，逾期 {items.overdue}，"
        f"按期提交待核查 {items.overdue_awaiting_verification}，"
        f"临期 {items.due_soon}，销号率 {stats.closure_rate:.1%}"
    )
    quality = stats.zhongben_pass_rate.overall
    if quality.reviewed:
        rate = f"{quality.pass_rate:.1%}" if quality.pass_rate is not None else "—"
        print(
            f"终本案件评查 {quality.reviewed} 件，合格 {quality.passed}，"
            f"待核实 {quality.to_verify}，终本合格率 {rate}"
        )
    f = stats.figures.overall

    def pct(v: float | None) -> str:
        return f"{v:.1%}" if v is not None else "—"

    floor = "达到" if f.meets_sampling_floor else "未达到"
    print(
        f"终本案件 {f.zhongben_cases} 件，抽查 {f.zhongben_sampled} 件（{pct(f.sampling_ratio)}，"
        f"{floor}30%）；首次执行案件实际执行到位率 {pct(f.first_paid_rate)}；"
        f"终本率 {pct(f.zhongben_rate)}；按期整改率 {pct(f.on_time_rate)}"
    )
    rates = "，".join(f"{k} {pct(v.get('全部'))}" for k, v in sorted(nodes.items()))
    print(f"节点超期率：{rates}")
    leads = stats.leads
    stages = "，".join(f"{k} {v}" for k, v in leads.by_stage.items())
    print(f"一案双查线索 {leads.total} 件（{stages}），调查逾期 {leads.overdue} 件")
    for fu in stats.follow_ups:
        print(
            f"回头看（{fu.campaign}）：复查 {fu.rechecked}/{fu.candidates} 项，巩固 {fu.held}，"
            f"复发 {fu.recurred}，问题复发率 {pct(fu.recurrence.rate)}；"
            f"延续整改 {fu.carried_over} 项，上次巡查后销号 {fu.closed_since_last_visit} 项"
        )
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    from ..services.workspaces import compute_deadline, load_holiday_file

    unit = "workdays" if args.workdays else ("months" if args.months else "days")
    calendar = load_holiday_file(Path(args.holidays), args.year) if args.holidays else None
    deadline = compute_deadline(calendar, start=args.start, amount=args.n, unit=unit)
    if args.json:
        print_json(deadline.as_dict())
        return 0
    print(deadline.summary())
    for step in deadline.steps:
        print(f"  · {step}")
    return 0


def cmd_holidays(args: argparse.Namespace) -> int:
    from ..services.holidays import load_holidays, preview_holidays, read_holiday_file

    text = read_holiday_file(Path(args.file))
    if args.dry_run:
        preview = preview_holidays(text=text, year=args.year)
    else:
        with workspace(args.workspace) as session:
            preview = load_holidays(session, text=text, year=args.year)
    if args.json:
        print_json(
            {
                "years": list(preview.years),
                "lines": list(preview.lines),
                "warnings": list(preview.warnings),
                "days_off": preview.days_off,
                "workdays": preview.workdays,
                "loaded": not args.dry_run,
            }
        )
        return 0
    print(preview.summary())
    for line in preview.lines:
        print(f"  · {line}")
    for w in preview.warnings:
        print(f"  ！{w}")
    years = "、".join(f"{y}年" for y in preview.years)
    print(
        "（预览，未导入）"
        if args.dry_run
        else f"已导入本机：{years}的期限不再是暂定（国务院通知公布的调休已计入）"
    )
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from ..services.workspaces import rebuild_projections

    with workspace(args.path) as session:
        n = rebuild_projections(session)
    print(f"已根据 {n} 条修订记录重建当前数据表")
    return 0


def cmd_verify_workspace(args: argparse.Namespace) -> int:
    from ..services.security import verify_workspace

    with workspace(args.path) as session:
        report = verify_workspace(session)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "encrypted": report.encrypted,
                "revisions": report.revisions,
                "devices": report.devices,
                "problems": report.problems,
            }
        )
    elif report.ok:
        kind = "已加密，每页校验通过；" if report.encrypted else ""
        print(
            f"工作区完好：{kind}结构检查通过；{report.devices}台电脑的{report.revisions}条"
            "修改记录，修改记录链完整"
        )
    else:
        print("工作区有问题：", file=sys.stderr)
        for line in report.problems:
            print(f"  - {line}", file=sys.stderr)
    return 0 if report.ok else 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="新建工作区（本机使用者的台账）")
    p.add_argument("path")
    p.add_argument("--member", required=True, help="本机使用者的姓名")
    p.add_argument("--unit", help="本机使用者的单位")
    p.add_argument(
        "--role",
        choices=("leader", "verifier", "inspector", "court"),
        default="inspector",
        help="本机使用者的角色（组员的角色以组长签发的名册为准；court：被检查法院联络员）",
    )
    p.add_argument("--no-encrypt", action="store_true", help="不加密（只用于练习和测试）")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("demo", help="创建演示工作区")
    p.add_argument("path")
    p.add_argument("--scale", choices=("small", "province"), default="small")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--as-of", type=date_arg, default=None, help="演示数据的参照日期（默认今天）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.add_argument(
        "--follow-up", action="store_true", help="另建一次回头看：复查、复发和延续整改的事项"
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("stats", help="统计：记录数、问题类别、整改状态、逾期、销号率")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", type=date_arg, default=None, help="统计截止日期（默认今天）")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("deadline", help="计算期限届满日（默认自然日）")
    p.add_argument("start", type=date_arg)
    p.add_argument("n", type=int)
    unit = p.add_mutually_exclusive_group()
    unit.add_argument("--workdays", action="store_true", help="按工作日计算")
    unit.add_argument("--months", action="store_true", help="按月计算")
    p.add_argument(
        "--holidays",
        metavar="FILE",
        help="节假日安排：国务院办公厅通知全文，或节假日清单（每行：日期 休/班 [名称]）",
    )
    p.add_argument("--year", type=int, help="通知所属年度（粘贴的通知没有标题时）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser(
        "holidays", help="导入某年度的节假日安排（国务院办公厅通知全文或节假日清单），先预览"
    )
    p.add_argument("workspace")
    p.add_argument("file", help="通知全文（文本文件）或节假日清单")
    p.add_argument("--year", type=int, help="通知所属年度（粘贴的通知没有标题时）")
    p.add_argument("--dry-run", action="store_true", help="只预览，不导入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_holidays)

    p = sub.add_parser("rebuild", help="根据修订记录重建当前数据表")
    p.add_argument("path")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser(
        "verify-workspace", help="检查工作区：加密页校验、数据库结构、各电脑的修改记录链"
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_workspace)
