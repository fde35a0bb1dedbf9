"""The ``inspector`` command: headless use of the services.

Exit code 0 on success; on a user error, non-zero with one clear line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError

if TYPE_CHECKING:
    from .services.session import Session


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
    if path.exists() and not args.force:
        raise UserError(f"文件已存在：{path}（加 --force 覆盖）")
    import os

    password = os.environ.get(PASSWORD_ENV)
    if password is not None and not password:
        raise UserError(
            f"环境变量 {PASSWORD_ENV} 为空：要创建加密的演示工作区请设置密码，不加密请删除该变量"
        )
    session = build_demo(
        path, scale=args.scale, seed=args.seed, as_of=args.as_of, password=password, replace=True
    )
    try:
        counts = statistics(session, today=args.as_of)["counts"]
    finally:
        session.close()
    summary = "，".join(f"{k} {v}" for k, v in counts.items())
    lock = "，已加密" if password else ""
    print(f"已创建演示工作区 {path}（规模 {args.scale}，种子 {args.seed}{lock}）：{summary}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .services.workspaces import statistics

    with _workspace(args.path) as session:
        stats = statistics(session, today=args.today)
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
    leads = stats["leads"]
    stages = "，".join(f"{k} {v}" for k, v in leads["by_stage"].items())
    print(f"一案双查线索 {leads['total']} 件（{stages}），调查逾期 {leads['overdue']} 件")
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
    from .services.workspaces import rebuild_projections

    with _workspace(args.path) as session:
        n = rebuild_projections(session)
    print(f"已根据 {n} 条修订记录重建当前数据表")
    return 0


PASSWORD_ENV = "INSPECTOR_PASSWORD"


def _password(prompt: str = "工作区密码：", *, confirm: bool = False) -> str:
    """From ``INSPECTOR_PASSWORD`` (scripts), else asked on the terminal without echo."""
    import getpass
    import os

    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        if not given:
            raise UserError(f"环境变量 {PASSWORD_ENV} 为空，请设置密码或删除该变量")
        return given
    if not sys.stdin.isatty():
        raise UserError(f"工作区已加密：请在终端中运行以输入密码，或设置环境变量 {PASSWORD_ENV}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入：") != first:
        raise UserError("两次输入的密码不一致")
    return first


@contextlib.contextmanager
def _workspace(path: str | Path) -> Iterator[Session]:
    """An open workspace for one command (asking for its password when it is encrypted),
    closed however the command ends."""
    from .services.security import needs_password
    from .services.session import open_session

    password = _password() if needs_password(Path(path)) else None
    session = open_session(path, password=password)
    try:
        yield session
    finally:
        session.close()


def cmd_verify_workspace(args: argparse.Namespace) -> int:
    from .services.security import verify_workspace

    with _workspace(args.path) as session:
        report = verify_workspace(session)
    if args.json:
        _print_json(
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


def cmd_passwd(args: argparse.Namespace) -> int:
    from .services.security import change_password
    from .services.session import open_session

    old = _password("当前密码：")
    session = open_session(args.path, password=old)
    try:
        new = _new_password(args)
        change_password(session, old=old, new=new)
    finally:
        session.close()
    print("密码已修改")
    return 0


def _new_password(args: argparse.Namespace) -> str:
    import os

    new = os.environ.get("INSPECTOR_NEW_PASSWORD")
    if new:
        return new
    return _password("新密码：", confirm=True) if sys.stdin.isatty() else _no_new_password()


def _no_new_password() -> str:
    raise UserError("请在终端中运行以输入新密码，或设置环境变量 INSPECTOR_NEW_PASSWORD")


def cmd_encrypt(args: argparse.Namespace) -> int:
    from .services.security import encrypt_workspace

    target = encrypt_workspace(Path(args.path), password=_new_password(args))
    print(
        f"已生成加密的工作区 {target}（密钥文件 {target.name}.key 须与它放在一起）；"
        "确认能打开后，请删除原来未加密的文件"
    )
    return 0


def cmd_escrow(args: argparse.Namespace) -> int:
    from .services.security import escrow_to_leader

    with _workspace(args.path) as session:
        leader = escrow_to_leader(session)
    print(f"已把工作区密钥托管给组长{leader}：忘记密码时，可由组长的电脑重设密码")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from .services.security import recover_with_escrow

    with _workspace(args.leader_workspace) as leader:
        recover_with_escrow(leader, workspace=Path(args.path), new_password=_new_password(args))
    print(f"已为 {args.path} 设置新密码")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from .services.security import backup_now

    with _workspace(args.path) as session:
        b = backup_now(session)
    print(f"已备份到 {b.path}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from .services.security import list_backups

    for b in list_backups(Path(args.path)):
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.label_text}  {b.path.name}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .services.security import list_backups, needs_password, restore_backup
    from .services.session import unlock_key

    path = Path(args.path)
    backups = {b.path.name: b for b in list_backups(path)}
    chosen = backups.get(Path(args.backup).name)
    if chosen is None:
        raise UserError(f"没有名为“{args.backup}”的备份（用 inspector backups 查看）")
    key = unlock_key(path, _password()) if needs_password(path) else None
    safety = restore_backup(path, chosen.path, key=key)
    from .services.session import RESTORED_NOTICE

    print(
        f"已从“{chosen.path.name}”恢复；恢复前的状态另存为“{safety.path.name}”。{RESTORED_NOTICE}"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .services.packages import export_package

    with _workspace(args.workspace) as session:
        result = export_package(
            session, path=Path(args.out), since_last_to=args.since_last_to, to=args.to
        )
    print(result.summary())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .services.packages import batch_warnings, import_packages

    with _workspace(args.workspace) as session:
        paths = [Path(p) for p in args.packages]
        if not args.dry_run and not args.yes:
            warned = batch_warnings(session, paths=paths)
            if warned:
                raise UserError("；".join(warned) + "。确认无误请加 --yes 重新导入")
        results = import_packages(
            session, paths=[Path(p) for p in args.packages], dry_run=args.dry_run
        )
    if args.json:
        _print_json([r.as_dict() for r in results])
    else:
        for r in results:
            print(r.summary())
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .services.packages import verify_package

    with _workspace(args.workspace) as session:
        report = verify_package(session, path=Path(args.package))
    if args.json:
        _print_json(report.as_dict())
    else:
        print(
            f"台账包有效：{report.sender}于{report.created_at}导出，修改记录{report.revisions}条，"
            f"附件{report.blobs}个，签名与名册一致"
        )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from .services.conflicts import list_conflicts

    with _workspace(args.workspace) as session:
        conflicts = list_conflicts(session)
    if args.json:
        _print_json([c.as_dict() for c in conflicts])
        return 0
    if not conflicts:
        print("没有待处理的冲突")
    for c in conflicts:
        sides = "；".join(
            f"{x['member']}（{x['device']}，{x['at']}）：{x['value']}" for x in c.candidates
        )
        print(f"{c.record_label}“{c.summary}”的{c.field_label}：{sides}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from .services.conflicts import record_provenance

    with _workspace(args.workspace) as session:
        p = record_provenance(session, record_id=args.record_id)
    if args.json:
        _print_json(p.as_dict())
        return 0
    print(f"创建：{p.created_by}，{p.created_on}，{p.created_at}")
    print(f"最后修改：{p.updated_by}，{p.updated_on}，{p.updated_at}")
    ops = {"create": "创建", "update": "修改", "delete": "删除"}
    for h in p.history:
        fields = "、".join(h["fields"])
        print(f"  {h['at']}  {h['by']}（{h['laptop']}）{ops[h['op']]} {fields}")
    return 0


def cmd_roster(args: argparse.Namespace) -> int:
    from .services.roster import (
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
    with _workspace(args.workspace) as session:
        if args.action == "list":
            labels = {"leader": "组长", "verifier": "核查人", "inspector": "检查人员"}
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
            result = import_roster_file(session, path=Path(args.file), role=args.role)
            if result.kind == "card":
                ident = result.identities[0]
                print(f"已接收{ident.name}（{ident.role}）的身份卡，指纹：{ident.fingerprint}")
            else:
                assert result.leader is not None
                print(
                    f"已导入第{result.version}版名册（{len(result.identities)}台电脑），"
                    f"组长{result.leader.name}的密钥指纹：{result.leader.fingerprint}"
                )
    return 0


def cmd_import_cases(args: argparse.Namespace) -> int:
    from .services.case_import import import_case_list

    mapping = None
    if args.mapping:
        pairs = [p.split("=", 1) for p in args.mapping.split(",") if p.strip()]
        if any(len(p) != 2 for p in pairs):
            raise UserError("列映射格式应为“表头=字段,表头=字段”，如 案件编号=case_number")
        mapping = {k.strip(): v.strip() for k, v in pairs}
    with _workspace(args.workspace) as session:
        result = import_case_list(
            session, path=Path(args.file), court=args.court, mapping=mapping, dry_run=args.dry_run
        )
    if args.json:
        _print_json(result.as_dict())
    else:
        print(result.summary())
        for r in result.rejected:
            print(f"  第{r.row}行：{r.reason}")
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from .services.sampling import export_sampling, sample_cases

    with _workspace(args.workspace) as session:
        result = sample_cases(
            session,
            seed=args.seed,
            ratio=args.ratio,
            count=args.count,
            by=args.by,
            closing_method=args.closing_method,
            exclude_reviewed=not args.include_reviewed,
            reviewers=args.reviewer or None,
        )
        if args.out:
            export_sampling(session, sampling_id=result.sampling_id, path=Path(args.out))
    print(result.summary() + (f"；样本清单：{args.out}" if args.out else ""))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .services.reports import write_reports

    with _workspace(args.workspace) as session:
        result = write_reports(
            session,
            xlsx=Path(args.xlsx) if args.xlsx else None,
            docx=Path(args.docx) if args.docx else None,
            pdf=Path(args.pdf) if args.pdf else None,
            csv_dir=Path(args.csv) if args.csv else None,
            kind=args.kind,
            unit=args.unit,
            today=args.today,
        )
    print(result.summary())
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

    p = sub.add_parser("export", help="导出台账包（默认全量）")
    p.add_argument("workspace")
    p.add_argument("out")
    p.add_argument("--since-last-to", metavar="MEMBER", help="只导出该组员尚未收到的内容")
    p.add_argument(
        "--to",
        metavar="MEMBER",
        action="append",
        help="加密发给谁（可重复；默认：组员发给组长，组长发给全组）",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="导入（合并）台账包")
    p.add_argument("workspace")
    p.add_argument("packages", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    p.add_argument(
        "--yes", action="store_true", help="台账包属于本工作区没有的巡查活动时，仍然导入"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("verify", help="核验台账包的完整性和签名")
    p.add_argument("package")
    p.add_argument("--workspace", required=True, help="用其中的名册核验签名")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("conflicts", help="列出待组长处理的冲突")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("history", help="记录的来源：谁在哪台电脑上何时创建和修改")
    p.add_argument("workspace")
    p.add_argument("record_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)

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
    p.set_defaults(func=cmd_roster)

    p = sub.add_parser("import-cases", help="导入法院案件清单（xlsx / xls / csv）")
    p.add_argument("workspace")
    p.add_argument("file")
    p.add_argument("--court", help="案号无法对应法院时使用的法院（名称、代字或编号）")
    p.add_argument("--mapping", help="列映射：表头=字段,…（字段如 case_number、judge、amount）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不导入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_cases)

    p = sub.add_parser("sample", help="随机抽取待评查案件")
    p.add_argument("workspace")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--ratio", type=float, help="抽样比例，如 0.3")
    how.add_argument("--count", type=int, help="抽样数量")
    p.add_argument("--seed", type=int, required=True, help="随机种子（相同种子抽出相同样本）")
    p.add_argument("--by", choices=("承办人", "结案方式", "案件类型", "法院"), help="分层抽样依据")
    p.add_argument("--closing-method", help="只在该结案方式的案件中抽样，如 终结本次执行程序")
    p.add_argument("--include-reviewed", action="store_true", help="已评查的案件也参与抽样")
    p.add_argument("--reviewer", action="append", help="评查人（可多次指定；默认全部检查人员）")
    p.add_argument("--out", help="把样本清单写入 CSV 文件")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("report", help="生成台账（xlsx）、报告（docx / pdf）和统计表（csv）")
    p.add_argument("workspace")
    p.add_argument("--xlsx")
    p.add_argument("--docx")
    p.add_argument("--pdf")
    p.add_argument("--csv", metavar="DIR")
    p.add_argument(
        "--kind",
        choices=("feedback", "rectification"),
        default="rectification",
        help="巡查反馈意见或整改情况报告",
    )
    p.add_argument("--unit", help="填报单位（默认本机使用者的单位）")
    p.add_argument("--today", type=_date, default=None, help="截至日期（默认今天）")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("rebuild", help="根据修订记录重建当前数据表")
    p.add_argument("path")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser(
        "verify-workspace", help="检查工作区：加密页校验、数据库结构、各电脑的修改记录链"
    )
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_workspace)

    p = sub.add_parser("passwd", help="修改加密工作区的密码")
    p.add_argument("path")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("encrypt", help="把未加密的工作区加密为新文件")
    p.add_argument("path")
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("escrow", help="把工作区密钥托管给组长（忘记密码时可由组长重设）")
    p.add_argument("path")
    p.set_defaults(func=cmd_escrow)

    p = sub.add_parser("recover", help="组长用托管的密钥为组员的工作区重设密码")
    p.add_argument("path", help="组员的工作区")
    p.add_argument("--leader-workspace", required=True, help="组长本人的工作区")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("backup", help="立即备份工作区")
    p.add_argument("path")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="列出工作区的备份")
    p.add_argument("path")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="从备份恢复工作区（恢复前的状态另行备份）")
    p.add_argument("path")
    p.add_argument("backup", help="备份文件名（见 inspector backups）")
    p.set_defaults(func=cmd_restore)
    return parser


def _commands() -> frozenset[str]:
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        return frozenset(getattr(action, "choices", {}) or {})
    return frozenset()


COMMANDS = _commands()


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
