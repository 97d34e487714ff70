"""Job messages."""

from api.core import i18n

i18n.register_entity("background_job", es="Tarea", en="Job", pt="Tarefa")
