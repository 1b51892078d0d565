"""Every operation of every service's OpenAPI document, fuzzed, answers as the document says.

The documents are public contracts: clients are generated from them. For each service and each
kind of caller, schemathesis draws requests from the service's own document — valid ones and
deliberately invalid ones — and its standard checks judge each answer:

- never a server error;
- a status code, content type, headers and body the operation declares;
- valid data is accepted, or refused only for a reason the document can state (401, 403, 404,
  409, 429); invalid data is refused with a 4xx.

The callers are nobody, one person of each role membership grants, and for notifications (whose
webhook routes are partners' own) a partner system with a client-credentials token. An endless
stream (the inbox's Server-Sent Events) is answered here with its status and headers only (see
conftest `_cut_after_headers_if_endless`); its events are tested on a real server in notifications'
integration tests.

Routes are read from each running app, so a route added later is fuzzed without a change here.
The run is bounded and repeatable: EXAMPLES requests per operation and generation mode (fewer for
the callers that add little, see `examples_for`), drawn derandomised (the same requests every run),
without shrinking; invalid data is sent by two of the callers only (see `modes_for`); each
operation's strategies are built once and shared by every caller. All failures of one service and
caller are reported together, one sample per operation and kind of failure.
"""

import json
import re
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CheckContext, not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.transport import Response
from schemathesis.generation.case import Case
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cloth_shared.errors import PROBLEM_CONTENT_TYPE

from ..security.conftest import SERVICES
from .conftest import Caller, ServedPlatform, callers_of_services

Operation = APIOperation[Any, Any, Any, Any]
AnyCase = Case[Any]
EXAMPLES = 6
INVALID_DATA_CALLERS = ("anonymous", "organisation_admin")
# The callers whose requests reach the most of each service get every example: an administrator
# passes every role check, an organisation admin owns what it names. The others mostly meet the
# same refusals (401, 403) or a subset of the same paths, so a few requests prove their answers.
FULLY_FUZZED_CALLERS = ("platform_admin", "organisation_admin")
FEWER_EXAMPLES = 3
# schemathesis's own strategies draw from `random`; Hypothesis warns about it, not about us.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning")


def valid_data_accepted(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """schemathesis's positive-data check, but for a domain rule across fields (a period's last day
    on or after its first, a cursor this directory issued): a 422 with that rule's own `code`, which
    the document states in words. A `validation-failed` 422 to valid data means the schema is
    looser than the service, and fails."""
    if response.status_code == 422 and json.loads(response.content).get("code") != "validation-failed":
        return None
    return positive_data_acceptance(ctx, response, case)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    valid_data_accepted,
    negative_data_rejection,
    missing_required_header,
]
# Operations that end the caller's own sessions go last, so every other operation meets a live
# caller (the answers after them, 401 `token-refused`, are checked all the same).
ENDS_THE_CALLERS_SESSIONS = {("POST", "/auth/sign-out-everywhere"), ("DELETE", "/people/me")}


_OPERATIONS: dict[str, list[Operation]] = {}
_STRATEGIES: dict[tuple[str, str, GenerationMode], st.SearchStrategy[AnyCase]] = {}


def operations_of(platform: ServedPlatform, service: str) -> list[Operation]:
    """The service's operations, read once per run (every caller fuzzes the same ones)."""
    if service not in _OPERATIONS:
        document = platform.apps[service].openapi()
        operations = [result.ok() for result in schemathesis.openapi.from_dict(document).get_all_operations()]  # type: ignore[union-attr]
        _OPERATIONS[service] = sorted(
            operations, key=lambda op: (op.method.upper(), op.path) in ENDS_THE_CALLERS_SESSIONS
        )
    return _OPERATIONS[service]


def any_case(service: str, operation: Operation, mode: GenerationMode) -> st.SearchStrategy[AnyCase]:
    """Building a strategy from the schemas is a large part of the cost: once per operation."""
    key = (service, operation.label, mode)
    if key not in _STRATEGIES:
        _STRATEGIES[key] = operation.as_strategy(generation_mode=mode)
    return _STRATEGIES[key]


async def send(client: httpx.AsyncClient, case: AnyCase, caller: dict[str, str]) -> httpx.Response:
    request = case.as_transport_kwargs(base_url=str(client.base_url))
    return await client.request(
        request["method"],
        request["url"],
        params=request.get("params"),
        headers={**request.get("headers", {}), **caller},
        json=request.get("json"),
        content=request.get("data"),
        files=request.get("files"),
    )


def sample(case: AnyCase, response: httpx.Response) -> str:
    sent = response.request
    body = (sent.content or b"")[:200]
    return f"{sent.method} {sent.url} body={body!r} -> {response.status_code} {response.text[:300]}"


