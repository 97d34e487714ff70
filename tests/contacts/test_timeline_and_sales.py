"""The timeline (B10: events, comments and notes as one feed) and the sales table other domains
fill (B8)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from api.contacts import sales
from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, bind_actor
from api.core.errors import NotFound
from tests.fixtures.factories.contacts import make_contact
from tests.fixtures.factories.identity import make_member

URL = "/api/v1/contacts"


async def test_timeline_merges_events_comments_and_notes_newest_first(client, db, workspace, admin_headers):
    created = await client.post(URL, json={"kind": "lead", "first_name": "Timo"}, headers=admin_headers)
    contact_id = created.json()["id"]
    await client.post(f"{URL}/{contact_id}/comments", json={"body": "Primer contacto"}, headers=admin_headers)
    await client.post(f"{URL}/{contact_id}/notes", json={"body": "Interesado en el plan anual", "category": "venta"},
                      headers=admin_headers)
    await client.post(f"{URL}/{contact_id}/convert", headers=admin_headers)
    await client.post(f"{URL}/{contact_id}/reviews", json={"rating": 4}, headers=admin_headers)
    feed = (await client.get(f"{URL}/{contact_id}/timeline", headers=admin_headers)).json()
    kinds = [(item["kind"], item["action"] or item["body"]) for item in feed["items"]]
    assert kinds == [("event", "review_added"), ("event", "update"), ("note", "Interesado en el plan anual"),
                     ("comment", "Primer contacto"), ("event", "create")]
    assert feed["items"][1]["changes"]["kind"] == {"old": "lead", "new": "customer"}
    assert feed["items"][2]["category"] == "venta" and feed["items"][0]["actor_user_id"] == str(workspace.admin.id)
    seen, cursor = [], None
    while True:
        page = (await client.get(f"{URL}/{contact_id}/timeline", params={"limit": 2, **({"cursor": cursor} if
                                 cursor else {})}, headers=admin_headers)).json()
        seen += [item["id"] for item in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert seen == [item["id"] for item in feed["items"]]


async def test_timeline_access(client, db, workspace, other_workspace):
    contact = await make_contact(db, workspace.id)
    assert (await client.get(f"{URL}/{contact.id}/timeline")).status_code == 401
    nobody = await make_member(db, client, workspace, [])
    assert (await client.get(f"{URL}/{contact.id}/timeline", headers=nobody.headers)).status_code == 403
    theirs = await make_contact(db, other_workspace.id)
    assert (await client.get(f"{URL}/{theirs.id}/timeline", headers=workspace.admin.headers)).status_code == 404
    bad = await client.get(f"{URL}/{contact.id}/timeline", params={"cursor": "nope"},
                           headers=workspace.admin.headers)
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_cursor"


@pytest.fixture
async def ctx(db, workspace):
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, Actor.system())
        yield TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=workspace.id, language="es")
        await session.commit()


async def test_recording_sales_is_idempotent_and_corrects(client, db, workspace, other_workspace, ctx, admin_headers):
    contact = await make_contact(db, workspace.id, first_name="Compradora")
    invoice = uuid.uuid4()
    when = datetime.now(UTC) - timedelta(days=1)
    for _ in range(2):
        await sales.record_sale(ctx, contact_id=contact.id, amount=Decimal("99.99"), currency="EUR",
                                source_kind="invoice", source_id=invoice, occurred_at=when)
    await sales.record_sale(ctx, contact_id=contact.id, amount=Decimal("10"), currency="USD",
                            source_kind="order", source_id=uuid.uuid4(), occurred_at=datetime.now(UTC))
    await ctx.session.commit()
    detail = (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()
    assert detail["sales"] == [{"amount": "99.99", "currency": "EUR"}, {"amount": "10.00", "currency": "USD"}]
    await sales.record_sale(ctx, contact_id=contact.id, amount=Decimal("-20.00"), currency="EUR",
                            source_kind="credit_note", source_id=uuid.uuid4(), occurred_at=datetime.now(UTC))
    await sales.record_sale(ctx, contact_id=contact.id, amount=Decimal("100"), currency="EUR",
                            source_kind="invoice", source_id=invoice, occurred_at=when)  # corrected invoice
    await sales.remove_sale(ctx, source_kind="order", source_id=uuid.uuid4())  # unknown: nothing happens
    await ctx.session.commit()
    detail = (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()
    assert detail["sales"] == [{"amount": "80.00", "currency": "EUR"}, {"amount": "10.00", "currency": "USD"}]
    listed = (await client.get(f"{URL}/{contact.id}/sales", headers=admin_headers)).json()["items"]
    assert [(s["source_kind"], s["amount"]) for s in listed] == [("credit_note", "-20.00"), ("order", "10.00"),
                                                                 ("invoice", "100.00")]
    events = [e["action"] for e in (await client.get(f"{URL}/{contact.id}/timeline",
                                                     headers=admin_headers)).json()["items"]]
    assert events.count("sale_recorded") == 3 and "sale_changed" in events
    theirs = await make_contact(db, other_workspace.id)
    with pytest.raises(NotFound):
        await sales.record_sale(ctx, contact_id=theirs.id, amount=Decimal("1"), currency="EUR",
                                source_kind="invoice", source_id=uuid.uuid4(), occurred_at=when)
    with pytest.raises(ValueError, match="currency"):
        await sales.record_sale(ctx, contact_id=contact.id, amount=Decimal("1"), currency="euro",
                                source_kind="invoice", source_id=uuid.uuid4(), occurred_at=when)
