"""Accent- and case-insensitive matching in PostgreSQL.

``f_unaccent`` is an IMMUTABLE wrapper around the ``unaccent`` extension (created by the first
migration), so expressions built here can be indexed with ``gin_trgm_ops``: a trigram index
on ``f_unaccent(lower(col))`` serves ``contains`` and similarity searches alike. The search
term is folded by the same SQL functions, so "Pérez", "perez" and "PEREZ" fold identically.

For large tables, terms are folded in Python (:func:`fold`, :func:`search_words`) the way the
database folds a column, so the database sees constant patterns it can estimate and index (see
``api.contacts.search``).
"""

from __future__ import annotations

import unicodedata
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


# --- Folding search terms in Python -----------------------------------------------------------

# What PostgreSQL's unaccent does beyond stripping combining marks, for the letters NFKD keeps.
_UNACCENT_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
                                 "þ": "th", "ı": "i"})
MAX_WORDS = 6


def fold(text: str) -> str:
    """Fold a search term in Python the way ``lower(f_unaccent(...))`` folds a column, so the
    database sees a constant it can estimate (and index) instead of a function call."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_UNACCENT_EXTRA)


def search_words(term: str) -> list[str]:
    """The folded, distinct words of a search term (at most :data:`MAX_WORDS`)."""
    words: list[str] = []
    for word in fold(term).split():
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]
