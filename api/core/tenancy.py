"""Tenant isolation, enforced once for every ORM statement.

* Every ORM ``SELECT``/``UPDATE``/``DELETE`` that touches a :class:`TenantMixin` model gets
  ``tenant_id = <the session's tenant>`` added to each such entity (joins and relationship
  loads included) through ``with_loader_criteria``.
* A session without a tenant (before authentication) may not touch tenant tables unless the
  statement says ``execution_options(ficha_unscoped=True)``; meta-tests allow that option only
  in ``api/core`` and identity's credential lookups. Anything else fails closed.
* On flush, a new tenant row gets the session's tenant; a row of another tenant is refused.

Defence in depth: the repositories in ``api/core/repository.py`` also filter explicitly, and a
test runs the isolation sweep with this listener's filter alone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from api.core.models import TenantMixin

UNSCOPED = "ficha_unscoped"


class UnscopedQueryError(RuntimeError):
    """An ORM statement touched tenant data with no tenant bound to the session."""


class CrossTenantWriteError(RuntimeError):
    """A flush tried to write a row belonging to another tenant."""


def _touches_tenant_data(state: ORMExecuteState) -> bool:
    return any(issubclass(mapper.class_, TenantMixin) for mapper in state.all_mappers)


@event.listens_for(Session, "do_orm_execute")
def _scope_statement(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.execution_options.get(UNSCOPED):
        return
    if not _touches_tenant_data(state):
        return
    tenant_id = state.session.info.get("tenant_id")
    if tenant_id is None:
        raise UnscopedQueryError(
            "tenant data queried without a tenant; bind one with api.core.db.bind_actor"
        )
    state.statement = state.statement.options(
        with_loader_criteria(TenantMixin, lambda cls: cls.tenant_id == tenant_id, include_aliases=True)
    )


@event.listens_for(Session, "before_flush")
def _check_tenant_writes(session: Session, _flush_context: Any, _instances: Any) -> None:
    tenant_id = session.info.get("tenant_id")
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, TenantMixin):
            continue
        if obj.tenant_id is None:
            if tenant_id is None:
                raise CrossTenantWriteError(f"{type(obj).__name__} has no tenant")
            obj.tenant_id = tenant_id
        elif tenant_id is not None and obj.tenant_id != tenant_id:
            raise CrossTenantWriteError(f"{type(obj).__name__} belongs to another tenant")
