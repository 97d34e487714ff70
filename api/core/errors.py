"""The one error hierarchy. Services raise these; :mod:`api.core.problems` renders them.

Every error carries a stable machine ``code`` (registered in :mod:`api.core.i18n` with its
es/en/pt title and detail), an HTTP status, optional ``params`` for the detail text, optional
field ``errors`` (``loc``/``msg``/``type``) and optional ``extra`` members added to the body
(e.g. ``existing_id`` on a duplicate). Services never raise ``HTTPException``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldError:
    loc: tuple[str | int, ...]
    type: str
    msg: str = ""
    # Localised messages: {"es": ..., "en": ..., "pt": ...}; falls back to msg.
    msgs: dict[str, str] = field(default_factory=dict)
    ctx: dict[str, Any] = field(default_factory=dict)


class AppError(Exception):
    status: int = 400
    code: str = "bad_request"

    def __init__(
        self,
        code: str | None = None,
        *,
        status: int | None = None,
        params: dict[str, Any] | None = None,
        errors: list[FieldError] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        keep_changes: bool = False,
    ) -> None:
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.params = params or {}
        self.errors = errors or []
        self.extra = extra or {}
        self.headers = headers or {}
        # A refusal whose side effects are the point (revoking a token family on reuse, an
        # audit event of a rejected MFA replay): the unit of work commits them, then answers.
        self.keep_changes = keep_changes
        super().__init__(self.code)


class NotFound(AppError):
    status = 404
    code = "entity_not_found"

    def __init__(self, entity: str = "resource", **kwargs: Any) -> None:
        params = {"entity": entity, **kwargs.pop("params", {})}
        super().__init__(params=params, **kwargs)


class Conflict(AppError):
    status = 409
    code = "conflict"


class ValidationFailed(AppError):
    """422 with field errors; raise it from services for rules pydantic cannot express."""

    status = 422
    code = "validation_failed"

    def __init__(self, errors: list[FieldError], code: str | None = None, **kwargs: Any) -> None:
        super().__init__(code, errors=errors, **kwargs)


def field_error(
    loc: tuple[str | int, ...], error_type: str, es: str, en: str, pt: str, **ctx: Any
) -> FieldError:
    return FieldError(loc=loc, type=error_type, msg=en, msgs={"es": es, "en": en, "pt": pt}, ctx=ctx)


class Unauthenticated(AppError):
    status = 401
    code = "unauthenticated"

    def __init__(self, code: str | None = None, **kwargs: Any) -> None:
        headers = {"WWW-Authenticate": 'Bearer realm="ficha"', **kwargs.pop("headers", {})}
        super().__init__(code, headers=headers, **kwargs)


class Forbidden(AppError):
    status = 403
    code = "forbidden"


class RateLimited(AppError):
    status = 429
    code = "rate_limited"

    def __init__(self, retry_after: int, code: str | None = None, **kwargs: Any) -> None:
        params = {"retry_after": retry_after, **kwargs.pop("params", {})}
        headers = {"Retry-After": str(retry_after), **kwargs.pop("headers", {})}
        super().__init__(code, params=params, headers=headers, **kwargs)


class ServiceUnavailable(AppError):
    status = 503
    code = "service_unavailable"
