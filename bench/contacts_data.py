"""Data for bench/contacts_read.py: a database migrated to head, then two workspaces — one with
N contacts (1,000,000 by default) and one smaller — loaded with COPY.

Contacts get realistic Spanish and Portuguese names with accents (api.contacts.sample), cities,
phones, companies (names folded into search_text, and company_member rows), groups, an owner,
additional fields ({vip, plan, score}), review counters and sales totals. The counters are
written directly (the list and metrics read only them; the triggers that keep them are tested in
the suite). Secondary indexes are dropped during the load and rebuilt after, then VACUUM ANALYZE.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import asyncpg
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex

from api.contacts.models import Contact, ContactGroupMember
from api.contacts.sample import companies, people
from api.core.ids import new_id
from api.domains import import_models

PASSWORD = "bench passphrase for ficha"
CHUNK = 20_000
CUSTOM_FIELDS = [
    ("vip", "boolean", [], {"es": "VIP", "en": "VIP", "pt": "VIP"}),
    ("plan", "select", ["basic", "plus", "premium"], {"es": "Plan", "en": "Plan", "pt": "Plano"}),
    ("score", "number", [], {"es": "Puntuación", "en": "Score", "pt": "Pontuação"}),
]
CONTACT_COLUMNS = [
    "id", "tenant_id", "kind", "status", "first_name", "last_name", "email", "phone", "city", "country",
    "origin", "culture", "owner_id", "custom_fields", "company_names", "review_count", "rating_sum",
    "sales_totals", "created_at", "updated_at",
]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


async def create_workspace(url: str, slug: str) -> uuid.UUID:
    """A workspace through the application's own code (roles, administrator)."""
    from api.core.db import Database
    from api.identity.service import create_tenant

    db = Database.from_url(url, pool_size=1, max_overflow=0)
    try:
        async with db.session() as session:
            tenant = await create_tenant(session, slug=slug, name=f"Bench {slug}", admin_email=f"admin@{slug}.test",
                                         admin_password=PASSWORD)
            return tenant.id
    finally:
        await db.dispose()


def _contacts(tenant_id: uuid.UUID, count: int, seed: int, owners: list[uuid.UUID], company_names: list[str],
              groups: list[uuid.UUID], members: list[tuple], group_rows: list[tuple], company_ids: list[uuid.UUID]
              ) -> Iterator[tuple]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    for person in people(count, seed=seed):
        contact_id = new_id()
        created = now - timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
        names = ""
        if rng.random() < 0.3:
            index = rng.randrange(len(company_names))
            names = company_names[index]
            members.append((tenant_id, company_ids[index], contact_id))
        if groups and rng.random() < 0.2:
            group_rows.append((tenant_id, rng.choice(groups), contact_id))
        reviews = rng.choice((0, 0, 0, 1, 2, 3, 5))
        rating = sum(rng.randint(3, 5) for _ in range(reviews))
        currency = "BRL" if person.country == "Brasil" else "EUR"
        sales = {currency: f"{rng.randrange(1000, 500000) / 100:.2f}"} if rng.random() < 0.5 else {}
        fields = {"vip": rng.random() < 0.1, "plan": rng.choice(("basic", "plus", "premium")),
                  "score": rng.randrange(0, 100)}
        yield (contact_id, tenant_id, "customer" if rng.random() < 0.7 else "lead",
               "active" if rng.random() < 0.9 else "inactive", person.first_name, person.last_name,
               person.email, person.phone, person.city, person.country, person.origin,
               "pt" if person.portuguese else "es", rng.choice(owners), json.dumps(fields), names, reviews, rating,
               json.dumps(sales), created, created + timedelta(seconds=rng.randrange(0, 86400 * 30)))


async def _copy_in_chunks(conn: asyncpg.Connection, table: str, columns: list[str], rows: Iterator[tuple]) -> int:
    total, chunk = 0, []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            await conn.copy_records_to_table(table, records=chunk, columns=columns)
            total += len(chunk)
            chunk = []
            if total % 200_000 == 0:
                log(f"  {table}: {total:,} rows")
    if chunk:
        await conn.copy_records_to_table(table, records=chunk, columns=columns)
        total += len(chunk)
    return total