def cases(
    service: str, operation: Operation, mode: GenerationMode, caller: Caller
) -> st.SearchStrategy[AnyCase]:
    """Requests of that mode; valid ones half the time about the caller's own organisation, person
    or cluster, so the fuzzer gets past the 404 of a random id into what the route does."""
    anything = any_case(service, operation, mode)
    names = {parameter.name for parameter in operation.path_parameters}
    own = {name: value for name, value in caller.own_ids.items() if name in names}
    if mode is GenerationMode.NEGATIVE or not own:
        return anything
    return st.one_of(anything, operation.as_strategy(generation_mode=mode, path_parameters=own))


def modes_for(caller: str) -> tuple[GenerationMode, ...]:
    """Valid requests from everyone; invalid ones from nobody and from one signed-in person: a
    signed-in caller's request is validated before any role is looked at, so the answer to invalid
    data is the same for every role, and the bounded time goes to what differs."""
    if caller in INVALID_DATA_CALLERS:
        return (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    return (GenerationMode.POSITIVE,)


def examples_for(caller: str) -> int:
    return EXAMPLES if caller in FULLY_FUZZED_CALLERS else FEWER_EXAMPLES


def fuzz(
    platform: ServedPlatform,
    service: str,
    operation: Operation,
    caller: Caller,
    modes: tuple[GenerationMode, ...],
    examples: int,
) -> dict[str, str]:
    """Failures of one operation, by kind, each with one request that shows it."""
    client = platform.clients[service]
    headers = caller.headers
    found: dict[str, str] = {}
    for mode in modes:

        @settings(
            max_examples=examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=cases(service, operation, mode, caller))
        def exchange(case: AnyCase) -> None:
            try:
                response = platform.call(send(client, case, headers))
            except Exception as error:  # the in-process transport re-raises what a client sees as a 500
                raised = f"{case.method} {case.formatted_path} raised {type(error).__name__}: {error}"
                found.setdefault(f"{operation.label}: Server error", raised)
                return
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except FailureGroup as failures:
                for failure in failures.exceptions:
                    found.setdefault(f"{operation.label}: {failure.title}", sample(case, response))

        try:
            exchange()
        except Unsatisfiable:
            # An operation without parameters or body has no invalid request to draw.
            assert mode is GenerationMode.NEGATIVE, operation.label
    return found


@pytest.mark.parametrize(("service", "caller"), callers_of_services())
def test_every_operation_answers_as_its_document_says(platform: ServedPlatform, service: str, caller: str):
    failures: dict[str, str] = {}
    for operation in operations_of(platform, service):
        failures.update(
            fuzz(
                platform,
                service,
                operation,
                platform.callers[service, caller],
                modes_for(caller),
                examples_for(caller),
            )
        )
    assert failures == {}, "\n".join(f"{kind}\n    {example}" for kind, example in sorted(failures.items()))


DOCUMENTED_METHODS = ("GET", "PUT", "POST", "DELETE", "PATCH")


def methods_served_at(document: dict[str, Any], url: str) -> set[str]:
    """The documented methods of every path that `url` fits: `/resources/moderation-queue` is also
    `/resources/{resource_id}` (whose PUT then refuses the id with a 422)."""
    served: set[str] = set()
    for path, operations in document["paths"].items():
        pattern = "[^/]+".join(re.escape(literal) for literal in re.split(r"\{[^}]+\}", path))
        if re.fullmatch(pattern, url):
            served |= {method.upper() for method in operations} & set(DOCUMENTED_METHODS)
    return served


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_an_undocumented_method_is_a_405_that_allows_exactly_the_documented_ones(
    platform: ServedPlatform, service: str
):
    document = platform.apps[service].openapi()
    wrong = {}
    for path in document["paths"]:
        url = path.replace("{", "").replace("}", "")  # any value fits the route's pattern
        documented = methods_served_at(document, url)
        other = next(method for method in DOCUMENTED_METHODS if method not in documented)
        answer = platform.call(platform.clients[service].request(other, url))
        allowed = {method.strip() for method in answer.headers.get("allow", "").split(",") if method.strip()}
        got = (answer.status_code, answer.headers.get("content-type"), allowed)
        if got != (405, PROBLEM_CONTENT_TYPE, documented):
            wrong[f"{other} {path}"] = got
    assert wrong == {}


def test_the_endless_inbox_stream_answers_the_fuzzer_with_its_status_and_headers(platform: ServedPlatform):
    """The stream's 200 reaches the checks above (cut after its headers), rather than a timeout."""
    caller = platform.callers["notifications", "organisation_member"]
    answer = platform.call(platform.clients["notifications"].get("/inbox/stream", headers=caller.headers))
    assert (answer.status_code, answer.headers["content-type"].split(";")[0]) == (200, "text/event-stream")
