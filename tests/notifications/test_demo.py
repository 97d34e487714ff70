"""The demo workspace's notifications: loaded once, visible to the demo administrator."""

from __future__ import annotations

from api.demo import load_demo
from tests.fixtures.factories.identity import login


async def test_demo_notifications_are_seeded_once(client, db, tmp_path):
    for _ in range(2):  # idempotent: a second run adds nothing
        async with db.session() as session:
            creds = await load_demo(session, tmp_path)
    headers = await login(client, creds["workspace"], creds["email"], creds["password"])
    page = (await client.get("/api/v1/notifications", headers=headers)).json()
    assert sorted((i["kind"], i["title"]) for i in page["items"]) == [
        ("info", "Nuevo: centro de notificaciones"),
        ("personal", "Bienvenida a Ficha"),
        ("system", "El sistema se actualizará pronto"),
    ]
    assert page["unread_count"] == 3
    scheduled = (await client.get("/api/v1/notifications/broadcasts", params={"status": "scheduled"},
                                  headers=headers)).json()["items"]
    assert [b["title"] for b in scheduled] == ["Recordatorio: cierre mensual"]
