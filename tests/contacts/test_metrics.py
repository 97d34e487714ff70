"""Metrics read from pre-aggregated deltas (whole list, kind, status) and by scanning (any other
filter) must agree after every kind of change, and folding the deltas changes nothing."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from api.contacts.models import ContactMetricDelta, ContactSale
from api.core.db import Actor, bind_actor
from tests.fixtures.factories.contacts import make_contact, make_review, make_sale

URL = "/api/v1/contacts"
EVER = {"created_from": "1970-01-01T00:00:00Z"}  # a filter the deltas do not answer: a scan


async def _both(client, headers, **params) -> tuple[dict, dict]:
    fast = await client.get(f"{URL}/metrics", params=params, headers=headers)
    scanned = await client.get(f"{URL}/metrics", params={**params, **EVER}, headers=headers)
    assert fast.status_code == scanned.status_code == 200
    return fast.json(), scanned.json()


async def _agree(client, headers) -> dict:
    results = {}
    for params in ({}, {"kind": "customer"}, {"kind": "lead"}, {"status": "inactive"},
                   {"kind": "customer", "status": "active"}):
        fast, scanned = await _both(client, headers, **params)
        assert fast == scanned, params
        results[tuple(params.items())] = fast
    return results


async def test_deltas_and_scans_agree_through_every_change(client, db, workspace, other_workspace, admin_headers,
                                                           run_jobs):
    ana = await make_contact(db, workspace.id, kind="customer")
    bea = await make_contact(db, workspace.id, kind="lead")
    cris = await make_contact(db, workspace.id, kind="customer", status="inactive")
    await make_contact(db, other_workspace.id)  # another workspace never counts
    await make_review(db, workspace.id, ana.id, rating=5)
    await make_review(db, workspace.id, bea.id, rating=2)
    sale = await make_sale(db, workspace.id, ana.id, "100.00", "EUR")
    await make_sale(db, workspace.id, cris.id, "50.00", "BRL")
    results = await _agree(client, admin_headers)
    assert results[()] == {"total_clients": 3, "total_reviews": 2, "average_rating": 3.5, "total_sales": [
        {"amount": "50.00", "currency": "BRL"}, {"amount": "100.00", "currency": "EUR"}]}
    await client.post(f"{URL}/{bea.id}/convert", headers=admin_headers)
    await client.post(f"{URL}/bulk", json={"action": "activate", "ids": [str(cris.id)]}, headers=admin_headers)
    await client.post(f"{URL}/{ana.id}/trash", headers=admin_headers)
    results = await _agree(client, admin_headers)
    assert results[(("kind", "customer"),)]["total_clients"] == 2
    assert results[()]["total_sales"] == [{"amount": "50.00", "currency": "BRL"}]
    await client.post(f"{URL}/{ana.id}/restore", headers=admin_headers)
    async with db.session(workspace.id) as session:
        await session.execute(update(ContactSale).where(ContactSale.id == sale.id).values(amount=30, currency="USD"))
    await _agree(client, admin_headers)
    async with db.session(workspace.id) as session:
        await session.execute(delete(ContactSale).where(ContactSale.id == sale.id))
    await client.post(f"{URL}/{cris.id}/trash", headers=admin_headers)
    assert (await client.delete(f"{URL}/{cris.id}", headers=admin_headers)).status_code == 204
    results = await _agree(client, admin_headers)
    assert results[()] == {"total_clients": 2, "total_reviews": 2, "average_rating": 3.5, "total_sales": []}

    async def rows() -> int:
        async with db.sessionmaker() as session:
            bind_actor(session, workspace.id, Actor.system())
            return (await session.execute(select(func.count()).select_from(ContactMetricDelta))).scalar_one()

    before = await rows()
    from api.contacts.tasks import compact_metrics

    assert await compact_metrics.coroutine({"db": db}) >= 1
    assert await rows() < before
    assert (await _agree(client, admin_headers))[()] == results[()]
