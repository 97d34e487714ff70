"""Cryptographic building blocks: password hashing, signed access tokens, opaque secrets.

* Passwords: argon2id (argon2-cffi), parameters from settings (cheaper only in tests).
* Access tokens: short-lived HS256 JWTs carrying tenant, user and session ids; the session is
  checked on every request so revocation is immediate.
* Opaque secrets (refresh tokens, invitation links, integration tokens): ≥ 256 random bits
  from ``secrets``, shown once, stored as SHA-256 and compared in constant time.
* Other signed tokens (e.g. the MFA step of a login) share the JWT machinery but carry their
  own ``typ``, so one kind can never be presented as another.
* Secrets that must be read back (TOTP seeds): AES-256-GCM, with a key derived (HKDF) from
  ``FICHA_ENCRYPTION_KEY`` (or, when unset, ``FICHA_SECRET_KEY``) and the row they belong to
  as associated data, so a ciphertext copied onto another row does not decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from api.config import Settings, get_settings

JWT_ALGORITHM = "HS256"
JWT_AUDIENCE = "ficha-api"


@lru_cache
def _hasher(time_cost: int, memory_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism,
                          type=Type.ID)


def password_hasher(settings: Settings | None = None) -> PasswordHasher:
    s = settings or get_settings()
    return _hasher(s.argon2_time_cost, s.argon2_memory_cost, s.argon2_parallelism)


def hash_password(password: str) -> str:
    return password_hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the user exists: unknown users verify a dummy hash."""
    hasher = password_hasher()
    try:
        return hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return password_hasher().check_needs_rehash(password_hash)


@lru_cache
def _dummy_hash() -> str:
    return password_hasher().hash(secrets.token_urlsafe(16))


def new_secret(prefix: str = "", nbytes: int = 32) -> str:
    """A random secret with a recognisable prefix (so scanners can spot leaked ones)."""
    return f"{prefix}{secrets.token_urlsafe(nbytes)}"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secrets_match(stored_hash: str, presented: str) -> bool:
    return hmac.compare_digest(stored_hash, hash_secret(presented))


def encode_signed_token(typ: str, claims: dict[str, Any], *, ttl_seconds: int,
                        settings: Settings | None = None) -> str:
    """A short-lived HS256 JWT of kind ``typ`` (the kind is checked on decoding)."""
    s = settings or get_settings()
    now = datetime.now(UTC)
    payload = {
        "jti": secrets.token_hex(8),
        **claims,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ttl_seconds)).timestamp()),
        "aud": JWT_AUDIENCE,
        "typ": typ,
    }
    return jwt.encode(payload, s.secret_key.get_secret_value(), algorithm=JWT_ALGORITHM)


def decode_signed_token(token: str, typ: str, required: tuple[str, ...],
                        settings: Settings | None = None) -> dict[str, Any] | None:
    """The claims of a valid, unexpired token of kind ``typ`` holding ``required``, else None."""
    s = settings or get_settings()
    try:
        claims = jwt.decode(
            token, s.secret_key.get_secret_value(), algorithms=[JWT_ALGORITHM], audience=JWT_AUDIENCE,
            options={"require": ["exp", "iat", "aud", *required]},
        )
    except jwt.PyJWTError:
        return None
    return claims if claims.get("typ") == typ else None


def encode_access_token(*, tenant_id: uuid.UUID, user_id: uuid.UUID, session_id: uuid.UUID,
                        ttl_seconds: int, settings: Settings | None = None) -> str:
    claims = {"sub": str(user_id), "tid": str(tenant_id), "sid": str(session_id)}
    return encode_signed_token("access", claims, ttl_seconds=ttl_seconds, settings=settings)


def decode_access_token(token: str, settings: Settings | None = None) -> dict[str, Any] | None:
    return decode_signed_token(token, "access", ("sub", "tid", "sid"), settings)


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2 and token.startswith("eyJ")


# --- Secrets kept encrypted at rest -------------------------------------------------------------

_CIPHER_VERSION = "v1"


@lru_cache
def _field_key(master: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"ficha field encryption v1").derive(master.encode())


def _master_key(settings: Settings | None) -> str:
    s = settings or get_settings()
    key = s.encryption_key or s.secret_key
    return key.get_secret_value()


def encrypt_field(plaintext: str, context: str, settings: Settings | None = None) -> str:
    """``v1:<base64(nonce ‖ ciphertext ‖ tag)>``; ``context`` (e.g. ``user_mfa:<user id>``) is
    authenticated with it and must be given again to decrypt."""
    nonce = os.urandom(12)
    sealed = AESGCM(_field_key(_master_key(settings))).encrypt(nonce, plaintext.encode(), context.encode())
    return f"{_CIPHER_VERSION}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"


class DecryptionError(ValueError):
    """The ciphertext was altered, belongs to another row, or the key changed."""


def decrypt_field(stored: str, context: str, settings: Settings | None = None) -> str:
    version, _, body = stored.partition(":")
    if version != _CIPHER_VERSION:
        raise DecryptionError("unknown ciphertext version")
    try:
        raw = base64.urlsafe_b64decode(body.encode())
        return AESGCM(_field_key(_master_key(settings))).decrypt(raw[:12], raw[12:], context.encode()).decode()
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("the ciphertext does not decrypt with this key and context") from exc
