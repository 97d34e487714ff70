"""The demo workspace gets a living contacts console, and loading it twice adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from api.companies.models import Company
from api.contacts.models import Contact
from api.core.db import Actor, bind_actor
from api.demo import load_demo
from api.identity.repository import TenantDirectory


async def test_demo_contacts_load_once(db, tmp_path):
    async with db.sessionmaker() as session:
        await load_demo(session, tmp_path)
        await load_demo(session, tmp_path)
        tenant = await TenantDirectory(session).by_slug("demo")
        bind_actor(session, tenant.id, Actor.system())
        contacts = (await session.execute(select(func.count()).select_from(Contact))).scalar_one()
        with_sales = (await session.execute(select(func.count()).select_from(Contact).where(
            Contact.sales_totals != {}))).scalar_one()
        companies = (await session.execute(select(func.count()).select_from(Company))).scalar_one()
        accented = (await session.execute(select(func.count()).select_from(Contact).where(
            Contact.first_name.op("~")("[áéíóúñãõç]")))).scalar_one()
    assert contacts == 300 and 100 < with_sales < 250 and companies == 8 and accented > 30
