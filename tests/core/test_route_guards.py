"""Every route under /api/v1 is either behind Authorize(...) or explicitly Public — no third way.

This test grows by itself: a new route without a guard fails it.
"""

from __future__ import annotations

import pytest

from api.config import Settings
from api.core.context import Authorize, public_context
from api.core.routes import api_routes, dependency_calls
from api.main import create_app

APP = create_app(Settings(environment="test"))
ROUTES = list(api_routes(APP))


def _label(route) -> str:
    return f"{','.join(sorted(route.methods))} {route.path}"


def test_there_are_routes_to_check():
    assert len(ROUTES) >= 8


@pytest.mark.parametrize("route", ROUTES, ids=_label)
def test_route_has_exactly_one_guard(route):
    calls = list(dependency_calls(route.dependant))
    authorizers = [c for c in calls if isinstance(c, Authorize)]
    public = [c for c in calls if c is public_context]
    assert len({repr(a) for a in authorizers}) + len(set(public)) == 1, (
        f"{_label(route)} must depend on exactly one Authorize(...) or Public "
        f"(found {authorizers} {public})"
    )


def test_operation_ids_are_unique_and_stable():
    schema = APP.openapi()
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert all("-" in i for i in ids)


def test_every_api_route_is_in_the_contract():
    documented = {
        (method.upper(), path) for path, ops in APP.openapi()["paths"].items() for method in ops
    }
    for route in ROUTES:
        for method in route.methods - {"HEAD"}:
            assert (method, route.path) in documented, f"{method} {route.path} is not in openapi.json"
