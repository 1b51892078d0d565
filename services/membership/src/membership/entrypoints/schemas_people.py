"""Request and response bodies of accounts, tokens, people and partner clients."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from cloth_shared.contracts.membership import PersonRole
from cloth_shared.inputs import Email, SingleLine
from membership.entrypoints.schemas import LanguageCode

NewPassword = Annotated[
    str,
    Field(min_length=12, max_length=200, description="12 to 200 characters, not a common password."),
    SingleLine,
]
Password = Annotated[str, Field(min_length=1, max_length=200), SingleLine]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), SingleLine]
Scope = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9:._-]{1,63}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignUpCreate(_Strict):
    email: Email
    password: NewPassword
    display_name: Name
    language: LanguageCode = Field(default="en", description="ISO 639-1; what we write to you in.")
    invitation_token: Annotated[str, Field(min_length=10, max_length=100), SingleLine] | None = None


class SignInCreate(_Strict):
    email: Email
    password: Password


class PasswordChange(_Strict):
    current_password: Password
    new_password: NewPassword


class EmailChange(_Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"email": "nuria@teixits.example", "current_password": "my current password"}]
        },
    )

    email: Email = Field(description="The new address; it is the account's once its link is opened.")
    current_password: Password


class ClientTokenCreate(_Strict):
    client_id: UUID
    client_secret: Annotated[str, Field(min_length=10, max_length=200), SingleLine]


class RefreshCreate(_Strict):
    refresh_token: Annotated[str, Field(min_length=20, max_length=200), SingleLine]


class TokenPublic(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - an OAuth2 token type, not a secret
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_token: str | None = Field(
        default=None,
        description="Exchange it once at /auth/refresh for the next tokens (people only; shown once).",
    )
    refresh_expires_in: int | None = Field(
        default=None, description="Seconds until the session ends: then sign in again."
    )
    subject: UUID
    roles: list[str]
    organisation_id: UUID | None
    cluster_id: UUID | None
    scopes: list[str]


class ClientCreate(_Strict):
    name: Name
    scopes: Annotated[list[Scope], Field(max_length=20)] = []


class ClientCreated(BaseModel):
    client_id: UUID
    client_secret: str = Field(description="Shown once; store it now.")
    scopes: list[str]


class InvitationCreate(_Strict):
    email: Email
    role: PersonRole
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None


class InvitationCreated(BaseModel):
    id: UUID
    email: str
    role: str
    organisation_id: UUID | None
    cluster_id: UUID | None
    expires_at: datetime
    invitation_token: str = Field(description="Give it to the invitee; they sign up with it. Shown once.")


class RoleUpdate(_Strict):
    role: PersonRole
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None


class PersonPublic(BaseModel):
    id: UUID
    display_name: str | None
    email: str | None
    language: str
    role: str | None
    organisation_id: UUID | None
    cluster_id: UUID | None
    created_at: datetime
