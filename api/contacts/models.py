"""The contact table and its groups.

Search (B8, see docs/performance.md for the measurements behind it):

* ``search_words`` is a *generated* array of the folded (unaccented, lower-case) words of the
  name, company names, document id, email and phone digits — every write path (ORM, bulk
  statements, COPY) keeps it right. A GIN index answers "has one of these words", and the column's
  statistics (target 1000) let the planner tell rare words (bitmap) from common ones (walk the
  covering ``(tenant_id, created_at, id)`` index, which carries the words, without the heap).
* ``contact_search_word`` is each workspace's dictionary of name and company words, learnt by a
  statement trigger. A search word is expanded through it with pg_trgm — prefix, substring and
  similar words ("peres" → perez, peres) — before the contacts are looked up.

``company_names`` is kept by the companies package (see :func:`api.contacts.service.set_company_names`).

Counters: ``review_count``/``rating_sum`` and ``sales_totals`` (``{"EUR": "12.50"}``) are
maintained by database triggers on ``contact_review`` and ``contact_sale`` (migration 0003), so
other domains can insert sales with plain SQL and the list and its metrics never aggregate the
child tables at read time.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    Date,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin, tenant_fk

KINDS = ("customer", "lead")
STATUSES = ("active", "inactive")
GENDERS = ("female", "male", "non_binary", "other", "undisclosed")

# Unaccent first, then lower-case: correct whatever the collation ("C" lower-cases only ASCII).
SEARCH_WORDS_SQL = (
    "array_remove(regexp_split_to_array(lower(f_unaccent(first_name || ' ' || last_name || ' ' || company_names "
    "|| ' ' || coalesce(document_id, '') || ' ' || coalesce(email, '') || ' ' || coalesce(ltrim(phone, '+'), ''))), "
    "'\\s+'), '')"
)
SORT_NAME_SQL = "lower(f_unaccent(first_name || ' ' || last_name))"
LIVE = text("deleted_at IS NULL")


class Contact(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    __tablename__ = "contact"
    __audit_entity__ = "contact"
    __audit_ignore__ = frozenset({"company_names", "search_words", "sort_name", "review_count", "rating_sum",
                                  "sales_totals"})
    __table_args__ = (
        tenant_fk("owner_id", "user", "SET NULL"),
        tenant_fk("location_id", "location", "SET NULL"),
        CheckConstraint("kind IN ('customer', 'lead')", name="kind_values"),
        CheckConstraint("status IN ('active', 'inactive')", name="status_values"),
        CheckConstraint("culture IN ('es', 'en', 'pt')", name="culture_values"),
        CheckConstraint(f"gender IS NULL OR gender IN {GENDERS!r}", name="gender_values"),
        CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude IS NULL OR longitude BETWEEN -180 AND 180", name="longitude_range"),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="coordinates_pair"),
        # The target of the children's (tenant_id, contact_id) foreign keys.
        UniqueConstraint("tenant_id", "id"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), server_default="active")
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), server_default="")
    # Normalised (trimmed, lower-case); "C" collation so prefix searches use the b-tree index.
    email: Mapped[str | None] = mapped_column(String(254, collation="C"))
    phone: Mapped[str | None] = mapped_column(String(20, collation="C"))  # E.164
    document_id: Mapped[str | None] = mapped_column(String(40))
    birth_date: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(16))
    culture: Mapped[str] = mapped_column(String(2), server_default="es")
    origin: Mapped[str | None] = mapped_column(String(100))  # lead source
    center: Mapped[str | None] = mapped_column(String(100))
    photo_key: Mapped[str | None] = mapped_column(String(200))
    photo_content_type: Mapped[str | None] = mapped_column(String(100))
    owner_id: Mapped[uuid.UUID | None]
    # Address (B3): copied from the location when one is chosen, editable afterwards.
    location_id: Mapped[uuid.UUID | None]
    street: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    latitude: Mapped[float | None] = mapped_column(Double)
    longitude: Mapped[float | None] = mapped_column(Double)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    converted_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    # Derived, never written by the application's ORM code (see the module docstring).
    company_names: Mapped[str] = mapped_column(Text, server_default="")
    search_words: Mapped[list[str]] = mapped_column(ARRAY(Text), Computed(SEARCH_WORDS_SQL, persisted=True))
    sort_name: Mapped[str] = mapped_column(Text(collation="C"), Computed(SORT_NAME_SQL, persisted=True))
    review_count: Mapped[int] = mapped_column(Integer, server_default="0")
    rating_sum: Mapped[int] = mapped_column(Integer, server_default="0")
    sales_totals: Mapped[dict[str, str]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))


# Keyset orders of the list (live contacts; the trash has its own).
Index("ix_contact_tenant_sort_name", Contact.tenant_id, Contact.sort_name, Contact.id, postgresql_where=LIVE)
# The default order; it carries what a search filters on, so a search walks it without the heap.
Index("ix_contact_tenant_created", Contact.tenant_id, Contact.created_at, Contact.id, postgresql_where=LIVE,
      postgresql_include=["kind", "status", "search_words"])
Index("ix_contact_tenant_updated", Contact.tenant_id, Contact.updated_at, Contact.id, postgresql_where=LIVE)
Index("ix_contact_tenant_trashed", Contact.tenant_id, Contact.deleted_at, Contact.id,
      postgresql_where=text("deleted_at IS NOT NULL"))
# One live contact per normalised email (B1 duplicates → 409 with the existing id).
Index("uq_contact_tenant_email", Contact.tenant_id, Contact.email, unique=True,
      postgresql_where=text("deleted_at IS NULL AND email IS NOT NULL"))
# Phone duplicates (warnings) and phone-prefix search.
Index("ix_contact_tenant_phone", Contact.tenant_id, Contact.phone, postgresql_where=text("phone IS NOT NULL"))
Index("ix_contact_tenant_owner", Contact.tenant_id, Contact.owner_id, postgresql_where=text("owner_id IS NOT NULL"))
Index("ix_contact_tenant_city", Contact.tenant_id, text("lower(city)"), postgresql_where=LIVE)
# ON DELETE SET NULL of a location looks contacts up by location.
Index("ix_contact_location", Contact.location_id, postgresql_where=text("location_id IS NOT NULL"))
# Search (B8): contacts having any of a set of words.
Index("ix_contact_search_words", Contact.search_words, postgresql_using="gin", postgresql_where=LIVE)
# cf.<key>=<value> filters: containment (custom_fields @> '{"key": value}').
Index("ix_contact_custom_fields", Contact.custom_fields, postgresql_using="gin",
      postgresql_ops={"custom_fields": "jsonb_path_ops"})


class ContactMetricDelta(TenantMixin, Base):
    """Changes to the list's metrics, per kind, status and (for sales) currency: statement
    triggers on ``contact`` append one row per changed group in the same transaction (migration
    0003), and ``contacts.compact_metrics`` folds each workspace's rows into one per group. Only
    appends: concurrent writers never wait on a shared counter row. The metrics of a whole list
    (filtered at most by kind and status) are a sum over a few of these rows instead of a scan of
    every contact."""

    __tablename__ = "contact_metric_delta"
    __table_args__ = (Index("ix_contact_metric_delta_tenant", "tenant_id", "kind", "status"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3), server_default="")  # "" on the rows of counts
    contacts: Mapped[int] = mapped_column(BigInteger, server_default="0")
    reviews: Mapped[int] = mapped_column(BigInteger, server_default="0")
    rating_sum: Mapped[int] = mapped_column(BigInteger, server_default="0")
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 2), server_default="0")


class ContactSearchWord(TenantMixin, Base):
    """A word of some contact's name or companies, folded: the dictionary searches expand their
    words through (prefix, substring, similar words). Filled by a statement trigger on contact
    (migration 0003); a word no contact uses any more only widens a search to nothing."""

    __tablename__ = "contact_search_word"
    __table_args__ = (
        Index("ix_contact_search_word_trgm", "word", postgresql_using="gin", postgresql_ops={"word": "gin_trgm_ops"}),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True)
    word: Mapped[str] = mapped_column(String(100, collation="C"), primary_key=True)  # "C": prefix LIKE uses the key


def contact_fk() -> ForeignKeyConstraint:
    """A child row's reference to its contact, as ``(tenant_id, contact_id)``: the database itself
    refuses a child in one workspace pointing at another's contact, and a purge's cascade finds
    the children through their ``(tenant_id, contact_id, …)`` index."""
    return tenant_fk("contact_id", "contact")


class ContactGroup(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A named set of contacts (B6) used to classify them and to run bulk actions on."""

    __tablename__ = "contact_group"
    __audit_entity__ = "contact_group"
    __table_args__ = (
        Index("uq_contact_group_tenant_name", "tenant_id", text("lower(name)"), unique=True),
        UniqueConstraint("tenant_id", "id"),
    )

    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(500))
    color: Mapped[str | None] = mapped_column(String(7))


