"""Notification messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("notification", es="Notificación", en="Notification", pt="Notificação")
i18n.register_entity("notification_broadcast", es="Difusión", en="Broadcast", pt="Difusão")
i18n.register_entity("mail_message", es="Correo", en="Email", pt="E-mail")

i18n.register("broadcast_not_scheduled", {
    "es": ("Difusión no programada", "Solo se puede cancelar una difusión programada; esta está «{status}»."),
    "en": ("Broadcast not scheduled", "Only a scheduled broadcast can be cancelled; this one is “{status}”."),
    "pt": ("Difusão não agendada", "Só é possível cancelar uma difusão agendada; esta está “{status}”."),
})
i18n.register("mail_not_failed", {
    "es": ("El correo no ha fallado", "Solo se reintenta un correo fallido; este está «{status}»."),
    "en": ("Email has not failed", "Only a failed email can be retried; this one is “{status}”."),
    "pt": ("O e-mail não falhou", "Só é possível reenviar um e-mail com falha; este está “{status}”."),
})
i18n.register("too_many_streams", {
    "es": ("Demasiadas conexiones", "Ya tiene {limit} consolas recibiendo notificaciones; cierre alguna."),
    "en": ("Too many connections", "You already have {limit} consoles receiving notifications; close one."),
    "pt": ("Conexões demais", "Você já tem {limit} consoles recebendo notificações; feche algum."),
})
