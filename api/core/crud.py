"""Small rules every domain's create/update repeats: a PATCH may not null a required field, and a
name must be free in the workspace (compared without case)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from api.core.errors import AppError, ValidationFailed, field_error


class NamedRepository(Protocol):
    async def by_name(self, name: str) -> Any: ...


def refuse_nulls(changes: dict[str, Any], required: Iterable[str]) -> None:
    """422 (``missing``) for each required field a partial update tries to set to ``null``."""
    missing = [name for name in required if name in changes and changes[name] is None]
    if missing:
        raise ValidationFailed([field_error(("body", name), "missing", "Este campo es obligatorio",
                                            "This field is required", "Este campo é obrigatório") for name in missing])


async def require_free_name(repo: NamedRepository, name: str, taken: Callable[[str], AppError],
                            current_id: uuid.UUID | None = None) -> None:
    """Raise ``taken(name)`` when another record of the workspace already has this name."""
    other = await repo.by_name(name)
    if other is not None and other.id != current_id:
        raise taken(name)


def apply_changes(record: Any, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(record, name, value)
