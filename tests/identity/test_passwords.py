"""The rules for new passwords (ASVS 6.2.4, 6.2.5, 6.2.9, 6.2.12), without the HTTP layer: the
endpoints that take a new password are tested in test_invitations / test_profile / test_sessions."""

from __future__ import annotations

import pytest

from api.core.errors import ValidationFailed
from api.identity.passwords import check_new_password, personal_words

PERSONAL = personal_words("Lucía", "Gómez", "lucia.gomez@example.com", "acme")


@pytest.mark.parametrize("password", [
    "short",  # under the minimum length
    "qwertyuiop", "1qaz2wsx3edc", "manchester", "terminator",  # in breach corpora (zxcvbn's list)
    "QWERTYUIOP",  # compared case-insensitively
    "contraseña123", "senha123456",  # our Spanish/Portuguese additions
    "benfica1904", "Qwerty!2345",  # a breached word with digits/symbols around it: guessable
    "aaaaaaaaaaaa", "abcdefghijk",  # repetition, sequence
    "lucia.gomez1", "acme-gomez-2",  # built from the user's own details
])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationFailed) as refused:
        check_new_password(password, personal=PERSONAL)
    assert refused.value.code == "weak_password"


@pytest.mark.parametrize("password", [
    "a perfectly fine passphrase",
    "Dragón rojo en el tejado",  # no composition rules: spaces and accents are fine
    "x" * 3 + "ñandú " * 150,  # long passwords are allowed (and estimated on their start only)
    "7f#Qm2!vLz9p",
])
def test_strong_passwords_pass(password):
    check_new_password(password, personal=PERSONAL)
