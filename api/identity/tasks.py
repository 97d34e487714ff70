"""Identity's background work: password-reset emails (looked up off the request path, so the
request answers alike for existing and unknown accounts)."""

from __future__ import annotations

from api.core.queue import task
from api.identity.account_links import SEND_PASSWORD_RESET, send_password_reset


@task(SEND_PASSWORD_RESET)
async def send_password_reset_email(ctx: dict, workspace: str, email: str) -> bool:
    return await send_password_reset(ctx["db"], ctx["redis"], ctx["settings"].queue_name, workspace, email)


TASKS = [send_password_reset_email]
