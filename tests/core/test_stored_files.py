"""Files and transactions: a file stored by a transaction that rolls back is removed; a file a
transaction supersedes is removed only once it commits. Storage never keeps a file no row points
to, and never loses one a row still points to."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from api.core.context import task_context
from api.core.storage import LocalStorage, new_key
from api.identity import users


@pytest.fixture
def storage(tmp_path) -> LocalStorage:
    return LocalStorage(tmp_path)


async def _failing_task(db, workspace, storage, *, store: str | None = None, supersede: str | None = None):
    async with task_context(db, workspace.id, storage=storage) as ctx:
        if store:
            await ctx.store_file(store, b"orphan")
            assert await storage.exists(store)
        if supersede:
            ctx.remove_file_after_commit(supersede)
        raise RuntimeError("the task failed; its transaction rolls back")


async def test_a_rolled_back_task_removes_what_it_stored(db, workspace, storage):
    key = new_key(workspace.id, "test-files", "txt")
    with pytest.raises(RuntimeError):
        await _failing_task(db, workspace, storage, store=key)
    assert not await storage.exists(key)


async def test_superseded_files_go_only_after_the_commit(db, workspace, storage):
    old, new = new_key(workspace.id, "test-files", "txt"), new_key(workspace.id, "test-files", "txt")
    await storage.put(old, b"old")
    with pytest.raises(RuntimeError):
        await _failing_task(db, workspace, storage, supersede=old)
    assert await storage.exists(old), "rolled back: the row still points to the old file"

    async with task_context(db, workspace.id, storage=storage) as ctx:
        await ctx.store_file(new, b"new")
        ctx.remove_file_after_commit(old)
        assert await storage.exists(old), "not before the commit"
    assert await storage.exists(new) and not await storage.exists(old)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


async def _stored_photos(app, workspace) -> list:
    root = app.state.storage.root  # LocalStorage in tests
    return sorted(p for p in root.rglob("*") if p.is_file() and "user-photos" in str(p) and str(workspace.id) in str(p))


async def test_a_failed_photo_request_leaves_no_file_and_keeps_the_previous_one(
        app, client, workspace, admin_headers, monkeypatch):
    upload = {"file": ("a.png", _png(), "image/png")}
    assert (await client.put("/api/v1/me/photo", files=upload, headers=admin_headers)).status_code == 200
    [first] = await _stored_photos(app, workspace)

    async def broken_read(*_args, **_kwargs):
        raise RuntimeError("failure after the file was stored")

    monkeypatch.setattr(users, "user_read", broken_read)
    failed = await client.put("/api/v1/me/photo", files={"file": ("b.png", _png(), "image/png")},
                              headers=admin_headers)
    assert failed.status_code == 500
    assert await _stored_photos(app, workspace) == [first], "the new file is gone, the previous one kept"
    monkeypatch.undo()

    assert (await client.put("/api/v1/me/photo", files=upload, headers=admin_headers)).status_code == 200
    [replacement] = await _stored_photos(app, workspace)
    assert replacement != first, "replaced: the previous file is removed after the commit"
    assert (await client.delete("/api/v1/me/photo", headers=admin_headers)).status_code == 204
    assert await _stored_photos(app, workspace) == []
