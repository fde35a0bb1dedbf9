"""The inspected court in the loop: the leader's rectification package for a court, the
court's plan proposals and the leader's decisions, and each court's progress over time.

On the court liaison's laptop the same commands list its problems, propose plans, and report
progress, evidence and submissions on its items; ``inspector export`` sends them back."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import date_arg, print_json, workspace


def cmd_court(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..services import court_loop as loop

    needs = {
        "package": ("court", "out"),
        "liaison": ("out",),
        "propose": ("problem", "measure"),
        "report": ("item",),
        "decide": ("proposal",),
    }
    missing = [n for n in needs.get(args.what, ()) if getattr(args, n) is None]
    if missing:
        raise UserError(f"{args.what} 需要参数：" + "、".join(f"--{n}" for n in missing))
    with workspace(args.workspace) as session:
        if args.what == "package":
            result = loop.export_court_package(
                session, court=args.court, path=Path(args.out), today=args.today
            )
            print(
                f"已签发整改包“{result.path.name}”：修改记录{result.revisions}条，"
                f"佐证材料{result.blobs}个；只有{'、'.join(result.recipients[1:]) or '该院联络员'}"
                "的电脑能打开"
            )
        elif args.what == "items":
            problems = loop.court_problems(session, court_id=_court_id(session, args.court))
            if args.json:
                print_json([_problem_dict(p) for p in problems])
            else:
                for n, p in enumerate(problems, 1):
                    print(f"{n}. [{p.id}] {p.category}：{p.description}")
                    for i in p.items:
                        print(f"   - [{i.id}] {i.measure}（{i.state}，时限{i.deadline or '未定'}）")
                    for pp in p.proposals:
                        print(f"   * 整改方案 [{pp.id}] {pp.measure}（{pp.status}）")
        elif args.what == "propose":
            pid = loop.propose_plan(
                session,
                problem_id=args.problem,
                item_id=args.item,
                measure=args.measure,
                kind=args.kind,
                deadline=args.deadline,
                responsible_unit=args.unit or "",
                responsible_person=args.person or "",
                phone=args.phone or "",
                goal=args.goal or "",
                note=args.note or "",
            )
            print(f"已提出整改方案 {pid}，待组长审定")
        elif args.what == "proposals":
            waiting = loop.pending_proposals(session)
            if args.json:
                print_json(
                    [
                        {
                            "id": w.proposal.id,
                            "court": w.court,
                            "problem": w.problem,
                            "item": w.item_measure,
                            "measure": w.proposal.measure,
                            "responsible_unit": w.proposal.responsible_unit,
                            "responsible_person": w.proposal.responsible_person,
                            "kind": w.proposal.kind,
                            "deadline": w.proposal.deadline,
                            "proposed_by": w.proposed_by,
                        }
                        for w in waiting
                    ]
                )
            else:
                for w in waiting:
                    change = f"修改“{w.item_measure}”" if w.item_measure else "新增事项"
                    print(
                        f"[{w.proposal.id}] {w.court}｜{w.problem[:30]}｜{change}："
                        f"{w.proposal.measure}（{w.proposal.responsible_unit}，"
                        f"时限{w.proposal.deadline or '未定'}）"
                    )
                if not waiting:
                    print("没有待审定的整改方案")
        elif args.what == "report":
            _report(session, args)
        elif args.what == "liaison":
            from ..demo.court import liaison_workspace

            court = liaison_workspace(
                session,
                Path(args.out),
                court_id=_court_id(session, args.court),
                measure=args.measure,
            )
            court.close()
            print(
                f"已创建法院联络员工作区 {args.out}（已导入名册和整改包）：用"
                f" inspector court items {args.out} 查看，或在软件中打开"
            )
        elif args.what == "decide":
            if args.accept == args.reject:
                raise UserError("请指定 --accept 或 --return 之一")
            item = loop.decide_proposal(
                session, proposal_id=args.proposal, accept=args.accept, note=args.note or ""
            )
            print(f"已采纳，整改事项 {item}" if args.accept else "已退回该整改方案")
        else:  # progress
            progress = loop.court_progress(session, today=args.today)
            if args.json:
                print_json(
                    [
                        {
                            "court": c.court,
                            "proposals_waiting": c.proposals_waiting,
                            "points": [
                                dict(
                                    zip(
                                        (
                                            "date",
                                            "planned",
                                            "in_progress",
                                            "submitted",
                                            "closed",
                                            "overdue",
                                        ),
                                        (d.isoformat(), *rest),
                                        strict=True,
                                    )
                                )
                                for d, *rest in c.points
                            ],
                        }
                        for c in progress
                    ]
                )
            else:
                print("法院\t待整改\t整改中\t待核查\t已销号\t逾期\t待审定方案")
                for c in progress:
                    if c.latest:
                        _d, *counts = c.latest
                        print("\t".join([c.court, *map(str, counts), str(c.proposals_waiting)]))
    return 0


def _report(session, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    """Progress, evidence and the start or submission of an item (the court's own)."""
    from ..errors import UserError
    from ..services.rectification import EvidenceFile, act, add_evidence, add_progress

    files = [EvidenceFile.from_path(Path(f)) for f in args.evidence or []]
    if not (args.note or files or args.start or args.submit):
        raise UserError("report 需要 --note、--evidence、--start 或 --submit 之一")
    if args.start:
        act(session, item_id=args.item, action="start")
    if args.note and not args.submit:
        add_progress(session, item_id=args.item, note=args.note)
    if files and not args.submit:
        add_evidence(session, item_id=args.item, files=files)
    if args.submit:
        act(session, item_id=args.item, action="submit", note=args.note or "", evidence=files)
    print("已记录整改进展" + ("并提交核查" if args.submit else ""))


def _court_id(session, court: str | None) -> str | None:  # type: ignore[no-untyped-def]
    if court is None:
        return None
    from ..services.team import find_court

    return str(find_court(session, court)["id"])


def _problem_dict(p) -> dict:  # type: ignore[no-untyped-def]
    from dataclasses import asdict

    return asdict(p)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "court",
        help="被检查法院：组长签发整改包、审定整改方案、查看整改进度；法院联络员提出整改方案",
    )
    p.add_argument(
        "what",
        choices=(
            "package",
            "items",
            "propose",
            "report",
            "proposals",
            "decide",
            "progress",
            "liaison",
        ),
        help="package：签发整改包；items：问题和整改事项；propose：提出整改方案；"
        "report：报告整改进展、佐证材料、提交核查；proposals：待审定的方案；decide：审定；"
        "progress：各法院整改进度；liaison：为练习创建一个法院联络员的工作区（已完成对接）",
    )
    p.add_argument("workspace")
    p.add_argument("proposal", nargs="?", help="decide：要审定的整改方案编号")
    p.add_argument("--court", help="法院（名称、代字或编号）")
    p.add_argument("--out", help="package：整改包文件")
    p.add_argument("--problem", help="propose：问题编号")
    p.add_argument("--item", help="propose：要修改的整改事项编号（不填为新增事项）")
    p.add_argument("--measure", help="propose：整改措施")
    p.add_argument("--kind", default="限期整改", choices=("立行立改", "限期整改", "长期坚持"))
    p.add_argument("--deadline", type=date_arg, help="propose：整改时限")
    p.add_argument("--unit", help="propose：责任单位")
    p.add_argument("--person", help="propose：责任人")
    p.add_argument("--phone", help="propose：联系电话")
    p.add_argument("--goal", help="propose：整改目标")
    p.add_argument("--note", help="propose：说明；decide：审定意见（退回时必填）")
    p.add_argument("--evidence", nargs="+", metavar="FILE", help="report：佐证材料文件")
    p.add_argument("--start", action="store_true", help="report：开始整改")
    p.add_argument("--submit", action="store_true", help="report：提交核查")
    p.add_argument("--accept", action="store_true", help="decide：采纳")
    p.add_argument("--return", dest="reject", action="store_true", help="decide：退回")
    p.add_argument("--today", type=date_arg, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_court)
