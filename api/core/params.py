"""Query-string hygiene: a parameter the contract declares as a single value may appear once.

Frameworks usually take the last of ``?q=a&q=b`` silently; that hides client bugs and is the
raw material of HTTP parameter pollution. Repeated keys are refused unless the route declares
the parameter as a list.
"""

from __future__ import annotations

import typing
from collections import Counter
from typing import Any

from fastapi import Request
from pydantic import BaseModel

from api.core.errors import ValidationFailed, field_error


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, set, tuple, frozenset):
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation) if arg is not type(None))


_CACHE: dict[int, frozenset[str]] = {}


def _multi_valued(route: Any) -> frozenset[str]:
    key = id(route)
    if key not in _CACHE:
        _CACHE[key] = _list_parameters(route)
    return _CACHE[key]


def _list_parameters(route: Any) -> frozenset[str]:
    names: set[str] = set()
    for param in getattr(getattr(route, "dependant", None), "query_params", []):
        annotation = param.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names |= {f.alias or n for n, f in annotation.model_fields.items() if _is_list(f.annotation)}
        elif _is_list(annotation):
            names.add(param.alias)
    return frozenset(names)


async def single_valued_query(request: Request) -> None:
    repeated = [key for key, count in Counter(k for k, _ in request.query_params.multi_items()).items()
                if count > 1]
    if not repeated:
        return
    allowed = _multi_valued(request.scope.get("route"))
    refused = [key for key in repeated if key not in allowed]
    if refused:
        raise ValidationFailed([
            field_error(("query", key), "repeated_parameter", "Este parámetro solo admite un valor",
                        "This parameter takes a single value", "Este parâmetro aceita um único valor")
            for key in refused
        ])
