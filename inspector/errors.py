"""Errors meant for users (clear messages, Chinese in the UI) as distinct from bugs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class UserError(Exception):
    """An error caused by input or circumstances the user can fix; ``str()`` is the message."""


class WorkspaceError(UserError):
    """The workspace file cannot be opened or used as asked."""


class NotFound(UserError):
    """A record that the action needs does not exist (or was deleted)."""


class PermissionDenied(UserError):
    """The current member's role does not allow the action."""


@contextlib.contextmanager
def rule_errors(*kinds: type[Exception], prefix: str = "") -> Iterator[None]:
    """Domain rules say what is wrong with input by raising ``ValueError`` (or ``kinds``) with a
    message for the user; inside this block that becomes a :class:`UserError` (``prefix``
    before the message)."""
    caught: tuple[type[Exception], ...] = kinds or (ValueError,)
    try:
        yield
    except UserError:
        raise
    except caught as e:
        raise UserError(f"{prefix}{e}") from e


def describe_os_error(e: OSError) -> str:
    """A short Chinese reason for the common causes: a full disk, a write-protected stick."""
    import errno

    if getattr(e, "winerror", None) in (32, 33):  # sharing or lock violation (Windows)
        return "文件正被其他程序使用，请关闭该程序后重试"
    reasons = {
        errno.ENOSPC: "磁盘空间不足",
        errno.EROFS: "位置只读或没有写入权限（U盘是否写保护？）",
        errno.EACCES: "位置只读或没有写入权限（U盘是否写保护？）",
        errno.EPERM: "位置只读或没有写入权限（U盘是否写保护？）",
        errno.ENOENT: "找不到该文件或文件夹",
        errno.EISDIR: "这是一个文件夹，不是文件",
        errno.ENOTDIR: "路径中有一段不是文件夹",
        errno.EEXIST: "文件已存在",
        errno.ENAMETOOLONG: "文件名或路径过长",
        errno.EIO: "读写磁盘出错（U盘被拔出或损坏？）",
        errno.EBUSY: "文件正被其他程序使用，请关闭该程序后重试",
        errno.ETXTBSY: "文件正被其他程序使用，请关闭该程序后重试",
        errno.EMFILE: "打开的文件过多，请关闭一些程序后重试",
        errno.ENFILE: "打开的文件过多，请关闭一些程序后重试",
        errno.ENOTEMPTY: "文件夹不是空的",
        errno.EXDEV: "不能跨磁盘移动，请改为复制",
        errno.EFBIG: "文件过大（U盘是否为 FAT32 格式？单个文件不能超过 4 GB）",
        errno.EINVAL: "文件名或路径无效",
    }
    if e.errno in reasons:
        return reasons[e.errno]
    return f"系统错误（{e.strerror or e}）"
