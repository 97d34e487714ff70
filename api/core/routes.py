"""The application's effective routes (FastAPI ≥ 0.165 keeps included routers nested), and what
a route declares about its query parameters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from types import UnionType
from typing import Any, Union, get_args, get_origin

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel


def api_routes(app: FastAPI, prefix: str = "/api/v1") -> Iterator[Any]:
    """Every API route under ``prefix`` with its full path, methods and dependant."""
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute) and (context.path or "").startswith(prefix):
            yield context


def dependency_calls(dependant: Any) -> Iterator[Any]:
    """Every callable in a route's dependency tree."""
    for sub in dependant.dependencies:
        yield sub.call
        yield from dependency_calls(sub)


def _is_sequence(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (Union, UnionType):
        return any(_is_sequence(arg) for arg in get_args(annotation) if arg is not type(None))
    return origin in (list, set, tuple, frozenset) or annotation in (list, set, tuple, frozenset)


def _repeatable(dependant: Any) -> frozenset[str]:
    """The query parameters a route declares as lists (directly or in a query model)."""
    names: set[str] = set()
    for field in dependant.query_params:
        annotation = field.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names |= {f.alias or name for name, f in annotation.model_fields.items() if _is_sequence(f.annotation)}
        elif _is_sequence(annotation):
            names.add(field.alias)
    for sub in dependant.dependencies:
        names |= _repeatable(sub)
    return frozenset(names)


_REPEATABLE: dict[int, frozenset[str]] = {}


def repeated_scalar_query_params(request: Request) -> list[str]:
    """Query parameters given more than once although the route takes one value: FastAPI
    would silently keep the last, so ``?status=sent&status=failed`` filters by one of them."""
    counts = Counter(key for key, _value in request.query_params.multi_items())
    repeated = [key for key, count in counts.items() if count > 1]
    if not repeated:
        return []
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return []
    allowed = _REPEATABLE.get(id(route))
    if allowed is None:
        allowed = _REPEATABLE[id(route)] = _repeatable(dependant)
    return [key for key in repeated if key not in allowed]
