"""Demo contacts: a few hundred Spanish- and Portuguese-speaking customers and leads with groups,
additional fields, comments, notes, alerts, reviews and sales, so `make dev` shows a living
console. Skipped when the workspace already has contacts."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func

from api.contacts.models import Contact, ContactGroup, ContactGroupMember
from api.contacts.repository import ContactRepository
from api.contacts.sales import record_sale
from api.contacts.sample import people
from api.contacts.sections.models import ContactAlert, ContactComment, ContactNote, ContactReview
from api.core.context import TenantContext
from api.customfields.models import CustomField

COUNT = 300
GROUPS = ("VIP", "Tratamiento facial", "Campaña verano", "Seguimiento")
COMMENTS = ("Llamó para confirmar la cita.", "Prefiere que le escriban por WhatsApp.",
            "Pidió presupuesto del plan anual.", "Cliente muito satisfeita com o atendimento.",
            "Quer remarcar para a próxima semana.")
NOTES = (("clínica", ["piel"], "Piel sensible: usar productos hipoalergénicos."),
         ("venta", ["plan", "anual"], "Interesado en el plan anual con descuento."),
         ("atendimento", ["horário"], "Prefere horários pela manhã."))


async def _fields(ctx: TenantContext) -> None:
    ctx.session.add_all([
        CustomField(tenant_id=ctx.tenant_id, entity="contact", key="plan", type="select", position=0,
                    labels={"es": "Plan", "en": "Plan", "pt": "Plano"}, options=["básico", "plus", "premium"]),
        CustomField(tenant_id=ctx.tenant_id, entity="contact", key="vip", type="boolean", position=1,
                    labels={"es": "VIP", "en": "VIP", "pt": "VIP"}, options=[]),
        CustomField(tenant_id=ctx.tenant_id, entity="contact", key="first_visit", type="date", position=2,
                    labels={"es": "Primera visita", "en": "First visit", "pt": "Primeira visita"}, options=[]),
    ])


async def seed(ctx: TenantContext) -> None:
    repo = ContactRepository(ctx)
    existing = (await ctx.session.execute(repo.select(func.count()).select_from(Contact))).scalar_one()
    if existing:
        return
    rng = random.Random(2026)  # noqa: S311 - sample data, not secrets
    await _fields(ctx)
    groups = [ContactGroup(tenant_id=ctx.tenant_id, name=name) for name in GROUPS]
    ctx.session.add_all(groups)
    await ctx.session.flush()
    now = datetime.now(UTC)
    for person in people(COUNT, seed=2026):
        contact = Contact(
            tenant_id=ctx.tenant_id, kind="customer" if rng.random() < 0.7 else "lead",
            status="active" if rng.random() < 0.9 else "inactive", first_name=person.first_name,
            last_name=person.last_name, email=person.email, phone=person.phone, city=person.city,
            country=person.country, origin=person.origin, culture="pt" if person.portuguese else "es",
            custom_fields={"plan": rng.choice(["básico", "plus", "premium"]), "vip": rng.random() < 0.1,
                           "first_visit": (now - timedelta(days=rng.randrange(1, 900))).date().isoformat()})
        ctx.session.add(contact)
        await ctx.session.flush()
        await _around(ctx, rng, contact.id, groups, now)
    await ctx.session.flush()


async def _around(ctx: TenantContext, rng: random.Random, contact_id: uuid.UUID, groups: list[ContactGroup],
                  now: datetime) -> None:
    tenant = ctx.tenant_id
    if rng.random() < 0.3:
        ctx.session.add(ContactGroupMember(tenant_id=tenant, group_id=rng.choice(groups).id, contact_id=contact_id))
    if rng.random() < 0.4:
        ctx.session.add(ContactComment(tenant_id=tenant, contact_id=contact_id, body=rng.choice(COMMENTS),
                                       priority=rng.choice(("low", "normal", "high")), pinned=rng.random() < 0.1))
    if rng.random() < 0.3:
        category, keywords, body = rng.choice(NOTES)
        ctx.session.add(ContactNote(tenant_id=tenant, contact_id=contact_id, category=category,
                                    keywords=keywords, body=body))
    if rng.random() < 0.05:
        ctx.session.add(ContactAlert(tenant_id=tenant, contact_id=contact_id, type="medical", priority="high",
                                     description="Alergia a la penicilina"))
    for _ in range(rng.choice((0, 0, 1, 2))):
        ctx.session.add(ContactReview(tenant_id=tenant, contact_id=contact_id, rating=rng.randint(3, 5),
                                      text=rng.choice(("Muy buena atención", "Excelente", "Ótimo serviço", None))))
    if rng.random() < 0.5:
        await record_sale(ctx, contact_id=contact_id, amount=Decimal(rng.randrange(2000, 90000)) / 100,
                          currency="EUR", source_kind="demo", source_id=uuid.uuid4(),
                          occurred_at=now - timedelta(days=rng.randrange(0, 365)))
