"""Base schemas: strict inputs, lean outputs, and the paginated envelope.

* ``InputModel`` forbids unknown fields (mass-assignment guard) and strips surrounding spaces.
* ``ReadModel`` reads from ORM objects.
* ``Page[T]`` is every list's shape: ``{"items": [...], "next_cursor": str | null}``.
* Bounded string types (``Str100`` …) so every string in the contract has a ``maxLength``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

T = TypeVar("T")


class InputModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last page."
    )


def bounded(max_length: int, min_length: int = 0) -> type[str]:
    return Annotated[str, StringConstraints(max_length=max_length, min_length=min_length)]  # type: ignore[return-value]


_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _rfc3339_only(value: Any) -> Any:
    """Pydantic would read numbers as Unix times; the contract says RFC 3339 strings."""
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.match(value.strip())):
        raise ValueError("expected an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z")
    return value


# A point in time as RFC 3339 with an offset (``Z`` for UTC). Use it for every input datetime.
Timestamp = Annotated[AwareDatetime, BeforeValidator(_rfc3339_only)]

Str40 = Annotated[str, StringConstraints(max_length=40)]
Str100 = Annotated[str, StringConstraints(max_length=100)]
Str200 = Annotated[str, StringConstraints(max_length=200)]
Str2000 = Annotated[str, StringConstraints(max_length=2000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
SearchTerm = Annotated[str, StringConstraints(max_length=200)]
