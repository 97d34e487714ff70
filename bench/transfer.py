"""Transfer benchmark (issue #5, PRODUCT C3–C4): contacts export and import at realistic scale,
each next to a ceiling measured in the same run.

1. Creates the database ``ficha_bench_transfer`` (never ``ficha_bench``), migrates it and loads
   1,000,000 contacts in workspace ``bench`` (plus 1,000 in another) with bench/contacts_data.py.
2. Starts the API (uvicorn, production settings) and a real worker process (``ficha worker``),
   signs in as the workspace's administrator and, through the HTTP API:

   * **export** — ``POST /api/v1/exports`` of every contact *with relations* (groups, companies,
     projects, services, owner) → the job's zip of 7,000-row .xlsx files; timed from the request
     to the job's completion, with the worker's peak RSS. Ceiling: ``COPY (SELECT …) TO STDOUT``
     of the same columns (the relations aggregated with ``string_agg``), read by asyncpg;
   * **import** — an .xlsx of 100,000 new contacts (15 columns: profile, three custom fields,
     groups, companies, owner) uploaded with ``POST /api/v1/imports`` (mode create) and timed
     to the job's completion; then the same file again (mode upsert: every row ``unchanged``).
     Ceilings: a raw ``COPY`` of the same rows into a plain table, and into the contact table
     itself (in a transaction rolled back).

Results are printed and saved under bench/results/, never asserted. Never part of ``make test``.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -m bench.transfer [--contacts 1000000] [--rows 100000] [--reuse] [--drop]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from api.config import ROOT
from api.contacts.sample import people
from api.core.ids import new_id
from api.transfer.columns import Column
from api.transfer.writing import data_workbook
from bench.contacts_data import PASSWORD, load, log
from bench.contacts_read import free_port, server, uvicorn
from tests.fixtures.servers import libpq_url, migrate, with_database

DATABASE = "ficha_bench_transfer"
IMPORT_HEADER = ["kind", "status", "first_name", "last_name", "email", "phone", "city", "country", "origin",
                 "culture", "custom.vip", "custom.plan", "custom.score", "groups", "companies", "owner"]
EXPORT_CEILING = """
  SELECT c.id, c.kind, c.status, c.first_name, c.last_name, c.email, c.phone, c.document_id, c.birth_date,
         c.gender, c.culture, c.origin, c.center, c.owner_id, c.location_id, c.street, c.city, c.state,
         c.country, c.postal_code, c.latitude, c.longitude, c.custom_fields,
         (SELECT string_agg(g.name, ', ' ORDER BY lower(g.name)) FROM contact_group_member m
            JOIN contact_group g ON g.id = m.group_id WHERE m.tenant_id = c.tenant_id AND m.contact_id = c.id),
         (SELECT string_agg(k.name, ', ' ORDER BY lower(k.name)) FROM company_member m
            JOIN company k ON k.id = m.company_id WHERE m.tenant_id = c.tenant_id AND m.contact_id = c.id),
         (SELECT string_agg(p.name, ', ' ORDER BY lower(p.name)) FROM project_contact m
            JOIN project p ON p.id = m.project_id WHERE m.tenant_id = c.tenant_id AND m.contact_id = c.id),
         (SELECT string_agg(s.name, ', ' ORDER BY lower(s.name)) FROM contact_service m
            JOIN service s ON s.id = m.service_id WHERE m.tenant_id = c.tenant_id AND m.contact_id = c.id),
         (SELECT u.email FROM "user" u WHERE u.id = c.owner_id)
  FROM contact c WHERE c.tenant_id = '{tenant}' AND c.deleted_at IS NULL ORDER BY c.created_at, c.id
