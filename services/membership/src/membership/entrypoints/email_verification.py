"""Routes of e-mail verification: confirming an address with the link's single-use token."""

from typing import Annotated, Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.bodies import JsonRoute
from cloth_shared.inputs import SingleLine
from cloth_shared.openapi import problem_responses
from membership.entrypoints.dependencies import UoW
from membership.service_layer.email_verification import verify_email

router = APIRouter(tags=["accounts"], route_class=JsonRoute)

LinkToken = Annotated[str, Field(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$"), SingleLine]


class VerifyEmailCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"token": "Jf3q9Yc1uXb2W7pQeR5tZk8vLm4nHs0aDg6iOy2cPwE"}]},
    )

    token: LinkToken = Field(description="The token of the link e-mailed to the address.")


class SignUpAccepted(BaseModel):
    """The same answer whether or not the address already had an account."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"status": "check-your-email", "detail": "A message is on its way to the address."}]
        }
    )

    status: Literal["check-your-email"] = "check-your-email"
    detail: str = (
        "A message is on its way to the address. Sign in with your password; e-mail from the "
        "platform starts once you have opened the link it contains."
    )


class EmailChangeAccepted(BaseModel):
    """The same answer whether or not the new address already has an account."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"status": "check-your-email", "detail": "A link is on its way to the new address."}]
        }
    )

    status: Literal["check-your-email"] = "check-your-email"
    detail: str = (
        "A link is on its way to the new address. Until it is opened, sign in and receive e-mail "
        "with the current one."
    )


@router.post(
    "/auth/verify-email",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Confirm an e-mail address with the single-use token of the link sent to it.",
    responses=problem_responses(404, 409, 413, 415, 422),
)
async def confirm_email(body: VerifyEmailCreate, uow: UoW) -> None:
    await verify_email(uow, body.token)
