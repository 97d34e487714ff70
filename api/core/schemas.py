"""Base schemas: strict inputs, lean outputs, and the paginated envelope.

* ``InputModel`` forbids unknown fields (mass-assignment guard) and strips surrounding spaces.
* ``ReadModel`` reads from ORM objects.
* ``Page[T]`` is every list's shape: ``{"items": [...], "next_cursor": str | null}``.
* Bounded string types (``Str100`` …) so every string in the contract has a ``maxLength``.
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

T = TypeVar("T")


class InputModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FilterModel(BaseModel):
    """A list's filters, read from the query string (``Annotated[XFilters, Query()]``).

    Unlike ``InputModel`` it ignores unknown parameters: FastAPI validates a query model
    against the *whole* query string, so ``extra="forbid"`` would also refuse the paging
    parameters (``limit``, ``cursor``) that ``PageParamsDep`` reads from the same string.
    """

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last page."
    )


def bounded(max_length: int, min_length: int = 0) -> type[str]:
    return Annotated[str, StringConstraints(max_length=max_length, min_length=min_length)]  # type: ignore[return-value]


Str40 = Annotated[str, StringConstraints(max_length=40)]
Str100 = Annotated[str, StringConstraints(max_length=100)]
Str200 = Annotated[str, StringConstraints(max_length=200)]
Str2000 = Annotated[str, StringConstraints(max_length=2000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
SearchTerm = Annotated[str, StringConstraints(max_length=200)]
