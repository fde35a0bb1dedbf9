"""Attachments: files stored inside the workspace by their sha256."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from ..errors import UserError
from ..storage.blobs import get_blob, put_blob
from . import records
from .session import Session

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


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
                "filename": Path(filename).name,
                "mime": mime,
                "size": len(data),
                "caption": caption,
            },
        )


def add_attachment_file(
    session: Session, *, owner_type: str, owner_id: str, path: Path, caption: str = ""
) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(f"无法读取文件“{path.name}”：{e.strerror}") from e
    return add_attachment(
        session,
        owner_type=owner_type,
        owner_id=owner_id,
        filename=path.name,
        data=data,
        caption=caption,
    )


def attachment_data(session: Session, *, attachment_id: str) -> bytes:
    att = records.get(session, "attachment", attachment_id)
    data = get_blob(session.conn, att["sha256"])
    if data is None:
        raise UserError(f"附件“{att['filename']}”的内容尚未同步到本机")
    return data
