"""Cryptographic building blocks: password hashing, signed access tokens, opaque secrets.

* Passwords: argon2id (argon2-cffi), parameters from settings (cheaper only in tests).
* Access tokens: short-lived HS256 JWTs carrying tenant, user and session ids; the session is
  checked on every request so revocation is immediate.
* Opaque secrets (refresh tokens, invitation links, integration tokens): ≥ 256 random bits
  from ``secrets``, shown once, stored as SHA-256 and compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

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


def encode_access_token(*, tenant_id: uuid.UUID, user_id: uuid.UUID, session_id: uuid.UUID,
                        ttl_seconds: int, settings: Settings | None = None,
                        extra: dict[str, Any] | None = None) -> str:
    s = settings or get_settings()
    now = datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "tid": str(tenant_id),
        "sid": str(session_id),
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ttl_seconds)).timestamp()),
        "aud": JWT_AUDIENCE,
        "typ": "access",
        **(extra or {}),
    }
    return jwt.encode(claims, s.secret_key.get_secret_value(), algorithm=JWT_ALGORITHM)


def decode_access_token(token: str, settings: Settings | None = None) -> dict[str, Any] | None:
    s = settings or get_settings()
    try:
        claims = jwt.decode(
            token, s.secret_key.get_secret_value(), algorithms=[JWT_ALGORITHM], audience=JWT_AUDIENCE,
            options={"require": ["exp", "iat", "sub", "tid", "sid", "aud"]},
        )
    except jwt.PyJWTError:
        return None
    return claims if claims.get("typ") == "access" else None


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2 and token.startswith("eyJ")
