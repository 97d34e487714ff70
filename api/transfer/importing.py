"""The import pipeline (worker side).

1. Read the stored upload (hostile-file checks first, see :mod:`api.transfer.reading`).
2. Validate the header before anything else: unknown columns, or a missing column a new
   record needs, fail the import at once with a report.
3. Count the rows (refusing files over the limit before applying any).
4. Walk the rows in batches. Each batch is one transaction: the adapter applies the parsed
   rows (a row and its relations together or not at all), failed rows are recorded with their
   cells and a reason per cell, and the run's counts and resume point (``next_row``) are updated
   — all committed together. If the adapter raises, the batch is retried row by row, each in
   its own savepoint, so one bad row cannot sink its neighbours.
5. A worker that dies mid-way leaves ``next_row`` at the last committed batch: the job runs
   again (arq re-delivers it) and continues from there, so no row is applied twice or lost.
   A dry run applies each batch inside a savepoint that is rolled back.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any

import structlog
from sqlalchemy import select

from api.config import Settings
from api.core.context import TenantContext
from api.core.db import Database
from api.core.errors import AppError
from api.core.storage import Storage
from api.jobs.service import RunningJob
from api.transfer.adapters import ImportRow, RowResult, TransferAdapter
from api.transfer.columns import CellError, Column, parse_cell
from api.transfer.models import ImportRowError, ImportRun
from api.transfer.reading import Table, read_table
from api.transfer.registry import adapter_for

log = structlog.get_logger("ficha.transfer")


def header_report(header: list[str], columns: list[Column], mode: str, id_column: str) -> dict[str, Any] | None:
    known = {c.key for c in columns}
    unknown = [h for h in header if h not in known]
    duplicated = sorted({h for h in header if header.count(h) > 1})
    blank = [i + 1 for i, h in enumerate(header) if not h]
    missing: list[str] = []
    if mode == "create":
        missing = [c.key for c in columns if c.required and c.key not in header]
    elif mode == "update" and id_column not in header:
        natural = [c.key for c in columns if c.required]
        if not any(k in header for k in natural):
            missing = [id_column]
    if unknown or missing or duplicated or blank:
        return {"unknown_columns": unknown, "missing_columns": missing, "duplicated_columns": duplicated,
                "blank_header_positions": blank}
    return None


def parse_row(number: int, cells: list[Any], header: list[str], by_key: dict[str, Column]) -> ImportRow | RowResult:
    values: dict[str, Any] = {}
    errors: dict[str, dict[str, str]] = {}
    for key, raw in zip(header, cells, strict=False):
        try:
            values[key] = parse_cell(by_key[key], raw)
        except CellError as error:
            errors[key] = error.messages
    if errors:
        return RowResult(number=number, outcome="failed", errors=errors)
    return ImportRow(number=number, values=values)


def _batches(rows: Iterator[tuple[int, list[Any]]], size: int) -> Iterator[list[tuple[int, list[Any]]]]:
    while batch := list(islice(rows, size)):
        yield batch


class Importer:
    def __init__(self, db: Database, storage: Storage, settings: Settings, job: RunningJob) -> None:
        self.db, self.storage, self.settings, self.job = db, storage, settings, job
        self.import_id = uuid.UUID(job.payload["import_id"])

    async def _run(self) -> ImportRun:
        async with self.db.session(self.job.tenant_id, self.job.actor) as session:
            run = (await session.execute(select(ImportRun).where(ImportRun.id == self.import_id))).scalar_one()
            if run.status == "pending":
                run.status = "running"
            return run

    async def _finish(self, **values: Any) -> None:
        async with self.db.session(self.job.tenant_id, self.job.actor) as session:
            run = (await session.execute(select(ImportRun).where(ImportRun.id == self.import_id)
                                         .with_for_update())).scalar_one()
            for key, value in values.items():
                setattr(run, key, value)
            run.finished_at = datetime.now(UTC)

    async def run(self) -> dict[str, Any]:
        run = await self._run()
        if run.status in ("completed", "failed"):
            return self._result(run)
        adapter = adapter_for(run.entity)
        data = await self.storage.read(run.file_key)
        try:
            table = await asyncio.to_thread(read_table, data, run.content_type, self.settings.import_max_rows)
            async with self.job.acting(storage=self.storage, language=run.language) as ctx:
                if ctx.principal is not None:  # jobs started by the system act as the system
                    ctx.require(adapter.write_permission)
                columns = await adapter.columns(ctx, relations=True)
            report = header_report(table.header, columns, run.mode, adapter.id_column)
            if report:
                raise HeaderRejected(report)
            total = await asyncio.to_thread(table.count)
            if total > self.settings.import_max_rows:
                raise AppError("spreadsheet_too_many_rows", status=422,
                               params={"max_rows": self.settings.import_max_rows})
        except AppError as error:
            # The file is refused as a whole: nothing was applied; say why and fail the job.
            await self._finish(status="failed", report={"error": error.code, "params": error.params,
                                                        **error.extra})
            raise
        await self._record(total_rows=total, header=table.header)
        await self._apply_all(adapter, table, columns, run)
        return await self._complete()

    async def _record(self, **values: Any) -> None:
        async with self.db.session(self.job.tenant_id, self.job.actor) as session:
            run = (await session.execute(select(ImportRun).where(ImportRun.id == self.import_id))).scalar_one()
            for key, value in values.items():
                setattr(run, key, value)

    async def _apply_all(self, adapter: TransferAdapter, table: Table, columns: list[Column], run: ImportRun) -> None:
        by_key = {c.key: c for c in columns}
        header = table.header
        resume_after = run.next_row
        done = 0
        total = max(1, run.total_rows or 1)
        rows = ((n, cells) for n, cells in table.rows() if n > resume_after)
        for batch in _batches(rows, self.settings.import_batch_size):
            parsed = [parse_row(number, cells, header, by_key) for number, cells in batch]
            cells_by_number = {number: cells for number, cells in batch}
            await self._apply_batch(adapter, run, parsed, cells_by_number, last_row=batch[-1][0])
            done += len(batch)
            await self.job.progress(95 * done / total)

    async def _apply_batch(self, adapter: TransferAdapter, run: ImportRun, parsed: list[ImportRow | RowResult],
                           cells_by_number: dict[int, list[Any]], last_row: int) -> None:
        rows = [p for p in parsed if isinstance(p, ImportRow)]
        results = [p for p in parsed if isinstance(p, RowResult)]
        tenant_id = self.job.tenant_id
        async with self.job.acting(storage=self.storage, language=run.language) as ctx:
            session = ctx.session
            run_row = (await session.execute(select(ImportRun).where(ImportRun.id == self.import_id)
                                              .with_for_update())).scalar_one()
            if run_row.next_row >= last_row:
                return  # this batch was committed by an earlier delivery of the job
            if rows:
                results += await self._apply_rows(ctx, adapter, rows, run.mode, run.dry_run)
            counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
            for result in results:
                counts[result.outcome] += 1
                if result.outcome == "failed":
                    session.add(ImportRowError(tenant_id=tenant_id, import_id=self.import_id,
                                               row_number=result.number,
                                               cells=[_jsonable(c) for c in cells_by_number[result.number]],
                                               errors=result.errors))
            run_row.rows_read += len(parsed)
            for key, value in counts.items():
                setattr(run_row, key, getattr(run_row, key) + value)
            run_row.next_row = last_row

    async def _apply_rows(self, ctx: TenantContext, adapter: TransferAdapter, rows: list[ImportRow], mode: str,
                          dry_run: bool) -> list[RowResult]:
        savepoint = await ctx.uow.savepoint()
        try:
            results = await adapter.apply(ctx, rows, mode)  # type: ignore[arg-type]
        except Exception:
            await savepoint.rollback()
            log.warning("import_batch_fell_back_to_rows", import_id=str(self.import_id), rows=len(rows))
            return await self._apply_one_by_one(ctx, adapter, rows, mode, dry_run)
        if dry_run:
            await savepoint.rollback()  # a dry run sends no email and starts no job
        else:
            await savepoint.commit()
        return results

    async def _apply_one_by_one(self, ctx: TenantContext, adapter: TransferAdapter, rows: list[ImportRow],
                                mode: str, dry_run: bool) -> list[RowResult]:
        results = []
        for row in rows:
            savepoint = await ctx.uow.savepoint()
            try:
                [result] = await adapter.apply(ctx, [row], mode)  # type: ignore[arg-type]
            except Exception as exc:
                await savepoint.rollback()
                log.warning("import_row_failed", import_id=str(self.import_id), row=row.number,
                            error=type(exc).__name__)
                results.append(RowResult(number=row.number, outcome="failed", errors={"_row": {
                    "es": "La fila no se pudo guardar", "en": "The row could not be saved",
                    "pt": "A linha não pôde ser salva"}}))
                continue
            if dry_run or result.outcome == "failed":
                await savepoint.rollback()
            else:
                await savepoint.commit()
            results.append(result)
        return results

    async def _complete(self) -> dict[str, Any]:
        await self._finish(status="completed")
        async with self.db.session(self.job.tenant_id, self.job.actor) as session:
            final = (await session.execute(select(ImportRun).where(ImportRun.id == self.import_id))).scalar_one()
        return self._result(final)

    @staticmethod
    def _result(run: ImportRun) -> dict[str, Any]:
        return {
            "import_id": str(run.id), "entity": run.entity, "status": run.status, "dry_run": run.dry_run,
            "rows_read": run.rows_read, "created": run.created, "updated": run.updated,
            "unchanged": run.unchanged, "failed": run.failed,
            "errors_url": f"/api/v1/imports/{run.id}/errors.xlsx" if run.failed else None,
        }


class HeaderRejected(AppError):
    status = 422
    code = "import_header_invalid"

    def __init__(self, report: dict[str, Any]) -> None:
        super().__init__(extra={"report": report})


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
