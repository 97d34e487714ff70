"""Fixtures for the contacts tests: files go to a temporary storage, never to .data/."""

from __future__ import annotations

import pytest

from api.core.storage import LocalStorage


@pytest.fixture
def storage(app, tmp_path):
    previous = app.state.storage
    app.state.storage = LocalStorage(tmp_path / "files")
    yield app.state.storage
    app.state.storage = previous
