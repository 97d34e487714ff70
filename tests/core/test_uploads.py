"""Upload sniffing and download headers (core helpers used by every domain that takes files)."""

from __future__ import annotations

import io

import pytest
from fastapi import UploadFile
from PIL import Image

from api.core.errors import AppError
from api.core.storage import LocalStorage, key_belongs_to, new_key
from api.core.uploads import DOCUMENT_TYPES, IMAGE_TYPES, content_disposition, read_upload, safe_filename, sniff


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(data: bytes, name: str) -> UploadFile:
    return UploadFile(io.BytesIO(data), filename=name)


async def test_a_real_image_is_accepted_whatever_its_name():
    sniffed = await read_upload(upload(png_bytes(), "photo.pdf"), max_bytes=10_000, allowed=IMAGE_TYPES)
    assert sniffed.content_type == "image/png" and sniffed.extension == "png"


@pytest.mark.parametrize(("data", "name", "code", "status"), [
    (b"%PDF-1.4 not an image", "photo.png", "file_type_not_allowed", 415),
    (b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "photo.png", "file_corrupt", 422),
    (b"", "empty.png", "file_empty", 422),
    (b"x" * 2000, "big.txt", "file_too_large", 413),
])
async def test_hostile_uploads_are_refused(data, name, code, status):
    with pytest.raises(AppError) as caught:
        await read_upload(upload(data, name), max_bytes=1000, allowed=IMAGE_TYPES)
    assert caught.value.code == code and caught.value.status == status


def test_sniffing_ignores_the_extension():
    assert sniff(b"hello, world", "a.csv") == "text/csv"
    assert sniff(b"hello\x00world", "a.txt") == "application/octet-stream"
    assert sniff(png_bytes(), "a.txt") == "image/png"
    assert "text/plain" in DOCUMENT_TYPES


@pytest.mark.parametrize("name", ["../../etc/passwd", "a\r\nSet-Cookie: x.pdf", "C:\\x\\evil.exe", "\u202eexe.pdf"])
def test_file_names_cannot_break_paths_or_headers(name):
    safe = safe_filename(name)
    assert "/" not in safe and "\\" not in safe and "\r" not in safe and "\n" not in safe
    header = content_disposition(name)
    assert "\r" not in header and "\n" not in header
    assert header.startswith("attachment; filename=")


async def test_local_storage_keys_stay_in_their_workspace(tmp_path):
    import uuid

    storage, tenant = LocalStorage(tmp_path), uuid.uuid4()
    key = new_key(tenant, "photos", "png")
    assert key_belongs_to(key, tenant) and not key_belongs_to(key, uuid.uuid4())
    await storage.put(key, b"data")
    assert await storage.read(key) == b"data" and await storage.exists(key)
    assert b"".join([c async for c in storage.stream(key)]) == b"data"
    await storage.delete(key)
    assert not await storage.exists(key)
    with pytest.raises(ValueError, match="escapes"):
        await storage.put("../outside", b"x")
