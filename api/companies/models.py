"""Companies, their members, projects and the people associated to them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.contacts.models import ContactLink, contact_fk
from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin, tenant_fk


class Company(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    __tablename__ = "company"
    __audit_entity__ = "company"
    __table_args__ = (
        Index("uq_company_tenant_name", "tenant_id", text("lower(name)"), unique=True),
        UniqueConstraint("tenant_id", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    tax_id: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    website: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(1000))


class CompanyMember(ContactLink, Base):
    """A contact's membership of a company; at most one member per company is its admin."""

    __tablename__ = "company_member"
    __audit_actions__ = {"create": "company_joined", "update": "company_role_changed", "delete": "company_left"}
    __table_args__ = (
        PrimaryKeyConstraint("tenant_id", "company_id", "contact_id"),
        Index("ix_company_member_contact", "tenant_id", "contact_id"),
        Index("uq_company_member_one_admin", "tenant_id", "company_id", unique=True,
              postgresql_where=text("is_admin")),
        ForeignKeyConstraint(["tenant_id", "company_id"], ["company.tenant_id", "company.id"], ondelete="CASCADE"),
        contact_fk(),
    )

    company_id: Mapped[uuid.UUID]
    is_admin: Mapped[bool] = mapped_column(Boolean, server_default=false())


class Project(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    __tablename__ = "project"
    __audit_entity__ = "project"
    __table_args__ = (
        Index("uq_project_tenant_name", "tenant_id", text("lower(name)"), unique=True),
        UniqueConstraint("tenant_id", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(1000))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))


class ProjectContact(ContactLink, Base):
    __tablename__ = "project_contact"
    __audit_actions__ = {"create": "project_associated", "delete": "project_disassociated"}
    __table_args__ = (
        PrimaryKeyConstraint("tenant_id", "project_id", "contact_id"),
        Index("ix_project_contact_contact", "tenant_id", "contact_id"),
        ForeignKeyConstraint(["tenant_id", "project_id"], ["project.tenant_id", "project.id"], ondelete="CASCADE"),
        contact_fk(),
    )

    project_id: Mapped[uuid.UUID]


class ProjectUser(TenantMixin, Audited, Base):
    # Server defaults come back with the INSERT, so the audit listener can read them.
    __mapper_args__ = {"eager_defaults": True}
    __tablename__ = "project_user"
    __audit_entity__ = "user"
    __audit_actions__ = {"create": "project_associated", "delete": "project_disassociated"}
    __table_args__ = (
        tenant_fk("user_id", "user"),
        Index("ix_project_user_user", "user_id"),
        ForeignKeyConstraint(["tenant_id", "project_id"], ["project.tenant_id", "project.id"], ondelete="CASCADE"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    added_at: Mapped[datetime] = mapped_column(server_default=text("now()"))

    def audit_entity_id(self) -> uuid.UUID:
        return self.user_id
