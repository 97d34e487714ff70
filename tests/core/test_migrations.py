"""Migrations are reversible and match the models: upgrade → downgrade → upgrade, then
``alembic check`` finds nothing to autogenerate."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from api.config import ROOT
from tests.fixtures import servers


@pytest.fixture
async def scratch_database_url():
    maintenance = os.environ["DATABASE_URL"]
    name = f"ficha_mig_{uuid.uuid4().hex[:8]}"
    await servers.create_database(maintenance, name)
    yield servers.with_database(maintenance, name)
    await servers.drop_database(maintenance, name)


def alembic(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "alembic", "-x", f"url={url}", *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_upgrade_downgrade_upgrade_then_no_drift(scratch_database_url):
    for step in (("upgrade", "head"), ("downgrade", "base"), ("upgrade", "head")):
        result = alembic(scratch_database_url, *step)
        assert result.returncode == 0, f"alembic {' '.join(step)} failed:\n{result.stderr[-3000:]}"
    check = alembic(scratch_database_url, "check")
    assert check.returncode == 0, f"models and migrations differ:\n{check.stdout}\n{check.stderr[-3000:]}"


def test_there_is_a_single_head():
    result = subprocess.run([sys.executable, "-m", "alembic", "heads"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == 1, result.stdout
