"""The application's effective routes (FastAPI ≥ 0.165 keeps included routers nested)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts


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
