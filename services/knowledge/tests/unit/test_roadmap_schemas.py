"""The examples the OpenAPI document shows for analyses and the roadmap are valid bodies."""

import inspect

import pytest
from pydantic import BaseModel

from knowledge.entrypoints import (
    analysis_schemas,
    cluster_schemas,
    cooperation_schemas,
    label_schemas,
    roadmap_schemas,
)

EXAMPLES = [
    pytest.param(model, example, id=model.__name__)
    for module in (analysis_schemas, roadmap_schemas, cluster_schemas, label_schemas, cooperation_schemas)
    for _, model in inspect.getmembers(module, inspect.isclass)
    if issubclass(model, BaseModel) and model.__module__ == module.__name__
    for example in (model.model_config.get("json_schema_extra") or {}).get("examples", [])  # type: ignore[union-attr]
]


def test_every_request_and_answer_of_the_roadmap_shows_an_example() -> None:
    assert len(EXAMPLES) >= 20


@pytest.mark.parametrize(("model", "example"), EXAMPLES)
def test_each_example_is_valid_for_its_schema(model: type[BaseModel], example: dict[str, object]) -> None:
    model.model_validate(example)
