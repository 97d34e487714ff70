"""Accent- and case-insensitive matching in PostgreSQL.

``f_unaccent`` is an IMMUTABLE wrapper around the ``unaccent`` extension (created by the first
migration), so expressions built here can be indexed with ``gin_trgm_ops``: a trigram index
on ``f_unaccent(lower(col))`` serves ``contains`` and similarity searches alike. The search
term is folded by the same SQL functions, so "Pérez", "perez" and "PEREZ" fold identically.

For large tables, :func:`matches_words` searches a column that is *already folded* (a generated
column such as ``contact.search_text``) with a term folded in Python (:func:`fold`), and adds
typo tolerance with pg_trgm's word similarity.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import and_, func, literal, or_
from sqlalchemy.sql.elements import ColumnElement


def folded(expression: Any) -> ColumnElement[str]:
    return func.f_unaccent(func.lower(expression))


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def folded_contains(expression: Any, term: str) -> ColumnElement[bool]:
    """``expression`` contains ``term``, ignoring case and accents (trigram-indexable)."""
    pattern = func.concat("%", folded(literal(escape_like(term))), "%")
    return folded(expression).like(pattern, escape="\\")


# --- Typo-tolerant word search over a folded column -------------------------------------------

# What PostgreSQL's unaccent does beyond stripping combining marks, for the letters NFKD keeps.
_UNACCENT_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
                                 "þ": "th", "ı": "i"})
MAX_WORDS = 6
# Shorter words have too few trigrams for a similarity to mean anything: they match as substrings.
FUZZY_MIN_LENGTH = 4


def fold(text: str) -> str:
    """Fold a search term in Python the way ``f_unaccent(lower(...))`` folds a column, so the
    database sees a constant pattern it can estimate (and index) instead of a function call."""
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


def matches_words(folded_column: Any, words: list[str]) -> ColumnElement[bool]:
    """Every word occurs in ``folded_column`` (already folded, e.g. a generated search column):
    as a substring (``LIKE '%word%'``), or — for words long enough — as a close word
    (``word <% column``: pg_trgm's word similarity above ``pg_trgm.word_similarity_threshold``,
    0.6 by default, so one wrong or missing letter in a 5-letter word still matches). Both
    operators are served by a ``gin_trgm_ops`` index on the column."""
    clauses = []
    for word in words:
        contains = folded_column.like(f"%{escape_like(word)}%", escape="\\")
        if len(word) >= FUZZY_MIN_LENGTH:
            clauses.append(or_(contains, literal(word).op("<%")(folded_column)))
        else:
            clauses.append(contains)
    return and_(*clauses)
