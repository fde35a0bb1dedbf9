"""The ``inspector`` command: headless use of the services.

Exit code 0 on success; on a user error, non-zero with one clear line on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import UserError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，应为 2025-09-30 格式") from None


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import build_demo
    from .services.workspaces import statistics

    path = Path(args.path)
    if path.exists():
        if not args.force:
            raise UserError(f"文件已存在：{path}（加 --force 覆盖）")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    session = build_demo(path, scale=args.scale, seed=args.seed, as_of=args.as_of)
    try:
        counts = statistics(session, today=args.as_of)["counts"]
    finally:
        session.close()
    summary = "，".join(f"{k} {v}" for k, v in counts.items())
    print(f"已创建演示工作区 {path}（规模 {args.scale}，种子 {args.seed}）：{summary}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .services.session import open_session
    from .services.workspaces import statistics

    session = open_session(args.path)
    try:
        stats = statistics(session, today=args.today)
    finally:
        session.close()
    if args.json:
        _print_json(stats)
        return 0
    items = stats["items"]
    print(f"截至 {stats['as_of']}")
    for name, n in stats["counts"].items():
        print(f"  {name:<20}{n:>8}")
    print("问题类别：" + "，".join(f"{k} {v}" for k, v in stats["problems_by_category"].items()))
    print("整改状态：" + "，".join(f"{k} {v}" for k, v in stats["items_by_state"].items()))
    print(
        f"整改事项 {items['total']} 项，已销号 {items['closed']}，逾期 {items['overdue']}，"
        f"临期 {items['due_soon']}，销号率 {stats['closure_rate']:.1%}"
    )
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    from .services.workspaces import compute_deadline, load_holiday_file

    unit = "workdays" if args.workdays else ("months" if args.months else "days")
    calendar = load_holiday_file(Path(args.holidays)) if args.holidays else None
    deadline = compute_deadline(calendar, start=args.start, amount=args.n, unit=unit)
    if args.json:
        _print_json(deadline.as_dict())
        return 0
    print(deadline.summary())
    for step in deadline.steps:
        print(f"  · {step}")
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from .services.session import open_session
    from .services.workspaces import rebuild_projections

    session = open_session(args.path)
    try:
        n = rebuild_projections(session)
    finally:
        session.close()
    print(f"已根据 {n} 条修订记录重建当前数据表")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector", description="巡查台账：执行巡查工作台账命令行工具"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="创建演示工作区")
    p.add_argument("path")
    p.add_argument("--scale", choices=("small", "province"), default="small")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--as-of", type=_date, default=None, help="演示数据的参照日期（默认今天）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("stats", help="统计：记录数、问题类别、整改状态、逾期、销号率")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.add_argument("--today", type=_date, default=None, help="统计截止日期（默认今天）")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("deadline", help="计算期限届满日（默认自然日）")
    p.add_argument("start", type=_date)
    p.add_argument("n", type=int)
    unit = p.add_mutually_exclusive_group()
    unit.add_argument("--workdays", action="store_true", help="按工作日计算")
    unit.add_argument("--months", action="store_true", help="按月计算")
    p.add_argument(
        "--holidays", metavar="FILE", help="自行导入的节假日安排（每行：日期 休/班 [名称]）"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser("rebuild", help="根据修订记录重建当前数据表")
    p.add_argument("path")
    p.set_defaults(func=cmd_rebuild)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UserError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
