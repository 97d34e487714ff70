"""Per-request values kept in context variables: read by logs, audit and error bodies."""

from contextvars import ContextVar

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)
current_client_ip: ContextVar[str | None] = ContextVar("current_client_ip", default=None)
