"""The key file beside an encrypted workspace: its data key, wrapped.

An encrypted workspace ``台账.ledger`` is keyed by a random 256-bit data key. The
key file ``台账.ledger.key`` holds that key wrapped (ChaCha20-Poly1305) under a key
derived from the member's password with Argon2id, and optionally an escrow copy
wrapped to the team leader's X25519 public key so that a forgotten password does
not lose the ledger. The file holds nothing readable without the password or the
leader's private key; changing the password rewrites only this file.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import WorkspaceError, describe_os_error

# argon2 and cryptography are imported when a key is derived or wrapped: opening a plain
# workspace (and starting the app on one) does not pay for them

FORMAT = "inspector-workspace-key"
VERSION = 1
SUFFIX = ".key"
KEY_BYTES = 32
_AAD = b"inspector-workspace-key-v1"


class WrongPassword(WorkspaceError):
    """The password does not unlock the workspace."""


class PasswordRequired(WorkspaceError):
    """The workspace is encrypted and no password (or key) was given."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: about half a second on a field laptop, 128 MiB of memory."""

    time_cost: int = 8
    memory_cost: int = 128 * 1024  # KiB
    parallelism: int = 2

    def as_dict(self) -> dict[str, int]:
        return {
            "time_cost": self.time_cost,
            "memory_cost": self.memory_cost,
            "parallelism": self.parallelism,
        }


DEFAULT_KDF = KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


def derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    check_password_text(password)
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


@dataclass(frozen=True)
class KeyFile:
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes
    escrow: tuple[dict[str, str], ...] = field(default=())
    #: while the workspace is being re-keyed: its previous data key (nonce, wrapped) under the
    #: same password, so that a crash between writing this file and re-keying the database
    #: leaves a workspace that still opens (and the re-keying is finished when it does)
    pending: tuple[bytes, bytes] | None = None

    # --- making and unlocking ---------------------------------------------------------

    @classmethod
    def create(cls, data_key: bytes, password: str, kdf: KdfParams | None = None) -> KeyFile:
        import secrets

        check_password(password)
        params = kdf or DEFAULT_KDF
        salt = secrets.token_bytes(16)
        return cls.with_kek(derive(password, salt, params), salt, params, data_key)

    @classmethod
    def with_kek(cls, kek: bytes, salt: bytes, params: KdfParams, data_key: bytes) -> KeyFile:
        """``data_key`` wrapped under a key already derived from the password (one Argon2id
        derivation for many files: a workspace's backups after a password change)."""
        import secrets

        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        nonce = secrets.token_bytes(12)
        wrapped = ChaCha20Poly1305(kek).encrypt(nonce, data_key, _AAD)
        return cls(salt, params, nonce, wrapped)

    def kek(self, password: str) -> bytes:
        return derive(password, self.salt, self.kdf)

    def unlock(self, password: str) -> bytes:
        """The data key; :class:`WrongPassword` when the password does not fit."""
        return self.unlock_with(self.kek(password))

    def unlock_with(self, kek: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        try:
            return ChaCha20Poly1305(kek).decrypt(self.nonce, self.wrapped, _AAD)
        except InvalidTag:
            raise WrongPassword("密码错误，无法打开工作区") from None

    def pending_key(self, kek: bytes) -> bytes | None:
        """The previous data key of an unfinished re-keying (see :attr:`pending`)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        if self.pending is None:
            return None
        try:
            return ChaCha20Poly1305(kek).decrypt(self.pending[0], self.pending[1], _AAD)
        except InvalidTag:
            return None

    def rekeyed(
        self,
        new_key: bytes,
        password: str,
        *,
        previous_key: bytes,
        box_keys: dict[str, str],
    ) -> KeyFile:
        """A key file for a new data key under ``password``, holding the previous key as
        :attr:`pending`, with each escrow copy sealed again (to the box keys given by laptop
        id; a copy whose laptop is unknown is dropped and has to be escrowed again)."""
        import secrets

        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        check_password(password)
        salt = secrets.token_bytes(16)
        kek = derive(password, salt, self.kdf)
        fresh = KeyFile.with_kek(kek, salt, self.kdf, new_key)
        nonce = secrets.token_bytes(12)
        fresh = replace(
            fresh, pending=(nonce, ChaCha20Poly1305(kek).encrypt(nonce, previous_key, _AAD))
        )
        for entry in self.escrow:
            device = entry.get("device_id", "")
            public = entry.get("recipient") or box_keys.get(device)
            if public:
                fresh = fresh.with_escrow(
                    new_key, device_id=device, name=entry.get("name", ""), public_key=public
                )
        return fresh

    def settled(self) -> KeyFile:
        """The key file once the database is re-keyed: the previous key is gone."""
        return replace(self, pending=None)

    # --- escrow -----------------------------------------------------------------------

    def with_escrow(
        self, data_key: bytes, *, device_id: str, name: str, public_key: str
    ) -> KeyFile:
        """Add (or replace) a copy of the data key that only ``device_id``'s laptop can open."""
        from . import boxes

        entry = {
            "device_id": device_id,
            "name": name,
            "recipient": public_key,
            **boxes.seal(public_key, data_key, _AAD),
        }
        others = tuple(e for e in self.escrow if e.get("device_id") != device_id)
        return replace(self, escrow=(*others, entry))

    def recover(self, device_id: str, private_key: str) -> bytes:
        """The data key from the escrow copy for ``device_id`` (the leader's laptop)."""
        from cryptography.exceptions import InvalidTag

        from . import boxes

        for entry in self.escrow:
            if entry.get("device_id") == device_id:
                try:
                    return boxes.open_sealed(private_key, entry, _AAD)
                except (ValueError, InvalidTag, KeyError):
                    raise WorkspaceError("托管密钥无法用本机密钥解开") from None
        raise WorkspaceError("此密钥文件没有托管给本机（组长）的副本")

    # --- file -------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "kdf": {"name": "argon2id", **self.kdf.as_dict(), "salt": _b64(self.salt)},
            "cipher": "chacha20-poly1305",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
            "escrow": list(self.escrow),
            **(
                {"pending_key": {"nonce": _b64(self.pending[0]), "wrapped": _b64(self.pending[1])}}
                if self.pending
                else {}
            ),
        }

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("format")
            if int(doc.get("version", 0)) > VERSION:
                raise WorkspaceError("密钥文件由较新版本的软件生成，请升级软件")
            k = doc["kdf"]
            if k.get("name") != "argon2id":
                raise ValueError("kdf")
            params = KdfParams(int(k["time_cost"]), int(k["memory_cost"]), int(k["parallelism"]))
            if not (1 <= params.time_cost <= 64 and 8 <= params.memory_cost <= 4 * 1024 * 1024):
                raise ValueError("kdf cost")
            escrow = tuple({str(a): str(b) for a, b in e.items()} for e in doc.get("escrow") or [])
            pending = doc.get("pending_key")
            return cls(
                _unb64(k["salt"]),
                params,
                _unb64(doc["nonce"]),
                _unb64(doc["wrapped_key"]),
                escrow,
                (_unb64(pending["nonce"]), _unb64(pending["wrapped"])) if pending else None,
            )
        except WorkspaceError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as e:
            raise WorkspaceError("密钥文件已损坏，无法解锁工作区") from e


