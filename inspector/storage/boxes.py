"""Sealing a small secret to a laptop's X25519 public key (ephemeral-static ECDH + AEAD).

Each laptop's X25519 key is derived from its Ed25519 signing seed (HKDF with a
distinct label), so one stored secret serves both signing and receiving, and the
public half travels in the identity card and the roster beside the signing key.
"""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_RAW = serialization.Encoding.Raw
_NONCE = b"\x00" * 12  # every wrap key is fresh (new ephemeral key), so a fixed nonce is safe


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def box_private_key(signing_seed_b64: str) -> X25519PrivateKey:
    seed = _unb64(signing_seed_b64)
    raw = HKDF(hashes.SHA256(), 32, salt=None, info=b"inspector x25519 v1").derive(seed)
    return X25519PrivateKey.from_private_bytes(raw)


def box_public_key(signing_seed_b64: str) -> str:
    pub = box_private_key(signing_seed_b64).public_key()
    return _b64(pub.public_bytes(_RAW, serialization.PublicFormat.Raw))


def _wrap_key(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=epk + recipient, info=b"inspector seal v1").derive(shared)


def seal(public_key_b64: str, secret: bytes, aad: bytes) -> dict[str, str]:
    """``secret`` readable only with the private key of ``public_key_b64``."""
    recipient = _unb64(public_key_b64)
    eph = X25519PrivateKey.generate()
    epk = eph.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient))
    box = ChaCha20Poly1305(_wrap_key(shared, epk, recipient)).encrypt(_NONCE, secret, aad)
    return {"epk": _b64(epk), "box": _b64(box)}


def open_sealed(signing_seed_b64: str, sealed: dict[str, str], aad: bytes) -> bytes:
    """The secret; raises ``InvalidTag`` when it was sealed to another key or changed."""
    priv = box_private_key(signing_seed_b64)
    recipient = priv.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    epk = _unb64(sealed["epk"])
    shared = priv.exchange(X25519PublicKey.from_public_bytes(epk))
    return ChaCha20Poly1305(_wrap_key(shared, epk, recipient)).decrypt(
        _NONCE, _unb64(sealed["box"]), aad
    )
