"""Service catalogue messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("service", es="Servicio", en="Service", pt="Serviço")

i18n.register("service_name_taken", {
    "es": ("Nombre en uso", "Ya existe un servicio llamado «{name}»."),
    "en": ("Name in use", "A service named “{name}” already exists."),
    "pt": ("Nome em uso", "Já existe um serviço chamado “{name}”."),
})
