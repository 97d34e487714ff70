"""Project rules (B5): projects, and the contacts and staff associated to them — one by one or in
bulk ("associate mode"), and from the contacts list's bulk action ``associate_project``.

Associations are set-based (``INSERT … ON CONFLICT DO NOTHING`` / ``DELETE … RETURNING``), so
only real changes count and each gets one audit event, filed under the contact or the user.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from api.companies import errors as _errors  # noqa: F401 - registers messages
from api.companies.models import Project, ProjectContact, ProjectUser
from api.companies.repository import PROJECT_SORT, PROJECT_USER_SORT, ProjectRepository
from api.companies.schemas import ProjectCreate, ProjectFilters, ProjectRead, ProjectUpdate, ProjectUserRead
from api.contacts import relations
from api.contacts.service import require_contacts
from api.core.audit import record_many
from api.core.context import TenantContext
from api.core.crud import apply_changes, refuse_nulls, require_free_name
from api.core.db import flush_checked
from api.core.errors import Conflict
from api.core.pagination import PageParams
from api.core.schemas import Page
from api.identity.service import require_users

UNIQUE_NAME = "uq_project_tenant_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("project_name_taken", params={"name": name})


async def list_projects(ctx: TenantContext, filters: ProjectFilters) -> Page[ProjectRead]:
    repo = ProjectRepository(ctx)
    stmt = repo.filtered(filters.q, filters.active, filters.contact_id, filters.user_id)
    items, cursor = await repo.page(stmt, PROJECT_SORT, filters.page)
    return Page(items=[ProjectRead.model_validate(p) for p in items], next_cursor=cursor)


async def get_project(ctx: TenantContext, project_id: uuid.UUID) -> Project:
    return await ProjectRepository(ctx).get(project_id)


async def create_project(ctx: TenantContext, body: ProjectCreate) -> Project:
    await require_free_name(ProjectRepository(ctx), body.name, _name_taken)
    project = Project(tenant_id=ctx.tenant_id, **body.model_dump())
    ctx.session.add(project)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(body.name)})
    return project


async def update_project(ctx: TenantContext, project_id: uuid.UUID, body: ProjectUpdate) -> Project:
    repo = ProjectRepository(ctx)
    project = await repo.get(project_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    refuse_nulls(changes, ("name", "active"))
    if "name" in changes:
        await require_free_name(repo, changes["name"], _name_taken, project.id)
    apply_changes(project, changes)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(project.name)})
    return project


async def delete_project(ctx: TenantContext, project_id: uuid.UUID) -> None:
    repo = ProjectRepository(ctx)
    await repo.delete(await repo.get(project_id, for_update=True))


# --- Associations -------------------------------------------------------------------------------

async def _audit(ctx: TenantContext, entity_type: str, action: str, project_id: uuid.UUID,
                 ids: Sequence[uuid.UUID]) -> None:
    change = ({"project_id": {"old": None, "new": str(project_id)}} if action == "project_associated"
              else {"project_id": {"old": str(project_id), "new": None}})
    await record_many(ctx.session, tenant_id=ctx.tenant_id, entity_type=entity_type, action=action,
                      items=[(i, change) for i in ids])


async def link_contacts(ctx: TenantContext, project_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """Associate contacts already known to be the workspace's; returns the ones newly associated."""
    if not contact_ids:
        return []
    table = ProjectContact.__table__
    stmt = (insert(table).values([{"tenant_id": ctx.tenant_id, "project_id": project_id, "contact_id": cid}
                                  for cid in contact_ids])
            .on_conflict_do_nothing().returning(table.c.contact_id))
    added = list((await ctx.session.execute(stmt)).scalars())
    await _audit(ctx, "contact", "project_associated", project_id, added)
    return added


async def associate_contacts(ctx: TenantContext, project_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    return len(await link_contacts(ctx, project.id, sorted(await require_contacts(ctx, contact_ids))))


async def disassociate_contacts(ctx: TenantContext, project_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    table = ProjectContact.__table__
    removed = list((await ctx.session.execute(
        delete(table).where(table.c.tenant_id == ctx.tenant_id, table.c.project_id == project.id,
                            table.c.contact_id.in_(set(contact_ids))).returning(table.c.contact_id))).scalars())
    await _audit(ctx, "contact", "project_disassociated", project.id, removed)
    return len(removed)


async def associate_users(ctx: TenantContext, project_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    users = await require_users(ctx, list(set(user_ids)))
    table = ProjectUser.__table__
    stmt = (insert(table).values([{"tenant_id": ctx.tenant_id, "project_id": project.id, "user_id": user.id}
                                  for user in users])
            .on_conflict_do_nothing().returning(table.c.user_id))
    added = list((await ctx.session.execute(stmt)).scalars())
    await _audit(ctx, "user", "project_associated", project.id, added)
    return len(added)


async def disassociate_users(ctx: TenantContext, project_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    table = ProjectUser.__table__
    removed = list((await ctx.session.execute(
        delete(table).where(table.c.tenant_id == ctx.tenant_id, table.c.project_id == project.id,
                            table.c.user_id.in_(set(user_ids))).returning(table.c.user_id))).scalars())
    await _audit(ctx, "user", "project_disassociated", project.id, removed)
    return len(removed)


async def list_project_users(ctx: TenantContext, project_id: uuid.UUID, page: PageParams) -> Page[ProjectUserRead]:
    repo = ProjectRepository(ctx)
    project = await repo.get(project_id)
    items, cursor = await repo.page(repo.users(project.id), PROJECT_USER_SORT, page)
    return Page(items=[ProjectUserRead(user_id=u.user_id, added_at=u.added_at) for u in items], next_cursor=cursor)


async def _contacts_of_project(ctx: TenantContext, project_id: uuid.UUID):
    project = await get_project(ctx, project_id)
    return select(ProjectContact.contact_id).where(ProjectContact.tenant_id == ctx.tenant_id,
                                                   ProjectContact.project_id == project.id)


relations.register_filter("project_id", _contacts_of_project)
relations.register_bulk_link("associate_project", relations.BulkLink(
    permission="projects:write", target="project_id", check_target=get_project, apply=link_contacts))
