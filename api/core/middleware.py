"""One pure-ASGI middleware for what every request needs (kept in one pass for speed).

* a request id (``X-Request-ID`` when it is a sane token, else a fresh one), echoed back;
* the client IP, trusting ``X-Forwarded-For`` only from configured proxies;
* the response language, negotiated from ``Accept-Language``;
* request body limits (JSON vs uploads), answered as problem+json 413;
* security headers on every response;
* Prometheus metrics by route template and one structured access-log line.
"""

from __future__ import annotations

import ipaddress
import re
import time
import uuid

import orjson
import structlog
from prometheus_client import Counter, Histogram
from starlette.exceptions import HTTPException
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


def route_template(scope: Scope) -> str:
    """The matched route's full path template (``/api/v1/locations/{location_id}``), so metrics
    are labelled by route, not by id. FastAPI keeps included routers nested, and records the
    effective route (with its full path) in the scope; plain Starlette routes sit in "route"."""
    try:
        from fastapi.routing import _get_scope_effective_route_context

        effective = _get_scope_effective_route_context(scope)
    except ImportError:  # an older FastAPI: the route itself has the full path
        effective = None
    path = getattr(effective, "path", None) or getattr(scope.get("route"), "path", None)
    return path or "unmatched"


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=413)


class RequestContextMiddleware:
    def __init__(
        self, app: ASGIApp, *, trusted_proxies: list[str], default_language: i18n.Language,
        max_json_bytes: int, max_upload_bytes: int,
    ) -> None:
        self.app = app
        self.trusted = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]
        self.default_language = default_language
        self.max_json_bytes = max_json_bytes
        self.max_upload_bytes = max_upload_bytes

    def _body_limit(self, headers: dict[bytes, bytes]) -> int:
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        return self.max_upload_bytes if content_type.startswith(b"multipart/") else self.max_json_bytes

    @staticmethod
    def _limited(receive: Receive, limit: int) -> Receive:
        received = 0

        async def receive_with_limit() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        return receive_with_limit

    async def _too_large(self, scope: Scope, send: Send, request_id: str) -> None:
        message = i18n.translate("payload_too_large", i18n.current_language.get())
        body = orjson.dumps({
            "type": "urn:ficha:problem:payload_too_large", "title": message.title, "status": 413,
            "detail": message.detail, "instance": scope["path"], "code": "payload_too_large",
            "request_id": request_id,
        })
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]})
        await send({"type": "http.response.body", "body": body})

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

        limit = self._body_limit(headers)
        try:
            declared = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            declared = 0
        try:
            if declared > limit:
                await self._too_large(scope, send_wrapper, request_id)
            else:
                await self.app(scope, self._limited(receive, limit), send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            template = route_template(scope)
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
