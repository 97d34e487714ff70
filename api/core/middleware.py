"""One pure-ASGI middleware for what every request needs (kept in one pass for speed).

* a request id (``X-Request-ID`` when it is a sane token, else a fresh one), echoed back;
* the client IP, trusting ``X-Forwarded-For`` only from configured proxies;
* the response language, negotiated from ``Accept-Language``;
* security headers on every response;
* Prometheus metrics by route template and one structured access-log line.
"""

from __future__ import annotations

import ipaddress
import re
import time
import uuid

import structlog
from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core import i18n
from api.core.requestctx import current_client_ip, current_request_id

access_log = structlog.get_logger("ficha.access")

REQUESTS = Counter("ficha_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram(
    "ficha_http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_API_CACHE = (b"cache-control", b"no-store")


class RequestContextMiddleware:
    def __init__(
        self, app: ASGIApp, *, trusted_proxies: list[str], default_language: i18n.Language
    ) -> None:
        self.app = app
        self.trusted = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]
        self.default_language = default_language

    def _client_ip(self, scope: Scope, headers: dict[bytes, bytes]) -> str | None:
        client = scope.get("client")
        peer = client[0] if client else None
        if not peer or not self.trusted or not self._is_trusted(peer):
            return peer
        forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1")
        # Walk from the right: the first address not one of our proxies is the client.
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if not self._is_trusted(hop):
                return hop
        return peer

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in self.trusted)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        ip = self._client_ip(scope, headers)
        language = i18n.negotiate(
            headers.get(b"accept-language", b"").decode("latin-1"), self.default_language
        )
        tokens = (
            current_request_id.set(request_id),
            current_client_ip.set(ip),
            i18n.current_language.set(language),
        )
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        is_api = scope["path"].startswith("/api/")
        status = 500
        started = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                extra = [(b"x-request-id", request_id.encode()), *_SECURITY_HEADERS]
                if is_api:
                    extra.append(_API_CACHE)
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            REQUESTS.labels(scope["method"], template, str(status)).inc()
            LATENCY.labels(scope["method"], template).observe(elapsed)
            if template not in ("/healthz", "/metrics"):
                access_log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    route=template,
                    status=status,
                    duration_ms=round(elapsed * 1000, 2),
                    client_ip=ip,
                )
            current_request_id.reset(tokens[0])
            current_client_ip.reset(tokens[1])
            i18n.current_language.reset(tokens[2])
