"""A5 roles and permissions: the catalogue, built-in roles with optional permissions, custom
roles, per-user grants (offered or 422), effective permissions in /me, no escalation."""

from __future__ import annotations

from api.core import permissions
from api.identity.roles import BUILT_IN_ROLES
from tests.fixtures.factories.identity import make_member, make_user
from tests.identity.helpers import bearer, sign_in


async def _roles(client, headers) -> dict[str, dict]:
    return {r["key"]: r for r in (await client.get("/api/v1/roles", headers=headers)).json()["items"]}


async def test_the_catalogue_is_listed_localised(client, admin_headers):
    en = (await client.get("/api/v1/permissions", headers={**admin_headers, "Accept-Language": "en"})).json()
    es = (await client.get("/api/v1/permissions", headers=admin_headers)).json()
    assert {p["key"] for p in en["items"]} == set(permissions.KEYS)
    by_key = {p["key"]: p for p in es["items"]}
    assert by_key["conversations:self_assign"]["description"].startswith("Dispensador")
    assert {"orders:independent", "payments:reconcile", "statistics:confidential"} <= set(by_key)


async def test_built_in_roles_of_the_seeds_are_there_with_optional_permissions(client, admin_headers):
    roles = await _roles(client, admin_headers)
    assert set(BUILT_IN_ROLES) <= set(roles)
    agent = roles["conversation_agent"]
    assert agent["built_in"] is True
    assert {"id", "key", "name", "built_in", "permissions", "optional_permissions"} <= set(agent)
    assert set(agent["optional_permissions"]) == {"conversations:self_assign", "conversations:transfer",
                                                  "orders:independent"}
    assert set(roles["supervisor"]["optional_permissions"]) >= {"orders:manage", "payments:reconcile",
                                                               "reports:conversations", "reports:payments"}
    assert set(roles["administrator"]["permissions"]) == set(permissions.KEYS)
    assert roles["administrator"]["name"] == "Administrador"


async def test_custom_role_lifecycle(client, db, workspace, admin_headers):
    created = await client.post("/api/v1/roles", headers=admin_headers, json={
        "name": "Recepción nocturna", "permissions": ["contacts:read", "appointments:read"],
        "optional_permissions": ["appointments:write", "contacts:read"]})
    assert created.status_code == 201, created.text
    role = created.json()
    assert role["key"] == "recepcion_nocturna" and role["built_in"] is False
    assert role["optional_permissions"] == ["appointments:write"], "a base permission is not also optional"
    clash = await client.post("/api/v1/roles", headers=admin_headers, json={"name": "Recepción nocturna"})
    assert clash.status_code == 201 and clash.json()["key"] == "recepcion_nocturna_2"
    taken = await client.post("/api/v1/roles", headers=admin_headers, json={"name": "X", "key": "supervisor"})
    assert taken.status_code == 409 and taken.json()["code"] == "role_key_taken"
    unknown = await client.post("/api/v1/roles", headers=admin_headers,
                                json={"name": "Y", "permissions": ["contacts:read", "rockets:launch"]})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["loc"] == ["body", "permissions", 1]

    changed = await client.patch(f"/api/v1/roles/{role['id']}", headers=admin_headers,
                                 json={"permissions": ["contacts:read"], "description": "Turno de noche"})
    assert changed.status_code == 200 and changed.json()["permissions"] == ["contacts:read"]
    holder = await make_user(db, workspace, role_keys=("recepcion_nocturna",))
    in_use = await client.delete(f"/api/v1/roles/{role['id']}", headers=admin_headers)
    assert in_use.status_code == 409 and in_use.json()["code"] == "role_in_use"
    await client.delete(f"/api/v1/users/{holder.id}", headers=admin_headers)
    assert (await client.delete(f"/api/v1/roles/{role['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"/api/v1/roles/{role['id']}", headers=admin_headers)).status_code == 404


async def test_built_in_roles_keep_their_permissions(client, admin_headers):
    supervisor = (await _roles(client, admin_headers))["supervisor"]
    fixed = await client.patch(f"/api/v1/roles/{supervisor['id']}", headers=admin_headers,
                               json={"permissions": ["contacts:read"]})
    assert fixed.status_code == 409 and fixed.json()["code"] == "built_in_role_fixed"
    assert (await client.delete(f"/api/v1/roles/{supervisor['id']}", headers=admin_headers)).status_code == 409
    renamed = await client.patch(f"/api/v1/roles/{supervisor['id']}", headers=admin_headers,
                                 json={"name": "Jefe de turno"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Jefe de turno"
    assert renamed.json()["permissions"] == supervisor["permissions"]


async def test_optional_grants_must_be_offered_and_count_in_effective_permissions(client, db, workspace,
                                                                                  admin_headers):
    agent = await make_user(db, workspace, password="agent secret phrase")
    url = f"/api/v1/users/{agent.id}/permissions"
    refused = await client.put(url, json={"optional_permissions": ["payments:reconcile"]}, headers=admin_headers)
    assert refused.status_code == 422 and refused.json()["code"] == "permission_not_optional"
    granted = await client.put(url, json={"optional_permissions": ["conversations:self_assign"]},
                               headers=admin_headers)
    assert granted.status_code == 200
    assert granted.json()["optional_permissions"] == ["conversations:self_assign"]
    assert "conversations:self_assign" in granted.json()["effective"]
    assert "conversations:transfer" in granted.json()["offered"]
    headers = bearer((await sign_in(client, workspace.slug, agent.email, "agent secret phrase")).json()["access_token"])
    me = (await client.get("/api/v1/me", headers=headers)).json()
    assert "conversations:self_assign" in me["permissions"] and "conversations:transfer" not in me["permissions"]
    assert me["optional_permissions"] == ["conversations:self_assign"]

    roles = await _roles(client, admin_headers)
    await client.patch(f"/api/v1/users/{agent.id}", json={"roles": [roles["stakeholder"]["id"]]},
                       headers=admin_headers)
    after = (await client.get(url, headers=admin_headers)).json()
    assert after["optional_permissions"] == [], "grants no remaining role offers are dropped"
    me = (await client.get("/api/v1/me", headers=headers)).json()
    assert "conversations:self_assign" not in me["permissions"], "at once, on the live session"


async def test_nobody_grants_what_they_do_not_hold(client, db, workspace, admin_headers):
    granter = await make_member(db, client, workspace, ["roles:write", "roles:read", "users:read"])
    agent = await make_user(db, workspace)
    refused = await client.put(f"/api/v1/users/{agent.id}/permissions",
                               json={"optional_permissions": ["orders:independent"]}, headers=granter.headers)
    assert refused.status_code == 403 and refused.json()["code"] == "privilege_escalation"
    role = await client.post("/api/v1/roles", json={"name": "Todo", "permissions": ["users:delete"]},
                             headers=granter.headers)
    assert role.status_code == 403


async def test_roles_routes_need_their_permissions(client, db, workspace, other_workspace):
    reader = await make_member(db, client, workspace, ["roles:read"])
    assert (await client.get("/api/v1/roles")).status_code == 401
    assert (await client.get("/api/v1/roles", headers=reader.headers)).status_code == 200
    assert (await client.post("/api/v1/roles", json={"name": "R"}, headers=reader.headers)).status_code == 403
    theirs = (await _roles(client, other_workspace.admin.headers))["supervisor"]["id"]
    assert (await client.get(f"/api/v1/roles/{theirs}", headers=reader.headers)).status_code == 404
