"""Attachments: files stored inside the workspace by their sha256.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from pathlib import Path

from ..errors import UserError, describe_os_error
from ..storage.blobs import get_blob, put_blob
from . import records
from .session import Session

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_NAME = 120
#: characters that reorder or hide text: a name "报告\u202Eexe.pdf" shows as "报告fdp.exe"
_BIDI = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_filename(name: str) -> str:
    """A file name as it may be shown and saved: no folders, no control or direction-changing
    characters, no characters Windows forbids, at most 120 characters (the extension kept)."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _BIDI.sub("", name)
    name = "".join(
        "_" if c in '<>:"|?*' else c for c in name if not unicodedata.category(c).startswith("C")
    )
    name = name.strip(" .")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: MAX_NAME - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME]
    return name or "附件"


def add_attachment(
    session: Session,
    *,
    owner_type: str,
    owner_id: str,
    filename: str,
    data: bytes,
    caption: str = "",
) -> str:
    """Store a file and link it to a record; returns the attachment id."""
    filename = clean_filename(filename)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise UserError(f"附件“{filename}”超过 200 MB，请压缩后再添加")
    records.get(session, owner_type, owner_id)
    mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    with session.transaction():
        digest = put_blob(session.conn, data)
        return records.create(
            session,
            "attachment",
            {
                "owner_type": owner_type,
                "owner_id": owner_id,
                "sha256": digest,
                "filename": filename,
                "mime": mime,
                "size": len(data),
                "caption": caption,
            },
        )


def read_attachment_file(path: Path) -> tuple[str, bytes]:
    """A file the user picked, as (clean name, contents): its size is checked before it is
    read, so a 2 GB video is refused without taking 2 GB of memory."""
    name = clean_filename(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise UserError(
                f"附件“{name}”有 {size / 1024 / 1024:.0f} MB，超过 200 MB，请压缩后再添加"
            )
        with path.open("rb") as f:
            data = f.read(MAX_ATTACHMENT_BYTES + 1)
    except IsADirectoryError as e:
        raise UserError(f"“{name}”是文件夹，不是文件") from e
    except OSError as e:
        raise UserError(f"无法读取文件“{name}”：{describe_os_error(e)}") from e
    return name, data


def add_attachment_file(
    session: Session, *, owner_type: str, owner_id: str, path: Path, caption: str = ""
) -> str:
    name, data = read_attachment_file(path)
    return add_attachment(
        session,
        owner_type=owner_type,
        owner_id=owner_id,
        filename=name,
        data=data,
        caption=caption,
    )


def attachment_data(session: Session, *, attachment_id: str) -> bytes:
    att = records.get(session, "attachment", attachment_id)
    data = get_blob(session.conn, att["sha256"])
    if data is None:
        raise UserError(f"附件“{att['filename']}”的内容尚未同步到本机")
    return data
