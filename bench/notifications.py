"""How to store broadcasts: fan-out of recipient rows (what Ficha does) vs. an audience row plus
read receipts. Prints the cost of sending and of the reads a console makes on every load.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/notifications.py

Both models get the same kind of indexes (leading with tenant_id) in a scratch database that is
dropped afterwards. Reads are timed as the median of repeated runs, on one tenant of USERS staff
users who received BROADCASTS broadcasts (plus a user who received MANY).

* fan-out — ``notification`` (content once) + ``notification_recipient`` (tenant, user,
  notification, kind, created_at, read_at): one narrow row per recipient, written by
  ``INSERT … SELECT``; reads touch only the user's rows.
* audience — ``b_notification`` (content + audience: everyone or role ids) + ``b_receipt``
  written when a user reads: reads must find every notification visible to the user and
  subtract the receipts.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
import uuid

import asyncpg

USERS = int(os.environ.get("BENCH_USERS", "5000"))
BROADCASTS = int(os.environ.get("BENCH_BROADCASTS", "200"))
MANY = int(os.environ.get("BENCH_MANY", "5000"))
OTHER_ROLES = int(os.environ.get("BENCH_OTHER_ROLE_BROADCASTS", "5000"))  # to roles the reader is not in
ROLE_SIZE = 20
RUNS = 40
DATABASE = "ficha_bench_notifications"

SCHEMA = """
CREATE TABLE app_user (tenant_id uuid, id uuid PRIMARY KEY, created_at timestamptz DEFAULT now());
CREATE TABLE user_role (tenant_id uuid, user_id uuid, role_id uuid, PRIMARY KEY (user_id, role_id));
CREATE TABLE notification (id uuid PRIMARY KEY, tenant_id uuid, kind text, title text, body text,
                           created_at timestamptz DEFAULT now());
CREATE TABLE notification_recipient (
  tenant_id uuid, user_id uuid, notification_id uuid REFERENCES notification(id) ON DELETE CASCADE,
  kind text, created_at timestamptz, updated_at timestamptz DEFAULT now(), read_at timestamptz,
  PRIMARY KEY (tenant_id, notification_id, user_id));
CREATE INDEX ON notification_recipient (tenant_id, user_id, created_at, notification_id);
CREATE INDEX ON notification_recipient (tenant_id, user_id) WHERE read_at IS NULL;
CREATE TABLE b_notification (id uuid PRIMARY KEY, tenant_id uuid, kind text, title text, body text,
                             user_id uuid, audience text, role_ids uuid[], created_at timestamptz DEFAULT now());
CREATE INDEX ON b_notification (tenant_id, created_at, id);
CREATE INDEX ON b_notification (tenant_id, user_id, created_at) WHERE user_id IS NOT NULL;
CREATE TABLE b_receipt (tenant_id uuid, user_id uuid, notification_id uuid, read_at timestamptz,
                        PRIMARY KEY (tenant_id, user_id, notification_id));
"""

FAN_OUT = """
INSERT INTO notification_recipient (tenant_id, user_id, notification_id, kind, created_at)
SELECT $1, u.id, $2, 'info', now() FROM app_user u WHERE u.tenant_id = $1
"""
A_COUNT = "SELECT count(*) FROM notification_recipient WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL"
A_PAGE = """
SELECT r.notification_id, n.kind, n.title, n.body, r.read_at, r.created_at
FROM notification_recipient r JOIN notification n ON n.id = r.notification_id
WHERE r.tenant_id = $1 AND r.user_id = $2
ORDER BY r.created_at DESC, r.notification_id DESC LIMIT 50
"""
A_READ_ALL = ("UPDATE notification_recipient SET read_at = now() WHERE tenant_id = $1 AND user_id = $2 "
              "AND read_at IS NULL")
B_VISIBLE = """
FROM b_notification n
WHERE n.tenant_id = $1 AND (n.user_id = $2 OR n.audience = 'everyone' OR n.role_ids && $3)
  AND n.created_at >= $4
"""
B_COUNT = f"""SELECT count(*) {B_VISIBLE}
  AND NOT EXISTS (SELECT 1 FROM b_receipt r WHERE r.tenant_id = $1 AND r.user_id = $2 AND r.notification_id = n.id)
