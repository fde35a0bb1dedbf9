"""Ed25519 identities: each laptop signs what it sends; receivers check pinned keys."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def generate_private_key() -> str:
    """A new private key, as base64 of its 32 raw bytes."""
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return b64(raw)


def private_key(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(unb64(text))


def public_key_of(private_text: str) -> str:
    raw = (
        private_key(private_text)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return b64(raw)


def sign(private_text: str, data: bytes) -> bytes:
    return private_key(private_text).sign(data)


def verify(public_text: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_text)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_text: str) -> str:
    """A short, readable fingerprint to compare aloud at kickoff: 8 groups of 4 hex digits."""
    digest = hashlib.sha256(unb64(public_text)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))
