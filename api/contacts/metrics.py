"""The list's metrics (B8): total clients, reviews, average rating and sales per currency.

Two ways to the same numbers:

* the whole list, or the list filtered only by kind and/or status (the console's "customers" and
  "leads" tabs) sums a handful of pre-aggregated rows (``contact_metric_delta``, appended by
  triggers in the same transaction as the changes: exact, and a constant cost at any size);
* any other filter aggregates the matching contacts' own counters (``review_count``,
  ``rating_sum``, ``sales_totals``); selective filters make that cheap, broad ones (a search for a
  very common word, a long date range) cost a scan of what they match.

The deltas are folded into one row per group by the ``contacts.compact_metrics`` cron job.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Numeric, cast, delete, func, insert, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.listing import conditions
from api.contacts.models import Contact, ContactMetricDelta
from api.contacts.repository import ContactRepository
from api.contacts.schemas import ContactCriteria, ContactMetrics, Money
from api.contacts.service import average
from api.core.context import TenantContext

# Criteria the pre-aggregated rows answer; any other set field means scanning.
DELTA_DIMENSIONS = frozenset({"kind", "status"})


def _answered_by_deltas(criteria: ContactCriteria) -> bool:
    narrowing = {name for name in criteria.model_fields_set if getattr(criteria, name) not in (None, False, "")}
    return not criteria.model_extra and narrowing <= DELTA_DIMENSIONS


def _result(clients: int, reviews: int, rating_sum: int, sales: list[tuple[str, Decimal]]) -> ContactMetrics:
    return ContactMetrics(total_clients=clients, total_reviews=reviews, average_rating=average(rating_sum, reviews),
                          total_sales=[Money(amount=f"{amount:.2f}", currency=currency)
                                       for currency, amount in sorted(sales) if amount != 0])


async def _from_deltas(ctx: TenantContext, criteria: ContactCriteria) -> ContactMetrics:
    d = ContactMetricDelta
    stmt = (select(d.currency, func.sum(d.contacts), func.sum(d.reviews), func.sum(d.rating_sum), func.sum(d.amount))
            .where(d.tenant_id == ctx.tenant_id).group_by(d.currency))
    for name in DELTA_DIMENSIONS:
        if (value := getattr(criteria, name)) is not None:
            stmt = stmt.where(getattr(d, name) == value)
    counts, sales = (0, 0, 0), []
    for currency, contacts, reviews, rating_sum, amount in (await ctx.session.execute(stmt)).all():
        if currency:
            sales.append((currency, amount))
        else:
            counts = (int(contacts), int(reviews), int(rating_sum))
    return _result(*counts, sales)


async def _by_scanning(ctx: TenantContext, criteria: ContactCriteria) -> ContactMetrics:
    repo = ContactRepository(ctx)
    where = await conditions(ctx, criteria)
    totals = repo.select(func.count(), func.coalesce(func.sum(Contact.review_count), 0),
                         func.coalesce(func.sum(Contact.rating_sum), 0)).where(*where)
    clients, reviews, rating_sum = (await ctx.session.execute(totals)).one()
    each = func.jsonb_each_text(Contact.sales_totals).table_valued("key", "value")
    by_currency = (repo.select(each.c.key, func.sum(cast(each.c.value, Numeric)))
                   .select_from(Contact).join(each, true())
                   .where(*where, Contact.sales_totals != func.jsonb_build_object())
                   .group_by(each.c.key))
    sales = [(currency, amount) for currency, amount in (await ctx.session.execute(by_currency)).all()]
    return _result(int(clients), int(reviews), int(rating_sum), sales)


async def metrics(ctx: TenantContext, criteria: ContactCriteria) -> ContactMetrics:
    if _answered_by_deltas(criteria):
        await conditions(ctx, criteria)  # the same validation as the list (unknown parameters …)
        return await _from_deltas(ctx, criteria)
    return await _by_scanning(ctx, criteria)


async def compact(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """Fold a workspace's delta rows into one per group, in one statement (rows other
    transactions add meanwhile are not visible to it, so they stay for the next time)."""
    table = ContactMetricDelta.__table__
    keys = [table.c.tenant_id, table.c.kind, table.c.status, table.c.currency]
    sums = [table.c.contacts, table.c.reviews, table.c.rating_sum, table.c.amount]
    gone = delete(table).where(table.c.tenant_id == tenant_id).returning(*keys, *sums).cte("gone")
    folded = (select(*(gone.c[k.name] for k in keys), *(func.sum(gone.c[s.name]) for s in sums))
              .group_by(*(gone.c[k.name] for k in keys))
              .having(or_(*(func.sum(gone.c[s.name]) != 0 for s in sums))))
    await session.execute(insert(table).from_select([c.name for c in (*keys, *sums)], folded))
