"""The list (B8): accent- and typo-insensitive search, filters, sorting, keyset pages, the row's
shape, and the metrics over the same filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.factories.contacts import (
    add_to_group,
    make_contact,
    make_group,
    make_review,
    make_sale,
)
from tests.fixtures.factories.identity import make_member

URL = "/api/v1/contacts"


async def _names(client, headers, **params) -> list[str]:
    response = await client.get(URL, params={"limit": 200, **params}, headers=headers)
    assert response.status_code == 200, response.text
    return [f"{i['first_name']} {i['last_name']}".strip() for i in response.json()["items"]]


@pytest.fixture
async def people(db, workspace):
    rows = [
        ("Lucía", "Pérez García", "lucia.perez@example.com", "+34612345678", "Madrid"),
        ("João", "Peres Gonçalves", "joao@example.com.br", "+5511912345678", "São Paulo"),
        ("María José", "Gómez Ruiz", "mj.gomez@example.com", "+34699000111", "Madrid"),
        ("Ignacio", "Núñez", None, None, "Sevilla"),
        ("Álvaro", "Ómar Álvarez", None, None, "Málaga"),
    ]
    return {first: await make_contact(db, workspace.id, first_name=first, last_name=last, email=email, phone=phone,
                                      city=city)
            for first, last, email, phone, city in rows}


PEREZ_AND_PERES = ["João Peres Gonçalves", "Lucía Pérez García"]


# Typo tolerance is symmetric: "Peres" is one letter away from "Pérez", so each finds the other.
@pytest.mark.parametrize(("q", "expected"), [
    ("Pérez", PEREZ_AND_PERES),
    ("perez", PEREZ_AND_PERES),
    ("PEREZ", PEREZ_AND_PERES),
    ("Peres", PEREZ_AND_PERES),
    ("Perex", PEREZ_AND_PERES),
    ("lucia perez", ["Lucía Pérez García"]),
    ("garcia", ["Lucía Pérez García"]),
    ("goncalves", ["João Peres Gonçalves"]),
    ("maria gomez", ["María José Gómez Ruiz"]),
    ("nunez", ["Ignacio Núñez"]),
    ("lucia.perez@", ["Lucía Pérez García"]),
    ("MJ.GOMEZ@example.com", ["María José Gómez Ruiz"]),
    ("612 345 678", ["Lucía Pérez García"]),
    ("+55 11 91234", ["João Peres Gonçalves"]),
    ("xyzzy", []),
    ("alvaro alvarez", ["Álvaro Ómar Álvarez"]),  # capital accented letters fold too
    ("ÓMAR", ["Álvaro Ómar Álvarez"]),
    ("gonc", ["João Peres Gonçalves"]),  # a prefix, as typed
    ("lvarez", ["Álvaro Ómar Álvarez"]),  # a part of a word
    ("gonzalves", ["João Peres Gonçalves"]),  # a typo inside a longer word
    ("   ", ["Álvaro Ómar Álvarez", "Ignacio Núñez", "João Peres Gonçalves", "Lucía Pérez García",
            "María José Gómez Ruiz"]),
])
async def test_search_ignores_accents_case_and_small_typos(client, admin_headers, people, q, expected):
    assert sorted(await _names(client, admin_headers, q=q)) == sorted(expected)


async def test_renamed_contacts_are_found_by_their_new_name(client, db, workspace, admin_headers):
    contact = await make_contact(db, workspace.id, first_name="Antes", last_name="Nombre")
    await client.patch(f"{URL}/{contact.id}", json={"last_name": "Zubizarreta"}, headers=admin_headers)
    assert await _names(client, admin_headers, q="zubizareta") == ["Antes Zubizarreta"]


async def test_search_covers_document_and_company(client, db, workspace, admin_headers):
    await make_contact(db, workspace.id, first_name="Rita", last_name="Lobo", document_id="X1234567Z",
                       company_names="Óptica Álvarez S.L.")
    await make_contact(db, workspace.id, first_name="Otra", last_name="Persona")
    assert await _names(client, admin_headers, q="x1234567z") == ["Rita Lobo"]
    assert await _names(client, admin_headers, q="optica alvarez") == ["Rita Lobo"]


async def test_filters(client, db, workspace, other_workspace, admin_headers):
    advisor = await make_member(db, client, workspace, [])
    vip = await make_group(db, workspace.id, name="VIP")
    old = datetime(2024, 1, 1, tzinfo=UTC)
    lead = await make_contact(db, workspace.id, first_name="Lead", last_name="", kind="lead", city="Lima",
                              owner_id=advisor.id, created_at=old)
    await make_contact(db, workspace.id, first_name="Inactive", last_name="", status="inactive", city="LIMA")
    grouped = await make_contact(db, workspace.id, first_name="Grouped", last_name="")
    await add_to_group(db, workspace.id, vip.id, grouped.id)
    gone = await make_contact(db, workspace.id, first_name="Gone", last_name="", deleted_at=datetime.now(UTC))
    assert await _names(client, admin_headers, kind="lead") == ["Lead"]
    assert await _names(client, admin_headers, status="inactive") == ["Inactive"]
    assert sorted(await _names(client, admin_headers, city="lima")) == ["Inactive", "Lead"]
    assert await _names(client, admin_headers, owner_id=str(advisor.id)) == ["Lead"]
    assert await _names(client, admin_headers, group_id=str(vip.id)) == ["Grouped"]
    assert await _names(client, admin_headers, created_to=(old + timedelta(days=1)).isoformat()) == ["Lead"]
    assert "Lead" not in await _names(client, admin_headers, created_from=(old + timedelta(days=1)).isoformat())
    assert await _names(client, admin_headers, trashed="true") == ["Gone"]
    assert "Gone" not in await _names(client, admin_headers)
    assert str(gone.id) and str(lead.id)
    theirs = await make_group(db, other_workspace.id)
    response = await client.get(URL, params={"group_id": str(theirs.id)}, headers=admin_headers)
    assert response.status_code == 404 and response.json()["code"] == "entity_not_found"


async def test_rows_carry_what_the_list_shows(client, db, workspace, admin_headers):
    contact = await make_contact(db, workspace.id, first_name="Row", email="row@example.com", phone="+34600000001")
    await make_review(db, workspace.id, contact.id, rating=4)
    await make_review(db, workspace.id, contact.id, rating=5)
    await make_sale(db, workspace.id, contact.id, "100.50", "EUR")
    await make_sale(db, workspace.id, contact.id, "20.00", "EUR")
    await make_sale(db, workspace.id, contact.id, "300.00", "BRL")
    [row] = (await client.get(URL, params={"q": "row@"}, headers=admin_headers)).json()["items"]
    assert set(row) == {"id", "kind", "status", "first_name", "last_name", "email", "phone", "city", "owner_id",
                        "review_count", "average_rating", "sales", "created_at", "updated_at", "deleted_at"}
    assert row["review_count"] == 2 and row["average_rating"] == 4.5
    assert row["sales"] == [{"amount": "300.00", "currency": "BRL"}, {"amount": "120.50", "currency": "EUR"}]
    assert row["updated_at"].endswith("Z") and row["id"] == str(contact.id)


async def test_keyset_pages_cover_everything_once_in_every_order(client, db, workspace, admin_headers):
    names = [f"Persona {i:02d}" for i in range(7)]
    for name in reversed(names):
        await make_contact(db, workspace.id, first_name=name, last_name="")
    orders = {"name": names, "-name": names[::-1], "created_at": names[::-1], "-created_at": names,
              "updated_at": names[::-1], "-updated_at": names}
    for sort, expected in orders.items():
        seen, cursor = [], None
        while True:
            params = {"limit": 3, "sort": sort, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(URL, params=params, headers=admin_headers)).json()
            assert len(page["items"]) <= 3
            seen += [i["first_name"] for i in page["items"]]
            if (cursor := page["next_cursor"]) is None:
                break
        assert seen == expected, sort


@pytest.mark.parametrize("params", [
    {"cursor": "garbage!!"}, {"limit": 0}, {"limit": 201}, {"sort": "email"}, {"q": "q" * 201},
    {"kind": "vip"}, {"group_id": "x"}, {"created_from": "1700000000"}, {"created_from": "yesterday"},
    {"trashed": "perhaps"},
])
async def test_bad_list_parameters_are_422(client, admin_headers, params):
    response = await client.get(URL, params=params, headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["code"] in ("validation_failed", "invalid_cursor")


async def test_metrics_follow_the_filters(client, db, workspace, other_workspace, admin_headers):
    madrid = [await make_contact(db, workspace.id, city="Madrid") for _ in range(3)]
    lima = await make_contact(db, workspace.id, city="Lima", kind="lead")
    await make_review(db, workspace.id, madrid[0].id, rating=5)
    await make_review(db, workspace.id, madrid[1].id, rating=2)
    await make_review(db, workspace.id, lima.id, rating=4)
    await make_sale(db, workspace.id, madrid[0].id, "10.10", "EUR")
    await make_sale(db, workspace.id, madrid[2].id, "5.00", "EUR")
    await make_sale(db, workspace.id, lima.id, "7.25", "PEN")
    theirs = await make_contact(db, other_workspace.id, city="Madrid")
    await make_sale(db, other_workspace.id, theirs.id, "1000.00", "EUR")
    everything = (await client.get(f"{URL}/metrics", headers=admin_headers)).json()
    assert everything == {"total_clients": 4, "total_reviews": 3, "average_rating": 3.67, "total_sales": [
        {"amount": "15.10", "currency": "EUR"}, {"amount": "7.25", "currency": "PEN"}]}
    in_madrid = (await client.get(f"{URL}/metrics", params={"city": "madrid"}, headers=admin_headers)).json()
    assert in_madrid == {"total_clients": 3, "total_reviews": 2, "average_rating": 3.5,
                         "total_sales": [{"amount": "15.10", "currency": "EUR"}]}
    nothing = (await client.get(f"{URL}/metrics", params={"q": "zzzz"}, headers=admin_headers)).json()
    assert nothing == {"total_clients": 0, "total_reviews": 0, "average_rating": None, "total_sales": []}


async def test_counters_follow_reviews_and_sales_changes(client, db, workspace, admin_headers):
    contact = await make_contact(db, workspace.id, first_name="Counted")
    review = await make_review(db, workspace.id, contact.id, rating=1)
    sale = await make_sale(db, workspace.id, contact.id, "50.00", "EUR")
    response = await client.patch(f"{URL}/{contact.id}/reviews/{review.id}", json={"rating": 5},
                                  headers=admin_headers)
    assert response.status_code == 200
    from sqlalchemy import update

    from api.contacts.models import ContactSale
    async with db.session(workspace.id) as session:
        await session.execute(update(ContactSale).where(ContactSale.id == sale.id).values(amount=80))
    detail = (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()
    assert detail["review_count"] == 1 and detail["average_rating"] == 5.0
    assert detail["sales"] == [{"amount": "80.00", "currency": "EUR"}]
    assert (await client.delete(f"{URL}/{contact.id}/reviews/{review.id}", headers=admin_headers)).status_code == 204
    detail = (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()
    assert detail["review_count"] == 0 and detail["average_rating"] is None
