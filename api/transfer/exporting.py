"""The export pipeline (worker side): records → .xlsx files of N rows → one .zip in storage.

Memory stays flat whatever the size: records are read in keyset batches (so every record that
existed when the export started appears exactly once), at most one file's rows are held at a
time, each finished .xlsx goes straight into a zip on a temporary file, and the zip is copied
to storage from disk.
"""

from __future__ import annotations

import asyncio
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from api.config import Settings
from api.core.db import Database
from api.core.storage import Storage, new_key
from api.jobs.service import RunningJob
from api.transfer.links import download_path
from api.transfer.registry import adapter_for
from api.transfer.writing import data_workbook

READ_BATCH = 1_000


async def export_to_storage(db: Database, storage: Storage, settings: Settings, job: RunningJob) -> dict[str, Any]:
    payload = job.payload
    adapter = adapter_for(payload["entity"])
    relations = payload["kind"] == "with_data"
    language = payload.get("language", "es")
    filters = adapter.filter_model.model_validate(payload.get("filter") or {})
    per_file = settings.export_rows_per_file
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = f"{adapter.entity}-{stamp}"
    rows = files = 0
    with tempfile.TemporaryDirectory(prefix="ficha-export-") as folder:
        zip_path = Path(folder) / f"{name}.zip"
        # .xlsx files are already compressed: store them as they are.
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_STORED) as archive:
            async with job.acting(storage=storage, language=language) as ctx:
                if ctx.principal is not None:  # jobs started by the system act as the system
                    ctx.require(adapter.read_permission)
                columns = await adapter.columns(ctx, relations=relations)
                total = await adapter.count(ctx, filters)
                pending: list[dict[str, Any]] = []

                async def flush(records: list[dict[str, Any]]) -> None:
                    nonlocal files
                    files += 1
                    content = await asyncio.to_thread(data_workbook, columns, records, language)
                    await asyncio.to_thread(archive.writestr, f"{name}-{files:03d}.xlsx", content)

                async for batch in adapter.export_batches(ctx, filters, relations=relations, batch_size=READ_BATCH):
                    pending.extend(batch)
                    rows += len(batch)
                    while len(pending) >= per_file:
                        await flush(pending[:per_file])
                        pending = pending[per_file:]
                    if total:
                        await job.progress(95 * rows / total)
                if pending or files == 0:
                    await flush(pending)
        key = new_key(job.tenant_id, "exports", "zip")
        await storage.put_file(key, zip_path)
    return {
        "entity": adapter.entity, "kind": payload["kind"], "rows": rows, "files": files,
        "file_key": key, "file_name": f"{name}.zip",
        "download_url": download_path(job.tenant_id, job.id, settings.export_link_ttl_seconds),
        "expires_in": settings.export_link_ttl_seconds,
    }