class ContactLink(TenantMixin, Audited):
    """A row tying a contact to a record of the same workspace (a group, a company, a project, a
    service). Each table declares its key, tenant first — ``PrimaryKeyConstraint("tenant_id",
    "<other>_id", "contact_id")`` — so one record's links are one index range; the events are
    filed under the contact."""

    # Server defaults come back with the INSERT, so the audit listener can read them.
    __mapper_args__ = {"eager_defaults": True}
    __audit_entity__ = "contact"

    contact_id: Mapped[uuid.UUID]
    added_at: Mapped[datetime] = mapped_column(server_default=text("now()"))

    def audit_entity_id(self) -> uuid.UUID:
        return self.contact_id


class ContactGroupMember(ContactLink, Base):
    __tablename__ = "contact_group_member"
    __audit_actions__ = {"create": "group_added", "delete": "group_removed"}
    __table_args__ = (
        PrimaryKeyConstraint("tenant_id", "group_id", "contact_id"),
        Index("ix_contact_group_member_contact", "tenant_id", "contact_id"),
        ForeignKeyConstraint(["tenant_id", "group_id"], ["contact_group.tenant_id", "contact_group.id"],
                             ondelete="CASCADE"),
        contact_fk(),
    )

    group_id: Mapped[uuid.UUID]


