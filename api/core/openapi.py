"""The contract's error responses, documented once for every operation.

Each operation under ``/api/v1`` gets the problem+json responses it can actually produce,
derived from its shape (a body → 400/413; a path parameter → 404; a guard → 401/403; a write →
409), instead of every handler listing them. FastAPI's default 422 schema is replaced by ours.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

from api.core.context import Authorize, public_context
from api.core.problems import PROBLEM_MEDIA_TYPE
from api.core.routes import api_routes, dependency_calls


class FieldProblem(BaseModel):
    loc: list[str | int] = Field(description="Where: e.g. ['body', 'email'] or ['query', 'limit']")
    msg: str = Field(description="What is wrong, in the negotiated language")
    type: str = Field(description="A stable machine type, e.g. 'missing', 'string_too_long'")


class Problem(BaseModel):
    """RFC 9457 problem details. Extra members may appear (e.g. ``existing_id`` on a 409)."""

    type: str = Field(examples=["urn:ficha:problem:validation_failed"])
    title: str
    status: int
    detail: str
    instance: str | None = None
    code: str = Field(description="A stable machine code; see docs/errors.md")
    request_id: str | None = None
    errors: list[FieldProblem] | None = None


# For routes whose permission depends on what they touch (checked by the service, not the guard).
FORBIDDEN_RESPONSE: dict[int | str, dict] = {403: {"description": "The credential lacks the permission"}}

_DESCRIPTIONS = {
    "400": "Malformed JSON",
    "401": "Missing, invalid, expired or revoked credential",
    "403": "The credential lacks the permission",
    "404": "Not found (including another workspace's records)",
    "409": "Conflicts with the current state (e.g. a duplicate)",
    "410": "Gone: the link or token was used, replaced or has expired",
    "413": "Request body too large",
    "415": "The uploaded file's content is not of an allowed type",
    "422": "Invalid input (field errors in `errors`)",
    "429": "Too many requests (see Retry-After)",
}


def _statuses(route: Any, method: str) -> list[str]:
    calls = list(dependency_calls(route.dependant))
    guarded = [c for c in calls if isinstance(c, Authorize)]
    has_body = route.body_field is not None
    statuses = ["401", "422", "429"]
    # A missing permission, a session restricted to MFA enrolment, or a check the service makes.
    if guarded or 403 in (route.original_route.responses or {}):
        statuses.append("403")
    if guarded and public_context not in calls:
        statuses.append("404")  # services answer 404 for unknown or foreign ids, in body or path
    if "{" in route.path:
        statuses.append("404")
    if has_body:
        statuses += ["400", "413"]
        if _is_upload(route):
            statuses.append("415")
    # A route may name further problem statuses it answers (e.g. 410 for a used link).
    statuses += [str(code) for code in (route.responses or {}) if str(code) in _DESCRIPTIONS]
    if method in ("POST", "PUT", "PATCH", "DELETE"):
        statuses.append("409")
    return sorted(set(statuses))


def _is_upload(route: Any) -> bool:
    return any(getattr(param.field_info, "media_type", "") == "multipart/form-data"
               for param in route.dependant.body_params)


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components["FieldProblem"] = components["Problem"].pop("$defs", {}).get(
            "FieldProblem", FieldProblem.model_json_schema())
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        for route in api_routes(app):
            for method in route.methods - {"HEAD"}:
                operation = schema["paths"][route.path][method.lower()]
                responses = operation.setdefault("responses", {})
                for status in _statuses(route, method):
                    responses[status] = {
                        "description": _DESCRIPTIONS[status],
                        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
                    }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
