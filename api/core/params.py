"""Query-string hygiene: only the parameters a route declares, each as often as declared.

Frameworks usually ignore unknown parameters and take the last of ``?q=a&q=b`` silently; that
hides client bugs (a misspelt filter returns everything) and is the raw material of HTTP
parameter pollution. Unknown keys are refused (unless a route's query model allows extra keys,
as lists with dynamic filters do) and repeated keys are refused unless declared as lists.
"""

from __future__ import annotations

import typing
from collections import Counter
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from pydantic import BaseModel

from api.core.errors import ValidationFailed, field_error


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, set, tuple, frozenset):
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation) if arg is not type(None))


@dataclass(frozen=True)
class _Declared:
    names: frozenset[str]
    lists: frozenset[str]
    open_ended: bool  # a query model that accepts extra keys validates them itself


_CACHE: dict[int, _Declared] = {}


def _declared(route: Any) -> _Declared:
    key = id(route)
    if key not in _CACHE:
        _CACHE[key] = _inspect(route)
    return _CACHE[key]


def _query_params(dependant: Any) -> list[Any]:
    found = list(getattr(dependant, "query_params", []))
    for sub in getattr(dependant, "dependencies", []):
        found += _query_params(sub)
    return found


def _inspect(route: Any) -> _Declared:
    names: set[str] = set()
    lists: set[str] = set()
    open_ended = False
    for param in _query_params(getattr(route, "dependant", None)):
        annotation = param.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            open_ended |= annotation.model_config.get("extra") == "allow"
            for name, field in annotation.model_fields.items():
                names.add(field.alias or name)
                if _is_list(field.annotation):
                    lists.add(field.alias or name)
        else:
            names.add(param.alias)
            if _is_list(annotation):
                lists.add(param.alias)
    return _Declared(frozenset(names), frozenset(lists), open_ended)


def _error(key: str, error_type: str, es: str, en: str, pt: str) -> Any:
    return field_error(("query", key), error_type, es, en, pt)


async def strict_query(request: Request) -> None:
    if not request.query_params:
        return
    declared = _declared(request.scope.get("route"))
    counts = Counter(k for k, _ in request.query_params.multi_items())
    errors = []
    for key, count in counts.items():
        if key not in declared.names and not declared.open_ended:
            errors.append(_error(key, "extra_forbidden", "Parámetro no permitido", "Unknown parameter",
                                 "Parâmetro não permitido"))
        elif count > 1 and key not in declared.lists:
            errors.append(_error(key, "repeated_parameter", "Este parámetro solo admite un valor",
                                 "This parameter takes a single value", "Este parâmetro aceita um único valor"))
    if errors:
        raise ValidationFailed(errors)
