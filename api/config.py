"""Settings, read once from the environment (prefix ``FICHA_``) and from ``.env``.

``DATABASE_URL`` and ``REDIS_URL`` keep their conventional unprefixed names: when they are
unset, ``ficha dev`` (and the test suite) start the embedded PostgreSQL and Redis instead.
Every variable is listed, with its meaning, in the README's configuration table.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FICHA_", env_file=".env", extra="ignore", populate_by_name=True)

    environment: Literal["development", "test", "production"] = "development"
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "FICHA_DATABASE_URL")
    )
    redis_url: str | None = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "FICHA_REDIS_URL")
    )
    data_dir: Path = ROOT / ".data"
    secret_key: SecretStr = SecretStr("dev-insecure-secret-change-me-0123456789abcdef")
    # Key for secrets kept encrypted at rest (TOTP seeds); FICHA_SECRET_KEY when unset.
    encryption_key: SecretStr | None = None
    public_url: str = "http://127.0.0.1:8000"
    default_language: Literal["es", "en", "pt"] = "es"

    # Database pool
    db_pool_size: int = 10
    db_max_overflow: int = 10
    db_echo: bool = False

    # Tokens
    access_token_ttl_seconds: int = Field(default=900, le=900)
    refresh_token_ttl_seconds: int = 30 * 24 * 3600  # a session's absolute lifetime
    session_idle_timeout_seconds: int = 24 * 3600  # a refresh token unused this long expires
    mfa_token_ttl_seconds: int = 300  # between the password step and the TOTP step
    invitation_ttl_seconds: int = 7 * 24 * 3600
    password_reset_ttl_seconds: int = 3600
    # Prefix of the keys this app writes to Redis (login throttling …); tests give each run its own.
    redis_namespace: str = ""

    # argon2id (ASVS 11.4.2 floor: t=2, m=19 MiB, p=1; the defaults are RFC 9106 "low memory")
    argon2_time_cost: int = 3
    argon2_memory_cost: int = 65536
    argon2_parallelism: int = 4

    # Background work
    queue_name: str = "ficha:queue"
    worker_poll_delay: float = 0.1
    job_timeout_seconds: int = 1800  # also how long arq waits before re-running a dead worker's job

    # Mail: "console" logs the message and keeps it in the mail log (dev); "smtp" sends it.
    mail_backend: Literal["console", "smtp"] = "console"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "Ficha <no-reply@ficha.local>"
    mail_max_attempts: int = 6
    notification_retention_days: int = 180  # notifications older than this are deleted (daily)
    mail_log_retention_days: int = 90  # sent/failed mail log rows older than this are deleted (daily)

    # Notifications in real time (server-sent events)
    sse_heartbeat_seconds: float = 15.0  # a comment line keeps proxies from closing an idle stream
    sse_recheck_seconds: float = 30.0  # how often an open stream re-checks its credential
    sse_max_streams_per_user: int = 5  # open streams per user and API process

    # HTTP
    port: int = Field(default=8000, validation_alias=AliasChoices("PORT", "FICHA_PORT"))
    host: str = "127.0.0.1"
    cors_origins: list[str] = []
    trusted_proxies: list[str] = []
    max_json_body_bytes: int = 1_048_576
    max_request_bytes: int = 64 * 1024 * 1024  # multipart uploads (imports, files); domains set finer limits
    expose_docs: bool = True
    log_level: str = "INFO"
    log_json: bool = True

    # Files
    storage_dir: Path | None = None
    max_upload_bytes: int = 10 * 1024 * 1024

    # Import / export
    import_max_rows: int = 200_000
    import_max_bytes: int = 50 * 1024 * 1024
    import_batch_size: int = 1_000
    export_rows_per_file: int = 7_000
    export_link_ttl_seconds: int = 24 * 3600
    exports_per_hour: int = 30  # per user (API6: bulk data extraction is a sensitive flow)
    imports_per_hour: int = 30  # per user
    invitations_per_day: int = 500  # per workspace (API6: invitations send mail on our behalf)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def files_dir(self) -> Path:
        return self.storage_dir or (self.data_dir / "files")


@lru_cache
def get_settings() -> Settings:
    return Settings()