"""  # asyncpg wraps it in COPY (…) TO STDOUT


async def prepare(server_url: str, contacts: int, reuse: bool) -> str:
    url = with_database(server_url, DATABASE)
    conn = await asyncpg.connect(libpq_url(server_url))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", DATABASE)
        if exists and reuse:
            log(f"reusing {DATABASE}")
            return url
        await conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await conn.close()
    migrate(url)
    log(f"loading {contacts:,} contacts")
    await load(url, contacts, 1_000)
    return url


async def drop_database(server_url: str) -> None:
    conn = await asyncpg.connect(libpq_url(server_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    finally:
        await conn.close()


async def workspace_facts(url: str) -> dict[str, Any]:
    conn = await asyncpg.connect(libpq_url(url))
    try:
        tenant = await conn.fetchval("SELECT id FROM tenant WHERE slug = 'bench'")
        return {
            "tenant": tenant,
            "contacts": await conn.fetchval("SELECT count(*) FROM contact WHERE tenant_id = $1", tenant),
            "groups": [r[0] for r in await conn.fetch("SELECT name FROM contact_group WHERE tenant_id = $1 "
                                                       "ORDER BY name LIMIT 5", tenant)],
            "companies": [r[0] for r in await conn.fetch("SELECT name FROM company WHERE tenant_id = $1 "
                                                          "ORDER BY name LIMIT 20", tenant)],
            "owners": [r[0] for r in await conn.fetch("SELECT email FROM \"user\" WHERE tenant_id = $1 "
                                                       "AND email LIKE 'advisor%' ORDER BY email", tenant)],
        }
    finally:
        await conn.close()


def import_rows(count: int, facts: dict[str, Any]) -> list[list[Any]]:
    """New contacts (emails that do not exist yet), parsed values as a file would hold them."""
    rows = []
    run_tag = secrets.token_hex(3)  # new emails on every run, so --reuse can create them again
    for i, person in enumerate(people(count, seed=99)):
        rows.append(["customer" if i % 3 else "lead", "active", person.first_name, person.last_name,
                     f"import{i}.{run_tag}.{person.email}", person.phone, person.city, person.country, person.origin,
                     "pt" if person.portuguese else "es", "true" if i % 10 == 0 else "false",
                     ("basic", "plus", "premium")[i % 3], i % 100,
                     facts["groups"][i % len(facts["groups"])] if i % 5 == 0 else "",
                     facts["companies"][i % len(facts["companies"])] if i % 3 == 0 else "",
                     facts["owners"][i % len(facts["owners"])]])
    return rows


def write_xlsx(path: Path, rows: list[list[Any]]) -> float:
    """The upload, written with the exports' own writer (a client's file, built fast)."""
    started = time.perf_counter()
    columns = [Column(key=key, label={"en": key}, description={"en": key}) for key in IMPORT_HEADER]
    path.write_bytes(data_workbook(columns, (dict(zip(IMPORT_HEADER, row, strict=True)) for row in rows), "en"))
    return time.perf_counter() - started


async def copy_ceilings(url: str, tenant: Any, rows: list[list[Any]]) -> dict[str, float]:
    """Raw COPY of the same rows: into a plain table, and into the contact table (rolled back)."""
    conn = await asyncpg.connect(libpq_url(url))
    timings = {}
    try:
        await conn.execute("CREATE TEMP TABLE plain_import (" + ", ".join(
            f'"{name}" text' for name in IMPORT_HEADER) + ")")
        records = [tuple(str(v) for v in row) for row in rows]
        started = time.perf_counter()
        await conn.copy_records_to_table("plain_import", records=records, columns=IMPORT_HEADER)
        timings["copy_plain_s"] = time.perf_counter() - started
        owners = dict(await conn.fetch('SELECT email, id FROM "user" WHERE tenant_id = $1', tenant))
        contact_records = [(new_id(), tenant, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                            row[8], row[9], json.dumps({"vip": row[10] == "true", "plan": row[11],
                                                        "score": row[12]}), owners[row[15]]) for row in rows]
        columns = ["id", "tenant_id", "kind", "status", "first_name", "last_name", "email", "phone", "city",
                   "country", "origin", "culture", "custom_fields", "owner_id"]
        transaction = conn.transaction()
        await transaction.start()
        started = time.perf_counter()
        await conn.copy_records_to_table("contact", records=contact_records, columns=columns)
        timings["copy_contact_s"] = time.perf_counter() - started
        await transaction.rollback()
    finally:
        await conn.close()
    return timings


async def export_ceiling(url: str, tenant: Any) -> dict[str, float]:
    conn = await asyncpg.connect(libpq_url(url))
    size = 0

    async def count(chunk: bytes) -> None:
        nonlocal size
        size += len(chunk)

    try:
        started = time.perf_counter()
        await conn.copy_from_query(EXPORT_CEILING.format(tenant=tenant), output=count)
        return {"copy_out_s": time.perf_counter() - started, "copy_out_bytes": size}
    finally:
        await conn.close()


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS


def wait_for(client: httpx.Client, path: str, started: float, timeout: float = 3600) -> tuple[dict[str, Any], float]:
    while True:
        body = client.get(path).json()
        if body.get("status") in ("completed", "failed"):
            return body, time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise TimeoutError(path)
        time.sleep(0.25)


def run(args: argparse.Namespace) -> dict[str, Any]:
    server_url = os.environ.get("DATABASE_URL") or sys.exit("DATABASE_URL (a PostgreSQL server) is required")
    redis_url = os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    url = asyncio.run(prepare(server_url, args.contacts, args.reuse))
    facts = asyncio.run(workspace_facts(url))
    log(f"workspace bench: {facts['contacts']:,} contacts")
    workdir = Path(tempfile.mkdtemp(prefix="ficha-bench-transfer-"))
    rows = import_rows(args.rows, facts)
    upload = workdir / "contacts.xlsx"
    log(f"import file: {args.rows:,} rows x {len(IMPORT_HEADER)} columns written in {write_xlsx(upload, rows):.1f} s")
    results: dict[str, Any] = {"contacts": facts["contacts"], "import_rows": args.rows,
                               "import_columns": len(IMPORT_HEADER)}
    results["export_ceiling"] = asyncio.run(export_ceiling(url, facts["tenant"]))
    log(f"export ceiling: COPY TO STDOUT {results['export_ceiling']['copy_out_s']:.1f} s")
    results["import_ceiling"] = asyncio.run(copy_ceilings(url, facts["tenant"], rows))
    log(f"import ceilings: {results['import_ceiling']}")

    port = free_port()
    env = {"DATABASE_URL": url, "REDIS_URL": redis_url, "FICHA_ENVIRONMENT": "production",
           "FICHA_SECRET_KEY": secrets.token_urlsafe(48), "FICHA_LOG_LEVEL": "WARNING",
           "FICHA_DATA_DIR": str(workdir), "FICHA_QUEUE_NAME": f"ficha:bench-transfer:{secrets.token_hex(4)}",
           "FICHA_JOB_TIMEOUT_SECONDS": "7200", "FICHA_MAIL_BACKEND": "console"}
    with server([*uvicorn("api.main:create_app", port), "--factory"], env, port, workdir / "api.log"), \
            (workdir / "worker.log").open("wb") as worker_log:
        worker = subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], cwd=ROOT, env={**os.environ, **env},
                                  stdout=worker_log, stderr=worker_log)
        try:
            token = httpx.post(f"http://127.0.0.1:{port}/api/v1/auth/login", timeout=30, json={
                "workspace": "bench", "email": "admin@bench.test", "password": PASSWORD}).json()["access_token"]
            client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120,
                                  headers={"Authorization": f"Bearer {token}"})
            time.sleep(2)  # the worker is up
            results["worker_rss_idle_mb"] = peak_rss_mb(worker.pid)

            started = time.perf_counter()
            job_id = client.post("/api/v1/exports", json={"entity": "contacts", "kind": "with_data"}).json()["job_id"]
            job, seconds = wait_for(client, f"/api/v1/jobs/{job_id}", started)
            assert job["status"] == "completed", job
            results["export"] = {"seconds": seconds, "rows": job["result"]["rows"], "files": job["result"]["files"],
                                 "rows_per_s": job["result"]["rows"] / seconds,
                                 "worker_peak_rss_mb": peak_rss_mb(worker.pid)}
            log(f"export: {results['export']}")

            for label, mode in (("import_create", "create"), ("reimport_unchanged", "upsert")):
                reset_peak_rss(worker.pid)
                started = time.perf_counter()
                with upload.open("rb") as file:
                    accepted = client.post("/api/v1/imports", files={"file": ("contacts.xlsx", file, (
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))},
                        data={"entity": "contacts", "mode": mode})
                accepted.raise_for_status()
                run_, seconds = wait_for(client, f"/api/v1/imports/{accepted.json()['id']}", started)
                results[label] = {"seconds": seconds, "rows_per_s": args.rows / seconds,
                                  "worker_peak_rss_mb": peak_rss_mb(worker.pid),
                                  **{k: run_[k] for k in ("status", "rows_read", "created", "updated", "unchanged",
                                                          "failed")}}
                log(f"{label}: {results[label]}")
        finally:
            worker.terminate()
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
    ceiling = results["import_ceiling"]
    results["ratios"] = {
        "export_vs_copy_out": results["export_ceiling"]["copy_out_s"] / results["export"]["seconds"],
        "import_vs_copy_plain": ceiling["copy_plain_s"] / results["import_create"]["seconds"],
        "import_vs_copy_contact": ceiling["copy_contact_s"] / results["import_create"]["seconds"],
        "reimport_vs_copy_contact": ceiling["copy_contact_s"] / results["reimport_unchanged"]["seconds"],
    }
    shutil.rmtree(workdir, ignore_errors=True)
    return results


def table(results: dict[str, Any]) -> str:
    export, ceiling = results["export"], results["export_ceiling"]
    rows = results["import_rows"]
    copy = results["import_ceiling"]
    lines = [f"workspace: {results['contacts']:,} contacts; import file: {rows:,} rows x "
             f"{results['import_columns']} columns", "",
             "| measurement | seconds | rows/s | worker peak RSS MB | vs ceiling |", "|---|---|---|---|---|",
             f"| export with relations ({export['files']} files) | {export['seconds']:.1f} | "
             f"{export['rows_per_s']:,.0f} | {export['worker_peak_rss_mb']:.0f} | "
             f"{results['ratios']['export_vs_copy_out']:.0%} of COPY TO STDOUT |",
             f"| ceiling: COPY (SELECT same columns) TO STDOUT | {ceiling['copy_out_s']:.1f} | "
             f"{export['rows'] / ceiling['copy_out_s']:,.0f} | | |"]
    for label, name in (("import_create", "import .xlsx, create"), ("reimport_unchanged", "re-import, unchanged")):
        r = results[label]
        lines.append(f"| {name} (created {r['created']:,}, unchanged {r['unchanged']:,}, failed {r['failed']:,}) | "
                     f"{r['seconds']:.1f} | {r['rows_per_s']:,.0f} | {r['worker_peak_rss_mb']:.0f} | "
                     f"{copy['copy_contact_s'] / r['seconds']:.0%} of COPY into contact |")
    lines += [f"| ceiling: COPY into a plain table | {copy['copy_plain_s']:.1f} | {rows / copy['copy_plain_s']:,.0f}"
              " | | |",
              f"| ceiling: COPY into contact (indexed, rolled back) | {copy['copy_contact_s']:.1f} | "
              f"{rows / copy['copy_contact_s']:,.0f} | | |"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the import file")
    parser.add_argument("--reuse", action="store_true", help=f"keep an already loaded {DATABASE} database")
    parser.add_argument("--drop", action="store_true", help=f"drop {DATABASE} at the end")
    args = parser.parse_args()
    results = run(args)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"transfer-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2, default=str))
    print("\n" + table(results))
    if args.drop:
        asyncio.run(drop_database(os.environ["DATABASE_URL"]))


if __name__ == "__main__":
    main()
