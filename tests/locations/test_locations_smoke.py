async def test_create_and_list(client, admin_headers):
    body = {"name": "Sede Peñalolén", "city": "Santiago"}
    r = await client.post("/api/v1/locations", json=body, headers=admin_headers)
    assert r.status_code == 201, r.text
    r = await client.get("/api/v1/locations", params={"q": "penalolen"}, headers=admin_headers)
    assert r.status_code == 200
    assert [i["name"] for i in r.json()["items"]] == ["Sede Peñalolén"]
