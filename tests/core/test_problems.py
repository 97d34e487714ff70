"""RFC 9457 problem details everywhere, localised, with stable codes — and no leaks."""

from __future__ import annotations

import pytest
from httpx import ASGITransport, AsyncClient

from api.core import i18n
from api.main import create_app


async def test_unknown_route_is_a_localised_problem(client):
    for language, title in (("es", "No encontrado"), ("en", "Not found"), ("pt", "Não encontrado")):
        response = await client.get("/api/v1/no-such-thing", headers={"Accept-Language": f"{language};q=0.9"})
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["title"] == title
        assert body["code"] == "not_found" and body["type"] == "urn:ficha:problem:not_found"
        assert body["status"] == 404 and body["instance"] == "/api/v1/no-such-thing"


async def test_method_not_allowed(client, admin_headers):
    response = await client.put("/api/v1/locations", headers={**admin_headers, "Accept-Language": "en"})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert "PUT" in response.json()["detail"]


async def test_a_streamed_oversize_body_is_413(client, admin_headers):
    async def chunks():
        for _ in range(40):
            yield b"x" * 65536

    response = await client.post("/api/v1/locations", content=chunks(),
                                 headers={**admin_headers, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_request_id_is_echoed_or_generated_and_security_headers_are_set(client):
    response = await client.get("/healthz", headers={"X-Request-ID": "abc12345-request"})
    assert response.headers["x-request-id"] == "abc12345-request"
    generated = (await client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})).headers
    assert generated["x-request-id"] != "bad id with spaces" and len(generated["x-request-id"]) == 32
    assert generated["x-content-type-options"] == "nosniff"
    assert generated["x-frame-options"] == "DENY"
    api = await client.get("/api/v1/me")
    assert api.headers["cache-control"] == "no-store"


async def test_an_unexpected_error_is_a_generic_500(settings, arq_pool, db):
    app = create_app(settings)
    app.state.arq, app.state.db = arq_pool, db

    async def boom() -> None:
        raise RuntimeError("secret internals: SELECT * FROM user")

    app.add_api_route("/boom", boom)
    app.router.routes.insert(0, app.router.routes.pop())  # ahead of the SPA's catch-all

    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get("/boom", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    assert response.json()["code"] == "internal_error"
    assert "secret" not in response.text and "Traceback" not in response.text


@pytest.mark.parametrize(("header", "expected"), [
    (None, "es"), ("", "es"), ("pt-BR,pt;q=0.9,en;q=0.8", "pt"), ("fr-FR, en;q=0.5", "en"),
    ("de, fr", "es"), ("en;q=0.2, es;q=0.8", "es"), ("*", "es"), ("en;q=bogus, pt", "pt"),
])
def test_language_negotiation(header, expected):
    assert i18n.negotiate(header) == expected


def test_every_message_has_the_three_languages():
    for code, texts in i18n._CATALOGUE.items():
        assert set(texts) == {"es", "en", "pt"}, code
        assert all(m.title and m.detail for m in texts.values()), code


async def test_a_repeated_single_valued_parameter_is_refused(client, admin_headers):
    response = await client.get("/api/v1/locations?q=a&q=b", headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"loc": ["query", "q"], "msg": "Este parámetro solo admite un valor", "type": "repeated_parameter"}]
