"""A7 specialists: specialties catalogue, a specialist's specialties, calendars (weekly hours),
shifts that never overlap, and comments on staff (priority, private, pinned first)."""

from __future__ import annotations

from tests.fixtures.factories.identity import make_member, make_user

WEEKDAYS = [{"weekday": d, "start": "09:00", "end": "17:00"} for d in range(5)]


async def _calendar(client, headers, name="Oficina"):
    response = await client.post("/api/v1/calendars", json={"name": name, "hours": WEEKDAYS}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_specialties_catalogue_and_assignment(client, db, workspace, admin_headers):
    cardio = (await client.post("/api/v1/specialties", json={"name": "Cardiología"}, headers=admin_headers)).json()
    derma = (await client.post("/api/v1/specialties", json={"name": "Dermatología"}, headers=admin_headers)).json()
    duplicate = await client.post("/api/v1/specialties", json={"name": "cardiología"}, headers=admin_headers)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "specialty_name_taken"
    found = (await client.get("/api/v1/specialties", params={"q": "cardiologia"}, headers=admin_headers)).json()
    assert [s["name"] for s in found["items"]] == ["Cardiología"]

    doctor = await make_user(db, workspace, role_keys=("specialist",), is_specialist=True)
    agent = await make_user(db, workspace)
    set_ = await client.put(f"/api/v1/users/{doctor.id}/specialties",
                            json={"specialty_ids": [cardio["id"], derma["id"]]}, headers=admin_headers)
    assert set_.status_code == 200 and [s["name"] for s in set_.json()["specialties"]] == ["Cardiología",
                                                                                          "Dermatología"]
    by_specialty = (await client.get("/api/v1/users", params={"specialty_id": derma["id"]},
                                     headers=admin_headers)).json()["items"]
    assert [u["id"] for u in by_specialty] == [str(doctor.id)]
    refused = await client.put(f"/api/v1/users/{agent.id}/specialties", json={"specialty_ids": [cardio["id"]]},
                               headers=admin_headers)
    assert refused.status_code == 422 and refused.json()["code"] == "not_a_specialist"
    assert (await client.delete(f"/api/v1/specialties/{derma['id']}", headers=admin_headers)).status_code == 204
    after = (await client.get(f"/api/v1/users/{doctor.id}", headers=admin_headers)).json()
    assert [s["name"] for s in after["specialties"]] == ["Cardiología"]


async def test_calendars_refuse_overlapping_hours(client, admin_headers):
    overlapping = [{"weekday": 0, "start": "09:00", "end": "13:00"}, {"weekday": 0, "start": "12:00", "end": "18:00"}]
    response = await client.post("/api/v1/calendars", json={"name": "Mal", "hours": overlapping},
                                 headers=admin_headers)
    assert response.status_code == 422
    backwards = [{"weekday": 1, "start": "18:00", "end": "09:00"}]
    assert (await client.post("/api/v1/calendars", json={"name": "Mal", "hours": backwards},
                              headers=admin_headers)).status_code == 422
    assert (await client.post("/api/v1/calendars", json={"name": "Mal", "hours": [
        {"weekday": 7, "start": "09:00", "end": "10:00"}]}, headers=admin_headers)).status_code == 422
    calendar = await _calendar(client, admin_headers)
    assert [h["weekday"] for h in calendar["hours"]] == [0, 1, 2, 3, 4]
    changed = await client.patch(f"/api/v1/calendars/{calendar['id']}", headers=admin_headers,
                                 json={"hours": [{"weekday": 5, "start": "10:00", "end": "14:00"}]})
    assert changed.json()["hours"] == [{"weekday": 5, "start": "10:00:00", "end": "14:00:00"}]


async def test_shifts_never_overlap(client, db, workspace, admin_headers):
    doctor = await make_user(db, workspace, is_specialist=True)
    calendar = await _calendar(client, admin_headers)
    url = f"/api/v1/users/{doctor.id}/shifts"
    first = await client.post(url, json={"from": "2030-01-01", "to": "2030-01-31", "calendar_id": calendar["id"]},
                              headers=admin_headers)
    assert first.status_code == 201, first.text
    assert first.json()["from"] == "2030-01-01" and first.json()["calendar"]["name"] == "Oficina"
    overlap = await client.post(url, json={"from": "2030-01-31", "to": "2030-02-10", "calendar_id": calendar["id"]},
                                headers=admin_headers)
    assert overlap.status_code == 409 and overlap.json()["code"] == "shift_overlap"
    after = await client.post(url, json={"from": "2030-02-01", "to": "2030-02-10", "calendar_id": calendar["id"]},
                              headers=admin_headers)
    assert after.status_code == 201
    backwards = await client.post(url, json={"from": "2030-03-10", "to": "2030-03-01", "calendar_id": calendar["id"]},
                                  headers=admin_headers)
    assert backwards.status_code == 422
    listed = (await client.get(url, headers=admin_headers)).json()["items"]
    assert [s["from"] for s in listed] == ["2030-01-01", "2030-02-01"]
    in_use = await client.delete(f"/api/v1/calendars/{calendar['id']}", headers=admin_headers)
    assert in_use.status_code == 409 and in_use.json()["code"] == "calendar_in_use"
    agent = await make_user(db, workspace)
    not_specialist = await client.post(f"/api/v1/users/{agent.id}/shifts", headers=admin_headers,
                                       json={"from": "2030-01-01", "to": "2030-01-02", "calendar_id": calendar["id"]})
    assert not_specialist.status_code == 422
    assert (await client.delete(f"{url}/{listed[0]['id']}", headers=admin_headers)).status_code == 204
    assert len((await client.get(url, headers=admin_headers)).json()["items"]) == 1


async def test_comments_private_pinned_and_authorship(client, db, workspace, admin_headers):
    subject = await make_user(db, workspace)
    colleague = await make_member(db, client, workspace, ["users:read"])
    other = await make_member(db, client, workspace, ["users:read"])
    url = f"/api/v1/users/{subject.id}/comments"
    public = (await client.post(url, json={"body": "Buen trabajo", "priority": "low"},
                                headers=colleague.headers)).json()
    private = (await client.post(url, json={"body": "Nota privada", "private": True},
                                 headers=colleague.headers)).json()
    pinned = (await client.post(url, json={"body": "Importante", "pinned": True, "priority": "high"},
                                headers=admin_headers)).json()
    assert public["author"]["id"] == str(colleague.id)

    def bodies(response):
        return [c["body"] for c in response.json()["items"]]

    assert bodies(await client.get(url, headers=colleague.headers)) == ["Importante", "Nota privada", "Buen trabajo"]
    assert bodies(await client.get(url, headers=other.headers)) == ["Importante", "Buen trabajo"]
    assert bodies(await client.get(url, headers=admin_headers)) == ["Importante", "Nota privada", "Buen trabajo"]
    assert (await client.patch(f"{url}/{private['id']}", json={"body": "x"}, headers=other.headers)).status_code == 404
    not_yours = await client.patch(f"{url}/{public['id']}", json={"body": "x"}, headers=other.headers)
    assert not_yours.status_code == 403 and not_yours.json()["code"] == "comment_not_yours"
    edited = await client.patch(f"{url}/{public['id']}", json={"pinned": True}, headers=colleague.headers)
    assert edited.status_code == 200 and edited.json()["pinned"] is True
    assert (await client.delete(f"{url}/{pinned['id']}", headers=admin_headers)).status_code == 204
    assert (await client.post(url, json={"body": ""}, headers=colleague.headers)).status_code == 422
    assert (await client.post(url, json={"body": "x" * 5001}, headers=colleague.headers)).status_code == 422


async def test_specialist_routes_need_their_permissions(client, db, workspace):
    reader = await make_member(db, client, workspace, ["users:read", "specialties:read"])
    assert (await client.get("/api/v1/specialties")).status_code == 401
    assert (await client.get("/api/v1/specialties", headers=reader.headers)).status_code == 200
    assert (await client.post("/api/v1/specialties", json={"name": "X"}, headers=reader.headers)).status_code == 403
    assert (await client.post("/api/v1/calendars", json={"name": "X", "hours": []},
                              headers=reader.headers)).status_code == 403
