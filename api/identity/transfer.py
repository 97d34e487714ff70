"""Staff users in spreadsheets (PRODUCT C1–C5): the import/export adapter of entity ``users``.

Volumes are small (a team, not a customer base), so each row goes through identity's own
services — :func:`~api.identity.users.create_user` (which sends the invitation, after commit),
``update_user``, ``set_status``, ``set_user_permissions`` and the groups' membership rules —
inside its own savepoint: every rule the users API enforces holds (nobody deactivates
themselves, the last administrator stays, nobody hands out a role or permission they lack, an
optional permission must be offered by one of the row's roles), a row that breaks one changes
nothing and comes back ``failed`` with the API's own message, and the audit listener records
each change.

Relation columns: ``roles`` (role keys), ``optional_permissions`` (permission keys), ``groups``
(staff group names) and ``projects`` (project names; registered by the companies package, which
owns the staff–project link, through :func:`register_sheet_relation`).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from api.core import i18n
from api.core.context import TenantContext
from api.core.errors import AppError
from api.core.pagination import PageParams
from api.customfields import service as custom_fields
from api.customfields.models import CustomField
from api.identity import access, groups, users
from api.identity.models import Role, StaffGroup, StaffGroupMember, User, UserPermission, UserRole
from api.identity.repository import USER_SORTS, UserRepository
from api.identity.schemas import GroupMembers, UserCreate, UserFilters, UserUpdate
from api.transfer.adapters import ImportRow, Mode, RowResult, row_error
from api.transfer.columns import CUSTOM_PREFIX, Column, column, custom_column, custom_values
from api.transfer.relations import (
    SheetRelation,
    SheetRelations,
    current_links,
    ids_by_name,
    linked_names,
    names_not_found,
)

PROFILE = ("first_name", "last_name", "email", "phone", "culture", "timezone", "is_specialist")
ROW_ERROR = "_row"

# Packages linking staff users to their records (projects) add a column to staff files.
SHEET_RELATIONS = SheetRelations(through_services=True)
register_sheet_relation = SHEET_RELATIONS.register


async def _add_to_group(ctx: TenantContext, group_id: uuid.UUID, user_ids: list[uuid.UUID]) -> object:
    return await groups.add_members(ctx, group_id, GroupMembers(user_ids=user_ids))


async def _remove_from_group(ctx: TenantContext, group_id: uuid.UUID, user_ids: list[uuid.UUID]) -> object:
    return await groups.remove_members(ctx, group_id, GroupMembers(user_ids=user_ids))


register_sheet_relation(SheetRelation(
    key="groups", link=StaffGroupMember, target_column="group_id", target=StaffGroup, owner_column="user_id",
    label=("Grupos", "Groups", "Grupos"), position=2, attach=_add_to_group, detach=_remove_from_group))

COLUMNS = [
    column("id", "id", ("Identificador", "Identifier", "Identificador"),
           ("Vacío para crear (se envía la invitación); el de Ficha para actualizar (sin él, el correo "
            "identifica al usuario)", "Empty to create (the invitation is sent); Ficha's id to update (without "
            "it, the email identifies the user)", "Vazio para criar (o convite é enviado); o do Ficha para "
            "atualizar (sem ele, o e-mail identifica o usuário)")),
    column("first_name", "text", ("Nombre", "First name", "Nome"), ("Nombre de pila", "Given name", "Nome próprio"),
           required=True, max_length=100),
    column("last_name", "text", ("Apellidos", "Last name", "Sobrenome"), ("Apellidos", "Family name", "Sobrenome"),
           max_length=100),
    column("email", "text", ("Correo electrónico", "Email", "E-mail"),
           ("Único en el espacio de trabajo: recibe la invitación", "Unique in the workspace: receives the "
            "invitation", "Único no espaço de trabalho: recebe o convite"), required=True, max_length=254),
    column("phone", "text", ("Teléfono", "Phone", "Telefone"), ("En formato E.164, p. ej. +34600111222",
           "In E.164 format, e.g. +34600111222", "No formato E.164, ex. +5511999998888"), max_length=32),
    column("culture", "select", ("Idioma", "Language", "Idioma"),
           ("Idioma de la consola (vacío: el del espacio de trabajo)", "Console language (empty: the "
            "workspace's)", "Idioma do console (vazio: o do espaço de trabalho)"), options=("es", "en", "pt")),
    column("timezone", "text", ("Zona horaria", "Time zone", "Fuso horário"),
           ("Zona IANA, p. ej. Europe/Madrid", "IANA zone, e.g. Europe/Madrid", "Zona IANA, ex. America/Sao_Paulo"),
           max_length=64),
    column("status", "select", ("Estado", "Status", "Estado"),
           ("active o inactive; nadie se desactiva a sí mismo y siempre queda un administrador activo",
            "active or inactive; nobody deactivates themselves and an active administrator always remains",
            "active ou inactive; ninguém se desativa e sempre resta um administrador ativo"),
           options=("active", "inactive")),
    column("is_specialist", "boolean", ("Especialista", "Specialist", "Especialista"),
           ("Atiende como especialista (sí/no)", "Serves as a specialist (yes/no)",
            "Atende como especialista (sim/não)")),
]
ROLES = column("roles", "list", ("Roles", "Roles", "Papéis"),
               ("Claves de los roles, separadas por comas (al menos uno); sustituyen a los actuales",
                "Role keys, comma-separated (at least one); they replace the current ones",
                "Chaves dos papéis, separadas por vírgulas (ao menos um); substituem os atuais"),
               required=True, relation=True)
PERMISSIONS = column("optional_permissions", "list", ("Permisos opcionales", "Optional permissions",
                                                      "Permissões opcionais"),
                     ("Claves de permisos opcionales que ofrece alguno de sus roles, separadas por comas",
                      "Keys of optional permissions one of their roles offers, comma-separated",
                      "Chaves de permissões opcionais que algum dos seus papéis oferece, separadas por vírgulas"),
                     relation=True)
class _Failed(Exception):
    def __init__(self, errors: dict[str, dict[str, str]]) -> None:
        self.errors = errors


def _texts(es: str, en: str, pt: str) -> dict[str, str]:
    return {"es": es, "en": en, "pt": pt}


def _column_of(loc: Sequence[str | int]) -> str:
    """The file column a body location stands for (``("body", "custom_fields", "vip")`` → custom.vip)."""
    parts = [p for p in loc if p != "body"]
    if not parts:
        return ROW_ERROR
    if parts[0] == "custom_fields" and len(parts) > 1:
        return f"{CUSTOM_PREFIX}{parts[1]}"
    return str(parts[0])


_COLUMN_OF_CODE = {"user_email_taken": "email", "own_account": "status", "last_administrator": "status",
                   "forbidden": "roles"}


def _app_error(error: AppError) -> dict[str, dict[str, str]]:
    """The API's own refusal, per column, in the three languages."""
    if error.errors:
        errors: dict[str, dict[str, str]] = {}
        for field in error.errors:
            texts = field.msgs or {lang: i18n.field_message(field.type, lang, field.msg, field.ctx)  # type: ignore[arg-type]
                                   for lang in ("es", "en", "pt")}
            errors.setdefault(_column_of(field.loc), texts)
        return errors
    texts = {}
    for lang in ("es", "en", "pt"):
        message = i18n.translate(error.code, lang, error.params)  # type: ignore[arg-type]
        texts[lang] = message.detail or message.title
    return {_COLUMN_OF_CODE.get(error.code, ROW_ERROR): texts}


