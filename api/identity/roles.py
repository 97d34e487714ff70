"""Built-in roles, defined in code so their permissions follow the catalogue.

Each workspace gets a row per built-in role (so users can be linked to it, and the workspace can
rename it or require MFA of it), but the base and optional permissions of a built-in role are
always read from here. The roles and their optional permissions are those of seeds 002
(WhatsApp commerce: agents, supervisors, orders) and 000/001 (back office, specialists).
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


def _keys(*keys: str) -> frozenset[str]:
    unknown = [k for k in keys if not permissions.is_known(k)]
    if unknown:  # a typo here must fail at import, not silently deny
        raise ValueError(f"unknown permissions in a built-in role: {unknown}")
    return frozenset(keys)


ADMINISTRATOR = RoleDefinition(
    key="administrator",
    names={"es": "Administrador", "en": "Administrator", "pt": "Administrador"},
    permissions=permissions.KEYS,
)

# "visualizar conversaciones de otros usuarios, asignarlas, finalizarlas y editar la información
# de contacto de clientes … enviar catálogos y visualizar el historial de conversaciones"
SUPERVISOR = RoleDefinition(
    key="supervisor",
    names={"es": "Supervisor", "en": "Supervisor", "pt": "Supervisor"},
    permissions=_keys(
        "conversations:read", "conversations:read_all", "conversations:reply", "conversations:assign",
        "conversations:transfer", "conversations:send_catalog", "contacts:read", "contacts:write",
        "users:read", "groups:read", "orders:read", "monitoring:read", "dashboard:read",
    ),
    optional_permissions=_keys(
        "orders:manage", "payments:reconcile", "orders:independent", "reports:conversations",
        "reports:payments", "statistics:confidential", "content:edit",
    ),
)

# "acceder al área de conversaciones, visualizar y gestionar órdenes, etiquetas, plantillas y reportes"
CONVERSATION_AGENT = RoleDefinition(
    key="conversation_agent",
    names={"es": "Agente de conversaciones", "en": "Conversation agent", "pt": "Agente de conversas"},
    permissions=_keys(
        "conversations:read", "conversations:reply", "contacts:read", "orders:read", "orders:write",
        "tags:manage", "message_templates:manage", "reports:conversations",
    ),
    optional_permissions=_keys("conversations:self_assign", "conversations:transfer", "orders:independent"),
)

# "diseñado exclusivamente para el área de órdenes"
PAYMENT_ORDERS_ADMINISTRATOR = RoleDefinition(
    key="payment_orders_administrator",
    names={"es": "Administrador de órdenes de pago", "en": "Payment orders administrator",
           "pt": "Administrador de pedidos de pagamento"},
    permissions=_keys("orders:read", "orders:write", "orders:manage"),
    optional_permissions=_keys("orders:independent", "payments:reconcile", "reports:payments"),
)

# "visualizar y gestionar conversaciones, órdenes, etiquetas, plantillas y reportes"
STAKEHOLDER = RoleDefinition(
    key="stakeholder",
    names={"es": "Stakeholder", "en": "Stakeholder", "pt": "Stakeholder"},
    permissions=_keys(
        "conversations:read", "conversations:reply", "contacts:read", "orders:read", "orders:write",
        "tags:manage", "message_templates:manage", "reports:conversations", "dashboard:read",
    ),
    optional_permissions=_keys("reports:payments", "statistics:confidential"),
)

# Seeds 000/001: specialists see their clients, appointments, procedures and clinical data.
SPECIALIST = RoleDefinition(
    key="specialist",
    names={"es": "Especialista", "en": "Specialist", "pt": "Especialista"},
    permissions=_keys(
        "contacts:read", "appointments:read", "appointments:write", "procedures:read", "procedures:write",
        "clinical:read", "clinical:write", "specialties:read", "quality:read",
    ),
    optional_permissions=_keys("contacts:write", "billing:read", "quality:write", "statistics:confidential"),
)

BUILT_IN_ROLES: dict[str, RoleDefinition] = {
    role.key: role
    for role in (ADMINISTRATOR, SUPERVISOR, CONVERSATION_AGENT, PAYMENT_ORDERS_ADMINISTRATOR, STAKEHOLDER,
                 SPECIALIST)
}


def base_permissions(key: str, built_in: bool, stored: list[str]) -> frozenset[str]:
    if built_in and key in BUILT_IN_ROLES:
        return BUILT_IN_ROLES[key].permissions
    return frozenset(p for p in stored if permissions.is_known(p))


def optional_permissions(key: str, built_in: bool, stored: list[str]) -> frozenset[str]:
    if built_in and key in BUILT_IN_ROLES:
        return BUILT_IN_ROLES[key].optional_permissions
    return frozenset(p for p in stored if permissions.is_known(p))
