"""Liveness, readiness and metrics."""

from __future__ import annotations

from httpx import ASGITransport, AsyncClient

from api.main import create_app


async def test_healthz_readyz_metrics(client, admin_headers):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok", "redis": "ok"}
    await client.get("/api/v1/locations", headers=admin_headers)
    metrics = (await client.get("/metrics")).text
    assert 'ficha_http_requests_total{method="GET",route="/api/v1/locations",status="200"}' in metrics


async def test_readyz_reports_a_dead_redis(settings, db):
    class DeadRedis:
        async def ping(self):
            raise ConnectionError("down")

    app = create_app(settings)
    app.state.db, app.state.arq = db, DeadRedis()
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as http:
        response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"].startswith("error")
