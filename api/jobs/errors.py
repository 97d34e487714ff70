"""Job messages."""

from api.core import i18n

i18n.register_entity("background_job", es="Tarea", en="Job", pt="Tarefa")

i18n.register("job_user_inactive", {
    "es": ("Usuario inactivo", "Quien inició esta tarea ya no está activo: la tarea no puede continuar."),
    "en": ("Inactive user", "The user who started this job is no longer active: the job cannot go on."),
    "pt": ("Usuário inativo", "Quem iniciou esta tarefa não está mais ativo: a tarefa não pode continuar."),
})
