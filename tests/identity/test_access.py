"""Every identity route, walked from the route table: 401 without a credential, 403 for a
signed-in user without the route's permission (or, for routes any user may call, for a
session restricted to MFA enrolment). 404 for other workspaces' ids is swept by
tests/core/test_tenant_isolation.py."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import update

from api.config import Settings
from api.core.context import Authorize, public_context
from api.core.routes import api_routes, dependency_calls
from api.identity.models import AuthSession
from api.main import create_app
from tests.fixtures.factories.identity import make_member
from tests.fixtures.openapi_bodies import request_kwargs

_APP = create_app(Settings(environment="test"))
_SCHEMA = _APP.openapi()
IDENTITY_PREFIXES = ("/api/v1/auth", "/api/v1/me", "/api/v1/users", "/api/v1/roles", "/api/v1/permissions",
                     "/api/v1/groups", "/api/v1/specialties", "/api/v1/calendars")


def _routes():
    for route in api_routes(_APP):
        if not route.path.startswith(IDENTITY_PREFIXES):
            continue
        calls = list(dependency_calls(route.dependant))
        if public_context in calls:
            continue
        guard = next(c for c in calls if isinstance(c, Authorize))
        for method in sorted(route.methods - {"HEAD"}):
            yield method, route.path, guard


ROUTES = list(_routes())


async def _call(client, method, path, headers):
    url = path.format(**{name: uuid.uuid4() for name in ("session_id", "user_id", "role_id", "token_id", "group_id",
                                                          "specialty_id", "calendar_id", "shift_id", "comment_id")})
    kwargs = request_kwargs(_SCHEMA, method, path, upload=("x.png", b"x", "image/png"))
    return await client.request(method, url, headers=headers, **kwargs)


def test_identity_routes_are_found():
    assert len(ROUTES) > 40


@pytest.mark.parametrize(("method", "path", "guard"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
async def test_no_credential_is_401(client, method, path, guard):
    response = await _call(client, method, path, {})
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path", "guard"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
async def test_missing_permission_is_403(client, db, workspace, method, path, guard):
    if guard.permissions:
        caller = await make_member(db, client, workspace, [])
    elif guard.allow_restricted:
        pytest.skip("any signed-in user may call it, restricted sessions included (e.g. /me, MFA enrolment)")
    else:
        caller = await make_member(db, client, workspace, ["users:read"])
        async with db.session(workspace.id) as session:
            await session.execute(update(AuthSession).where(AuthSession.user_id == caller.id).values(restricted=True))
    response = await _call(client, method, path, caller.headers)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
