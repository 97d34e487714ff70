"""Contact messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("contact", es="Contacto", en="Contact", pt="Contato")
i18n.register_entity("contact_group", es="Grupo de contactos", en="Contact group", pt="Grupo de contatos")

i18n.register("contact_email_taken", {
    "es": ("Correo duplicado", "Ya existe un contacto con el correo «{email}»."),
    "en": ("Duplicate email", "A contact with the email “{email}” already exists."),
    "pt": ("E-mail duplicado", "Já existe um contato com o e-mail “{email}”."),
})
i18n.register("contact_not_a_lead", {
    "es": ("No es un lead", "Solo un lead puede convertirse en cliente; este contacto ya es cliente."),
    "en": ("Not a lead", "Only a lead can be converted into a customer; this contact already is one."),
    "pt": ("Não é um lead", "Apenas um lead pode ser convertido em cliente; este contato já é cliente."),
})
i18n.register("contact_not_in_trash", {
    "es": ("No está en la papelera", "Solo se puede eliminar definitivamente un contacto que está en la papelera."),
    "en": ("Not in the trash", "Only a contact in the trash can be deleted permanently."),
    "pt": ("Não está na lixeira", "Só é possível excluir definitivamente um contato que está na lixeira."),
})
i18n.register("contact_in_trash", {
    "es": ("En la papelera", "El contacto está en la papelera: restáurelo antes de modificarlo."),
    "en": ("In the trash", "The contact is in the trash: restore it before changing it."),
    "pt": ("Na lixeira", "O contato está na lixeira: restaure-o antes de alterá-lo."),
})
i18n.register("contact_group_name_taken", {
    "es": ("Nombre en uso", "Ya existe un grupo de contactos llamado «{name}»."),
    "en": ("Name in use", "A contact group named “{name}” already exists."),
    "pt": ("Nome em uso", "Já existe um grupo de contatos chamado “{name}”."),
})
i18n.register("bulk_too_many", {
    "es": ("Demasiados contactos", "Una lista de identificadores admite como máximo {limit}; use un filtro."),
    "en": ("Too many contacts", "A list of ids takes at most {limit}; use a filter instead."),
    "pt": ("Contatos demais", "Uma lista de identificadores aceita no máximo {limit}; use um filtro."),
})
