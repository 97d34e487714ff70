"""Request and response bodies of identity."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, datetime, time
from typing import Annotated, Any, Literal
from zoneinfo import available_timezones

import phonenumbers
from pydantic import AfterValidator, EmailStr, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from api.core import i18n
from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel, SearchTerm, Timestamp
from api.customfields.schemas import CustomFieldValues

WorkspaceSlug = Annotated[str, StringConstraints(min_length=2, max_length=40, to_lower=True)]
Password = Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=False)]
NewPassword = Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=False)]
OpaqueToken = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Culture = Literal["es", "en", "pt"]
PersonName = Annotated[str, StringConstraints(min_length=1, max_length=100)]
LastName = Annotated[str, StringConstraints(max_length=100)]
Email = Annotated[EmailStr, StringConstraints(max_length=254)]
PermissionKey = Annotated[str, StringConstraints(min_length=3, max_length=64)]
Description = Annotated[str, StringConstraints(max_length=500)]
TotpCode = Annotated[str, StringConstraints(pattern=r"^\d{6}$", min_length=6, max_length=6)]
RecoveryCodeText = Annotated[str, StringConstraints(min_length=10, max_length=40)]


for _type, _es, _pt in (
    ("invalid_timezone", "Zona horaria desconocida: use un nombre IANA como Europe/Madrid",
     "Fuso horário desconhecido: use um nome IANA como America/Sao_Paulo"),
    ("invalid_phone", "No es un teléfono válido: incluya el prefijo del país, p. ej. +34 600 111 222",
     "Não é um telefone válido: inclua o código do país, p. ex. +55 11 91234 5678"),
    ("time_order", "El inicio debe ser anterior al fin", "O início deve ser anterior ao fim"),
    ("hours_overlap", "Los horarios de un mismo día se superponen", "Os horários do mesmo dia se sobrepõem"),
    ("date_order", "«from» no puede ser posterior a «to»", "“from” não pode ser posterior a “to”"),
    ("one_factor", "Envíe exactamente uno de code y recovery_code", "Envie exatamente um de code e recovery_code"),
):
    i18n.register_field_message(_type, _es, _pt)


def _valid_timezone(value: str | None) -> str | None:
    if value is not None and value not in _TIMEZONES:
        raise PydanticCustomError("invalid_timezone", "Unknown time zone: use an IANA name such as Europe/Madrid")
    return value


def _e164(value: str | None) -> str | None:
    """Any readable phone number with its country code, stored as E.164 (+34600111222)."""
    if value is None or value == "":
        return None
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise PydanticCustomError("invalid_phone", "Not a valid phone number: include the country code, "
                                                   "e.g. +34 600 111 222")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_TIMEZONES = frozenset(available_timezones())
TimeZone = Annotated[str, StringConstraints(max_length=64), AfterValidator(_valid_timezone)]
Phone = Annotated[str, StringConstraints(max_length=32), AfterValidator(_e164)]
Ids = Annotated[list[uuid.UUID], Field(max_length=100)]


# --- Sign-in, sessions, one-time links -----------------------------------------------------------

class LoginRequest(InputModel):
    workspace: WorkspaceSlug = Field(description="The workspace's slug")
    email: Annotated[str, StringConstraints(min_length=3, max_length=254)]
    password: Password


class TokenPair(ReadModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")
    mfa_enrollment_required: bool = Field(
        default=False, description="The session can only enrol in MFA (the workspace requires it of a role)")


class SessionRead(ReadModel):
    id: uuid.UUID
    created_at: datetime
    expires_at: datetime
    ip: str | None
    restricted: bool
    current: bool = Field(description="The session of the credential making this request")


class SessionFilters(ListQuery):
    pass


class MfaChallenge(ReadModel):
    mfa_required: Literal[True] = True
    mfa_token: str = Field(description="Send it to /auth/mfa/verify with a code (valid 5 minutes)")


class MfaVerifyRequest(InputModel):
    mfa_token: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    code: TotpCode | None = None
    recovery_code: RecoveryCodeText | None = None

    @model_validator(mode="after")
    def _one_factor(self) -> MfaVerifyRequest:
        if (self.code is None) == (self.recovery_code is None):
            raise PydanticCustomError("one_factor", "Send exactly one of code and recovery_code")
        return self


class RefreshRequest(InputModel):
    refresh_token: OpaqueToken


class AcceptInvitationRequest(InputModel):
    token: OpaqueToken
    password: NewPassword


class AcceptedInvitation(ReadModel):
    workspace: str
    email: str


class ForgotPasswordRequest(InputModel):
    workspace: WorkspaceSlug
    email: Annotated[str, StringConstraints(min_length=3, max_length=254)]


class ResetPasswordRequest(InputModel):
    token: OpaqueToken
    password: NewPassword


class Accepted(ReadModel):
    detail: str


# --- MFA --------------------------------------------------------------------------------------

class MfaSetup(ReadModel):
    secret: str = Field(description="Base32 TOTP secret (shown during setup only)")
    otpauth_uri: str
    qr_svg: str = Field(description="The otpauth URI as a QR code (SVG)")


class MfaCode(InputModel):
    code: TotpCode


class RecoveryCodes(ReadModel):
    recovery_codes: list[str] = Field(description="Shown once: each works once instead of a code")


# --- Roles and permissions ------------------------------------------------------------------------

class PermissionRead(ReadModel):
    key: str
    domain: str
    description: str


class RoleRef(ReadModel):
    id: uuid.UUID
    key: str
    name: str


class RoleRead(ReadModel):
    id: uuid.UUID
    key: str
    name: str
    description: str
    built_in: bool
    permissions: list[str]
    optional_permissions: list[str]
    mfa_required: bool
    created_at: datetime
    updated_at: datetime


RoleKey = Annotated[str, StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]
Permissions = Annotated[list[PermissionKey], Field(max_length=200)]


class RoleCreate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    key: RoleKey | None = Field(default=None, description="Stable identifier; derived from the name if omitted")
    description: Description = ""
    permissions: Permissions = []
    optional_permissions: Permissions = []
    mfa_required: bool = False


class RoleUpdate(InputModel):
    """Only the fields sent change. A built-in role's permissions are fixed (defined in code)."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    description: Description | None = None
    permissions: Permissions | None = None
    optional_permissions: Permissions | None = None
    mfa_required: bool | None = None


