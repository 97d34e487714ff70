"""Identity's error messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("user", es="Usuario", en="User", pt="Usuário")
i18n.register_entity("role", es="Rol", en="Role", pt="Papel")
i18n.register_entity("tenant", es="Espacio de trabajo", en="Workspace", pt="Espaço de trabalho")
i18n.register_entity("session", es="Sesión", en="Session", pt="Sessão")

i18n.register("invalid_login", {
    "es": ("Acceso denegado", "El espacio de trabajo, el correo o la contraseña no son correctos."),
    "en": ("Sign-in failed", "The workspace, email or password is not correct."),
    "pt": ("Acesso negado", "O espaço de trabalho, o e-mail ou a senha não estão corretos."),
})
i18n.register("invalid_credential", {
    "es": ("Credencial no válida", "La credencial presentada no es válida, ha caducado o fue revocada."),
    "en": ("Invalid credential", "The credential presented is invalid, expired or revoked."),
    "pt": ("Credencial inválida", "A credencial apresentada é inválida, expirou ou foi revogada."),
})
i18n.register("workspace_slug_taken", {
    "es": ("Identificador en uso", "Ya existe un espacio de trabajo con el identificador «{slug}»."),
    "en": ("Identifier in use", "A workspace with the identifier “{slug}” already exists."),
    "pt": ("Identificador em uso", "Já existe um espaço de trabalho com o identificador “{slug}”."),
})
