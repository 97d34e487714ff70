"""Sales to contacts (B8): the ``contact_sale`` table that invoices, subscriptions and orders
fill. Each sale names its source (``source_kind``, ``source_id``), so recording the same source
again updates it instead of counting it twice. A trigger keeps ``contact.sales_totals``, which
the list rows and the metrics read. See docs/contacts.md, "Sales"."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal

from api.contacts.models import ContactSale
from api.contacts.schemas import SaleRead
from api.contacts.service import get_contact
from api.core.context import TenantContext
from api.core.pagination import PageParams, Sort, SortKey
from api.core.repository import TenantRepository
from api.core.schemas import Page

CURRENCY = re.compile(r"^[A-Z]{3}$")
NEWEST_FIRST = Sort("-occurred_at", (SortKey(ContactSale.occurred_at, True), SortKey(ContactSale.id, True)))
MAX_AMOUNT = Decimal("999999999999.99")


class ContactSaleRepository(TenantRepository[ContactSale]):
    model = ContactSale
    entity = "contact_sale"

    async def by_source(self, source_kind: str, source_id: uuid.UUID) -> ContactSale | None:
        stmt = self.select().where(ContactSale.source_kind == source_kind, ContactSale.source_id == source_id)
        return (await self.session.execute(stmt)).scalar_one_or_none()


def _amount(amount: Decimal) -> Decimal:
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    if not value.is_finite() or abs(value) > MAX_AMOUNT:
        raise ValueError(f"amount out of range: {amount}")
    return value


async def record_sale(ctx: TenantContext, *, contact_id: uuid.UUID, amount: Decimal, currency: str,
                      source_kind: str, source_id: uuid.UUID, occurred_at: datetime) -> ContactSale:
    """Record (or correct) the sale coming from ``source_kind``/``source_id``. Safe to repeat.

    ``amount`` may be negative (a refund or a credit note); ``currency`` is ISO 4217. Raises
    ``ValueError`` for a malformed amount or currency (callers validate their own input first)
    and a 404 when the contact is not the workspace's.
    """
    if not CURRENCY.match(currency) or not 1 <= len(source_kind) <= 32:
        raise ValueError("currency must be an ISO 4217 code and source_kind 1–32 characters")
    contact = await get_contact(ctx, contact_id)
    values = {"contact_id": contact.id, "amount": _amount(amount), "currency": currency, "occurred_at": occurred_at}
    repo = ContactSaleRepository(ctx)
    sale = await repo.by_source(source_kind, source_id)
    if sale is None:
        sale = ContactSale(tenant_id=ctx.tenant_id, source_kind=source_kind, source_id=source_id, **values)
        ctx.session.add(sale)
    else:
        for name, value in values.items():
            if getattr(sale, name) != value:
                setattr(sale, name, value)
    await ctx.session.flush()
    return sale


async def remove_sale(ctx: TenantContext, *, source_kind: str, source_id: uuid.UUID) -> None:
    """Forget the sale of a source (e.g. a voided invoice). Safe to repeat."""
    repo = ContactSaleRepository(ctx)
    sale = await repo.by_source(source_kind, source_id)
    if sale is not None:
        await repo.delete(sale)


async def list_sales(ctx: TenantContext, contact_id: uuid.UUID, page: PageParams) -> Page[SaleRead]:
    contact = await get_contact(ctx, contact_id)
    repo = ContactSaleRepository(ctx)
    items, cursor = await repo.page(repo.select().where(ContactSale.contact_id == contact.id), NEWEST_FIRST, page)
    return Page(items=[SaleRead(id=s.id, amount=f"{s.amount:.2f}", currency=s.currency, source_kind=s.source_kind,
                                source_id=s.source_id, occurred_at=s.occurred_at) for s in items],
                next_cursor=cursor)
