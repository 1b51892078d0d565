"""Field types the analysis and roadmap request bodies share: bounded text, codes, figures.

Every text type carries the shared input policy's SingleLine or MultiLine marker; figures are
strict, finite JSON numbers; long text is plain text, returned as given and never as HTML.
"""

from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, ConfigDict, Field, HttpUrl, Strict, StringConstraints

from cloth_shared.inputs import MultiLine, SingleLine, StrictInt

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), SingleLine]
Unit = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), SingleLine]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000), MultiLine]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), MultiLine]
Code = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z][A-Z0-9.-]{0,15}$"),
    SingleLine,
    Field(description="A short code unique in its list, e.g. O1, A1.2, I3."),
]
IndicatorKey = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,59}$"),
    SingleLine,
    Field(description="snake_case, e.g. fashion_textile_companies, employment, exports."),
]
Figure = Annotated[float, Strict(), Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
Year = Annotated[StrictInt, Field(ge=2000, le=2100)]
SourceUrl = Annotated[HttpUrl, Field(max_length=500)]


def unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


ClusterIds = Annotated[list[UUID], Field(min_length=1, max_length=5), AfterValidator(unique)]
PartnerIds = Annotated[list[UUID], Field(max_length=4), AfterValidator(unique)]
Codes = Annotated[list[Code], Field(min_length=1, max_length=10), AfterValidator(unique)]


def example(*examples: dict[str, Any]) -> ConfigDict:
    """A request schema's config: unknown fields refused, examples shown in the OpenAPI document."""
    return ConfigDict(extra="forbid", json_schema_extra={"examples": list(examples)})


def response_example(*examples: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})
