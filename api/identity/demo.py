"""Demo staff for ``make dev``: specialties, an office calendar, a group and a few invited users
(their invitations land in the dev mailbox, so the invite flow can be tried by hand)."""

from __future__ import annotations

from api.core.context import TenantContext
from api.identity import account_links
from api.identity.models import Specialty, StaffGroup, StaffGroupMember, User, UserRole, WorkCalendar
from api.identity.repository import (
    CalendarRepository,
    GroupRepository,
    RoleRepository,
    SpecialtyRepository,
    UserRepository,
)

SPECIALTIES = ["Cardiología", "Dermatología", "Pediatría", "Medicina general"]
OFFICE_HOURS = [{"weekday": d, "start": "09:00:00", "end": "18:00:00"} for d in range(5)]
STAFF = [
    ("Lucía", "Gómez", "lucia.gomez@example.com", "supervisor", False),
    ("Mateo", "Fernández", "mateo.fernandez@example.com", "conversation_agent", False),
    ("Beatriz", "Souza", "beatriz.souza@example.com", "specialist", True),
]


async def seed(ctx: TenantContext) -> None:
    specialties = SpecialtyRepository(ctx)
    for name in SPECIALTIES:
        if await specialties.by_name(name) is None:
            ctx.session.add(Specialty(tenant_id=ctx.tenant_id, name=name))
    if await CalendarRepository(ctx).by_name("Horario de oficina") is None:
        ctx.session.add(WorkCalendar(tenant_id=ctx.tenant_id, name="Horario de oficina", hours=OFFICE_HOURS))
    users, roles = UserRepository(ctx), RoleRepository(ctx)
    agents = []
    for first, last, email, role_key, specialist in STAFF:
        user = await users.by_email(email)
        if user is None:
            user = User(tenant_id=ctx.tenant_id, first_name=first, last_name=last, email=email,
                        is_specialist=specialist, culture="es")
            ctx.session.add(user)
            await ctx.session.flush()
            role = await roles.by_key(role_key)
            if role is not None:
                ctx.session.add(UserRole(tenant_id=ctx.tenant_id, user_id=user.id, role_id=role.id))
            await account_links.issue_link(ctx, user, "invitation")
        if role_key in ("supervisor", "conversation_agent"):
            agents.append(user)
    if await GroupRepository(ctx).by_name("agents", "Ventas") is None:
        group = StaffGroup(tenant_id=ctx.tenant_id, name="Ventas", kind="agents")
        ctx.session.add(group)
        await ctx.session.flush()
        ctx.session.add_all([StaffGroupMember(tenant_id=ctx.tenant_id, group_id=group.id, user_id=u.id)
                             for u in agents])
    await ctx.session.flush()
