"""UUIDv7 identifiers: time-ordered, so new rows land at the right edge of every index."""

import uuid

from uuid_utils.compat import uuid7


def new_id() -> uuid.UUID:
    return uuid7()
