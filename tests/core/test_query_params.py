"""A query parameter given twice where the route takes one value is refused (FastAPI would keep
the last one silently, so ``?status=a&status=b`` would filter by only one of them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from fastapi.dependencies.utils import get_dependant

from api.core.pagination import ListQuery
from api.core.routes import _repeatable


async def test_a_repeated_single_value_parameter_is_a_localised_422(client, admin_headers):
    for url in ("/api/v1/locations?q=a&q=b", "/api/v1/notifications?kind=info&kind=system&limit=5",
                "/api/v1/audit-events?action=create&action=update"):
        response = await client.get(url, headers={**admin_headers, "Accept-Language": "es"})
        assert response.status_code == 422, url
        [error] = response.json()["errors"]
        assert error["loc"][0] == "query" and error["type"] == "multiple_values"
        assert error["msg"] == "Indique este parámetro una sola vez"
    assert (await client.get("/api/v1/locations?q=a&city=b", headers=admin_headers)).status_code == 200


async def test_unauthenticated_requests_are_401_first(client):
    assert (await client.get("/api/v1/locations?q=a&q=b")).status_code == 401


class Filters(ListQuery):
    ids: list[str] = []
    tags: set[str] | None = None
    q: str | None = None


def tokens(token: Annotated[list[str] | None, Query()] = None) -> None:
    return None


def handler(filters: Annotated[Filters, Query()], _: Annotated[None, Depends(tokens)]) -> None:
    return None


def test_list_parameters_may_repeat():
    assert _repeatable(get_dependant(path="/x", call=handler)) == {"ids", "tags", "token"}
