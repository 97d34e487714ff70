"""What a new password must be (ASVS 6.2): long enough, not among the most common ones, not
made of the user's own details, not trivially guessable. No composition rules, no truncation,
no forced rotation.

Breached passwords (6.2.4, 6.2.12) are checked offline — nothing may call a network service:
the 30,000 most frequent passwords of public breach corpora shipped with ``zxcvbn``, plus our own
Spanish/Portuguese list, and zxcvbn's guess estimate, which also catches a breached word with
digits or symbols around it ("benfica1904"). An online k-anonymity lookup (HIBP) would cover
more, but would send data out of the deployment."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from api.core.errors import ValidationFailed, field_error

MIN_LENGTH = 10

# The most common passwords of ten or more characters in public breach corpora, plus the
# Spanish/Portuguese ones our users would pick; compared case-insensitively.
_COMMON_LIST = """
1234567890 0123456789 0987654321 1234567891 1111111111 0000000000 1234512345 1122334455 1212121212
qwertyuiop qwerty1234 qwerty12345 qwerty123456 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc q1w2e3r4t5
zaq12wsxcde asdfghjkl1 asdfghjkl; zxcvbnm123 abcdefghij abcd123456 abc1234567 a1b2c3d4e5
password12 password123 password1234 password12345 passw0rd123 p@ssw0rd123 password!1 password1!
iloveyou12 iloveyou123 welcome123 welcome1234 letmein123 changeme123 trustno1234 football123
baseball123 superman123 sunshine123 princess123 starwars123 whatever123 dragon1234 monkey1234
administrator administrador admin12345 admin123456 adminadmin rootroot123 test123456 testtest12
contraseña contrasena contraseña1 contrasena1 contraseña123 contrasena123 micontraseña
bienvenido bienvenido1 bienvenido123 teamo12345 tequiero123 princesa123 mariposa123 barcelona1
realmadrid realmadrid1 futbol1234 colombia123 argentina1 mexico1234 espana1234
senha12345 senha123456 minhasenha mudar12345 mudar123456 brasil1234 flamengo123 corinthians
palmeiras1 saopaulo123 amorzinho1 benfica123 portugal123
"""
COMMON = frozenset(_COMMON_LIST.split())

# Fewer estimated guesses than this is zxcvbn's score 0–1: "too guessable" / "very guessable".
MIN_GUESSES = 10**6
# zxcvbn's matching grows with length; what decides the estimate is at the start of a long
# passphrase anyway, so only this much is estimated (the whole password is still what is stored).
_ESTIMATE_CHARS = 64


@cache
def _breached() -> frozenset[str]:
    return COMMON | frozenset(p.casefold() for p in FREQUENCY_LISTS["passwords"])


def _weak(es: str, en: str, pt: str, field: str) -> ValidationFailed:
    return ValidationFailed([field_error(("body", field), "weak_password", es, en, pt)], code="weak_password")


def check_new_password(password: str, *, personal: list[str], field: str = "password") -> None:
    """Raise 422 ``weak_password`` (with a field error on ``field``) for a weak password."""
    if len(password) < MIN_LENGTH:
        raise _weak(f"Debe tener al menos {MIN_LENGTH} caracteres", f"Use at least {MIN_LENGTH} characters",
                    f"Use pelo menos {MIN_LENGTH} caracteres", field)
    folded = password.casefold()
    if folded in _breached() or len(set(folded)) <= 2 or _is_sequence(folded) or _guessable(password):
        raise _weak("Es una contraseña demasiado común", "This password is too common",
                    "Esta senha é comum demais", field)
    remainder = _fold(password)
    for word in sorted({_fold(w) for w in personal if len(w) >= 3}, key=len, reverse=True):
        remainder = remainder.replace(word, "")
    if len(remainder) < 6:
        raise _weak("No la forme con su nombre, correo o espacio de trabajo",
                    "Do not build it from your name, email or workspace",
                    "Não a forme com seu nome, e-mail ou espaço de trabalho", field)


def _guessable(password: str) -> bool:
    return zxcvbn(password[:_ESTIMATE_CHARS])["guesses"] < MIN_GUESSES


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()


def _is_sequence(text: str) -> bool:
    """``abcdefghij``, ``9876543210``: each character one step from the previous one."""
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return len(steps) == 1 and steps.pop() in (1, -1)


def personal_words(*values: str | None) -> list[str]:
    words: list[str] = []
    for value in values:
        if value:
            words.extend(w for w in re.split(r"[@.\s_+-]+", value) if w)
            words.append(value)
    return words
