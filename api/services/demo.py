"""Demo services catalogue."""

from __future__ import annotations

from decimal import Decimal

from api.core.context import TenantContext
from api.services.models import Service
from api.services.repository import ServiceRepository

CATALOGUE = (("Limpieza facial", "45.00", 60), ("Masaje relajante", "55.00", 50), ("Depilación láser", "80.00", 30),
             ("Consulta dermatológica", "70.00", 20), ("Manicura", "20.00", 40))


async def seed(ctx: TenantContext) -> None:
    repo = ServiceRepository(ctx)
    for name, price, minutes in CATALOGUE:
        if await repo.by_name(name) is None:
            ctx.session.add(Service(tenant_id=ctx.tenant_id, name=name, price=Decimal(price), currency="EUR",
                                    duration_minutes=minutes))
    await ctx.session.flush()
