"""Packages encrypted to their recipients: a sealed envelope around the signed zip.

Layout::

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (JSON) | chunks

The header names the sender's laptop and, for each recipient laptop, the file key
sealed to its X25519 key (:mod:`inspector.storage.boxes`). The zip is cut into
64 KiB chunks, each encrypted with ChaCha20-Poly1305 under a key derived from the
file key and the header's hash (so a changed header fails), with a nonce of the
chunk's index and a final-chunk flag: a reordered, dropped, or cut-off chunk fails
to decrypt. The sender is authenticated by the Ed25519 signature inside the zip.

Reading decrypts on demand, chunk by chunk, so nothing plaintext ever touches the
disk and a large package is not held in memory.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import UserError
from ..storage import boxes

MAGIC = b"LEDGPKG\x01"
FORMAT = "inspector-sealed-package"
CHUNK = 64 * 1024
TAG = 16
MAX_HEADER = 1024 * 1024
_STANZA_AAD = b"inspector sealed package v1"


class SealedError(UserError):
    """An encrypted package that cannot be opened; nothing was written."""


@dataclass(frozen=True)
class Recipient:
    device_id: str
    name: str
    box_key: str


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def _payload_key(file_key: bytes, header_block: bytes) -> ChaCha20Poly1305:
    salt = hashlib.sha256(header_block).digest()
    key = HKDF(hashes.SHA256(), 32, salt=salt, info=b"inspector package payload").derive(file_key)
    return ChaCha20Poly1305(key)


class SealedWriter(io.RawIOBase):
    """A write-only stream that encrypts what is written to ``out`` (not seekable)."""

    def __init__(self, out: BinaryIO, *, sender_device: str, recipients: list[Recipient]):
        super().__init__()
        if not recipients:
            raise SealedError("没有可以加密发送的接收人（名册中没有其加密公钥）")
        file_key = secrets.token_bytes(32)
        header = {
            "format": FORMAT,
            "version": 1,
            "chunk_size": CHUNK,
            "sender_device": sender_device,
            "recipients": [
                {
                    "device_id": r.device_id,
                    "name": r.name,
                    **boxes.seal(r.box_key, file_key, _STANZA_AAD),
                }
                for r in recipients
            ],
        }
        body = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
        block = MAGIC + struct.pack(">I", len(body)) + body
        out.write(block)
        self._out = out
        self._aead = _payload_key(file_key, block)
        self._buf = bytearray()
        self._index = 0
        self._finished = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buf += data
        # keep at least one byte back: the last chunk must be written with the final flag
        while len(self._buf) > CHUNK:
            self._emit(bytes(self._buf[:CHUNK]), final=False)
            del self._buf[:CHUNK]
        return len(data)

    def _emit(self, chunk: bytes, *, final: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._index, final), chunk, None))
        self._index += 1

    def finish(self) -> None:
        """Write the final chunk (call once, after the last write)."""
        if not self._finished:
            self._emit(bytes(self._buf), final=True)
            self._buf.clear()
            self._finished = True


class SealedReader(io.RawIOBase):
    """A seekable, read-only view of the decrypted zip, decrypting chunks as they are read."""

    def __init__(self, path: Path, *, device_id: str, private_key: str) -> None:
        super().__init__()
        self._f = open(path, "rb")  # noqa: SIM115 - closed by close()
        try:
            self._open(path, device_id, private_key)
        except BaseException:
            self._f.close()
            raise

    def _open(self, path: Path, device_id: str, private_key: str) -> None:
        f = self._f
        size = os.fstat(f.fileno()).st_size
        lead = f.read(len(MAGIC) + 4)
        if len(lead) < len(MAGIC) + 4 or lead[: len(MAGIC)] != MAGIC:
            raise SealedError(f"“{path.name}”不是加密台账包")
        (n,) = struct.unpack(">I", lead[len(MAGIC) :])
        if n > MAX_HEADER or len(lead) + n > size:
            raise SealedError(f"“{path.name}”的加密信息不完整（文件可能未拷贝完）")
        body = f.read(n)
        try:
            header = json.loads(body.decode("utf-8"))
            stanzas = list(header["recipients"])
            chunk = int(header["chunk_size"])
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise SealedError(f"“{path.name}”的加密信息已损坏") from e
        if header.get("format") != FORMAT or chunk != CHUNK:
            raise SealedError(f"“{path.name}”的加密格式无法识别，请升级软件")
        file_key = None
        for stanza in stanzas:
            if not isinstance(stanza, dict):
                continue
            try:
                file_key = boxes.open_sealed(private_key, stanza, _STANZA_AAD)
                break
            except (InvalidTag, KeyError, ValueError, TypeError):
                continue
        if file_key is None:
            names = "、".join(str(s.get("name", "?")) for s in stanzas if isinstance(s, dict))
            raise SealedError(f"此台账包是加密发给{names or '其他人'}的，本机不是接收人，无法打开")
        block = lead + body
        self._aead = _payload_key(file_key, block)
        self._base = len(block)
        body_size = size - self._base
        sealed_chunk = CHUNK + TAG
        count = max(1, -(-body_size // sealed_chunk))
        last = body_size - (count - 1) * sealed_chunk
        if last < TAG:
            raise SealedError(f"“{path.name}”不完整（被截断或未拷贝完）")
        self._count = count
        self._size = (count - 1) * CHUNK + last - TAG
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None
        self._chunk(count - 1)  # the final flag proves nothing was cut off

    def _chunk(self, index: int) -> bytes:
        if self._cached and self._cached[0] == index:
            return self._cached[1]
        sealed_chunk = CHUNK + TAG
        self._f.seek(self._base + index * sealed_chunk)
        data = self._f.read(sealed_chunk)
        final = index == self._count - 1
        try:
            plain = self._aead.decrypt(_nonce(index, final), data, None)
        except InvalidTag:
            if final:
                raise SealedError("台账包不完整（被截断）或已被改动，无法解密") from None
            raise SealedError(f"台账包第{index + 1}块校验失败：文件已损坏或被改动") from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        else:
            pos = self._size + offset
        if pos < 0:
            raise OSError("negative seek position")
        self._pos = pos
        return pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._pos < self._size:
            index, within = divmod(self._pos, CHUNK)
            plain = self._chunk(index)
            take = min(len(view) - done, len(plain) - within)
            view[done : done + take] = plain[within : within + take]
            done += take
            self._pos += take
        return done

    def close(self) -> None:
        if not self.closed:
            self._f.close()
            self._cached = None
        super().close()
