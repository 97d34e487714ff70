"""Demo companies (with members and an admin) and projects (with associated contacts). Skipped
when the workspace already has companies."""

from __future__ import annotations

from sqlalchemy import func

from api.companies.models import Company, CompanyMember, Project, ProjectContact
from api.companies.repository import CompanyRepository
from api.companies.service import refresh_company_names
from api.contacts.models import Contact
from api.contacts.repository import ContactRepository
from api.contacts.sample import companies
from api.core.context import TenantContext

PROJECTS = ("Proyecto Madrid", "Projeto São Paulo", "Campaña Leads 2026")


async def seed(ctx: TenantContext) -> None:
    repo = CompanyRepository(ctx)
    if (await ctx.session.execute(repo.select(func.count()).select_from(Company))).scalar_one():
        return
    contact_ids = list((await ctx.session.execute(
        ContactRepository(ctx).select(Contact.id).order_by(Contact.id).limit(120))).scalars())
    if not contact_ids:
        return
    firms = [Company(tenant_id=ctx.tenant_id, name=name) for name in companies(8, seed=2026)]
    projects = [Project(tenant_id=ctx.tenant_id, name=name) for name in PROJECTS]
    ctx.session.add_all([*firms, *projects])
    await ctx.session.flush()
    for index, contact_id in enumerate(contact_ids[:80]):
        firm = firms[index % len(firms)]
        ctx.session.add(CompanyMember(tenant_id=ctx.tenant_id, company_id=firm.id, contact_id=contact_id,
                                      is_admin=index < len(firms)))
    for index, contact_id in enumerate(contact_ids):
        ctx.session.add(ProjectContact(tenant_id=ctx.tenant_id, project_id=projects[index % len(projects)].id,
                                       contact_id=contact_id))
    await ctx.session.flush()
    await refresh_company_names(ctx, contact_ids[:80])
