"""Security misconfiguration checks (API8): production hides the docs, only known methods are
served, and browsers from other origins get no CORS grant unless configured."""

from __future__ import annotations

from httpx import ASGITransport, AsyncClient

from api.main import create_app


async def _client(settings, db, arq_pool, **overrides):
    app = create_app(settings.model_copy(update=overrides))
    app.state.db, app.state.arq = db, arq_pool
    return AsyncClient(transport=ASGITransport(app=app, raise_app_exceptions=False), base_url="http://test")


async def test_production_hides_the_docs_and_the_contract(settings, db, arq_pool):
    async with await _client(settings, db, arq_pool, environment="production") as http:
        assert (await http.get("/openapi.json")).status_code == 404
        for path in ("/docs", "/redoc"):  # the console's own pages, not the API's documentation
            response = await http.get(path)
            assert "swagger" not in response.text.lower() and "redoc" not in response.text.lower(), path


async def test_unknown_methods_are_refused(client):
    response = await client.request("TRACE", "/api/v1/locations")
    assert response.status_code == 405
    assert (await client.request("TRACE", "/")).status_code == 405


async def test_cors_is_an_allowlist(settings, db, arq_pool):
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    async with await _client(settings, db, arq_pool) as http:
        response = await http.options("/api/v1/locations", headers=preflight)
        assert "access-control-allow-origin" not in response.headers
    async with await _client(settings, db, arq_pool, cors_origins=["https://console.example"]) as http:
        refused = await http.options("/api/v1/locations", headers=preflight)
        assert "access-control-allow-origin" not in refused.headers
        allowed = await http.options("/api/v1/locations", headers={**preflight, "Origin": "https://console.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://console.example"
