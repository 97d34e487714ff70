"""The audit log: one ``audit_event`` per change to an :class:`Audited` model, in the same
transaction as the change, so a change without its event (or the reverse) cannot be committed.

Each event records the actor (user, integration token or system), the action, the entity type
and id, the changed fields as ``{field: {"old": …, "new": …}}``, the request id, the client IP
and the time. Columns named in ``__audit_redact__`` (password hashes, secrets) and any column
whose name looks secret are recorded only as ``{"redacted": true}``.

Bulk statements (``update()``/``delete()`` over many rows) bypass the ORM unit of work; code
that issues them writes its events with :func:`record`, or :func:`record_many` for a whole batch
in one INSERT (see the contacts bulk actions).
"""

from __future__ import annotations

import enum
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Index, String, event, insert, inspect
from sqlalchemy.dialects.postgresql import INET, JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.core.bulk import COPY_FROM, copy_into
from api.core.db import Actor
from api.core.ids import new_id
from api.core.models import Audited, Base, TenantMixin
from api.core.requestctx import current_client_ip, current_request_id

_SECRET_COLUMN = re.compile(r"password|secret|token_hash|code_hash|otp|recovery", re.I)
_NEVER_DIFFED = frozenset({"id", "tenant_id", "created_at", "updated_at"})
REDACTED = {"redacted": True}


class AuditEvent(TenantMixin, Base):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_tenant_occurred", "tenant_id", "occurred_at"),
        Index("ix_audit_event_tenant_entity", "tenant_id", "entity_type", "entity_id", "occurred_at"),
        Index("ix_audit_event_tenant_actor", "tenant_id", "actor_user_id", "occurred_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    occurred_at: Mapped[datetime]
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_user_id: Mapped[uuid.UUID | None]
    actor_token_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID]
    changes: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    request_id: Mapped[str | None] = mapped_column(String(64))
    ip: Mapped[str | None] = mapped_column(INET)


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


def _is_redacted(model: type[Audited], column: str) -> bool:
    return column in model.__audit_redact__ or bool(_SECRET_COLUMN.search(column))


def _diff(obj: Audited, key: str, old: Any, new: Any) -> dict[str, Any]:
    if _is_redacted(type(obj), key):
        return REDACTED
    return {"old": jsonable(old), "new": jsonable(new)}


def _column_keys(obj: Any) -> list[str]:
    return [attr.key for attr in inspect(type(obj)).column_attrs]


def _changes_on_create(obj: Audited) -> dict[str, Any]:
    changes = {}
    for key in _column_keys(obj):
        if key in _NEVER_DIFFED:
            continue
        value = getattr(obj, key)
        if value is not None and value != [] and value != {}:
            changes[key] = _diff(obj, key, None, value)
    return changes


def _changes_on_update(obj: Audited) -> dict[str, Any]:
    state = inspect(obj)
    changes = {}
    for key in _column_keys(obj):
        if key in _NEVER_DIFFED or key in type(obj).__audit_ignore__:
            continue
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[key] = _diff(obj, key, old, new)
    return changes


def _changes_on_delete(obj: Audited) -> dict[str, Any]:
    return {
        key: _diff(obj, key, getattr(obj, key), None)
        for key in _column_keys(obj)
        if key not in _NEVER_DIFFED and getattr(obj, key) is not None
    }


def entity_type_of(obj: Audited) -> str:
    """The entity an event is filed under: ``audit_entity_type()`` when the model decides per row
    (e.g. an attachment belongs to a comment or to a contact), else ``__audit_entity__``."""
    if hasattr(obj, "audit_entity_type"):
        return obj.audit_entity_type()  # type: ignore[attr-defined]
    return obj.__audit_entity__ or type(obj).__tablename__  # type: ignore[attr-defined]


def _action_for_update(changes: dict[str, Any]) -> str:
    trashed = changes.get("deleted_at")
    if trashed and trashed is not REDACTED:
        return "trash" if trashed["old"] is None else "restore" if trashed["new"] is None else "update"
    return "update"


