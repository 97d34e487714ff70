"""Company and project routes."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.companies import projects, service
from api.companies.auth import CompaniesRead, CompaniesWrite, ProjectsRead, ProjectsWrite
from api.companies.schemas import (
    AssociationResult,
    CompanyCreate,
    CompanyFilters,
    CompanyRead,
    CompanyUpdate,
    ContactAssociation,
    MemberPut,
    MemberRead,
    ProjectCreate,
    ProjectFilters,
    ProjectRead,
    ProjectUpdate,
    ProjectUserRead,
    UserAssociation,
)
from api.core.pagination import ListQuery
from api.core.schemas import Page

router = APIRouter(prefix="/companies", tags=["companies"])
NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.get("", response_model=Page[CompanyRead], summary="List companies")
async def list_companies(ctx: CompaniesRead, filters: Annotated[CompanyFilters, Query()]) -> Page[CompanyRead]:
    return await service.list_companies(ctx, filters)


@router.post("", response_model=CompanyRead, status_code=status.HTTP_201_CREATED, summary="Create a company")
async def create_company(ctx: CompaniesWrite, body: CompanyCreate, response: Response) -> CompanyRead:
    company = await service.create_company(ctx, body)
    response.headers["Location"] = f"/api/v1/companies/{company.id}"
    return CompanyRead.model_validate(company)


@router.get("/{company_id}", response_model=CompanyRead, summary="Read a company")
async def read_company(ctx: CompaniesRead, company_id: uuid.UUID) -> CompanyRead:
    return CompanyRead.model_validate(await service.get_company(ctx, company_id))


@router.patch("/{company_id}", response_model=CompanyRead, summary="Change a company")
async def update_company(ctx: CompaniesWrite, company_id: uuid.UUID, body: CompanyUpdate) -> CompanyRead:
    return CompanyRead.model_validate(await service.update_company(ctx, company_id, body))


@router.delete("/{company_id}", status_code=NO_CONTENT, summary="Delete a company (its members stay as contacts)")
async def delete_company(ctx: CompaniesWrite, company_id: uuid.UUID) -> None:
    await service.delete_company(ctx, company_id)


@router.get("/{company_id}/members", response_model=Page[MemberRead], summary="The company's members")
async def list_company_members(ctx: CompaniesRead, company_id: uuid.UUID,
                               query: Annotated[ListQuery, Query()]) -> Page[MemberRead]:
    return await service.list_members(ctx, company_id, query.page)


@router.put("/{company_id}/members/{contact_id}", status_code=NO_CONTENT,
            summary="Add a contact to the company, or change its role (is_admin hands over the admin role)")
async def put_company_member(ctx: CompaniesWrite, company_id: uuid.UUID, contact_id: uuid.UUID,
                             body: MemberPut) -> None:
    await service.put_member(ctx, company_id, contact_id, body)


@router.delete("/{company_id}/members/{contact_id}", status_code=NO_CONTENT,
               summary="Take a contact out of the company")
async def remove_company_member(ctx: CompaniesWrite, company_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    await service.remove_member(ctx, company_id, contact_id)


projects_router = APIRouter(prefix="/projects", tags=["projects"])


@projects_router.get("", response_model=Page[ProjectRead], summary="List projects")
async def list_projects(ctx: ProjectsRead, filters: Annotated[ProjectFilters, Query()]) -> Page[ProjectRead]:
    return await projects.list_projects(ctx, filters)


@projects_router.post("", response_model=ProjectRead, status_code=status.HTTP_201_CREATED,
                      summary="Create a project")
async def create_project(ctx: ProjectsWrite, body: ProjectCreate, response: Response) -> ProjectRead:
    project = await projects.create_project(ctx, body)
    response.headers["Location"] = f"/api/v1/projects/{project.id}"
    return ProjectRead.model_validate(project)


@projects_router.get("/{project_id}", response_model=ProjectRead, summary="Read a project")
async def read_project(ctx: ProjectsRead, project_id: uuid.UUID) -> ProjectRead:
    return ProjectRead.model_validate(await projects.get_project(ctx, project_id))


@projects_router.patch("/{project_id}", response_model=ProjectRead, summary="Change a project")
async def update_project(ctx: ProjectsWrite, project_id: uuid.UUID, body: ProjectUpdate) -> ProjectRead:
    return ProjectRead.model_validate(await projects.update_project(ctx, project_id, body))


@projects_router.delete("/{project_id}", status_code=NO_CONTENT, summary="Delete a project")
async def delete_project(ctx: ProjectsWrite, project_id: uuid.UUID) -> None:
    await projects.delete_project(ctx, project_id)


@projects_router.post("/{project_id}/contacts", response_model=AssociationResult,
                      summary="Associate contacts to the project (up to 1,000; GET /contacts?project_id= lists them)")
async def associate_project_contacts(ctx: ProjectsWrite, project_id: uuid.UUID,
                                     body: ContactAssociation) -> AssociationResult:
    return AssociationResult(changed=await projects.associate_contacts(ctx, project_id, body.contact_ids))


@projects_router.post("/{project_id}/contacts/disassociate", response_model=AssociationResult,
                      summary="Disassociate contacts from the project (up to 1,000)")
async def disassociate_project_contacts(ctx: ProjectsWrite, project_id: uuid.UUID,
                                        body: ContactAssociation) -> AssociationResult:
    return AssociationResult(changed=await projects.disassociate_contacts(ctx, project_id, body.contact_ids))


@projects_router.delete("/{project_id}/contacts/{contact_id}", status_code=NO_CONTENT,
                        summary="Disassociate one contact from the project")
async def disassociate_project_contact(ctx: ProjectsWrite, project_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    await projects.disassociate_contacts(ctx, project_id, [contact_id])


@projects_router.get("/{project_id}/users", response_model=Page[ProjectUserRead],
                     summary="The staff users associated to the project")
async def list_project_users(ctx: ProjectsRead, project_id: uuid.UUID,
                             query: Annotated[ListQuery, Query()]) -> Page[ProjectUserRead]:
    return await projects.list_project_users(ctx, project_id, query.page)


@projects_router.post("/{project_id}/users", response_model=AssociationResult,
                      summary="Associate staff users to the project (up to 1,000)")
async def associate_project_users(ctx: ProjectsWrite, project_id: uuid.UUID,
                                  body: UserAssociation) -> AssociationResult:
    return AssociationResult(changed=await projects.associate_users(ctx, project_id, body.user_ids))


@projects_router.post("/{project_id}/users/disassociate", response_model=AssociationResult,
                      summary="Disassociate staff users from the project (up to 1,000)")
async def disassociate_project_users(ctx: ProjectsWrite, project_id: uuid.UUID,
                                     body: UserAssociation) -> AssociationResult:
    return AssociationResult(changed=await projects.disassociate_users(ctx, project_id, body.user_ids))


@projects_router.delete("/{project_id}/users/{user_id}", status_code=NO_CONTENT,
                        summary="Disassociate one staff user from the project")
async def disassociate_project_user(ctx: ProjectsWrite, project_id: uuid.UUID, user_id: uuid.UUID) -> None:
    await projects.disassociate_users(ctx, project_id, [user_id])
