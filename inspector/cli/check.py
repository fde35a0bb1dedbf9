"""系统检查 from the command line: every rule over every case, and problems from its failures."""

from __future__ import annotations

import argparse

from .common import date_arg, print_json, workspace


def cmd_check(args: argparse.Namespace) -> int:
    """Every applicable rule on every case (text: the figures by rule and court; ``--json``:
    each case's results too). ``--problems`` records one problem per court and rule with
    failures (``--rule`` limits it to some rules)."""
    from ..services.system_check import VERDICTS, problems_from_check, run_system_check
    from ..services.team import find_court

    with workspace(args.workspace) as session:
        court_id = find_court(session, args.court)["id"] if args.court else None
        check = run_system_check(session, as_of=args.as_of, court_id=court_id)
        made: list[str] = []
        if args.problems:
            pairs = [
                (cid, item)
                for cid, _name, item, _n in check.failing_pairs()
                if not args.rule or item in args.rule
            ]
            made = problems_from_check(session, check, pairs)
    if args.json:
        print_json({**check.as_json(), "problems_created": len(made)})
        return 0
    print(f"系统检查：截至 {check.as_of.isoformat()}，检查案件 {len(check.cases)} 件")
    print("检查项　" + "　".join(VERDICTS))
    for item, counts in sorted(check.by_rule.items()):
        print(f"{item:<8}" + "　".join(f"{counts.get(v, 0):>6}" for v in VERDICTS))
    worst = check.failing_pairs()
    if worst:
        print("不符合最多的法院和检查项：")
        for _cid, court, item, n in worst[:20]:
            print(f"  {court}　{item}　{n} 件")
    if made:
        print(f"已生成问题 {len(made)} 个")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="系统检查：对全部案件逐项运行规则（不限于抽样案件）")
    p.add_argument("workspace")
    p.add_argument("--as-of", type=date_arg, default=None, help="检查截止日期（默认今天）")
    p.add_argument("--court", help="只检查该法院（名称、代字或编号）")
    p.add_argument("--json", action="store_true")
    p.add_argument("--problems", action="store_true", help="按法院和检查项把不符合的案件生成问题")
    p.add_argument("--rule", action="append", help="只为该检查项生成问题（可多次指定，如 ZB4）")
    p.set_defaults(func=cmd_check)