"""
B_PAGE = """SELECT n.id, n.kind, n.title, n.body, r.read_at, n.created_at
FROM b_notification n LEFT JOIN b_receipt r ON r.tenant_id = $1 AND r.user_id = $2 AND r.notification_id = n.id
WHERE n.tenant_id = $1 AND (n.user_id = $2 OR n.audience = 'everyone' OR n.role_ids && $3) AND n.created_at >= $4
ORDER BY n.created_at DESC, n.id DESC LIMIT 50
"""
B_READ_ALL = f"""INSERT INTO b_receipt (tenant_id, user_id, notification_id, read_at)
SELECT $1, $2, n.id, now() {B_VISIBLE}
ON CONFLICT DO NOTHING
"""


async def median_ms(conn: asyncpg.Connection, sql: str, *args, write: bool = False) -> float:
    samples = []
    for _ in range(RUNS if not write else 10):
        tx = conn.transaction()
        await tx.start()
        started = time.perf_counter()
        await conn.execute(sql, *args) if write else await conn.fetch(sql, *args)
        samples.append((time.perf_counter() - started) * 1000)
        await tx.rollback()
    return statistics.median(samples)


async def populate(conn: asyncpg.Connection, tenant: uuid.UUID, heavy: uuid.UUID) -> list[float]:
    users = [(tenant, uuid.uuid4()) for _ in range(USERS - 1)] + [(tenant, heavy)]
    await conn.copy_records_to_table("app_user", records=users, columns=["tenant_id", "id"])
    await conn.execute("UPDATE app_user SET created_at = now() - interval '1 year'")
    fan_out_ms = []
    for i in range(BROADCASTS):
        nid = uuid.uuid4()
        await conn.execute("INSERT INTO notification (id, tenant_id, kind, title, body) VALUES ($1, $2, 'info', $3, "
                           "'body')", nid, tenant, f"Broadcast {i}")
        started = time.perf_counter()
        await conn.execute(FAN_OUT, tenant, nid)
        fan_out_ms.append((time.perf_counter() - started) * 1000)
        await conn.execute("INSERT INTO b_notification (id, tenant_id, kind, title, body, audience, role_ids) "
                           "VALUES ($1, $2, 'info', $3, 'body', 'everyone', '{}')", nid, tenant, f"Broadcast {i}")
    # The heavy user received MANY notifications in both models (personal ones in B).
    extra = [(uuid.uuid4(), tenant) for _ in range(MANY - BROADCASTS)]
    await conn.copy_records_to_table("notification", records=[(n, t, "personal", "P", "b") for n, t in extra],
                                     columns=["id", "tenant_id", "kind", "title", "body"])
    await conn.copy_records_to_table("notification_recipient", records=[(t, heavy, n, "personal") for n, t in extra],
                                     columns=["tenant_id", "user_id", "notification_id", "kind"])
    await conn.execute("UPDATE notification_recipient SET created_at = now() WHERE created_at IS NULL")
    await conn.copy_records_to_table(
        "b_notification", records=[(n, t, "personal", "P", "b", heavy, "user") for n, t in extra],
        columns=["id", "tenant_id", "kind", "title", "body", "user_id", "audience"])
    # Broadcasts to roles the readers are not in: B must look at each; A gave rows to their members.
    members = [u for _, u in users[:ROLE_SIZE]]
    others = [(uuid.uuid4(), tenant) for _ in range(OTHER_ROLES)]
    await conn.copy_records_to_table("notification", records=[(n, t, "info", "R", "b") for n, t in others],
                                     columns=["id", "tenant_id", "kind", "title", "body"])
    await conn.copy_records_to_table("notification_recipient",
                                     records=[(t, m, n, "info") for n, t in others for m in members],
                                     columns=["tenant_id", "user_id", "notification_id", "kind"])
    await conn.execute("UPDATE notification_recipient SET created_at = now() WHERE created_at IS NULL")
    await conn.copy_records_to_table(
        "b_notification", records=[(n, t, "info", "R", "b", "roles", [uuid.uuid4()]) for n, t in others],
        columns=["id", "tenant_id", "kind", "title", "body", "audience", "role_ids"])
    await conn.execute("VACUUM ANALYZE")
    return fan_out_ms


async def main() -> None:
    url = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    admin = await asyncpg.connect(url)
    await admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    await admin.execute(f"CREATE DATABASE {DATABASE}")
    conn = await asyncpg.connect(url.rsplit("/", 1)[0] + f"/{DATABASE}")
    try:
        await conn.execute(SCHEMA)
        tenant, heavy = uuid.uuid4(), uuid.uuid4()
        started = time.perf_counter()
        fan_out_ms = await populate(conn, tenant, heavy)
        print(f"populated in {time.perf_counter() - started:.1f} s: {USERS:,} users, {BROADCASTS} broadcasts to "
              f"everyone ({USERS * BROADCASTS:,} recipient rows), {OTHER_ROLES:,} to roles of {ROLE_SIZE} users the "
              f"readers are not in, one user with {MANY:,} notifications")
        print(f"\nsend one broadcast to {USERS:,} users (fan-out INSERT … SELECT): median "
              f"{statistics.median(fan_out_ms):.1f} ms, p95 {sorted(fan_out_ms)[int(len(fan_out_ms) * .95)]:.1f} ms "
              f"({USERS / statistics.median(fan_out_ms) * 1000:,.0f} rows/s); audience model: one row")
        typical = await conn.fetchval("SELECT id FROM app_user WHERE id <> $1 OFFSET $2 LIMIT 1", heavy, ROLE_SIZE)
        since = await conn.fetchval("SELECT created_at FROM app_user WHERE id = $1", typical)
        print(f"\n{'read (median ms)':<34}{'fan-out':>10}{'audience':>10}")
        readers = ((f"user with {BROADCASTS}", typical, BROADCASTS), (f"user with {MANY:,}", heavy, MANY))
        for label, user, count in readers:
            rows = [
                ("unread count", await median_ms(conn, A_COUNT, tenant, user),
                 await median_ms(conn, B_COUNT, tenant, user, [], since)),
                ("first page (50)", await median_ms(conn, A_PAGE, tenant, user),
                 await median_ms(conn, B_PAGE, tenant, user, [], since)),
                (f"mark all read ({count:,})", await median_ms(conn, A_READ_ALL, tenant, user, write=True),
                 await median_ms(conn, B_READ_ALL, tenant, user, [], since, write=True)),
            ]
            print(f"-- {label}")
            for name, a, b in rows:
                print(f"   {name:<31}{a:>10.2f}{b:>10.2f}")
        size = await conn.fetchval("SELECT pg_size_pretty(pg_total_relation_size('notification_recipient'))")
        total = await conn.fetchval("SELECT count(*) FROM notification_recipient")
        print(f"\nnotification_recipient with its indexes: {size} for {total:,} rows")
    finally:
        await conn.close()
        await admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
