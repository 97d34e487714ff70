"""Keyset pagination: ``?limit=&cursor=`` → ``{"items": [...], "next_cursor": ...}``.

Lists take their query as one model extending :class:`ListQuery` (paging + filters).

A list declares its sort orders as :class:`Sort` objects (e.g. ``name``, ``-created_at``); the
row id is always the last key, so the order is total. The cursor is an opaque base64url token
holding the sort's name and the last row's key values; a cursor made for another order, or
one that does not decode, is a 422 ``invalid_cursor``. Sort keys must be NOT NULL expressions
(wrap nullable columns in ``coalesce``). No page ever counts all matches: that is what keeps
the millionth page as fast as the first.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import orjson
from pydantic import Field
from sqlalchemy import Select, and_, or_, tuple_
from sqlalchemy.sql.elements import ColumnElement

from api.core.errors import AppError, FieldError
from api.core.schemas import InputModel

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class PageParams:
    limit: int
    cursor: str | None


class ListQuery(InputModel):
    """Base of every list's query model: the paging parameters plus the list's own filters.

    One model per list (``Annotated[XFilters, Query()]``) so unknown query parameters are
    refused (``extra="forbid"``) instead of silently ignored.
    """

    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Page size")
    cursor: str | None = Field(default=None, max_length=1024,
                               description="`next_cursor` of the previous page")

    @property
    def page(self) -> PageParams:
        return PageParams(limit=self.limit, cursor=self.cursor)


@dataclass(frozen=True)
class SortKey:
    expression: Any  # a column or SQL expression, NOT NULL
    descending: bool = False


@dataclass(frozen=True)
class Sort:
    name: str
    keys: tuple[SortKey, ...]

    def order_by(self) -> list[ColumnElement]:
        return [k.expression.desc() if k.descending else k.expression.asc() for k in self.keys]


def invalid_cursor() -> AppError:
    return AppError(
        "invalid_cursor",
        status=422,
        errors=[FieldError(loc=("query", "cursor"), type="invalid_cursor", msg="Invalid cursor")],
    )


def encode_cursor(sort: Sort, values: Sequence[Any]) -> str:
    def plain(v: Any) -> Any:
        if isinstance(v, uuid.UUID | Decimal):
            return str(v)
        if isinstance(v, datetime | date):
            return v.isoformat()
        return v

    raw = orjson.dumps({"s": sort.name, "v": [plain(v) for v in values]})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _python_type(expression: Any) -> type:
    try:
        return expression.type.python_type
    except (AttributeError, NotImplementedError):
        return str


def _coerce(value: Any, target: type) -> Any:
    if value is None:
        raise ValueError("null key")
    if target is datetime:
        return datetime.fromisoformat(value)
    if target is date:
        return date.fromisoformat(value)
    if target is uuid.UUID:
        return uuid.UUID(value)
    if target is Decimal:
        return Decimal(value)
    if target is int and not isinstance(value, bool):
        return int(value)
    if target is float:
        return float(value)
    if target is bool:
        return bool(value)
    if not isinstance(value, str):
        raise ValueError("bad key")
    return value


def decode_cursor(sort: Sort, cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(data, dict) or data.get("s") != sort.name:
            raise ValueError("other sort")
        values = data.get("v")
        if not isinstance(values, list) or len(values) != len(sort.keys):
            raise ValueError("bad length")
        return [_coerce(v, _python_type(k.expression)) for v, k in zip(values, sort.keys, strict=True)]
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError, UnicodeError) as exc:
        raise invalid_cursor() from exc


def _after(sort: Sort, values: list[Any]) -> ColumnElement[bool]:
    directions = {k.descending for k in sort.keys}
    columns = [k.expression for k in sort.keys]
    if len(directions) == 1:  # one direction: a row comparison the index can serve
        row, bound = tuple_(*columns), tuple_(*values)
        return row < bound if sort.keys[0].descending else row > bound
    clauses = []
    for i, key in enumerate(sort.keys):
        equal = [sort.keys[j].expression == values[j] for j in range(i)]
        beyond = key.expression < values[i] if key.descending else key.expression > values[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)


def paginate(stmt: Select, sort: Sort, params: PageParams) -> Select:
    """Order, position after the cursor, add the sort keys as trailing columns, and fetch one
    row more than the page (to know whether another page follows)."""
    if params.cursor:
        stmt = stmt.where(_after(sort, decode_cursor(sort, params.cursor)))
    keys = [k.expression.label(f"_sort_key_{i}") for i, k in enumerate(sort.keys)]
    return stmt.add_columns(*keys).order_by(*sort.order_by()).limit(params.limit + 1)


def page_of(rows: Sequence[Any], sort: Sort, params: PageParams, width: int) -> tuple[list[Any], str | None]:
    """Split rows fetched by :func:`paginate` into the page's items and the next cursor.

    ``width`` is the number of columns the original statement selected: a single entity or
    column gives plain items, several give tuples.
    """
    page = rows[: params.limit]
    items = [row[0] if width == 1 else tuple(row[:width]) for row in page]
    if len(rows) <= params.limit or not page:
        return items, None
    return items, encode_cursor(sort, list(page[-1][width:]))


def parse_sort(value: str | None, sorts: dict[str, Sort], default: str) -> Sort:
    name = value or default
    if name not in sorts:
        raise AppError(
            "validation_failed",
            status=422,
            errors=[FieldError(loc=("query", "sort"), type="enum", msg=f"Input should be one of: {', '.join(sorts)}",
                               ctx={"expected": ", ".join(sorts)})],
        )
    return sorts[name]
