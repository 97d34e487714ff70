"""D1: the notification center — per-user read state, unread count, mark read / all read,
filters, keyset pages, isolation between users and workspaces, and every bad input."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, bind_actor
from api.notifications import service
from api.notifications.events import user_channel
from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.notifications import notify
from tests.fixtures.pubsub import drain

URL = "/api/v1/notifications"


async def _list(client, headers, **params) -> dict:
    response = await client.get(URL, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


# --- access --------------------------------------------------------------------------------

async def test_no_credential_is_401(client):
    some_id = "01a2010a-d308-7274-91bf-a2eb8ec3c3b0"
    for method, url in (("GET", URL), ("POST", f"{URL}/read-all"), ("GET", f"{URL}/{some_id}"),
                        ("POST", f"{URL}/{some_id}/read"), ("GET", f"{URL}/stream")):
        response = await client.request(method, url)
        assert response.status_code == 401, (method, url)
        assert response.json()["code"] == "unauthenticated"
        assert response.headers["www-authenticate"].startswith("Bearer")


async def test_every_signed_in_user_has_a_center_without_any_permission(client, db, workspace):
    nobody = await make_member(db, client, workspace, [])
    await notify(db, workspace.id, nobody.id, title="Para ti")
    page = await _list(client, nobody.headers)
    assert [i["title"] for i in page["items"]] == ["Para ti"] and page["unread_count"] == 1


async def test_another_workspaces_notification_is_404_and_unchanged(client, db, workspace, other_workspace):
    theirs = await notify(db, other_workspace.id, other_workspace.admin.id, title="De B")
    for method, url in (("GET", f"{URL}/{theirs.id}"), ("POST", f"{URL}/{theirs.id}/read")):
        response = await client.request(method, url, headers=workspace.admin.headers)
        assert response.status_code == 404
        assert response.json()["code"] == "entity_not_found"
    assert (await _list(client, workspace.admin.headers))["items"] == []
    still = await client.get(f"{URL}/{theirs.id}", headers=other_workspace.admin.headers)
    assert still.json()["read"] is False


async def test_a_user_never_sees_or_reads_another_users_personal_notifications(client, db, workspace):
    colleague = await make_member(db, client, workspace, [])
    private = await notify(db, workspace.id, workspace.admin.id, title="Solo para el admin")
    assert (await _list(client, colleague.headers)) == {"items": [], "next_cursor": None, "unread_count": 0}
    assert (await client.get(f"{URL}/{private.id}", headers=colleague.headers)).status_code == 404
    assert (await client.post(f"{URL}/{private.id}/read", headers=colleague.headers)).status_code == 404
    assert (await client.post(f"{URL}/read-all", headers=colleague.headers)).json() == {"marked_read": 0}
    mine = await client.get(f"{URL}/{private.id}", headers=workspace.admin.headers)
    assert mine.status_code == 200 and mine.json()["read"] is False


# --- reading and marking ---------------------------------------------------------------------

async def test_list_shape_newest_first_with_unread_count(client, db, workspace):
    first = await notify(db, workspace.id, workspace.admin.id, title="Primera", link="/contacts", action="Ver")
    second = await notify(db, workspace.id, workspace.admin.id, title="Segunda", kind="info")
    page = await _list(client, workspace.admin.headers)
    assert page["unread_count"] == 2 and page["next_cursor"] is None
    assert [i["id"] for i in page["items"]] == [str(second.id), str(first.id)]
    item = page["items"][1]
    assert item == {"id": str(first.id), "kind": "personal", "title": "Primera", "body": "Hola",
                    "link": "/contacts", "action": "Ver", "job": None, "read": False, "read_at": None,
                    "created_at": item["created_at"]}
    one = await client.get(f"{URL}/{first.id}", headers=workspace.admin.headers)
    assert one.json() == item


async def test_mark_read_is_idempotent_and_counts_follow(client, db, workspace):
    a = await notify(db, workspace.id, workspace.admin.id)
    await notify(db, workspace.id, workspace.admin.id)
    read = await client.post(f"{URL}/{a.id}/read", headers=workspace.admin.headers)
    assert read.status_code == 200 and read.json()["read"] is True and read.json()["read_at"]
    assert (await _list(client, workspace.admin.headers))["unread_count"] == 1
    again = await client.post(f"{URL}/{a.id}/read", headers=workspace.admin.headers)
    assert again.json()["read_at"] == read.json()["read_at"], "the first read time stays"

    marked = await client.post(f"{URL}/read-all", headers=workspace.admin.headers)
    assert marked.status_code == 200 and marked.json() == {"marked_read": 1}
    page = await _list(client, workspace.admin.headers)
    assert page["unread_count"] == 0 and all(i["read"] for i in page["items"])
    assert (await client.post(f"{URL}/read-all", headers=workspace.admin.headers)).json() == {"marked_read": 0}


async def test_filters_by_kind_read_state_and_creation_time(client, db, workspace):
    info = await notify(db, workspace.id, workspace.admin.id, title="Info", kind="info")
    system = await notify(db, workspace.id, workspace.admin.id, title="Sistema", kind="system")
    await client.post(f"{URL}/{system.id}/read", headers=workspace.admin.headers)
    headers = workspace.admin.headers

    async def titles(**params) -> list[str]:
        return [i["title"] for i in (await _list(client, headers, **params))["items"]]

    assert await titles(kind="info") == ["Info"]
    assert await titles(kind="job") == []
    assert await titles(read="true") == ["Sistema"]
    assert await titles(read="false") == ["Info"]
    created = datetime.fromisoformat((await client.get(f"{URL}/{info.id}", headers=headers)).json()["created_at"])
    assert await titles(created_from=(created + timedelta(hours=1)).isoformat()) == []
    assert set(await titles(created_from=(created - timedelta(hours=1)).isoformat(),
                            created_to=(created + timedelta(hours=1)).isoformat())) == {"Info", "Sistema"}
    page = await _list(client, headers, kind="info")
    assert page["unread_count"] == 1, "the unread count ignores the filters"


async def test_keyset_pages_cover_everything_once(client, db, workspace):
    ids = [(await notify(db, workspace.id, workspace.admin.id, title=f"N{i}")).id for i in range(7)]
    seen, cursor = [], None
    while True:
        page = await _list(client, workspace.admin.headers, limit=3, **({"cursor": cursor} if cursor else {}))
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [str(i) for i in reversed(ids)]


async def test_changes_are_published_after_commit_to_the_users_channel(client, db, workspace, arq_pool):
    """A second console of the same user hears about a read in the first (via Redis)."""
    notification = await notify(db, workspace.id, workspace.admin.id, title="Leer en otra consola")
    pubsub = arq_pool.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(user_channel(workspace.id, workspace.admin.id))
    try:
        await client.post(f"{URL}/{notification.id}/read", headers=workspace.admin.headers)
        await client.post(f"{URL}/read-all", headers=workspace.admin.headers)  # nothing left: no event
        await notify(db, workspace.id, workspace.admin.id, title="Otra")
        await client.post(f"{URL}/read-all", headers=workspace.admin.headers)
        messages = await drain(pubsub)
    finally:
        await pubsub.aclose()
    assert [m["event"] for m in messages] == ["notification", "read_all"]
    assert messages[0]["data"]["id"] == str(notification.id) and messages[0]["data"]["read"] is True
    assert messages[0]["id"].isdigit() and messages[1]["id"].isdigit()


async def test_nothing_is_published_when_the_transaction_rolls_back(db, workspace, arq_pool):
    pubsub = arq_pool.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(user_channel(workspace.id, workspace.admin.id))
    try:
        async with db.sessionmaker() as session:
            bind_actor(session, workspace.id, Actor.system())
            uow = UnitOfWork(session=session)
            ctx = TenantContext(uow=uow, principal=None, tenant_id=workspace.id, language="es")
            await service.notify_user(ctx, workspace.admin.id, title="Nunca")
            assert len(uow.publications) == 1
            await session.rollback()
            uow.discard()
            await uow.after_commit(arq_pool, None)
        assert await drain(pubsub, seconds=0.5) == []
    finally:
        await pubsub.aclose()


async def test_notify_user_refuses_another_workspaces_user_and_unsafe_links(db, workspace, other_workspace):
    from api.core.errors import NotFound

    with pytest.raises(NotFound):
        await notify(db, workspace.id, other_workspace.admin.id)
    with pytest.raises(ValueError, match="unsafe"):
        await notify(db, workspace.id, workspace.admin.id, link="javascript:alert(1)")
    with pytest.raises(ValueError, match="not 'job'"):
        await notify(db, workspace.id, workspace.admin.id, kind="job")


# --- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "loc"), [
    ({"kind": "spam"}, ["query", "kind"]),
    ({"read": "maybe"}, ["query", "read"]),
    ({"created_from": "yesterday"}, ["query", "created_from"]),
    ({"created_from": "1732270000"}, ["query", "created_from"]),
    ({"limit": "0"}, ["query", "limit"]),
    ({"limit": "100000"}, ["query", "limit"]),
    ({"cursor": "not-a-cursor"}, ["query", "cursor"]),
    ({"unknown": "1"}, ["query", "unknown"]),
])
async def test_bad_list_queries_are_localised_422(client, admin_headers, params, loc):
    response = await client.get(URL, params=params, headers={**admin_headers, "Accept-Language": "pt"})
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] in ("validation_failed", "invalid_cursor")
    assert loc in [e["loc"] for e in body["errors"]]
    assert body["title"] in ("Dados inválidos", "Cursor inválido")


async def test_bad_ids_are_422_and_unknown_ids_404(client, admin_headers):
    assert (await client.get(f"{URL}/not-a-uuid", headers=admin_headers)).status_code == 422
    assert (await client.post(f"{URL}/123/read", headers=admin_headers)).status_code == 422
    unknown = await client.post(f"{URL}/{uuid.uuid4()}/read", headers={**admin_headers, "Accept-Language": "es"})
    assert unknown.status_code == 404 and "Notificación" in unknown.json()["detail"]


async def test_read_all_refuses_get_and_ignores_nothing_silently(client, admin_headers):
    assert (await client.get(f"{URL}/read-all", headers=admin_headers)).status_code == 422  # not an id
    assert (await client.put(f"{URL}/read-all", headers=admin_headers)).status_code == 405


async def test_created_range_accepts_utc_and_offsets(client, db, workspace):
    await notify(db, workspace.id, workspace.admin.id)
    later = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+02:00")
    page = await _list(client, workspace.admin.headers, created_to=later)
    assert len(page["items"]) == 1
