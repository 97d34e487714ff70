async def test_create_and_list(client, admin_headers):
    body = {"name": "Sede Peñalolén", "city": "Santiago"}
    r = await client.post("/api/v1/locations", json=body, headers=admin_headers)
    assert r.status_code == 201, r.text
    r = await client.get("/api/v1/locations", params={"q": "penalolen"}, headers=admin_headers)
    assert r.status_code == 200
    assert [i["name"] for i in r.json()["items"]] == ["Sede Peñalolén"]


async def test_list_pages_with_limit_and_cursor(client, admin_headers):
    """The filters model must not refuse the paging parameters sharing its query string."""
    for name in ("Paging A", "Paging B", "Paging C"):
        r = await client.post("/api/v1/locations", json={"name": name, "city": "Pagina"}, headers=admin_headers)
        assert r.status_code == 201, r.text
    seen, cursor = [], None
    for _ in range(3):
        params = {"city": "pagina", "limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await client.get("/api/v1/locations", params=params, headers=admin_headers)
        assert r.status_code == 200, r.text
        seen += [i["name"] for i in r.json()["items"]]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == ["Paging A", "Paging B", "Paging C"]
