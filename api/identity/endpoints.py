"""Identity routes: sign-in and the signed-in user."""

from fastapi import APIRouter

from api.core.context import Public
from api.identity import service
from api.identity.auth import Me
from api.identity.schemas import LoginRequest, MeRead, TokenPair

router = APIRouter(tags=["identity"])


@router.post("/auth/login", response_model=TokenPair, summary="Sign in to a workspace")
async def login(ctx: Public, body: LoginRequest) -> TokenPair:
    return await service.login(ctx, body)


@router.get("/me", response_model=MeRead, summary="The signed-in user and their effective permissions")
async def read_me(ctx: Me) -> MeRead:
    return await service.me(ctx)
