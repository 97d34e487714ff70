"""Messages of the sections (es/en/pt)."""

from api.core import i18n

i18n.register_entity("contact_comment", es="Comentario", en="Comment", pt="Comentário")
i18n.register_entity("contact_note", es="Nota", en="Note", pt="Nota")
i18n.register_entity("contact_alert", es="Alerta", en="Alert", pt="Alerta")
i18n.register_entity("contact_review", es="Reseña", en="Review", pt="Avaliação")
i18n.register_entity("contact_file", es="Archivo", en="File", pt="Arquivo")
i18n.register_entity("contact_photo", es="Foto", en="Photo", pt="Foto")

i18n.register("comment_not_author", {
    "es": ("Solo su autor", "Solo el autor del comentario puede cambiar su texto, prioridad o privacidad, "
           "o eliminarlo y adjuntarle archivos."),
    "en": ("Only its author", "Only the comment's author may change its text, priority or privacy, "
           "delete it or attach files to it."),
    "pt": ("Apenas o autor", "Apenas o autor do comentário pode alterar seu texto, prioridade ou privacidade, "
           "excluí-lo ou anexar arquivos."),
})
