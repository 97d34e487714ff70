"""Time-limited download links for exports.

A browser follows a notification's link without an Authorization header, so the link itself
carries a capability: an HMAC over (tenant, job, expiry) with the server's secret. It names one
file, expires (24 h by default) and reveals nothing when wrong (404, like an unknown id).
"""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from urllib.parse import urlencode

from api.config import get_settings


def _signature(tenant_id: uuid.UUID, job_id: uuid.UUID, expires: int) -> str:
    secret = get_settings().secret_key.get_secret_value().encode()
    message = f"export:{tenant_id}:{job_id}:{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def download_path(tenant_id: uuid.UUID, job_id: uuid.UUID, ttl_seconds: int | None = None) -> str:
    ttl = ttl_seconds if ttl_seconds is not None else get_settings().export_link_ttl_seconds
    expires = int(time.time()) + ttl
    query = urlencode({"tenant": str(tenant_id), "expires": expires,
                       "signature": _signature(tenant_id, job_id, expires)})
    return f"/api/v1/exports/{job_id}/download?{query}"


def link_is_valid(tenant_id: uuid.UUID, job_id: uuid.UUID, expires: int, signature: str) -> bool:
    if expires < time.time():
        return False
    return hmac.compare_digest(_signature(tenant_id, job_id, expires), signature)
