"""Cursor encoding is opaque, typed and bound to its sort order."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from api.core.errors import AppError
from api.core.pagination import Sort, SortKey, decode_cursor, encode_cursor
from api.locations.models import Location

SORT = Sort("created_at", (SortKey(Location.created_at), SortKey(Location.id)))


def test_round_trip_keeps_types():
    values = [datetime(2026, 11, 22, 10, 30, tzinfo=UTC), uuid.uuid4()]
    assert decode_cursor(SORT, encode_cursor(SORT, values)) == values


@pytest.mark.parametrize("cursor", ["", "%%%", "bnVsbA", encode_cursor(Sort("other", SORT.keys), [1, 2])])
def test_bad_cursors_are_invalid_cursor_errors(cursor):
    with pytest.raises(AppError) as caught:
        decode_cursor(SORT, cursor)
    assert caught.value.code == "invalid_cursor" and caught.value.status == 422


def test_wrong_value_types_are_refused():
    with pytest.raises(AppError):
        decode_cursor(SORT, encode_cursor(SORT, ["not a date", "not a uuid"]))
