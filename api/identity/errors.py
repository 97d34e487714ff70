"""Identity's error messages (es/en/pt)."""

from api.core import i18n

for _entity, _names in {
    "user": ("Usuario", "User", "Usuário"),
    "role": ("Rol", "Role", "Papel"),
    "tenant": ("Espacio de trabajo", "Workspace", "Espaço de trabalho"),
    "session": ("Sesión", "Session", "Sessão"),
    "integration_token": ("Token de integración", "Integration token", "Token de integração"),
    "staff_group": ("Grupo", "Group", "Grupo"),
    "specialty": ("Especialidad", "Specialty", "Especialidade"),
    "work_calendar": ("Calendario", "Calendar", "Calendário"),
    "shift": ("Turno", "Shift", "Turno"),
    "staff_comment": ("Comentario", "Comment", "Comentário"),
}.items():
    i18n.register_entity(_entity, *_names)

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "invalid_login": {
        "es": ("Acceso denegado", "El espacio de trabajo, el correo o la contraseña no son correctos."),
        "en": ("Sign-in failed", "The workspace, email or password is not correct."),
        "pt": ("Acesso negado", "O espaço de trabalho, o e-mail ou a senha não estão corretos."),
    },
    "invalid_credential": {
        "es": ("Credencial no válida", "La credencial presentada no es válida, ha caducado o fue revocada."),
        "en": ("Invalid credential", "The credential presented is invalid, expired or revoked."),
        "pt": ("Credencial inválida", "A credencial apresentada é inválida, expirou ou foi revogada."),
    },
    "workspace_slug_taken": {
        "es": ("Identificador en uso", "Ya existe un espacio de trabajo con el identificador «{slug}»."),
        "en": ("Identifier in use", "A workspace with the identifier “{slug}” already exists."),
        "pt": ("Identificador em uso", "Já existe um espaço de trabalho com o identificador “{slug}”."),
    },
    "refresh_token_invalid": {
        "es": ("Sesión terminada", "La sesión ha caducado o fue cerrada. Inicie sesión de nuevo."),
        "en": ("Session ended", "The session has expired or was closed. Please sign in again."),
        "pt": ("Sessão encerrada", "A sessão expirou ou foi encerrada. Entre novamente."),
    },
    "mfa_token_invalid": {
        "es": ("Paso de acceso caducado", "El paso de verificación caducó o ya se usó. Inicie sesión de nuevo."),
        "en": ("Sign-in step expired", "The verification step expired or was already used. Please sign in again."),
        "pt": ("Etapa de acesso expirada", "A etapa de verificação expirou ou já foi usada. Entre novamente."),
    },
    "mfa_code_invalid": {
        "es": ("Código incorrecto", "El código de verificación o de recuperación no es válido."),
        "en": ("Wrong code", "The verification or recovery code is not valid."),
        "pt": ("Código incorreto", "O código de verificação ou de recuperação não é válido."),
    },
    "mfa_code_already_used": {
        "es": ("Código ya usado", "Este código ya se usó. Espere al siguiente código de su aplicación."),
        "en": ("Code already used", "This code was already used. Wait for the next code in your app."),
        "pt": ("Código já usado", "Este código já foi usado. Aguarde o próximo código do seu aplicativo."),
    },
    "mfa_already_enabled": {
        "es": ("Verificación ya activa", "La verificación en dos pasos ya está activa; desactívela antes."),
        "en": ("Already enabled", "Two-step verification is already on; turn it off first."),
        "pt": ("Verificação já ativa", "A verificação em duas etapas já está ativa; desative-a antes."),
    },
    "mfa_not_enabled": {
        "es": ("Verificación inactiva", "La verificación en dos pasos no está activa."),
        "en": ("Not enabled", "Two-step verification is not on."),
        "pt": ("Verificação inativa", "A verificação em duas etapas não está ativa."),
    },
    "mfa_setup_missing": {
        "es": ("Falta la configuración", "Primero inicie la configuración (setup) para obtener el secreto."),
        "en": ("Setup missing", "Start the setup first to get the secret."),
        "pt": ("Configuração ausente", "Inicie a configuração (setup) primeiro para obter o segredo."),
    },
    "mfa_required_by_role": {
        "es": ("Verificación obligatoria", "Su rol exige la verificación en dos pasos: no se puede desactivar."),
        "en": ("Verification required", "Your role requires two-step verification: it cannot be turned off."),
        "pt": ("Verificação obrigatória", "Seu papel exige a verificação em duas etapas: não pode ser desativada."),
    },
    "login_throttled": {
        "es": ("Demasiados intentos", "Demasiados intentos fallidos. Vuelva a intentarlo en {retry_after} s."),
        "en": ("Too many attempts", "Too many failed attempts. Try again in {retry_after} s."),
        "pt": ("Tentativas demais", "Tentativas malsucedidas demais. Tente novamente em {retry_after} s."),
    },
    "current_password_incorrect": {
        "es": ("Contraseña actual incorrecta", "La contraseña actual no es correcta."),
        "en": ("Wrong current password", "The current password is not correct."),
        "pt": ("Senha atual incorreta", "A senha atual não está correta."),
    },
    "weak_password": {
        "es": ("Contraseña débil", "Elija una contraseña más larga o menos común."),
        "en": ("Weak password", "Choose a longer or less common password."),
        "pt": ("Senha fraca", "Escolha uma senha mais longa ou menos comum."),
    },
    "invitation_already_accepted": {
        "es": ("Invitación ya aceptada", "Este usuario ya definió su contraseña."),
        "en": ("Invitation already accepted", "This user has already set a password."),
        "pt": ("Convite já aceito", "Este usuário já definiu a senha."),
    },
    "user_email_taken": {
        "es": ("Correo en uso", "Ya existe un usuario con el correo {email}."),
        "en": ("Email in use", "A user with the email {email} already exists."),
        "pt": ("E-mail em uso", "Já existe um usuário com o e-mail {email}."),
    },
    "privilege_escalation": {
        "es": ("Permisos insuficientes", "No puede otorgar permisos que usted no tiene."),
        "en": ("Not allowed", "You cannot grant permissions you do not hold yourself."),
        "pt": ("Permissões insuficientes", "Você não pode conceder permissões que não possui."),
    },
    "permission_not_optional": {
        "es": ("Permiso no ofrecido", "Ninguno de los roles del usuario ofrece estos permisos opcionales."),
        "en": ("Permission not offered", "None of the user's roles offers these optional permissions."),
        "pt": ("Permissão não oferecida", "Nenhum dos papéis do usuário oferece estas permissões opcionais."),
    },
    "unknown_permission": {
        "es": ("Permiso desconocido", "Algún permiso no existe en el catálogo."),
        "en": ("Unknown permission", "Some permission is not in the catalogue."),
        "pt": ("Permissão desconhecida", "Alguma permissão não existe no catálogo."),
    },
    "built_in_role_fixed": {
        "es": ("Rol predefinido", "Los permisos de un rol predefinido no se pueden cambiar ni eliminar el rol."),
        "en": ("Built-in role", "A built-in role's permissions cannot be changed, nor can the role be deleted."),
        "pt": ("Papel predefinido",
               "As permissões de um papel predefinido não podem ser alteradas nem o papel excluído."),
    },
    "role_in_use": {
        "es": ("Rol en uso", "El rol está asignado a {count} usuario(s): quíteselo antes de eliminarlo."),
        "en": ("Role in use", "The role is held by {count} user(s): remove it from them first."),
        "pt": ("Papel em uso", "O papel está atribuído a {count} usuário(s): remova-o antes de excluí-lo."),
    },
    "role_key_taken": {
        "es": ("Clave en uso", "Ya existe un rol con la clave «{key}»."),
        "en": ("Key in use", "A role with the key “{key}” already exists."),
        "pt": ("Chave em uso", "Já existe um papel com a chave “{key}”."),
    },
    "last_administrator": {
        "es": ("Último administrador", "El espacio de trabajo necesita al menos un administrador activo."),
        "en": ("Last administrator", "The workspace needs at least one active administrator."),
        "pt": ("Último administrador", "O espaço de trabalho precisa de pelo menos um administrador ativo."),
    },
    "own_account": {
        "es": ("Su propia cuenta", "No puede desactivar ni eliminar su propia cuenta."),
        "en": ("Your own account", "You cannot deactivate or delete your own account."),
        "pt": ("Sua própria conta", "Você não pode desativar nem excluir a sua própria conta."),
    },
    "integration_token_not_allowed": {
        "es": ("No permitido con un token", "Esta operación requiere una sesión iniciada, no un token de integración."),
        "en": ("Not allowed with a token", "This needs a signed-in session, not an integration token."),
        "pt": ("Não permitido com um token", "Esta operação requer uma sessão, não um token de integração."),
    },
    "too_many_tokens": {
        "es": ("Demasiados tokens", "El usuario ya tiene {max} tokens activos: revoque alguno."),
        "en": ("Too many tokens", "The user already has {max} active tokens: revoke one first."),
        "pt": ("Tokens demais", "O usuário já tem {max} tokens ativos: revogue algum."),
    },
    "group_name_taken": {
        "es": ("Nombre en uso", "Ya existe un grupo llamado «{name}»."),
        "en": ("Name in use", "A group named “{name}” already exists."),
        "pt": ("Nome em uso", "Já existe um grupo chamado “{name}”."),
    },
    "not_a_specialist": {
        "es": ("No es especialista", "El usuario no está marcado como especialista."),
        "en": ("Not a specialist", "The user is not marked as a specialist."),
        "pt": ("Não é especialista", "O usuário não está marcado como especialista."),
    },
    "specialty_name_taken": {
        "es": ("Nombre en uso", "Ya existe una especialidad llamada «{name}»."),
        "en": ("Name in use", "A specialty named “{name}” already exists."),
        "pt": ("Nome em uso", "Já existe uma especialidade chamada “{name}”."),
    },
    "calendar_name_taken": {
        "es": ("Nombre en uso", "Ya existe un calendario llamado «{name}»."),
        "en": ("Name in use", "A calendar named “{name}” already exists."),
        "pt": ("Nome em uso", "Já existe um calendário chamado “{name}”."),
    },
    "calendar_in_use": {
        "es": ("Calendario en uso", "Hay turnos que usan este calendario."),
        "en": ("Calendar in use", "Some shifts use this calendar."),
        "pt": ("Calendário em uso", "Há turnos que usam este calendário."),
    },
    "shift_overlap": {
        "es": ("Turnos superpuestos", "El turno se superpone con otro turno del mismo especialista."),
        "en": ("Overlapping shifts", "The shift overlaps another shift of the same specialist."),
        "pt": ("Turnos sobrepostos", "O turno se sobrepõe a outro turno do mesmo especialista."),
    },
    "comment_not_yours": {
        "es": ("Comentario ajeno", "Solo su autor o un gestor de usuarios puede cambiar este comentario."),
        "en": ("Not your comment", "Only its author or a user manager can change this comment."),
        "pt": ("Comentário alheio", "Só o autor ou um gestor de usuários pode alterar este comentário."),
    },
}

