"""Signing in and out, refreshing, MFA step, invitations and password resets (public routes
are throttled; see api.identity.throttle)."""

from fastapi import APIRouter, status

from api.core.context import Public
from api.identity import account_links, sessions
from api.identity.auth import Me
from api.identity.schemas import (
    Accepted,
    AcceptedInvitation,
    AcceptInvitationRequest,
    ForgotPasswordRequest,
    LoginRequest,
    MfaChallenge,
    MfaVerifyRequest,
    RefreshRequest,
    ResetPasswordRequest,
    TokenPair,
)

router = APIRouter(prefix="/auth", tags=["identity"])


@router.post("/login", response_model=TokenPair | MfaChallenge, summary="Sign in to a workspace")
async def login(ctx: Public, body: LoginRequest) -> TokenPair | MfaChallenge:
    return await sessions.login(ctx, body)


@router.post("/mfa/verify", response_model=TokenPair, summary="Complete a sign-in with a TOTP or recovery code")
async def verify_mfa(ctx: Public, body: MfaVerifyRequest) -> TokenPair:
    return await sessions.verify_mfa(ctx, body)


@router.post("/refresh", response_model=TokenPair, summary="Rotate the refresh token for a new pair")
async def refresh_session(ctx: Public, body: RefreshRequest) -> TokenPair:
    return await sessions.refresh(ctx, body.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, summary="End the current session")
async def logout(ctx: Me) -> None:
    await sessions.logout(ctx)


LINK_ERRORS = {410: {"description": "The link was used, replaced by a newer one, or has expired"}}


@router.post("/invitations/accept", response_model=AcceptedInvitation, responses=LINK_ERRORS,
             summary="Set the password with an invitation link's token")
async def accept_invitation(ctx: Public, body: AcceptInvitationRequest) -> AcceptedInvitation:
    return await account_links.accept_invitation(ctx, body)


@router.post("/password/forgot", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
             summary="Email a password-reset link (same answer whether or not the account exists)")
async def forgot_password(ctx: Public, body: ForgotPasswordRequest) -> Accepted:
    return await account_links.request_password_reset(ctx, body)


@router.post("/password/reset", status_code=status.HTTP_204_NO_CONTENT, responses=LINK_ERRORS,
             summary="Set a new password with a reset link's token (does not sign in)")
async def reset_password(ctx: Public, body: ResetPasswordRequest) -> None:
    await account_links.reset_password(ctx, body)
