"""Languages and the message catalogue (es, en, pt).

The language of a request is negotiated once from ``Accept-Language`` and kept in a context
variable, so error handlers and services can localise without passing it around. Domains add
their own messages with :func:`register` (usually in their ``errors.py``).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

Language = Literal["es", "en", "pt"]
LANGUAGES: tuple[Language, ...] = ("es", "en", "pt")

current_language: ContextVar[Language] = ContextVar("current_language", default="es")


def negotiate(header: str | None, default: Language = "es") -> Language:
    """Pick the best of es/en/pt from an ``Accept-Language`` header (RFC 9110 q-values)."""
    if not header:
        return default
    best: tuple[float, int, Language] | None = None
    for position, part in enumerate(header.split(",")[:20]):
        piece = part.strip()
        if not piece:
            continue
        tag, _, params = piece.partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            candidate = (quality, -position, primary)
            if best is None or candidate > best:
                best = candidate  # type: ignore[assignment]
    return best[2] if best else default


@dataclass(frozen=True)
class Message:
    title: str
    detail: str


_CATALOGUE: dict[str, dict[str, Message]] = {}


def register(code: str, texts: dict[str, tuple[str, str]]) -> None:
    """Register ``code`` with ``{"es": (title, detail), "en": ..., "pt": ...}``.

    ``detail`` may hold ``{name}`` placeholders filled from the error's params.
    """
    missing = set(LANGUAGES) - texts.keys()
    if missing:
        raise ValueError(f"message {code!r} lacks languages {sorted(missing)}")
    _CATALOGUE[code] = {lang: Message(*pair) for lang, pair in texts.items()}


def is_registered(code: str) -> bool:
    return code in _CATALOGUE


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_ENTITY_NAMES: dict[str, dict[str, str]] = {}


def register_entity(entity: str, es: str, en: str, pt: str) -> None:
    """Name an entity type (as used in ``entity_not_found`` and audit events) in each language."""
    _ENTITY_NAMES[entity] = {"es": es, "en": en, "pt": pt}


def entity_name(entity: str, language: Language) -> str:
    return _ENTITY_NAMES.get(entity, {}).get(language, entity)


def translate(code: str, language: Language, params: dict | None = None) -> Message:
    texts = _CATALOGUE.get(code) or _CATALOGUE["internal_error"]
    message = texts.get(language) or texts["en"]
    values = _Params({k: v for k, v in (params or {}).items()})
    if "entity" in values:
        values["entity"] = entity_name(str(values["entity"]), language)
    return Message(message.title.format_map(values), message.detail.format_map(values))


# Field-level messages for pydantic's stable error types. English comes from pydantic itself.
_FIELD_MESSAGES: dict[str, dict[str, str]] = {
    "missing": {"es": "Este campo es obligatorio", "pt": "Este campo é obrigatório"},
    "extra_forbidden": {"es": "Campo no permitido", "pt": "Campo não permitido"},
    "string_too_long": {
        "es": "Debe tener como máximo {max_length} caracteres",
        "pt": "Deve ter no máximo {max_length} caracteres",
    },
    "string_too_short": {
        "es": "Debe tener al menos {min_length} caracteres",
        "pt": "Deve ter pelo menos {min_length} caracteres",
    },
    "too_long": {
        "es": "Debe tener como máximo {max_length} elementos",
        "pt": "Deve ter no máximo {max_length} itens",
    },
    "too_short": {
        "es": "Debe tener al menos {min_length} elementos",
        "pt": "Deve ter pelo menos {min_length} itens",
    },
    "string_type": {"es": "Debe ser un texto", "pt": "Deve ser um texto"},
    "string_pattern_mismatch": {
        "es": "No tiene el formato esperado",
        "pt": "Não está no formato esperado",
    },
    "int_parsing": {"es": "Debe ser un número entero", "pt": "Deve ser um número inteiro"},
    "int_type": {"es": "Debe ser un número entero", "pt": "Deve ser um número inteiro"},
    "int_from_float": {"es": "Debe ser un número entero", "pt": "Deve ser um número inteiro"},
    "float_parsing": {"es": "Debe ser un número", "pt": "Deve ser um número"},
    "float_type": {"es": "Debe ser un número", "pt": "Deve ser um número"},
    "decimal_parsing": {"es": "Debe ser un número decimal", "pt": "Deve ser um número decimal"},
    "bool_parsing": {"es": "Debe ser verdadero o falso", "pt": "Deve ser verdadeiro ou falso"},
    "bool_type": {"es": "Debe ser verdadero o falso", "pt": "Deve ser verdadeiro ou falso"},
    "uuid_parsing": {"es": "Debe ser un identificador UUID", "pt": "Deve ser um identificador UUID"},
    "uuid_type": {"es": "Debe ser un identificador UUID", "pt": "Deve ser um identificador UUID"},
    "date_parsing": {"es": "Debe ser una fecha (AAAA-MM-DD)", "pt": "Deve ser uma data (AAAA-MM-DD)"},
    "date_from_datetime_parsing": {
        "es": "Debe ser una fecha (AAAA-MM-DD)",
        "pt": "Deve ser uma data (AAAA-MM-DD)",
    },
    "datetime_parsing": {
        "es": "Debe ser una fecha y hora RFC 3339",
        "pt": "Deve ser uma data e hora RFC 3339",
    },
    "datetime_from_date_parsing": {
        "es": "Debe ser una fecha y hora RFC 3339",
        "pt": "Deve ser uma data e hora RFC 3339",
    },
    "greater_than_equal": {"es": "Debe ser mayor o igual que {ge}", "pt": "Deve ser maior ou igual a {ge}"},
    "greater_than": {"es": "Debe ser mayor que {gt}", "pt": "Deve ser maior que {gt}"},
    "less_than_equal": {"es": "Debe ser menor o igual que {le}", "pt": "Deve ser menor ou igual a {le}"},
    "less_than": {"es": "Debe ser menor que {lt}", "pt": "Deve ser menor que {lt}"},
    "literal_error": {"es": "Debe ser uno de: {expected}", "pt": "Deve ser um de: {expected}"},
    "enum": {"es": "Debe ser uno de: {expected}", "pt": "Deve ser um de: {expected}"},
    "json_invalid": {"es": "El JSON no es válido", "pt": "O JSON não é válido"},
    "json_type": {"es": "El JSON no es válido", "pt": "O JSON não é válido"},
    "list_type": {"es": "Debe ser una lista", "pt": "Deve ser uma lista"},
    "dict_type": {"es": "Debe ser un objeto", "pt": "Deve ser um objeto"},
    "model_attributes_type": {"es": "Debe ser un objeto", "pt": "Deve ser um objeto"},
    "model_type": {"es": "Debe ser un objeto", "pt": "Deve ser um objeto"},
    "value_error": {"es": "Valor no válido", "pt": "Valor inválido"},
    "url_parsing": {"es": "Debe ser una URL", "pt": "Deve ser uma URL"},
    "url_type": {"es": "Debe ser una URL", "pt": "Deve ser uma URL"},
    "url_scheme": {"es": "Esquema de URL no permitido", "pt": "Esquema de URL não permitido"},
    "string_unicode": {"es": "Texto no válido", "pt": "Texto inválido"},
    "finite_number": {"es": "Debe ser un número finito", "pt": "Deve ser um número finito"},
    "multiple_of": {"es": "Debe ser múltiplo de {multiple_of}", "pt": "Deve ser múltiplo de {multiple_of}"},
    "decimal_max_digits": {
        "es": "Como máximo {max_digits} dígitos",
        "pt": "No máximo {max_digits} dígitos",
    },
    "decimal_max_places": {
        "es": "Como máximo {decimal_places} decimales",
        "pt": "No máximo {decimal_places} casas decimais",
    },
}


def register_field_message(error_type: str, es: str, pt: str) -> None:
    """Spanish and Portuguese for a custom field error type (raise it with pydantic's
    ``PydanticCustomError(error_type, english)``); English comes from the error itself."""
    _FIELD_MESSAGES[error_type] = {"es": es, "pt": pt}


def field_message(error_type: str, language: Language, english: str, ctx: dict | None) -> str:
    """The localised text of one field error; custom value errors keep their own wording."""
    if language == "en":
        return english
    if error_type == "value_error" and english.startswith("Value error, "):
        return english.removeprefix("Value error, ")
    templates = _FIELD_MESSAGES.get(error_type)
    if not templates:
        return english
    return templates[language].format_map(_Params({k: str(v) for k, v in (ctx or {}).items()}))


# Messages every part of the API can raise.
register("internal_error", {
    "es": ("Error interno", "Ocurrió un error inesperado. Inténtelo de nuevo más tarde."),
    "en": ("Internal error", "An unexpected error occurred. Please try again later."),
    "pt": ("Erro interno", "Ocorreu um erro inesperado. Tente novamente mais tarde."),
})
register("validation_failed", {
    "es": ("Datos no válidos", "La solicitud contiene datos no válidos: revise los campos indicados."),
    "en": ("Invalid data", "The request contains invalid data: check the fields listed."),
    "pt": ("Dados inválidos", "A solicitação contém dados inválidos: verifique os campos indicados."),
})
register("not_found", {
    "es": ("No encontrado", "El recurso solicitado no existe."),
    "en": ("Not found", "The requested resource does not exist."),
    "pt": ("Não encontrado", "O recurso solicitado não existe."),
})
register("entity_not_found", {
    "es": ("No encontrado", "{entity}: no existe ningún registro con el identificador indicado."),
    "en": ("Not found", "{entity}: there is no record with the given identifier."),
    "pt": ("Não encontrado", "{entity}: não existe registro com o identificador informado."),
})
register("method_not_allowed", {
    "es": ("Método no permitido", "Este recurso no admite el método {method}."),
    "en": ("Method not allowed", "This resource does not support the {method} method."),
    "pt": ("Método não permitido", "Este recurso não aceita o método {method}."),
})
register("unauthenticated", {
    "es": ("No autenticado", "Se necesita una credencial válida (Authorization: Bearer …)."),
    "en": ("Not authenticated", "A valid credential is required (Authorization: Bearer …)."),
    "pt": ("Não autenticado", "É necessária uma credencial válida (Authorization: Bearer …)."),
})
register("forbidden", {
    "es": ("Permiso denegado", "No tiene el permiso necesario ({permission})."),
    "en": ("Permission denied", "You lack the required permission ({permission})."),
    "pt": ("Permissão negada", "Você não tem a permissão necessária ({permission})."),
})
register("mfa_enrolment_required", {
    "es": ("Active la verificación en dos pasos",
           "Su rol exige la verificación en dos pasos: actívela para continuar."),
    "en": ("Set up two-step verification", "Your role requires two-step verification: set it up to continue."),
    "pt": ("Ative a verificação em duas etapas", "Seu papel exige verificação em duas etapas: ative-a para continuar."),
})
register("conflict", {
    "es": ("Conflicto", "La operación entra en conflicto con el estado actual del recurso."),
    "en": ("Conflict", "The operation conflicts with the current state of the resource."),
    "pt": ("Conflito", "A operação conflita com o estado atual do recurso."),
})
register("payload_too_large", {
    "es": ("Contenido demasiado grande", "El cuerpo de la solicitud supera el tamaño permitido."),
    "en": ("Payload too large", "The request body exceeds the allowed size."),
    "pt": ("Conteúdo grande demais", "O corpo da solicitação excede o tamanho permitido."),
})
register("unsupported_media_type", {
    "es": ("Tipo de contenido no admitido", "Envíe el cuerpo como application/json."),
    "en": ("Unsupported media type", "Send the body as application/json."),
    "pt": ("Tipo de conteúdo não suportado", "Envie o corpo como application/json."),
})
register("bad_request", {
    "es": ("Solicitud incorrecta", "No se pudo interpretar la solicitud."),
    "en": ("Bad request", "The request could not be understood."),
    "pt": ("Solicitação incorreta", "Não foi possível interpretar a solicitação."),
})
register("invalid_cursor", {
    "es": ("Cursor no válido", "El cursor de paginación no es válido para esta lista y este orden."),
    "en": ("Invalid cursor", "The pagination cursor is not valid for this list and sort order."),
    "pt": ("Cursor inválido", "O cursor de paginação não é válido para esta lista e esta ordem."),
})
register("rate_limited", {
    "es": ("Demasiadas solicitudes", "Ha superado el límite. Vuelva a intentarlo en {retry_after} s."),
    "en": ("Too many requests", "You have exceeded the limit. Try again in {retry_after} s."),
    "pt": ("Solicitações demais", "Você excedeu o limite. Tente novamente em {retry_after} s."),
})
register("quota_exceeded", {
    "es": ("Límite alcanzado", "Ha alcanzado el máximo de {limit} por hora. Vuelva a intentarlo en {retry_after} s."),
    "en": ("Limit reached", "You have reached the maximum of {limit} per hour. Try again in {retry_after} s."),
    "pt": ("Limite atingido", "Você atingiu o máximo de {limit} por hora. Tente novamente em {retry_after} s."),
})
register("service_unavailable", {
    "es": ("Servicio no disponible", "Un servicio del que dependemos no responde. Inténtelo más tarde."),
    "en": ("Service unavailable", "A service we depend on is not responding. Please try again later."),
    "pt": ("Serviço indisponível", "Um serviço do qual dependemos não responde. Tente mais tarde."),
})
