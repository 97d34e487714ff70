"""Transfer messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("import_run", es="Importación", en="Import", pt="Importação")
i18n.register_entity("export", es="Exportación", en="Export", pt="Exportação")

i18n.register("import_header_invalid", {
    "es": ("Encabezados no válidos", "La primera fila del archivo no coincide con la plantilla: revise el informe."),
    "en": ("Invalid headers", "The file's first row does not match the template: see the report."),
    "pt": ("Cabeçalhos inválidos", "A primeira linha do arquivo não corresponde ao modelo: veja o relatório."),
})
i18n.register("export_not_ready", {
    "es": ("Exportación no disponible", "La exportación aún no ha terminado o su enlace caducó."),
    "en": ("Export not available", "The export has not finished yet or its link has expired."),
    "pt": ("Exportação indisponível", "A exportação ainda não terminou ou o link expirou."),
})
i18n.register("import_has_no_errors", {
    "es": ("Sin errores", "Esta importación no tiene filas con errores."),
    "en": ("No errors", "This import has no failed rows."),
    "pt": ("Sem erros", "Esta importação não tem linhas com erros."),
})