# One-time links: {purpose}_{state}, e.g. invitation_expired.
_LINK_STATES = {
    "invalid": (400, {
        "es": ("Enlace no válido", "El enlace no es válido: revise que lo copió completo."),
        "en": ("Invalid link", "The link is not valid: check you copied all of it."),
        "pt": ("Link inválido", "O link não é válido: verifique se o copiou inteiro."),
    }),
    "used": (410, {
        "es": ("Enlace ya usado", "Este enlace ya se usó. Pida uno nuevo si lo necesita."),
        "en": ("Link already used", "This link was already used. Ask for a new one if you need it."),
        "pt": ("Link já usado", "Este link já foi usado. Peça um novo se precisar."),
    }),
    "expired": (410, {
        "es": ("Enlace caducado", "Este enlace caducó. Pida uno nuevo."),
        "en": ("Link expired", "This link has expired. Ask for a new one."),
        "pt": ("Link expirado", "Este link expirou. Peça um novo."),
    }),
    "superseded": (410, {
        "es": ("Enlace reemplazado", "Se envió un enlace más reciente: use el último correo recibido."),
        "en": ("Link replaced", "A newer link was sent: use the latest email you received."),
        "pt": ("Link substituído", "Um link mais recente foi enviado: use o último e-mail recebido."),
    }),
}
LINK_STATUS: dict[str, int] = {}
for _purpose in ("invitation", "password_reset"):
    for _state, (_status, _texts) in _LINK_STATES.items():
        MESSAGES[f"{_purpose}_{_state}"] = _texts
        LINK_STATUS[f"{_purpose}_{_state}"] = _status

for _code, _texts in MESSAGES.items():
    i18n.register(_code, _texts)
