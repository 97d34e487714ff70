"""Location messages (es/en/pt)."""

from api.core import i18n

i18n.register_entity("location", es="Ubicación", en="Location", pt="Localização")

i18n.register("location_name_taken", {
    "es": ("Nombre en uso", "Ya existe una ubicación llamada «{name}»."),
    "en": ("Name in use", "A location named “{name}” already exists."),
    "pt": ("Nome em uso", "Já existe uma localização chamada “{name}”."),
})
i18n.register("coordinates_incomplete", {
    "es": ("Coordenadas incompletas", "La latitud y la longitud van juntas: indique ambas o ninguna."),
    "en": ("Incomplete coordinates", "Latitude and longitude go together: give both or neither."),
    "pt": ("Coordenadas incompletas", "Latitude e longitude andam juntas: informe ambas ou nenhuma."),
})