class ContactSale(IdMixin, TenantMixin, Audited, Base):
    """One sale to a contact, written by the domain that made it — invoices, subscriptions,
    orders — through :func:`api.contacts.sales.record_sale` (or plain SQL: a trigger keeps the
    contact's ``sales_totals`` either way). ``(source_kind, source_id)`` names the record the
    sale comes from, so recording it twice changes nothing. See docs/contacts.md."""

    # Server defaults come back with the INSERT, so the audit listener can read them.
    __mapper_args__ = {"eager_defaults": True}
    __tablename__ = "contact_sale"
    __audit_entity__ = "contact"
    __audit_actions__ = {"create": "sale_recorded", "update": "sale_changed", "delete": "sale_removed"}
    __table_args__ = (
        UniqueConstraint("tenant_id", "source_kind", "source_id"),
        Index("ix_contact_sale_tenant_contact", "tenant_id", "contact_id", "occurred_at"),
        CheckConstraint("currency ~ '^[A-Z]{3}$'", name="currency_format"),
        contact_fk(),
    )

    contact_id: Mapped[uuid.UUID]
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))  # negative for refunds and credit notes
    currency: Mapped[str] = mapped_column(String(3))  # ISO 4217
    source_kind: Mapped[str] = mapped_column(String(32))  # "invoice", "subscription", "order", …
    source_id: Mapped[uuid.UUID]
    occurred_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))

    def audit_entity_id(self) -> uuid.UUID:
        return self.contact_id
