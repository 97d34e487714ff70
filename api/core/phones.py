"""Phone numbers as E.164 (``+34612345678``), parsed with ``phonenumbers``.

A number written without a country code is read in the workspace's default region
(``tenant.default_region``); anything that is not a valid number is refused.
"""

from __future__ import annotations

import re

import phonenumbers

_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]{6,40}$")


class InvalidPhone(ValueError):
    pass


def to_e164(raw: str, region: str) -> str:
    try:
        number = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(str(exc)) from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone("not a valid number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(text: str) -> bool:
    """Mostly digits (a search term someone typed from a phone), with at least 6 of them."""
    return bool(_PHONE_LIKE.match(text)) and sum(ch.isdigit() for ch in text) >= 6


def search_prefixes(text: str, region: str) -> list[str]:
    """E.164 prefixes a phone-like search term may stand for: as typed (international), and as
    a national number of the region when it parses as one."""
    digits = "".join(ch for ch in text if ch.isdigit())
    prefixes = [f"+{digits}"]
    try:
        national = phonenumbers.parse(digits, region.upper())
        prefixes.append(f"+{national.country_code}{national.national_number}")
    except phonenumbers.NumberParseException:
        pass
    return list(dict.fromkeys(prefixes))
