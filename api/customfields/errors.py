"""Custom field messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("custom_field", es="Campo adicional", en="Additional field", pt="Campo adicional")

i18n.register("custom_field_key_taken", {
    "es": ("Clave en uso", "Ya existe un campo adicional con la clave «{key}» para {entity}."),
    "en": ("Key in use", "An additional field with the key “{key}” already exists for {entity}."),
    "pt": ("Chave em uso", "Já existe um campo adicional com a chave “{key}” para {entity}."),
})
i18n.register("custom_field_limit", {
    "es": ("Demasiados campos", "Se admite un máximo de {limit} campos adicionales por tipo de registro."),
    "en": ("Too many fields", "At most {limit} additional fields are allowed per kind of record."),
    "pt": ("Campos demais", "São permitidos no máximo {limit} campos adicionais por tipo de registro."),
})
