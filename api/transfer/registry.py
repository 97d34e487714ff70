"""The importable/exportable entities: each adapter lives in the domain that owns the data."""

from __future__ import annotations

from api.contacts.transfer import ContactsTransfer
from api.core.errors import ValidationFailed, field_error
from api.identity.transfer import UsersTransfer
from api.locations.transfer import LocationsTransfer
from api.transfer.adapters import TransferAdapter

ADAPTERS: dict[str, TransferAdapter] = {
    adapter.entity: adapter for adapter in (LocationsTransfer(), ContactsTransfer(), UsersTransfer())}


def adapter_for(entity: str, loc: tuple[str, ...] = ("body", "entity")) -> TransferAdapter:
    adapter = ADAPTERS.get(entity)
    if adapter is None:
        allowed = ", ".join(sorted(ADAPTERS))
        raise ValidationFailed([field_error(loc, "enum", f"Debe ser uno de: {allowed}",
                                            f"Must be one of: {allowed}", f"Deve ser um de: {allowed}")])
    return adapter