def check_password_text(password: str) -> None:
    """A password that can be turned into a key: not empty, and text (a terminal or variable
    in another encoding gives undecodable bytes, which Python keeps as surrogates)."""
    if not password:
        raise WorkspaceError("密码不能为空")
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise WorkspaceError(
            "密码含有无法识别的字符（终端或环境变量的编码不是 UTF-8），请改用 UTF-8 后重试"
        ) from None


def check_password(password: str) -> None:
    """A new password: usable, and at least 6 characters."""
    check_password_text(password)
    if len(password) < 6:
        raise WorkspaceError("密码至少需要 6 个字符")


def key_path_for(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + SUFFIX)


def load(workspace: Path) -> KeyFile:
    path = key_path_for(workspace)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkspaceError(
            f"找不到密钥文件“{path.name}”：加密的工作区必须与它放在同一文件夹"
        ) from None
    except OSError as e:
        raise WorkspaceError(f"无法读取密钥文件“{path.name}”：{e.strerror}") from e
    if len(data) > 1024 * 1024:
        raise WorkspaceError("密钥文件已损坏，无法解锁工作区")
    return KeyFile.from_bytes(data)


def save(workspace: Path, keyfile: KeyFile) -> Path:
    """Write the key file atomically (temp file, fsync, rename)."""
    path = key_path_for(workspace)
    text = json.dumps(keyfile.as_dict(), ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, text)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    import tempfile

    directory = path.parent
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        sync_directory(directory)
    except OSError as e:
        raise WorkspaceError(
            f"无法写入“{path.name}”（{describe_os_error(e)}），原文件未改动"
        ) from e
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def sync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
