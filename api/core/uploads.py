"""Accepting uploaded files safely: size limits, content sniffing, image verification and
download headers.

The declared content type and the file name's extension are not trusted: the type comes from
the bytes (``filetype``'s magic numbers; plain text and CSV are recognised as valid UTF-8 with
no NUL bytes). Images are also opened with Pillow (with its decompression-bomb guard) so a file
that merely starts like a PNG is refused.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

import filetype
from fastapi import File, UploadFile
from PIL import Image, UnidentifiedImageError

from api.core import i18n
from api.core.errors import AppError, FieldError

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})
DOCUMENT_TYPES = IMAGE_TYPES | frozenset({
    "application/pdf", "text/plain", "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/zip",
})
Image.MAX_IMAGE_PIXELS = 50_000_000  # refuse decompression bombs early

i18n.register("file_too_large", {
    "es": ("Archivo demasiado grande", "El archivo supera el tamaño máximo de {max_mb} MB."),
    "en": ("File too large", "The file exceeds the maximum size of {max_mb} MB."),
    "pt": ("Arquivo grande demais", "O arquivo excede o tamanho máximo de {max_mb} MB."),
})
i18n.register("file_empty", {
    "es": ("Archivo vacío", "El archivo está vacío."),
    "en": ("Empty file", "The file is empty."),
    "pt": ("Arquivo vazio", "O arquivo está vazio."),
})
i18n.register("file_type_not_allowed", {
    "es": ("Tipo de archivo no permitido", "El contenido del archivo ({detected}) no es de un tipo permitido."),
    "en": ("File type not allowed", "The file's content ({detected}) is not of an allowed type."),
    "pt": ("Tipo de arquivo não permitido", "O conteúdo do arquivo ({detected}) não é de um tipo permitido."),
})
i18n.register("file_corrupt", {
    "es": ("Archivo dañado", "El archivo no se puede leer: está dañado o no es lo que dice ser."),
    "en": ("Corrupt file", "The file cannot be read: it is damaged or not what it claims to be."),
    "pt": ("Arquivo corrompido", "O arquivo não pode ser lido: está danificado ou não é o que diz ser."),
})

EXTENSIONS = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif",
    "application/pdf": "pdf", "text/plain": "txt", "text/csv": "csv", "application/zip": "zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass(frozen=True)
class SniffedFile:
    data: bytes
    content_type: str
    extension: str
    filename: str
    size: int


def _file_error(code: str, status: int, field: str, **params: object) -> AppError:
    return AppError(code, status=status, params=params,
                    errors=[FieldError(loc=("body", field), type=code, msg=code.replace("_", " "))])


def sniff(data: bytes, declared_name: str = "") -> str:
    """The content type the bytes really have (``application/octet-stream`` if unknown)."""
    kind = filetype.guess(data[:8192])
    if kind is not None:
        mime = kind.mime
        if mime == "application/zip" and b"xl/" in data[:65536] and b"[Content_Types].xml" in data[:65536]:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return mime
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return "application/octet-stream"
        return "text/csv" if declared_name.lower().endswith(".csv") else "text/plain"
    return "application/octet-stream"


def _verify_image(data: bytes, field: str) -> None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise _file_error("file_corrupt", 422, field) from exc


async def read_upload(upload: UploadFile, *, max_bytes: int, allowed: frozenset[str],
                      field: str = "file") -> SniffedFile:
    """Read an upload within ``max_bytes`` and check what it really is."""
    chunks, size = [], 0
    while chunk := await upload.read(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise _file_error("file_too_large", 413, field, max_mb=round(max_bytes / 1_048_576, 1))
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        raise _file_error("file_empty", 422, field)
    name = safe_filename(upload.filename or "file")
    content_type = sniff(data, name)
    if content_type not in allowed:
        raise _file_error("file_type_not_allowed", 415, field, detected=content_type)
    if content_type in IMAGE_TYPES:
        _verify_image(data, field)
    return SniffedFile(data=data, content_type=content_type, extension=EXTENSIONS.get(content_type, "bin"),
                       filename=name, size=size)


_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def safe_filename(name: str, limit: int = 150) -> str:
    """A display name with no path, no control characters and no header-breaking bytes."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" .") or "file"
    return name[:limit]


def content_disposition(filename: str, inline: bool = False) -> str:
    """RFC 6266 ``Content-Disposition`` with an ASCII fallback and a UTF-8 ``filename*``."""
    safe = safe_filename(filename)
    ascii_name = safe.encode("ascii", "ignore").decode() or "file"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe)}"


def upload_of(max_bytes: int, what: str = "The file") -> Any:
    """A multipart file parameter whose size limit is part of the contract (``maxLength`` in
    bytes); :func:`read_upload` enforces it."""
    description = f"{what}, at most {max_bytes // 1_048_576} MB; its type is read from its content"
    return Annotated[UploadFile, File(description=description, json_schema_extra={"maxLength": max_bytes})]
