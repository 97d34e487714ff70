"""The emails identity sends (invitation, password reset), in the recipient's language.

Links point at the SPA (``FICHA_PUBLIC_URL`` + ``/accept-invitation`` or ``/reset-password``);
the SPA posts the token to the API. Every response carries ``Referrer-Policy: no-referrer``,
so the token does not leak to other sites from those pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from api.config import get_settings

ROUTES = {"invitation": "/accept-invitation", "password_reset": "/reset-password"}


@dataclass(frozen=True)
class Email:
    subject: str
    text: str


_TEXTS = {
    "invitation": {
        "es": ("Invitación a {workspace}",
               "Hola, {name}:\n\nLe han invitado a {workspace} en Ficha. Para elegir su contraseña, abra este "
               "enlace (válido {days} días, se puede usar una sola vez):\n\n{link}\n\nSi no esperaba esta "
               "invitación, ignore este mensaje."),
        "en": ("Invitation to {workspace}",
               "Hello {name},\n\nYou have been invited to {workspace} on Ficha. To choose your password, open "
               "this link (valid for {days} days, usable once):\n\n{link}\n\nIf you did not expect this "
               "invitation, ignore this message."),
        "pt": ("Convite para {workspace}",
               "Olá, {name}:\n\nVocê foi convidado para {workspace} no Ficha. Para escolher sua senha, abra "
               "este link (válido por {days} dias, pode ser usado uma vez):\n\n{link}\n\nSe não esperava este "
               "convite, ignore esta mensagem."),
    },
    "password_reset": {
        "es": ("Restablecer su contraseña de {workspace}",
               "Hola, {name}:\n\nPara elegir una nueva contraseña, abra este enlace (válido 1 hora, se puede "
               "usar una sola vez):\n\n{link}\n\nSi no lo pidió usted, ignore este mensaje: su contraseña no "
               "cambia."),
        "en": ("Reset your {workspace} password",
               "Hello {name},\n\nTo choose a new password, open this link (valid for 1 hour, usable once):"
               "\n\n{link}\n\nIf you did not ask for this, ignore this message: your password stays the same."),
        "pt": ("Redefinir sua senha de {workspace}",
               "Olá, {name}:\n\nPara escolher uma nova senha, abra este link (válido por 1 hora, pode ser "
               "usado uma vez):\n\n{link}\n\nSe não foi você que pediu, ignore esta mensagem: sua senha não "
               "muda."),
    },
}


def link_to(purpose: str, token: str) -> str:
    return f"{get_settings().public_url.rstrip('/')}{ROUTES[purpose]}?token={quote(token)}"


def compose(purpose: str, *, language: str, name: str, workspace: str, token: str) -> Email:
    subject, body = _TEXTS[purpose].get(language, _TEXTS[purpose]["es"])
    days = get_settings().invitation_ttl_seconds // 86400
    values = {"name": name, "workspace": workspace, "link": link_to(purpose, token), "days": days}
    return Email(subject=subject.format(**values), text=body.format(**values))