def _validation_error(error: ValidationError) -> dict[str, dict[str, str]]:
    errors: dict[str, dict[str, str]] = {}
    for item in error.errors():
        texts = {lang: i18n.field_message(item["type"], lang, item["msg"], item.get("ctx"))  # type: ignore[arg-type]
                 for lang in ("es", "en", "pt")}
        errors.setdefault(_column_of(item["loc"]), texts)
    return errors


class UsersTransfer:
    entity = "users"
    read_permission = "users:read"
    write_permission = "users:write"
    id_column = "id"
    filter_model = UserFilters

    async def columns(self, ctx: TenantContext, *, relations: bool) -> list[Column]:
        custom = [custom_column(f) for f in await custom_fields.definitions(ctx, "user")]
        linked = [ROLES, PERMISSIONS, *(r.sheet_column() for r in SHEET_RELATIONS.ordered())] if relations else []
        return [*COLUMNS, *custom, *linked]

    async def check_filter(self, ctx: TenantContext, filters: UserFilters) -> None:
        return None  # the model says it all

    async def count(self, ctx: TenantContext, filters: UserFilters) -> int:
        return await UserRepository(ctx).count(self._filtered(ctx, filters))

    def _filtered(self, ctx: TenantContext, filters: UserFilters) -> Any:
        return UserRepository(ctx).summaries(q=filters.q, role_id=filters.role_id, group_id=filters.group_id,
                                             status=filters.status, is_specialist=filters.is_specialist,
                                             specialty_id=filters.specialty_id)

    async def export_batches(self, ctx: TenantContext, filters: UserFilters, *, relations: bool,
                             batch_size: int) -> AsyncIterator[list[dict[str, Any]]]:
        repo = UserRepository(ctx)
        cursor = None
        while True:
            rows, cursor = await repo.page(self._filtered(ctx, filters), USER_SORTS["created_at"],
                                           PageParams(limit=batch_size, cursor=cursor))
            if rows:
                yield await self._records(ctx, [row[0] for row in rows], relations=relations)
            if cursor is None:
                return

    async def _records(self, ctx: TenantContext, ids: list[uuid.UUID], *, relations: bool) -> list[dict[str, Any]]:
        repo = UserRepository(ctx)
        found = {u.id: u for u in (await ctx.session.execute(repo.live().where(User.id.in_(ids)))).scalars()}
        records = []
        for user_id in ids:
            user = found[user_id]
            record: dict[str, Any] = {"id": user.id, "status": user.status,
                                      **{name: getattr(user, name) for name in PROFILE}}
            record.update({f"{CUSTOM_PREFIX}{k}": v for k, v in (user.custom_fields or {}).items()})
            records.append(record)
        if relations:
            roles = await self._keys(ctx, select(UserRole.user_id, Role.key).join(Role, Role.id == UserRole.role_id)
                                     .where(UserRole.tenant_id == ctx.tenant_id, UserRole.user_id.in_(ids)))
            grants = await self._keys(ctx, select(UserPermission.user_id, UserPermission.permission).where(
                UserPermission.tenant_id == ctx.tenant_id, UserPermission.user_id.in_(ids)))
            linked = {r.key: await linked_names(ctx, r, ids) for r in SHEET_RELATIONS.ordered()}
            for record in records:
                record["roles"] = roles.get(record["id"], [])
                record["optional_permissions"] = grants.get(record["id"], [])
                for key, names in linked.items():
                    record[key] = names.get(record["id"], [])
        return records

    @staticmethod
    async def _keys(ctx: TenantContext, stmt: Any) -> dict[uuid.UUID, list[str]]:
        keys: dict[uuid.UUID, list[str]] = {}
        for user_id, key in (await ctx.session.execute(stmt)).all():
            keys.setdefault(user_id, []).append(key)
        return {user_id: sorted(values) for user_id, values in keys.items()}

    # --- import -------------------------------------------------------------------------------

    async def apply(self, ctx: TenantContext, rows: list[ImportRow], mode: Mode) -> list[RowResult]:
        fields = {f.key: f for f in await custom_fields.definitions(ctx, "user")}  # once per batch
        results = []
        for row in rows:
            savepoint = await ctx.uow.savepoint()
            try:
                outcome = await self._apply_row(ctx, row, mode, fields)
            except _Failed as failed:
                outcome = RowResult(number=row.number, outcome="failed", errors=failed.errors)
            except AppError as error:
                outcome = RowResult(number=row.number, outcome="failed", errors=_app_error(error))
            except ValidationError as error:
                outcome = RowResult(number=row.number, outcome="failed", errors=_validation_error(error))
            if outcome.outcome == "failed":
                await savepoint.rollback()  # and no invitation for a row that was not saved
            else:
                await savepoint.commit()
            results.append(outcome)
        return results

    async def _target(self, ctx: TenantContext, row: ImportRow, mode: Mode) -> User | None:
        repo = UserRepository(ctx)
        values = row.values
        target = None
        if values.get("id"):
            target = await repo.find(values["id"], for_update=True)
            if target is None:
                raise _Failed({"id": _texts("No hay ningún usuario con este identificador",
                                            "No user has this identifier", "Não há usuário com este identificador")})
        elif values.get("email"):
            target = await repo.by_email(values["email"].strip().lower())
        if target is None and mode == "update":
            raise _Failed({"id" if "id" in values else "email": _texts(
                "No existe: nada que actualizar", "Not found: nothing to update", "Não existe: nada para atualizar")})
        if target is not None and mode == "create":
            raise _Failed({"id" if values.get("id") else "email": _texts(
                "Ya existe este usuario (use actualizar)", "This user already exists (use update)",
                "Este usuário já existe (use atualizar)")})
        return target

    async def _apply_row(self, ctx: TenantContext, row: ImportRow, mode: Mode,
                         fields: dict[str, CustomField]) -> RowResult:
        target = await self._target(ctx, row, mode)
        values = row.values
        role_ids = await self._role_ids(ctx, values["roles"]) if values.get("roles") is not None else None
        custom = custom_values(values)
        if target is None:
            if not role_ids:
                return row_error(row.number, "roles", "Indique al menos un rol", "Give at least one role",
                                 "Informe ao menos um papel")
            body = UserCreate.model_validate({
                **{k: v for k, v in values.items() if k in PROFILE and v is not None}, "roles": role_ids,
                "optional_permissions": values.get("optional_permissions") or [], "custom_fields": custom})
            user_id = (await users.create_user(ctx, body)).id
            if values.get("status") == "inactive":
                await users.set_status(ctx, user_id, "inactive")
            await self._set_links(ctx, row, user_id)
            return RowResult(number=row.number, outcome="created")
        changed = await self._update(ctx, row, target, role_ids, custom, fields)
        changed |= await self._set_links(ctx, row, target.id)
        return RowResult(number=row.number, outcome="updated" if changed else "unchanged")

    async def _update(self, ctx: TenantContext, row: ImportRow, user: User, role_ids: list[uuid.UUID] | None,
                      custom: dict[str, Any], fields: dict[str, CustomField]) -> bool:
        """Send the services only what differs, so an unchanged row calls none of them."""
        values = row.values
        changes: dict[str, Any] = {}
        for name in PROFILE:
            if name not in values:
                continue
            value = values[name]
            if name == "email" and value:
                value = value.strip().lower()
            if name == "last_name" and value is None:
                value = ""
            if value != getattr(user, name) and not (value is None and name in ("culture", "is_specialist")):
                changes[name] = value
        if custom:
            checked = custom_fields.check_values(fields, custom, partial=True, loc=("body", "custom_fields"))
            if custom_fields.merge_values(user.custom_fields or {}, checked) != (user.custom_fields or {}):
                changes["custom_fields"] = custom
        granted = await access.user_access(ctx.session, ctx.tenant_id, user.id)  # type: ignore[arg-type]
        if role_ids is not None and set(role_ids) != {r.id for r in granted.roles}:
            changes["roles"] = role_ids
        if changes:
            await users.update_user(ctx, user.id, UserUpdate.model_validate(changes))
        permissions_changed = False
        if "optional_permissions" in values:
            wanted = sorted(set(values["optional_permissions"]))
            after = await access.user_access(ctx.session, ctx.tenant_id, user.id)  # type: ignore[arg-type]
            if set(wanted) != set(after.granted):
                await access.set_user_permissions(ctx, user.id, wanted)
                permissions_changed = True
        status_changed = bool(values.get("status")) and values["status"] != user.status
        if status_changed:
            await users.set_status(ctx, user.id, values["status"])
        return bool(changes) or permissions_changed or status_changed

    @staticmethod
    async def _role_ids(ctx: TenantContext, keys: list[str]) -> list[uuid.UUID]:
        stmt = select(Role.id, Role.key).where(Role.tenant_id == ctx.tenant_id, Role.key.in_(keys))
        found = {key: role_id for role_id, key in (await ctx.session.execute(stmt)).all()}
        unknown = [key for key in keys if key not in found]
        if unknown:
            listed = ", ".join(unknown)
            raise _Failed({"roles": _texts(f"No existe el rol: {listed}", f"No such role: {listed}",
                                           f"Papel inexistente: {listed}")})
        return [found[key] for key in keys]

    @staticmethod
    async def _set_links(ctx: TenantContext, row: ImportRow, user_id: uuid.UUID) -> bool:
        changed = False
        for relation in SHEET_RELATIONS.ordered():
            if relation.key not in row.values:
                continue
            wanted_names = row.values[relation.key]
            known = await ids_by_name(ctx, relation, set(wanted_names))
            reason = names_not_found(wanted_names, known)
            if reason:
                raise _Failed({relation.key: reason})
            wanted = {known[name.lower()] for name in wanted_names}
            current = (await current_links(ctx, relation, [user_id])).get(user_id, set())
            assert relation.attach is not None and relation.detach is not None
            for target_id in sorted(wanted - current):
                await relation.attach(ctx, target_id, [user_id])
            for target_id in sorted(current - wanted):
                await relation.detach(ctx, target_id, [user_id])
            changed |= wanted != current
        return changed
