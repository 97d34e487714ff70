"""The demo workspace that ``make dev`` loads, so a newcomer sees a console with data.

Idempotent: running it again keeps existing data. The administrator's password is random,
kept in ``<data_dir>/demo-admin.json`` and printed at every start; if the workspace exists but
the file does not (another data dir), the password is reset and saved anew.
"""

from __future__ import annotations

import json
import secrets
from importlib import import_module
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from api.core import security
from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, bind_actor
from api.identity.repository import TenantDirectory, UserRepository
from api.identity.service import create_tenant

WORKSPACE = "demo"
ADMIN_EMAIL = "admin@example.com"

# Each module has ``async def seed(ctx)``; they run in this order and skip what exists.
SEEDERS = ["api.identity.demo", "api.locations.demo", "api.contacts.demo", "api.companies.demo",
           "api.services.demo", "api.notifications.demo"]


async def load_demo(session: AsyncSession, data_dir: Path) -> dict[str, str]:
    path = data_dir / "demo-admin.json"
    saved = json.loads(path.read_text()) if path.exists() else None
    tenant = await TenantDirectory(session).by_slug(WORKSPACE)
    password = saved["password"] if saved else secrets.token_urlsafe(12)
    if tenant is None:
        tenant = await create_tenant(session, slug=WORKSPACE, name="Ficha Demo", admin_email=ADMIN_EMAIL,
                                     admin_password=password, admin_first_name="Ana", admin_last_name="Demo")
    elif saved is None:
        admin = await UserRepository(session, tenant.id).by_email(ADMIN_EMAIL)
        if admin is not None:
            admin.password_hash = security.hash_password(password)
    bind_actor(session, tenant.id, Actor.system())
    ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=tenant.id, language="es")
    for name in SEEDERS:
        await import_module(name).seed(ctx)
    creds = {"workspace": WORKSPACE, "email": ADMIN_EMAIL, "password": password}
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(creds))
    path.chmod(0o600)
    return creds
