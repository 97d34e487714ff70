"""The signed-in user: profile, photo, sessions, password, MFA."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, UploadFile, status

from api.core.schemas import Page
from api.identity import mfa, profile, sessions, users
from api.identity.auth import Authenticated, Enrolling, Interactive, Me
from api.identity.schemas import (
    MeRead,
    MfaCode,
    MfaSetup,
    PasswordChange,
    ProfileUpdate,
    RecoveryCodes,
    SessionFilters,
    SessionRead,
)
from api.identity.users import PHOTO_FILE

router = APIRouter(prefix="/me", tags=["identity"])


@router.get("", response_model=MeRead, summary="The signed-in user and their effective permissions")
async def read_me(ctx: Me) -> MeRead:
    return await profile.me(ctx)


@router.patch("", response_model=MeRead, summary="Edit my name, phone, culture or time zone")
async def update_me(ctx: Authenticated, body: ProfileUpdate) -> MeRead:
    return await profile.update_profile(ctx, body)


@router.put("/photo", response_model=MeRead, summary="Upload my photo (an image, at most 5 MB)")
async def upload_my_photo(ctx: Authenticated, file: UploadFile = PHOTO_FILE) -> MeRead:
    await users.store_photo(ctx, ctx.principal.user_id, file)  # type: ignore[union-attr]
    return await profile.me(ctx)


@router.get("/photo", response_class=Response, summary="My photo",
            responses={200: {"content": {"image/*": {}}}})
async def read_my_photo(ctx: Authenticated) -> Response:
    data, content_type = await users.read_photo(ctx, ctx.principal.user_id)  # type: ignore[union-attr]
    return Response(content=data, media_type=content_type)


@router.delete("/photo", status_code=status.HTTP_204_NO_CONTENT, summary="Remove my photo")
async def delete_my_photo(ctx: Authenticated) -> None:
    await users.remove_photo(ctx, ctx.principal.user_id)  # type: ignore[union-attr]


@router.get("/sessions", response_model=Page[SessionRead], summary="My live sessions (sign-ins), newest first")
async def list_my_sessions(ctx: Authenticated, filters: Annotated[SessionFilters, Query()]) -> Page[SessionRead]:
    return await sessions.list_my_sessions(ctx, filters)


@router.delete("/sessions/{session_id}", status_code=status.HTTP_204_NO_CONTENT, summary="End one of my sessions")
async def end_my_session(ctx: Authenticated, session_id: uuid.UUID) -> None:
    await sessions.end_my_session(ctx, session_id)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT,
             summary="Change my password (ends my other sessions)")
async def change_my_password(ctx: Interactive, body: PasswordChange) -> None:
    await profile.change_password(ctx, body)


@router.post("/mfa/setup", response_model=MfaSetup, summary="Start TOTP enrolment: secret, otpauth URI, QR code")
async def setup_mfa(ctx: Enrolling) -> MfaSetup:
    return await mfa.setup(ctx)


@router.post("/mfa/enable", response_model=RecoveryCodes,
             summary="Confirm enrolment with a code; returns 10 recovery codes, shown once")
async def enable_mfa(ctx: Enrolling, body: MfaCode) -> RecoveryCodes:
    return await mfa.enable(ctx, body.code)


@router.post("/mfa/disable", status_code=status.HTTP_204_NO_CONTENT, summary="Turn MFA off (needs a current code)")
async def disable_mfa(ctx: Interactive, body: MfaCode) -> None:
    await mfa.disable(ctx, body.code)


@router.post("/mfa/recovery-codes", response_model=RecoveryCodes,
             summary="Replace my recovery codes (needs a current code; the old ones stop working)")
async def regenerate_recovery_codes(ctx: Interactive, body: MfaCode) -> RecoveryCodes:
    return await mfa.regenerate_recovery_codes(ctx, body.code)