def record(
    session: Session,
    *,
    tenant_id: uuid.UUID,
    entity_type: str,
    entity_id: uuid.UUID,
    action: str,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one explicit event (for bulk statements and security events) to the session."""
    actor: Actor = session.info.get("actor") or Actor.system()
    event_row = AuditEvent(
        id=new_id(),
        tenant_id=tenant_id,
        occurred_at=datetime.now(UTC),
        actor_type=actor.type,
        actor_user_id=actor.user_id,
        actor_token_id=actor.token_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        changes=changes or {},
        request_id=current_request_id.get(),
        ip=current_client_ip.get(),
    )
    session.add(event_row)
    return event_row


async def record_many(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    entity_type: str,
    action: str,
    items: Iterable[tuple[uuid.UUID, dict[str, Any]]],
) -> int:
    """Write one event per ``(entity_id, changes)`` in a single set-based INSERT, for bulk
    statements that changed many rows at once. Returns how many events were written."""
    actor: Actor = session.info.get("actor") or Actor.system()
    moment = datetime.now(UTC)
    request_id, ip = current_request_id.get(), current_client_ip.get()
    rows = [
        {"id": new_id(), "tenant_id": tenant_id, "occurred_at": moment, "actor_type": actor.type,
         "actor_user_id": actor.user_id, "actor_token_id": actor.token_id, "action": action,
         "entity_type": entity_type, "entity_id": entity_id, "changes": jsonable(changes),
         "request_id": request_id, "ip": ip}
        for entity_id, changes in items
    ]
    if len(rows) >= COPY_FROM:
        await copy_into(session, AuditEvent.__table__, rows)  # type: ignore[arg-type]
    elif rows:
        await session.execute(insert(AuditEvent.__table__), rows)
    return len(rows)


def _tenant_of(obj: Any, session: Session) -> uuid.UUID | None:
    if isinstance(obj, TenantMixin):
        return obj.tenant_id or session.info.get("tenant_id")
    # The tenant row itself is the only audited model outside TenantMixin.
    return getattr(obj, "id", None) if type(obj).__name__ == "Tenant" else session.info.get("tenant_id")


@event.listens_for(Session, "before_flush")
def _assign_ids(session: Session, _flush_context: Any, _instances: Any) -> None:
    for obj in session.new:
        if isinstance(obj, Audited) and getattr(obj, "id", None) is None and hasattr(obj, "id"):
            obj.id = new_id()


@event.listens_for(Session, "after_flush")
def _write_audit_events(session: Session, _flush_context: Any) -> None:
    """Runs after the rows are written (so foreign keys hold) while their history is intact;
    the events go out on the same connection, in the same transaction."""
    pending: list[tuple[Audited, str, dict[str, Any]]] = []
    for obj in session.new:
        if isinstance(obj, Audited):
            pending.append((obj, "create", _changes_on_create(obj)))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            changes = _changes_on_update(obj)
            if changes:
                pending.append((obj, _action_for_update(changes), changes))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            pending.append((obj, "delete", _changes_on_delete(obj)))
    rows = []
    actor: Actor = session.info.get("actor") or Actor.system()
    moment = datetime.now(UTC)
    for obj, action, changes in pending:
        tenant_id = _tenant_of(obj, session)
        if tenant_id is None:
            continue
        actions = getattr(type(obj), "__audit_actions__", {})
        entity_id = obj.audit_entity_id() if hasattr(obj, "audit_entity_id") else obj.id  # type: ignore[attr-defined]
        rows.append({
            "id": new_id(), "tenant_id": tenant_id, "occurred_at": moment, "actor_type": actor.type,
            "actor_user_id": actor.user_id, "actor_token_id": actor.token_id,
            "action": actions.get(action, action), "entity_type": entity_type_of(obj),
            "entity_id": entity_id, "changes": changes, "request_id": current_request_id.get(),
            "ip": current_client_ip.get(),
        })
    if rows:
        session.connection().execute(insert(AuditEvent.__table__), rows)
