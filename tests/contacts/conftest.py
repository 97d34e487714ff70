"""Fixtures for the contacts tests: files go to a temporary storage, never to .data/."""

from __future__ import annotations

import pytest

from api.core.storage import LocalStorage


@pytest.fixture
def storage(app, tmp_path, monkeypatch):
    """The API and the worker's tasks both use a temporary directory."""
    previous = app.state.storage
    app.state.storage = LocalStorage(tmp_path / "files")
    monkeypatch.setattr("api.contacts.tasks.storage_from_settings", lambda _settings: app.state.storage)
    yield app.state.storage
    app.state.storage = previous
