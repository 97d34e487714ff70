"""The workspace the specs sign in to: an administrator, a read-only member, a member who
enrols in MFA (the MFA spec; no other spec signs in as them), locations, and the additional
fields of contacts (one of them required) the contact specs fill in."""

from __future__ import annotations

from dataclasses import dataclass

from api.core import security
from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, Database
from api.customfields.models import CustomField
from api.identity.models import Role, User, UserRole
from api.identity.service import create_tenant
from api.locations import demo as demo_locations
from api.locations.models import Location

# The contacts' additional fields: the create form renders them by type, and the required one
# must be filled in.
CONTACT_FIELDS = (
    dict(key="membership", type="select", position=0, required=True, options=["básico", "plus", "premium"],
         labels={"es": "Plan de socio", "en": "Membership plan", "pt": "Plano de sócio"}),
    dict(key="newsletter", type="boolean", position=1, required=False, options=[],
         labels={"es": "Recibe boletín", "en": "Gets the newsletter", "pt": "Recebe boletim"}),
    dict(key="shoe_size", type="number", position=2, required=False, options=[],
         labels={"es": "Talla de calzado", "en": "Shoe size", "pt": "Número do calçado"}),
)

# A city only the paging spec uses, with more locations than one page (50) holds.
PAGING_CITY = "Paginópolis"
PAGING_COUNT = 55


@dataclass(frozen=True)
class Credentials:
    workspace: str
    admin_email: str
    admin_password: str
    reader_email: str
    reader_password: str
    mfa_email: str
    mfa_password: str


async def seed(database_url: str, creds: Credentials) -> None:
    db = Database.from_url(database_url, pool_size=1, max_overflow=0)
    try:
        async with db.session() as session:
            tenant = await create_tenant(session, slug=creds.workspace, name="Ficha E2E", admin_email=creds.admin_email,
                                         admin_password=creds.admin_password, admin_first_name="Ana",
                                         admin_last_name="Admin")
        async with db.session(tenant.id, Actor.system()) as session:
            # A member who may only read locations, and whose language is Portuguese.
            role = Role(tenant_id=tenant.id, key="reader", name="Leitor", permissions=["locations:read"],
                        optional_permissions=[])
            reader = User(tenant_id=tenant.id, email=creds.reader_email, first_name="Lia", last_name="Leitora",
                          culture="pt", password_hash=security.hash_password(creds.reader_password))
            mfa_user = User(tenant_id=tenant.id, email=creds.mfa_email, first_name="Marta", last_name="Factores",
                            culture="es", password_hash=security.hash_password(creds.mfa_password))
            session.add_all([role, reader, mfa_user])
            await session.flush()
            session.add_all(UserRole(tenant_id=tenant.id, user_id=user.id, role_id=role.id)
                            for user in (reader, mfa_user))
            ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=tenant.id, language="es")
            await demo_locations.seed(ctx)
            session.add_all(
                Location(tenant_id=tenant.id, name=f"Sucursal {n:03d}", city=PAGING_CITY, country="Chile")
                for n in range(1, PAGING_COUNT + 1)
            )
            session.add_all(CustomField(tenant_id=tenant.id, entity="contact", **field) for field in CONTACT_FIELDS)
    finally:
        await db.dispose()
