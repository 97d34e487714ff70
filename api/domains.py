"""The domains that make up Ficha, in dependency order: their routers, tasks and cron jobs.

Adding a domain = a package under ``api/`` with the usual files, one line in ``ROUTERS`` and,
if it has background work, one line in ``TASK_MODULES``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from fastapi import APIRouter

from api.audit.endpoints import router as audit_router
from api.companies.endpoints import projects_router
from api.companies.endpoints import router as companies_router
from api.contacts.endpoints import groups_router as contact_groups_router
from api.contacts.endpoints import router as contacts_router
from api.contacts.sections.endpoints import router as contact_sections_router
from api.customfields.endpoints import router as custom_fields_router
from api.identity.endpoints import router as identity_router
from api.jobs.endpoints import router as jobs_router
from api.locations.endpoints import router as locations_router
from api.notifications.endpoints import mail_router
from api.notifications.endpoints import router as notifications_router
from api.services.endpoints import router as services_router
from api.transfer.endpoints import router as transfer_router

if TYPE_CHECKING:
    from api.config import Settings

ROUTERS: list[APIRouter] = [
    identity_router,
    locations_router,
    audit_router,
    jobs_router,
    transfer_router,
    notifications_router,
    mail_router,
    custom_fields_router,
    contacts_router,
    contact_sections_router,
    contact_groups_router,
    companies_router,
    projects_router,
    services_router,
]

# Modules exposing TASKS (arq functions) and optionally CRON (arq cron jobs).
TASK_MODULES: list[str] = [
    "api.identity.tasks",
    "api.jobs.tasks",
    "api.notifications.tasks",
    "api.transfer.tasks",
    "api.contacts.tasks",
]


def EXTRA_ROUTERS(settings: Settings) -> list[APIRouter]:
    """Routers outside the versioned API that only some environments get."""
    routers = []
    if settings.environment == "development" and settings.mail_backend == "console":
        from api.notifications.devmail import router as devmail_router

        routers.append(devmail_router)
    return routers


# Modules declaring tables (for alembic autogenerate and the metadata checks).
MODEL_MODULES: list[str] = [
    "api.core.audit",
    "api.identity.models",
    "api.locations.models",
    "api.jobs.models",
    "api.notifications.models",
    "api.transfer.models",
    "api.customfields.models",
    "api.contacts.models",
    "api.contacts.sections.models",
    "api.companies.models",
    "api.services.models",
]


def import_models() -> None:
    for name in MODEL_MODULES:
        import_module(name)


def task_modules() -> list:
    return [import_module(name) for name in TASK_MODULES]