class RoleFilters(ListQuery):
    q: SearchTerm | None = Field(default=None, description="Part of the name; accents and case ignored")


class UserPermissionsUpdate(InputModel):
    optional_permissions: Permissions


class UserPermissionsRead(ReadModel):
    optional_permissions: list[str]
    offered: list[str] = Field(description="Optional permissions the user's roles offer")
    effective: list[str]


# --- Users ----------------------------------------------------------------------------------------

UserStatus = Literal["active", "inactive"]
UserSort = Literal["name", "-name", "created_at", "-created_at"]


class UserCreate(InputModel):
    first_name: PersonName
    last_name: LastName = ""
    email: Email
    roles: Annotated[list[uuid.UUID], Field(min_length=1, max_length=20)]
    phone: Phone | None = None
    culture: Culture | None = Field(default=None, description="Defaults to the workspace's language")
    timezone: TimeZone | None = None
    is_specialist: bool = False
    optional_permissions: Permissions = []
    custom_fields: CustomFieldValues | None = Field(default=None, description="Additional fields (PRODUCT B4)")


class UserUpdate(InputModel):
    """Only the fields sent change; ``null`` clears phone and timezone."""

    first_name: PersonName | None = None
    last_name: LastName | None = None
    email: Email | None = None
    roles: Annotated[list[uuid.UUID], Field(min_length=1, max_length=20)] | None = None
    phone: Phone | None = None
    culture: Culture | None = None
    timezone: TimeZone | None = None
    is_specialist: bool | None = None
    custom_fields: CustomFieldValues | None = Field(
        default=None, description="Merged key by key; `null` for a key clears that field")


class UserSummary(ReadModel):
    id: uuid.UUID
    first_name: str
    last_name: str
    email: str
    status: UserStatus
    is_specialist: bool
    has_photo: bool
    roles: list[RoleRef]
    last_login_at: datetime | None
    created_at: datetime


class SpecialtyRef(ReadModel):
    id: uuid.UUID
    name: str


class UserRead(ReadModel):
    id: uuid.UUID
    first_name: str
    last_name: str
    email: str
    phone: str | None
    culture: Culture
    timezone: str | None
    status: UserStatus
    is_specialist: bool
    has_photo: bool
    roles: list[RoleRef]
    optional_permissions: list[str]
    specialties: list[SpecialtyRef]
    custom_fields: dict[str, Any]
    invitation_pending: bool = Field(description="The user has not set a password yet")
    mfa_enabled: bool
    last_login_at: datetime | None
    created_at: datetime
    updated_at: datetime


class UserFilters(ListQuery):
    q: SearchTerm | None = Field(default=None, description="Part of the name or email; accents and case ignored")
    role_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    status: UserStatus | None = None
    is_specialist: bool | None = None
    specialty_id: uuid.UUID | None = None
    sort: UserSort = "name"


class UserSpecialtiesUpdate(InputModel):
    specialty_ids: Ids


# --- Profile --------------------------------------------------------------------------------------

