"""Demo locations."""

from __future__ import annotations

from api.core.context import TenantContext
from api.locations.models import Location
from api.locations.repository import LocationRepository

SITES = [
    ("Sede Madrid Centro", "Calle de Alcalá 45", "Madrid", "Madrid", "España", "28014", 40.4187, -3.6979),
    ("Clínica Barcelona Eixample", "Carrer d'Aragó 210", "Barcelona", "Cataluña", "España", "08011",
     41.3888, 2.1590),
    ("Unidade São Paulo Paulista", "Avenida Paulista 1578", "São Paulo", "SP", "Brasil", "01310-200",
     -23.5614, -46.6559),
    ("Sede Bogotá Chapinero", "Carrera 13 # 63-39", "Bogotá", "Cundinamarca", "Colombia", "110231", 4.6486, -74.0628),
    ("Centro Lisboa Baixa", "Rua Augusta 100", "Lisboa", "Lisboa", "Portugal", "1100-053", 38.7110, -9.1377),
]


async def seed(ctx: TenantContext) -> None:
    repo = LocationRepository(ctx)
    for name, street, city, state, country, postal_code, lat, lng in SITES:
        if await repo.by_name(name) is None:
            ctx.session.add(Location(tenant_id=ctx.tenant_id, name=name, street=street, city=city, state=state,
                                     country=country, postal_code=postal_code, latitude=lat, longitude=lng))
    await ctx.session.flush()
