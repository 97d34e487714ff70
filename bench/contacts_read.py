"""Read benchmark of the contacts list at 1,000,000 contacts (issue #4, PRODUCT B8).

Generates 1,000,000 contacts in one workspace (Spanish and Portuguese names with accents, cities,
companies, groups, additional fields, counters) plus a second workspace (bench/contacts_data.py),
then, under load on 127.0.0.1, measures the API and — in the same run — the same SQL through a
bare asyncpg + Starlette endpoint (bench/bare_endpoint.py):

* ``search``  — GET /api/v1/contacts?q=peres&kind=customer (a typo-tolerant search and a filter)
* ``filter``  — GET /api/v1/contacts?city=Madrid&cf.plan=premium&sort=-created_at (filters only)
* ``metrics`` — GET /api/v1/contacts/metrics?kind=customer

For each: one client (latency: p50/p95/p99) and 64 connections (throughput and latency), API vs
bare, and their ratio. The load generator is wrk (``apt-get install -y wrk``): a C program using
little CPU, which matters on a 2-core machine where a Python load generator would compete with
the servers it measures. Results are printed (and saved under bench/results/), never asserted.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python -m bench.contacts_read [--contacts 1000000] [--reuse] [--duration 20]

``--reuse`` keeps an already loaded ``ficha_bench`` database (loading takes several minutes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pickle
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event

from api.config import ROOT
from api.contacts import listing, metrics
from api.contacts.schemas import ContactCriteria, ContactFilters
from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, Database, bind_actor
from bench.contacts_data import PASSWORD, load, log
from tests.fixtures.servers import libpq_url, migrate, with_database

DATABASE = "ficha_bench"
SCENARIOS = {
    "search": ("/api/v1/contacts?q=peres&kind=customer&limit=50", {"q": "peres", "kind": "customer", "limit": 50}),
    "filter": ("/api/v1/contacts?city=Madrid&cf.plan=premium&sort=-created_at&limit=50",
               {"city": "Madrid", "cf.plan": "premium", "sort": "-created_at", "limit": 50}),
    "metrics": ("/api/v1/contacts/metrics?kind=customer", {"kind": "customer"}),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _contact_count(url: str) -> int:
    try:
        conn = await asyncpg.connect(libpq_url(url))
    except asyncpg.InvalidCatalogNameError:
        return 0
    try:
        return await conn.fetchval("SELECT count(*) FROM contact")
    except asyncpg.UndefinedTableError:
        return 0
    finally:
        await conn.close()


async def prepare(server_url: str, contacts: int, other: int, reuse: bool) -> str:
    url = with_database(server_url, DATABASE)
    if reuse and await _contact_count(url) >= contacts:
        log(f"reusing {DATABASE}")
        return url
    conn = await asyncpg.connect(libpq_url(server_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await conn.close()
    migrate(url)
    log(f"loading {contacts:,} + {other:,} contacts")
    await load(url, contacts, other)
    return url


async def capture_sql(url: str) -> dict[str, list[tuple[str, tuple]]]:
    """Run each scenario through the application's own code once, and keep the statements it sent
    to the contact table: the bare endpoint replays exactly those."""
    db = Database.from_url(url, pool_size=1, max_overflow=0)
    captured: list[tuple[str, tuple]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM contact" in statement:
            captured.append((statement, tuple(parameters)))

    event.listen(db.engine.sync_engine, "before_cursor_execute", keep)
    queries: dict[str, list[tuple[str, tuple]]] = {}
    try:
        conn = await asyncpg.connect(libpq_url(url))
        tenant_id = await conn.fetchval("SELECT id FROM tenant WHERE slug = 'bench'")
        await conn.close()
        async with db.sessionmaker() as session:
            bind_actor(session, tenant_id, Actor.system())
            ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=tenant_id, language="es")
            for name, (_path, params) in SCENARIOS.items():
                captured.clear()
                if name == "metrics":
                    await metrics.metrics(ctx, ContactCriteria.model_validate(params))
                else:
                    await listing.list_contacts(ctx, ContactFilters.model_validate(params))
                queries[name] = list(captured)
    finally:
        await db.dispose()
    return queries


@contextmanager
def server(command: list[str], env: dict[str, str], port: int, log_file: Path):
    with log_file.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=output, stderr=output)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {log_file.read_text()[-2000:]}")
            time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


def uvicorn(target: str, port: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
            "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning"]


def wrk(url: str, connections: int, seconds: int, token: str = "") -> dict[str, Any]:
    threads = min(2, connections)
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "report.lua"), url],
        env={**os.environ, "BENCH_TOKEN": token}, capture_output=True, text=True, check=True)
    line = re.search(r"BENCH_JSON (\{.*\})", result.stdout)
    assert line, result.stdout + result.stderr
    data = json.loads(line.group(1))
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def login(port: int) -> str:
    response = httpx.post(f"http://127.0.0.1:{port}/api/v1/auth/login", timeout=30,
                          json={"workspace": "bench", "email": "admin@bench.test", "password": PASSWORD})
    response.raise_for_status()
    return response.json()["access_token"]


def check_answers(api_port: int, bare_port: int, token: str) -> None:
    """Both servers answer 200 with data for every scenario (a benchmark of errors is worthless)."""
    for name, (path, _params) in SCENARIOS.items():
        api = httpx.get(f"http://127.0.0.1:{api_port}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        bare = httpx.get(f"http://127.0.0.1:{bare_port}/{name}", timeout=30)
        assert api.status_code == 200 and bare.status_code == 200, (name, api.text[:300], bare.text[:300])
        log(f"  {name}: API {len(api.content):,} bytes, bare {len(bare.content):,} bytes")


def ms(microseconds: float) -> str:
    return f"{microseconds / 1000:.1f}"


def run(args: argparse.Namespace) -> dict[str, Any]:
    server_url = os.environ.get("DATABASE_URL") or sys.exit("DATABASE_URL (a PostgreSQL server) is required")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    url = asyncio.run(prepare(server_url, args.contacts, args.other, args.reuse))
    queries = asyncio.run(capture_sql(url))
    workdir = Path(tempfile.mkdtemp(prefix="ficha-bench-"))
    (workdir / "queries.pickle").write_bytes(pickle.dumps(queries))
    api_port, bare_port = free_port(), free_port()
    api_env = {"DATABASE_URL": url, "FICHA_ENVIRONMENT": "production", "FICHA_SECRET_KEY": secrets.token_urlsafe(48),
               "FICHA_LOG_LEVEL": "WARNING", "FICHA_DB_POOL_SIZE": str(args.pool), "FICHA_DB_MAX_OVERFLOW": "0",
               "FICHA_DATA_DIR": str(workdir)}
    bare_env = {"BENCH_QUERIES": str(workdir / "queries.pickle"), "BENCH_DSN": libpq_url(url),
                "BENCH_POOL": str(args.pool)}
    results: dict[str, Any] = {"contacts": args.contacts, "duration_s": args.duration,
                               "connections": args.connections, "pool": args.pool, "scenarios": {}}
    with server([*uvicorn("api.main:create_app", api_port), "--factory"], api_env, api_port, workdir / "api.log"), \
            server(uvicorn("bench.bare_endpoint:app", bare_port), bare_env, bare_port, workdir / "bare.log"):
        check_answers(api_port, bare_port, login(api_port))
        for name, (path, _params) in SCENARIOS.items():
            token = login(api_port)
            api_url, bare_url = f"http://127.0.0.1:{api_port}{path}", f"http://127.0.0.1:{bare_port}/{name}"
            wrk(api_url, 8, 3, token)  # warm caches and prepared statements
            wrk(bare_url, 8, 3)
            scenario = {
                "api_single": wrk(api_url, 1, args.single, token), "bare_single": wrk(bare_url, 1, args.single),
                "api_load": wrk(api_url, args.connections, args.duration, token),
                "bare_load": wrk(bare_url, args.connections, args.duration),
            }
            scenario["throughput_ratio"] = scenario["api_load"]["rps"] / scenario["bare_load"]["rps"]
            results["scenarios"][name] = scenario
            log(f"{name}: single p95 API {ms(scenario['api_single']['p95_us'])} ms / bare "
                f"{ms(scenario['bare_single']['p95_us'])} ms; load API {scenario['api_load']['rps']:.0f} req/s / bare "
                f"{scenario['bare_load']['rps']:.0f} req/s (ratio {scenario['throughput_ratio']:.2f})")
    shutil.rmtree(workdir, ignore_errors=True)
    return results


def table(results: dict[str, Any]) -> str:
    lines = [f"contacts: {results['contacts']:,}; load: {results['connections']} connections x "
             f"{results['duration_s']} s; DB pool {results['pool']} per server", "",
             "| scenario | server | clients | req/s | p50 ms | p95 ms | p99 ms | non-2xx |",
             "|---|---|---|---|---|---|---|---|"]
    for name, scenario in results["scenarios"].items():
        for key, server_name, clients in (("api_single", "API", 1), ("bare_single", "bare", 1),
                                          ("api_load", "API", results["connections"]),
                                          ("bare_load", "bare", results["connections"])):
            r = scenario[key]
            lines.append(f"| {name} | {server_name} | {clients} | {r['rps']:.0f} | {ms(r['p50_us'])} | "
                         f"{ms(r['p95_us'])} | {ms(r['p99_us'])} | {r['non_2xx'] + r['errors']} |")
        lines.append(f"| {name} | **API / bare throughput** | | **{scenario['throughput_ratio']:.0%}** | | | | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--other", type=int, default=50_000, help="contacts of the second workspace")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per measurement")
    parser.add_argument("--single", type=int, default=10, help="seconds of the one-client latency runs")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--pool", type=int, default=16, help="database connections of each server")
    parser.add_argument("--reuse", action="store_true", help="keep an already loaded ficha_bench database")
    results = run(parser.parse_args())
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"contacts_read-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2))
    print("\n" + table(results))


if __name__ == "__main__":
    main()
