"""Slowing down, then locking out, repeated failures on every authentication pathway (ASVS
6.3.1, 4.0.3 2.2.1; API2/API4): login, the MFA step, password reset, invitation acceptance and
the current-password check.

Each pathway counts failures per *subject* (the account, and the client IP) in Redis. A subject
may fail ``free`` times; every further failure locks it for a doubling period (30 s, 1 min, 2 min
… up to 15 min). While locked, every attempt gets 429 with ``Retry-After`` — even a correct one,
so guessing cannot continue. Counters are forgotten after an hour without failures, so an
account can never fail more than a few dozen times per hour (well under ASVS's 100).

Unknown accounts are counted exactly like real ones (the key is a hash of workspace + email),
so throttling reveals nothing about who exists. The lock's deadline is stored as a value and
compared with the application's clock (Redis only expires the keys), which keeps the policy
testable with a frozen or travelling clock. Keys start with ``FICHA_REDIS_NAMESPACE`` then
``login:``. Redis being unreachable fails closed (503), never open.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from typing import Any

import structlog
from redis.exceptions import RedisError

from api.config import get_settings
from api.core.errors import RateLimited, ServiceUnavailable

log = structlog.get_logger("ficha.security")


@dataclass(frozen=True)
class Policy:
    free: int  # failures allowed before the first lock
    base_lock_seconds: int = 30
    max_lock_seconds: int = 900
    window_seconds: int = 3600  # failures are forgotten after this long without a new one

    def lock_seconds(self, failures: int) -> int:
        if failures < self.free:
            return 0
        return min(self.max_lock_seconds, self.base_lock_seconds * 2 ** min(failures - self.free, 16))


ACCOUNT = Policy(free=5)
IP = Policy(free=30)  # offices share an address: looser, but still bounded
# A short-lived token (the MFA step of a login) dies after 5 wrong codes: locked longer than it lives.
TOKEN = Policy(free=5, base_lock_seconds=900)


@dataclass(frozen=True)
class Subject:
    key: str
    policy: Policy


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


def _key(pathway: str, kind: str, ident: str) -> str:
    return f"{get_settings().redis_namespace}login:{pathway}:{kind}:{ident}"


def account(pathway: str, *identity: str) -> Subject:
    """The account an attempt targets (e.g. workspace slug + email, or a user id)."""
    return Subject(_key(pathway, "acct", _digest(*identity)), ACCOUNT)


def client_ip(pathway: str, ip: str | None) -> Subject:
    return Subject(_key(pathway, "ip", ip or "unknown"), IP)


def short_lived_token(pathway: str, token_id: str) -> Subject:
    return Subject(_key(pathway, "token", token_id), TOKEN)


async def claim_once(redis: Any, subject: Subject, ttl_seconds: int) -> bool:
    """True the first time only (e.g. the single use of an MFA step token)."""
    if redis is None:
        return True
    try:
        return bool(await redis.set(f"{subject.key}:used", "1", nx=True, ex=ttl_seconds))
    except RedisError as exc:
        raise ServiceUnavailable() from exc


class Throttle:
    """Failure counters for one attempt's subjects (e.g. the account and the IP)."""

    def __init__(self, redis: Any, *subjects: Subject) -> None:
        self.redis = redis
        self.subjects = subjects

    async def ensure_allowed(self) -> None:
        """Raise 429 (with ``Retry-After``) if any subject is locked now."""
        if self.redis is None:
            return
        try:
            deadlines = await self.redis.mget([f"{s.key}:until" for s in self.subjects])
        except RedisError as exc:
            raise ServiceUnavailable() from exc
        now = time.time()
        waits = [float(d) - now for d in deadlines if d is not None and float(d) > now]
        if waits:
            raise RateLimited(math.ceil(max(waits)), code="login_throttled")

    async def failed(self) -> None:
        """Count one failure for every subject, locking those past their free attempts."""
        if self.redis is None:
            return
        now = time.time()
        try:
            for subject in self.subjects:
                async with self.redis.pipeline(transaction=True) as pipe:
                    pipe.incr(f"{subject.key}:fails")
                    pipe.expire(f"{subject.key}:fails", subject.policy.window_seconds)
                    failures, _ = await pipe.execute()
                lock = subject.policy.lock_seconds(int(failures))
                if lock:
                    await self.redis.set(f"{subject.key}:until", str(now + lock), ex=lock + 1)
                    log.warning("auth_throttled", subject=subject.key.rsplit(":", 2)[-2], failures=failures,
                                lock_seconds=lock)
        except RedisError as exc:
            raise ServiceUnavailable() from exc

    async def succeeded(self, *subjects: Subject) -> None:
        """Forget the failures of ``subjects`` (the account after a success; never the IP)."""
        if self.redis is None or not subjects:
            return
        try:
            await self.redis.delete(*[f"{s.key}:{part}" for s in subjects for part in ("fails", "until")])
        except RedisError as exc:
            raise ServiceUnavailable() from exc
