"""Staff users: list, create (invites), read, change, (de)activate, delete, photo, optional
permissions, invitation resend."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, UploadFile, status

from api.core.schemas import Page
from api.identity import access, account_links, sessions, users
from api.identity.auth import RolesWrite, UsersDelete, UsersRead, UsersWrite
from api.identity.schemas import (
    UserCreate,
    UserFilters,
    UserPermissionsRead,
    UserPermissionsUpdate,
    UserRead,
    UserSummary,
    UserUpdate,
)
from api.identity.users import PHOTO_FILE

router = APIRouter(prefix="/users", tags=["identity"])


@router.get("", response_model=Page[UserSummary], summary="List staff users")
async def list_users(ctx: UsersRead, filters: Annotated[UserFilters, Query()]) -> Page[UserSummary]:
    return await users.list_users(ctx, filters)


@router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED,
             summary="Create a staff user and email them an invitation")
async def create_user(ctx: UsersWrite, body: UserCreate, response: Response) -> UserRead:
    user = await users.create_user(ctx, body)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return user


@router.get("/{user_id}", response_model=UserRead, summary="Read a staff user")
async def read_user(ctx: UsersRead, user_id: uuid.UUID) -> UserRead:
    return await users.get_user(ctx, user_id)


@router.patch("/{user_id}", response_model=UserRead, summary="Change a staff user")
async def update_user(ctx: UsersWrite, user_id: uuid.UUID, body: UserUpdate) -> UserRead:
    return await users.update_user(ctx, user_id, body)


@router.delete("/{user_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a staff user (soft: history stays, sign-in and tokens stop)")
async def delete_user(ctx: UsersDelete, user_id: uuid.UUID) -> None:
    await users.delete_user(ctx, user_id)


@router.post("/{user_id}/deactivate", response_model=UserRead, summary="Deactivate (ends their sessions at once)")
async def deactivate_user(ctx: UsersWrite, user_id: uuid.UUID) -> UserRead:
    return await users.set_status(ctx, user_id, "inactive")


@router.post("/{user_id}/activate", response_model=UserRead, summary="Activate again")
async def activate_user(ctx: UsersWrite, user_id: uuid.UUID) -> UserRead:
    return await users.set_status(ctx, user_id, "active")


@router.post("/{user_id}/invitation", status_code=status.HTTP_202_ACCEPTED,
             summary="Send the invitation again (the previous link stops working)")
async def resend_invitation(ctx: UsersWrite, user_id: uuid.UUID) -> None:
    await account_links.resend_invitation(ctx, user_id)


@router.post("/{user_id}/sessions/revoke", status_code=status.HTTP_204_NO_CONTENT,
             summary="Sign a user out everywhere (their access tokens stop at once)")
async def end_user_sessions(ctx: UsersWrite, user_id: uuid.UUID) -> None:
    await sessions.end_user_sessions(ctx, user_id)


@router.get("/{user_id}/permissions", response_model=UserPermissionsRead,
            summary="A user's optional permissions, those their roles offer, and the effective set")
async def read_user_permissions(ctx: UsersRead, user_id: uuid.UUID) -> UserPermissionsRead:
    return await access.read_user_permissions(ctx, user_id)


@router.put("/{user_id}/permissions", response_model=UserPermissionsRead,
            summary="Grant exactly these optional permissions (each offered by one of the user's roles)")
async def set_user_permissions(ctx: RolesWrite, user_id: uuid.UUID,
                               body: UserPermissionsUpdate) -> UserPermissionsRead:
    return await access.set_user_permissions(ctx, user_id, body.optional_permissions)


@router.put("/{user_id}/photo", response_model=UserRead, summary="Upload a user's photo (an image, at most 5 MB)")
async def upload_user_photo(ctx: UsersWrite, user_id: uuid.UUID, file: UploadFile = PHOTO_FILE) -> UserRead:
    return await users.store_photo(ctx, user_id, file)


@router.get("/{user_id}/photo", response_class=Response, summary="A user's photo",
            responses={200: {"content": {"image/*": {}}}})
async def read_user_photo(ctx: UsersRead, user_id: uuid.UUID) -> Response:
    data, content_type = await users.read_photo(ctx, user_id)
    return Response(content=data, media_type=content_type)


@router.delete("/{user_id}/photo", status_code=status.HTTP_204_NO_CONTENT, summary="Remove a user's photo")
async def delete_user_photo(ctx: UsersWrite, user_id: uuid.UUID) -> None:
    await users.remove_photo(ctx, user_id)
