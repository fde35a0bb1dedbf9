"""Passwords, key escrow and backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from .common import password, workspace


def _new_password(args: argparse.Namespace) -> str:
    import os

    new = os.environ.get("INSPECTOR_NEW_PASSWORD")
    if new:
        return new
    return password("新密码：", confirm=True) if sys.stdin.isatty() else _no_new_password()


def _no_new_password() -> str:
    raise UserError("请在终端中运行以输入新密码，或设置环境变量 INSPECTOR_NEW_PASSWORD")


def cmd_passwd(args: argparse.Namespace) -> int:
    from ..services.security import change_password
    from ..services.session import open_session

    old = password("当前密码：")
    session = open_session(args.path, password=old)
    try:
        new = _new_password(args)
        change_password(session, old=old, new=new)
    finally:
        session.close()
    print("密码已修改")
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    from ..services.security import encrypt_workspace

    target = encrypt_workspace(Path(args.path), password=_new_password(args))
    print(
        f"已生成加密的工作区 {target}（密钥文件 {target.name}.key 须与它放在一起）；"
        "确认能打开后，请删除原来未加密的文件"
    )
    return 0


def cmd_escrow(args: argparse.Namespace) -> int:
    from ..services.security import escrow_to_leader

    with workspace(args.path) as session:
        leader = escrow_to_leader(session)
    print(f"已把工作区密钥托管给组长{leader}：忘记密码时，可由组长的电脑重设密码")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from ..services.security import recover_with_escrow

    with workspace(args.leader_workspace) as leader:
        recover_with_escrow(leader, workspace=Path(args.path), new_password=_new_password(args))
    print(f"已为 {args.path} 设置新密码")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.security import backup_now

    with workspace(args.path) as session:
        b = backup_now(session)
    print(f"已备份到 {b.path}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from ..services.security import list_backups

    path = Path(args.path)
    if not path.is_file():
        raise UserError(f"找不到工作区文件：{path}")
    found = list_backups(path)
    if not found:
        print(f"“{path.name}”还没有备份（inspector backup 可以立即备份）")
    for b in found:
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.label_text}  {b.path.name}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services.security import list_backups, restore_backup
    from ..services.session import unlock_key

    path = Path(args.path)
    backups = {b.path.name: b for b in list_backups(path)}
    chosen = backups.get(Path(args.backup).name)
    if chosen is None:
        raise UserError(f"没有名为“{args.backup}”的备份（用 inspector backups 查看）")
    from ..services.security import needs_password

    key = unlock_key(path, password()) if needs_password(path) else None
    safety = restore_backup(path, chosen.path, key=key)
    from ..services.session import RESTORED_NOTICE

    print(
        f"已从“{chosen.path.name}”恢复；恢复前的状态另存为“{safety.path.name}”。{RESTORED_NOTICE}"
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