class MeRead(ReadModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    workspace: str
    email: EmailStr | str
    first_name: str
    last_name: str
    culture: Culture
    timezone: str | None
    phone: str | None
    status: str
    is_specialist: bool
    has_photo: bool
    roles: list[RoleRef]
    optional_permissions: list[str]
    permissions: list[str]
    mfa_enabled: bool
    mfa_required: bool = Field(description="One of the user's roles requires MFA")
    mfa_enrollment_required: bool = Field(description="This session may only enrol in MFA")
    via_integration_token: bool
    created_at: datetime


class ProfileUpdate(InputModel):
    first_name: PersonName | None = None
    last_name: LastName | None = None
    phone: Phone | None = None
    culture: Culture | None = None
    timezone: TimeZone | None = None


class PasswordChange(InputModel):
    current_password: Password
    new_password: NewPassword


# --- Integration tokens --------------------------------------------------------------------------

class IntegrationTokenCreate(InputModel):
    description: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    expires_at: Timestamp = Field(description="In the future, at most a year ahead")


class IntegrationTokenRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    prefix: str = Field(description="The token's first characters, to recognise it")
    description: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class IntegrationTokenCreated(IntegrationTokenRead):
    token: str = Field(description="The secret: shown once, now; store it safely")


class IntegrationTokenFilters(ListQuery):
    include_revoked: bool = False


# --- Groups ---------------------------------------------------------------------------------------

GroupKind = Literal["agents", "specialists"]


class GroupCreate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    kind: GroupKind
    description: Description = ""
    member_ids: Ids = []


class GroupUpdate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    description: Description | None = None


class GroupRead(ReadModel):
    id: uuid.UUID
    name: str
    kind: GroupKind
    description: str
    member_count: int
    created_at: datetime
    updated_at: datetime


class GroupFilters(ListQuery):
    q: SearchTerm | None = None
    kind: GroupKind | None = None


class GroupMembers(InputModel):
    user_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=500)]


class MemberFilters(ListQuery):
    pass


class UserRef(ReadModel):
    id: uuid.UUID
    first_name: str
    last_name: str
    email: str
    status: UserStatus


# --- Specialists ----------------------------------------------------------------------------------

class SpecialtyCreate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    description: Description = ""


class SpecialtyUpdate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    description: Description | None = None


class SpecialtyRead(ReadModel):
    id: uuid.UUID
    name: str
    description: str
    created_at: datetime
    updated_at: datetime


class SpecialtyFilters(ListQuery):
    q: SearchTerm | None = None


class WorkingHours(InputModel):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday")
    start: time
    end: time

    @model_validator(mode="after")
    def _ordered(self) -> WorkingHours:
        if self.start >= self.end:
            raise PydanticCustomError("time_order", "The start must be before the end")
        return self


Hours = Annotated[list[WorkingHours], Field(max_length=50)]


class CalendarCreate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    hours: Hours

    @field_validator("hours")
    @classmethod
    def _no_overlap(cls, hours: list[WorkingHours]) -> list[WorkingHours]:
        return _check_hours(hours)


class CalendarUpdate(InputModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    hours: Hours | None = None

    @field_validator("hours")
    @classmethod
    def _no_overlap(cls, hours: list[WorkingHours] | None) -> list[WorkingHours] | None:
        return None if hours is None else _check_hours(hours)


def _check_hours(hours: list[WorkingHours]) -> list[WorkingHours]:
    ordered = sorted(hours, key=lambda h: (h.weekday, h.start))
    for before, after in itertools.pairwise(ordered):
        if before.weekday == after.weekday and after.start < before.end:
            raise PydanticCustomError("hours_overlap", "Working hours of the same day overlap")
    return ordered


class WorkingHoursRead(ReadModel):
    weekday: int
    start: time
    end: time


class CalendarRead(ReadModel):
    id: uuid.UUID
    name: str
    hours: list[WorkingHoursRead]
    created_at: datetime
    updated_at: datetime


class CalendarFilters(ListQuery):
    q: SearchTerm | None = None


class ShiftCreate(InputModel):
    starts_on: date = Field(alias="from", description="First day of the shift")
    ends_on: date = Field(alias="to", description="Last day of the shift (inclusive)")
    calendar_id: uuid.UUID

    @model_validator(mode="after")
    def _ordered(self) -> ShiftCreate:
        if self.starts_on > self.ends_on:
            raise PydanticCustomError("date_order", "'from' must not be after 'to'")
        return self


class ShiftRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    starts_on: date = Field(serialization_alias="from")
    ends_on: date = Field(serialization_alias="to")
    calendar: CalendarRead
    created_at: datetime


class ShiftFilters(ListQuery):
    pass


CommentPriority = Literal["low", "normal", "high"]


class CommentCreate(InputModel):
    body: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    priority: CommentPriority = "normal"
    private: bool = False
    pinned: bool = False


class CommentUpdate(InputModel):
    body: Annotated[str, StringConstraints(min_length=1, max_length=5000)] | None = None
    priority: CommentPriority | None = None
    private: bool | None = None
    pinned: bool | None = None


class CommentRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    author: UserRef | None
    body: str
    priority: CommentPriority
    private: bool
    pinned: bool
    created_at: datetime
    updated_at: datetime


class CommentFilters(ListQuery):
    pass
