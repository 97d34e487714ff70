"""RFC 9457 problem details for every error the API can answer with.

One renderer, installed by :func:`install`, handles our :class:`AppError` hierarchy and
FastAPI/Starlette's own errors (422 validation, 404 unknown route, 405, 413), database
integrity errors (409) and anything unexpected (500, logged, never leaked). The body:
``type``, ``title``, ``status``, ``detail``, ``instance``, ``code``, ``request_id`` and, for
field errors, ``errors: [{loc, msg, type}]``; ``title``/``detail``/``msg`` are localised.
"""

from __future__ import annotations

from typing import Any

import orjson
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from api.core import i18n
from api.core.errors import AppError, FieldError
from api.core.requestctx import current_request_id

log = structlog.get_logger("ficha.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"

i18n.register("malformed_json", {
    "es": ("JSON mal formado", "El cuerpo de la solicitud no es un JSON válido."),
    "en": ("Malformed JSON", "The request body is not valid JSON."),
    "pt": ("JSON malformado", "O corpo da solicitação não é um JSON válido."),
})

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
    503: "service_unavailable",
}


def problem_type(code: str) -> str:
    return f"urn:ficha:problem:{code}"


def _field_errors(errors: list[FieldError], language: i18n.Language) -> list[dict[str, Any]]:
    return [
        {
            "loc": list(e.loc),
            "msg": e.msgs.get(language) or i18n.field_message(e.type, language, e.msg, e.ctx),
            "type": e.type,
        }
        for e in errors
    ]


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    params: dict[str, Any] | None = None,
    errors: list[FieldError] | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    language = i18n.current_language.get()
    message = i18n.translate(code, language, params)
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": message.title,
        "status": status,
        "detail": message.detail,
        "instance": request.url.path,
        "code": code,
        "request_id": current_request_id.get(),
    }
    if errors:
        body["errors"] = _field_errors(errors, language)
    if extra:
        body.update({k: v for k, v in extra.items() if k not in body})
    return Response(
        content=orjson.dumps(body, default=str),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


async def _app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    return problem_response(
        request,
        status=exc.status,
        code=exc.code,
        params=exc.params,
        errors=exc.errors,
        extra=exc.extra,
        headers=exc.headers,
    )


def _loc(raw: tuple[Any, ...]) -> tuple[str | int, ...]:
    return tuple(part if isinstance(part, int | str) else str(part) for part in raw)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    raw = exc.errors()
    if any(e.get("type") in ("json_invalid", "json_type") for e in raw):
        return problem_response(request, status=400, code="malformed_json")
    errors = [
        FieldError(
            loc=_loc(tuple(e.get("loc", ()))),
            type=str(e.get("type", "value_error")),
            msg=str(e.get("msg", "")),
            ctx={k: v for k, v in (e.get("ctx") or {}).items() if isinstance(v, str | int | float)},
        )
        for e in raw
    ]
    return problem_response(request, status=422, code="validation_failed", errors=errors)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _STATUS_CODES.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal_error")
    params = {"method": request.method} if exc.status_code == 405 else None
    return problem_response(
        request, status=exc.status_code, code=code, params=params, headers=dict(exc.headers or {})
    )


async def _integrity_error(request: Request, exc: Exception) -> Response:
    # Services translate the constraints they expect into precise errors; this is the net.
    log.warning("integrity_error", error=str(getattr(exc, "orig", exc))[:300])
    return problem_response(request, status=409, code="conflict")


async def _database_error(request: Request, exc: Exception) -> Response:
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    if sqlstate.startswith("22"):  # data exception: a value PostgreSQL refused (e.g. NUL byte)
        return problem_response(request, status=422, code="validation_failed")
    log.exception("database_error", sqlstate=sqlstate)
    return problem_response(request, status=503, code="service_unavailable")


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled_error", error_type=type(exc).__name__)
    return problem_response(request, status=500, code="internal_error")


def install(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(Exception, _unexpected_error)
