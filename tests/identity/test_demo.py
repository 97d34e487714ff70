"""The demo workspace (make dev) gets demo staff, invited by email, and loading twice is safe."""

from __future__ import annotations

from sqlalchemy import func, select

from api.core.db import Actor, bind_actor
from api.demo import load_demo
from api.identity.models import StaffGroupMember, User
from api.identity.repository import TenantDirectory
from api.notifications.models import MailMessage


async def test_demo_staff_are_invited_once(db, tmp_path):
    for _ in range(2):
        async with db.session() as session:
            creds = await load_demo(session, tmp_path)
    async with db.sessionmaker() as session:
        tenant = await TenantDirectory(session).by_slug(creds["workspace"])
        bind_actor(session, tenant.id, Actor.system())
        staff = (await session.execute(select(User.email).where(User.password_hash.is_(None)))).scalars().all()
        invitations = (await session.execute(select(func.count()).select_from(MailMessage)
                                             .where(MailMessage.kind == "invitation"))).scalar_one()
        members = (await session.execute(select(func.count()).select_from(StaffGroupMember))).scalar_one()
    assert len(staff) == 3 and invitations == 3 and members == 2
