"""Demo notifications: a system alert and a news item for everyone, a scheduled broadcast, and
a personal welcome for each user (so the bell of a fresh console has something to show)."""

from __future__ import annotations

from datetime import timedelta

from api.core.context import TenantContext
from api.identity.service import active_user_ids
from api.notifications import broadcasts
from api.notifications.repository import BroadcastRepository
from api.notifications.schemas import BroadcastCreate
from api.notifications.service import notify_user, now

BROADCASTS = [
    BroadcastCreate(kind="system", title="El sistema se actualizará pronto",
                    body="El sábado a las 22:00 (hora de Madrid) Ficha estará en mantenimiento unos 15 minutos."),
    BroadcastCreate(kind="info", title="Nuevo: centro de notificaciones",
                    body="Los avisos del sistema, las exportaciones e importaciones y los mensajes personales "
                         "llegan aquí en tiempo real.", link="/notifications", action="Ver"),
]
SCHEDULED = BroadcastCreate(kind="info", title="Recordatorio: cierre mensual",
                            body="Revisen las facturas pendientes antes del cierre.")


async def seed(ctx: TenantContext) -> None:
    if await BroadcastRepository(ctx).exists_titled(BROADCASTS[0].title):
        return
    for body in BROADCASTS:
        await broadcasts.create_broadcast(ctx, body)
    await broadcasts.create_broadcast(ctx, SCHEDULED.model_copy(update={"send_at": now() + timedelta(days=3)}))
    for user_id in (await ctx.session.execute(active_user_ids(ctx))).scalars():
        await notify_user(ctx, user_id, title="Bienvenida a Ficha",
                          body="Complete su perfil y active la verificación en dos pasos.", link="/profile",
                          action="Ir al perfil")
