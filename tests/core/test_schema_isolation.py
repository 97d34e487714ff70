"""The schema keeps workspaces apart by itself (SECURITY-CHECKLIST D8): every reference from one
workspace table to another includes ``tenant_id``, and so does every uniqueness rule — so the
database refuses a row pointing into another workspace, and no "already exists" answer can leak
another workspace's data. Checked on the migrated database, not on the models."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from api.contacts.models import Contact
from tests.fixtures.factories.contacts import make_contact
from tests.fixtures.factories.locations import make_location

# Unique across workspaces on purpose: a token is looked up by its hash before any workspace is
# known, and 256 random bits cannot collide (nor tell anything about another workspace).
GLOBAL_UNIQUES = {"uq_refresh_token_token_hash", "uq_account_token_token_hash", "uq_integration_token_token_hash"}

_TENANT_TABLES = """
    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p')"""

_FOREIGN_KEYS_WITHOUT_TENANT = f"""
    SELECT con.conname FROM pg_constraint con
    WHERE con.contype = 'f' AND con.conrelid IN ({_TENANT_TABLES}) AND con.confrelid IN ({_TENANT_TABLES})
      AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attname = 'tenant_id'
                      AND a.attnum = ANY (con.conkey))
    ORDER BY 1"""

_UNIQUES_WITHOUT_TENANT = f"""
    SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indisunique AND NOT x.indisprimary AND x.indrelid IN ({_TENANT_TABLES})
      AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attname = 'tenant_id'
                      AND a.attnum = ANY (x.indkey))
    ORDER BY 1"""


async def _names(db, query: str) -> list[str]:
    async with db.engine.connect() as conn:
        return list((await conn.execute(text(query))).scalars())


async def test_references_between_workspace_tables_include_the_workspace(db):
    assert await _names(db, _FOREIGN_KEYS_WITHOUT_TENANT) == []


async def test_uniqueness_rules_are_per_workspace(db):
    assert set(await _names(db, _UNIQUES_WITHOUT_TENANT)) == GLOBAL_UNIQUES


async def _point(db, tenant_id, contact_id, **values) -> None:
    async with db.session(tenant_id) as session:
        row = await session.get(Contact, contact_id)
        for name, value in values.items():
            setattr(row, name, value)


async def test_the_database_refuses_a_reference_into_another_workspace(db, workspace, other_workspace):
    theirs = await make_location(db, other_workspace.id)
    contact = await make_contact(db, workspace.id)
    # Even a write that slipped past every check in the code is refused by the schema.
    with pytest.raises(IntegrityError, match="fk_contact_tenant_id_location_id_location"):
        await _point(db, workspace.id, contact.id, location_id=theirs.id)
    with pytest.raises(IntegrityError, match="fk_contact_tenant_id_owner_id_user"):
        await _point(db, workspace.id, contact.id, owner_id=other_workspace.admin.id)
