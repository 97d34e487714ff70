"""Company and project messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("company", es="Compañía", en="Company", pt="Empresa")
i18n.register_entity("company_member", es="Miembro de la compañía", en="Company member", pt="Membro da empresa")
i18n.register_entity("project", es="Proyecto", en="Project", pt="Projeto")

i18n.register("company_name_taken", {
    "es": ("Nombre en uso", "Ya existe una compañía llamada «{name}»."),
    "en": ("Name in use", "A company named “{name}” already exists."),
    "pt": ("Nome em uso", "Já existe uma empresa chamada “{name}”."),
})
i18n.register("project_name_taken", {
    "es": ("Nombre en uso", "Ya existe un proyecto llamado «{name}»."),
    "en": ("Name in use", "A project named “{name}” already exists."),
    "pt": ("Nome em uso", "Já existe um projeto chamado “{name}”."),
})
