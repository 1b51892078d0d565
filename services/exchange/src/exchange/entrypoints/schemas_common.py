"""Field types every exchange request schema shares: bounded strings and lists, codes.

Every text type carries the shared input policy's SingleLine or MultiLine marker (no control or
invisible characters); counts are strict integers; flags strict booleans. Amounts and distances
are decimals, given as JSON numbers or decimal strings ("550.00"), as the event contracts carry
them: never booleans, NaN or infinities.
"""

from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

from cloth_shared.inputs import MultiLine, SingleLine, StrictBool, StrictInt

T = TypeVar("T")

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), SingleLine]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), SingleLine]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000), MultiLine]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), MultiLine]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000), MultiLine
]
CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}$"), SingleLine, Field(description="ISO 3166-1 alpha-2")
]
LanguageCode = Annotated[
    str, StringConstraints(pattern=r"^[a-z]{2}$"), SingleLine, Field(description="ISO 639-1")
]
ValueChain = Annotated[str, StringConstraints(pattern=r"^[a-z_]{2,40}$"), SingleLine]
Count = StrictInt
Flag = StrictBool


def decimal_schema(description: str, *, pattern: str, **bounds: float) -> WithJsonSchema:
    """A decimal's exact JSON Schema: a number within `bounds` (minimum, multipleOf …) or a decimal
    string matching `pattern`. Pydantic's own leaves the string form unconstrained, so a client
    (or a fuzzer) reading the document would send "" or "9999.999" and be refused."""
    number = {"type": "number", **bounds}
    return WithJsonSchema(
        {"anyOf": [number, {"type": "string", "pattern": pattern}], "description": description}
    )


def unique(items: list[T]) -> list[T]:
    """Duplicates dropped, first occurrence kept (use with AfterValidator)."""
    return list(dict.fromkeys(items))


Lines = Annotated[list[Line], Field(min_length=1, max_length=20), AfterValidator(unique)]
Tags = Annotated[list[Title], Field(max_length=20), AfterValidator(unique)]
Languages = Annotated[list[LanguageCode], Field(max_length=10), AfterValidator(unique)]


def example(*examples: dict[str, Any]) -> ConfigDict:
    """A request schema's config: unknown fields refused, examples shown in the OpenAPI document."""
    return ConfigDict(extra="forbid", json_schema_extra={"examples": list(examples)})
