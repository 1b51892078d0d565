"""What the library's HTTP API takes: what authors and moderators send."""

from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from cloth_shared.inputs import MultiLine, SingleLine
from knowledge.domain.library.resources import Content
from knowledge.domain.library.vocabulary import Kind, Language


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), SingleLine]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), MultiLine]
Markdown = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100_000),
    MultiLine,
    Field(description="Markdown; raw HTML is shown as text."),
]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), SingleLine]
Labels = Annotated[list[Label], Field(max_length=20), AfterValidator(_unique)]
Link = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), SingleLine]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=4000), MultiLine]

_CONTENT_EXAMPLE: dict[str, Any] = {
    "title": "Moda sostenible: guía de ecodiseño",
    "summary": "Cómo diseñar prendas sostenibles desde el primer boceto.",
    "body": "## Materiales\n\nElige fibras **recicladas** y tintes naturales.",
    "tags": ["ecodiseño"],
    "value_chains": ["apparel"],
    "regions": ["ES51"],
    "links": ["https://example.org/ecodesign"],
}


def _example(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"examples": [example]})


class ContentBody(BaseModel):
    model_config = _example(_CONTENT_EXAMPLE)

    title: Title
    summary: Summary
    body: Markdown
    tags: Labels = []
    value_chains: Labels = []
    regions: Labels = []
    links: Annotated[list[Link], Field(max_length=20), AfterValidator(_unique)] = Field(
        default=[], description="Absolute http(s) addresses."
    )

    def content(self) -> Content:
        return Content(
            title=self.title,
            summary=self.summary,
            body=self.body,
            tags=tuple(self.tags),
            value_chains=tuple(self.value_chains),
            regions=tuple(self.regions),
            links=tuple(self.links),
        )


class ResourceCreate(ContentBody):
    model_config = _example(
        {"kind": "guide", "language": "es", "author_organisation_id": "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02"}
        | _CONTENT_EXAMPLE
    )

    kind: Kind
    language: Language
    author_organisation_id: UUID


class TranslationCreate(ContentBody):
    model_config = _example({"language": "ca"} | _CONTENT_EXAMPLE)

    language: Language


class SendBackBody(BaseModel):
    model_config = _example({"comment": "Add the sources of the figures in the second section."})

    comment: Comment
