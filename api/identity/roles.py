"""Built-in roles, defined in code so their permissions follow the catalogue.

Each workspace gets a row per built-in role (so users can be linked to it), but the
permissions of a built-in role are always read from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.core import permissions


@dataclass(frozen=True)
class RoleDefinition:
    key: str
    names: dict[str, str]
    permissions: frozenset[str]
    optional_permissions: frozenset[str] = frozenset()


ADMINISTRATOR = RoleDefinition(
    key="administrator",
    names={"es": "Administrador", "en": "Administrator", "pt": "Administrador"},
    permissions=permissions.KEYS,
)

BUILT_IN_ROLES: dict[str, RoleDefinition] = {role.key: role for role in (ADMINISTRATOR,)}


def base_permissions(key: str, built_in: bool, stored: list[str]) -> frozenset[str]:
    if built_in and key in BUILT_IN_ROLES:
        return BUILT_IN_ROLES[key].permissions
    return frozenset(p for p in stored if permissions.is_known(p))
