"""Identity routes, one module per area; all tagged ``identity`` (operation ids
``identity-<handler>``)."""

from fastapi import APIRouter

from api.identity.endpoints import groups, me, roles, signin, specialists, tokens, users

router = APIRouter()
for _module in (signin, me, users, roles, tokens, groups, specialists):
    router.include_router(_module.router)
