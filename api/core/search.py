"""Accent- and case-insensitive matching in PostgreSQL.

``f_unaccent`` is an IMMUTABLE wrapper around the ``unaccent`` extension (created by the first
migration), so expressions built here can be indexed with ``gin_trgm_ops``: a trigram index
on ``f_unaccent(lower(col))`` serves ``contains`` and similarity searches alike. The search
term is folded by the same SQL functions, so "Pérez", "perez" and "PEREZ" fold identically.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal
from sqlalchemy.sql.elements import ColumnElement


def folded(expression: Any) -> ColumnElement[str]:
    return func.f_unaccent(func.lower(expression))


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def folded_contains(expression: Any, term: str) -> ColumnElement[bool]:
    """``expression`` contains ``term``, ignoring case and accents (trigram-indexable)."""
    return already_folded_contains(folded(expression), term)


def already_folded_contains(folded_expression: Any, term: str) -> ColumnElement[bool]:
    """Like :func:`folded_contains`, for an expression that is folded already (e.g. an
    IMMUTABLE SQL function over several columns that a trigram index is built on)."""
    pattern = func.concat("%", folded(literal(escape_like(term))), "%")
    return folded_expression.like(pattern, escape="\\")