async def populate(conn: asyncpg.Connection, tenant_id: uuid.UUID, count: int, seed: int) -> None:
    owners = [new_id() for _ in range(20)]
    await conn.copy_records_to_table("user", columns=["id", "tenant_id", "email", "first_name", "last_name"], records=[
        (owner, tenant_id, f"advisor{i}-{seed}@bench.test", f"Asesor {i}", "Bench") for i, owner in enumerate(owners)])
    names = companies(max(10, count // 200), seed=seed)
    company_ids = [new_id() for _ in names]
    await conn.copy_records_to_table("company", columns=["id", "tenant_id", "name"], records=[
        (cid, tenant_id, name) for cid, name in zip(company_ids, names, strict=True)])
    groups = [new_id() for _ in range(50)]
    await conn.copy_records_to_table("contact_group", columns=["id", "tenant_id", "name"],
                                     records=[(gid, tenant_id, f"Grupo {i}") for i, gid in enumerate(groups)])
    for position, (key, kind, options, labels) in enumerate(CUSTOM_FIELDS):
        await conn.execute(
            "INSERT INTO custom_field (id, tenant_id, entity, key, type, labels, options, position) "
            "VALUES ($1, $2, 'contact', $3, $4, $5::jsonb, $6::jsonb, $7)",
            new_id(), tenant_id, key, kind, json.dumps(labels), json.dumps(options), position)
    members: list[tuple] = []
    group_rows: list[tuple] = []
    rows = _contacts(tenant_id, count, seed, owners, names, groups, members, group_rows, company_ids)
    loaded = await _copy_in_chunks(conn, "contact", CONTACT_COLUMNS, rows)
    # The links are right by construction: skip their foreign-key checks, which would lock (and
    # dirty) a random contact page per row — minutes for a million contacts on a small machine.
    await conn.execute("SET session_replication_role = replica")
    await conn.copy_records_to_table("company_member", columns=["tenant_id", "company_id", "contact_id"],
                                     records=members)
    await conn.copy_records_to_table("contact_group_member", columns=["tenant_id", "group_id", "contact_id"],
                                     records=group_rows)
    await conn.execute("SET session_replication_role = DEFAULT")
    log(f"  workspace {tenant_id}: {loaded:,} contacts, {len(members):,} company members, "
        f"{len(group_rows):,} group members")


def _secondary_indexes() -> list[str]:
    import_models()
    dialect = postgresql.dialect()
    indexes = [*Contact.__table__.indexes, *ContactGroupMember.__table__.indexes]
    return [str(CreateIndex(index).compile(dialect=dialect)) for index in indexes]


async def load(url: str, contacts: int, other: int) -> dict[str, uuid.UUID]:
    """Create both workspaces and their data in a freshly migrated database at ``url``."""
    tenants = {slug: await create_workspace(url, slug) for slug in ("bench", "bench-other")}
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        ddl = _secondary_indexes()
        names = [statement.split(" ON ")[0].split()[-1] for statement in ddl]
        for name in names:
            await conn.execute(f"DROP INDEX IF EXISTS {name}")
        started = time.perf_counter()
        await populate(conn, tenants["bench"], contacts, seed=1)
        await populate(conn, tenants["bench-other"], other, seed=2)
        log(f"COPY done in {time.perf_counter() - started:.0f} s; building {len(ddl)} indexes")
        started = time.perf_counter()
        await conn.execute("SET maintenance_work_mem = '256MB'")
        for statement in ddl:
            await conn.execute(statement)
        log(f"indexes built in {time.perf_counter() - started:.0f} s; VACUUM ANALYZE")
        for table in ("contact", "company_member", "contact_group_member", "company", "contact_group", "user"):
            await conn.execute(f'VACUUM ANALYZE "{table}"')
    finally:
        await conn.close()
    return tenants


if __name__ == "__main__":  # a quick manual load: python -m bench.contacts_data URL [N]
    import sys

    asyncio.run(load(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000, 1_000))
