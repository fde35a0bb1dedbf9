"""约谈、通报、问责: record them and list them (with the court, the items, the follow-up)."""

from __future__ import annotations

import argparse

from .common import date_arg, print_json, workspace


def cmd_accountability(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..services import accountability as acc
    from ..services.team import find_court

    with workspace(args.workspace) as session:
        court_id = find_court(session, args.court)["id"] if args.court else None
        if args.action == "add":
            missing = [n for n in ("court", "kind", "date", "reason") if not getattr(args, n)]
            if missing:
                raise UserError("add 需要参数：" + "、".join(f"--{n}" for n in missing))
            assert court_id is not None
            rid = acc.add_accountability(
                session,
                court_id=court_id,
                kind=args.kind,
                date=args.date,
                reason=args.reason,
                target=args.target or "",
                officers=args.officer or [],
                by_whom=args.by or "",
                item_ids=args.item or [],
                problem_ids=args.problem or [],
                follow_up=args.follow_up or "",
                follow_up_date=args.follow_up_date,
            )
            print(f"已记录{args.kind} {rid}")
            return 0
        found = acc.accountability_records(session, court_id=court_id, item_id=args.item_of)
        if args.json:
            print_json(found)
        else:
            names = {c[0]: c[1] for c in session.conn.execute("SELECT id, name FROM courts")}
            for r in found:
                print(
                    f"{r['date']}\t{r['kind']}\t{names.get(r['court_id'], '')}\t"
                    f"{r['target'] or ''}\t{r['reason']}\t{r['follow_up'] or ''}"
                )
            if not found:
                print("没有约谈、通报、问责记录")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("accountability", help="约谈、通报、问责：记录和列出")
    p.add_argument("action", choices=("add", "list"))
    p.add_argument("workspace")
    p.add_argument("--court", help="法院（名称、代字或编号）")
    p.add_argument("--kind", choices=("约谈", "通报", "问责"))
    p.add_argument("--date", type=date_arg)
    p.add_argument("--reason", help="事由")
    p.add_argument("--target", help="对象（如院长、分管副院长、执行局）")
    p.add_argument("--officer", nargs="+", help="涉及人员")
    p.add_argument("--by", help="实施单位或人员")
    p.add_argument("--item", nargs="+", help="add：所涉整改事项编号")
    p.add_argument("--problem", nargs="+", help="add：所涉问题编号")
    p.add_argument("--follow-up", help="后续情况")
    p.add_argument("--follow-up-date", type=date_arg)
    p.add_argument("--item-of", metavar="ITEM", help="list：只列出该整改事项所涉的记录")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_accountability)
