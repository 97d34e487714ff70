"""Helpers for identity tests: MFA enrolment with a real TOTP, following emailed links."""

from __future__ import annotations

import re
import time
from urllib.parse import unquote

import pyotp
from httpx import AsyncClient

LINK_TOKEN = re.compile(r"token=([A-Za-z0-9%_\-]+)")


def code_at(secret: str, offset_steps: int = 0) -> str:
    totp = pyotp.TOTP(secret)
    return totp.at(time.time() + offset_steps * totp.interval)


async def enrol(client: AsyncClient, headers: dict[str, str]) -> tuple[str, list[str]]:
    """Set up and enable MFA; returns the secret and the recovery codes."""
    setup = await client.post("/api/v1/me/mfa/setup", headers=headers)
    assert setup.status_code == 200, setup.text
    secret = setup.json()["secret"]
    enabled = await client.post("/api/v1/me/mfa/enable", json={"code": code_at(secret)}, headers=headers)
    assert enabled.status_code == 200, enabled.text
    return secret, enabled.json()["recovery_codes"]


def link_token(text: str) -> str:
    match = LINK_TOKEN.search(text)
    assert match, text
    return unquote(match.group(1))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def sign_in(client: AsyncClient, workspace: str, email: str, password: str):
    return await client.post("/api/v1/auth/login", json={"workspace": workspace, "email": email,
                                                         "password": password})
