"""What an e-mail about an event says: the template its row names and the context that template reads.

Every row the routing writes must render (docs/email.md lists each template's keys): `welcome`
for an organisation that joined, `ExchangeRequested` for a host's new request, `digest` for a
summary, `generic` for every other event (`title`, `lines`). The lines are a few facts read from
the payload (names, dates, titles), in English like the title: the templates translate their own
sentences, not the platform's data. `action_path` is a page of the web app; the renderer makes
it a link under the configured web address, so a row does not depend on where the app was
served when it was written.
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

WELCOME = "welcome"
GENERIC = "generic"
DIGEST = "digest"
WELCOME_EVENTS = frozenset({"SMEJoined", "StakeholderJoined"})
# Event types with a template of their own (named as the event).
OWN_TEMPLATES = frozenset({"ExchangeRequested"})
MAX_LINES = 6
MAX_LINE_LENGTH = 200

# Payload fields worth a line, in the order they are told; ids of organisations are told by name.
LABELS = {
    "title": "Title",
    "legal_name": "Organisation",
    "display_name": "Person",
    "visitor_organisation_id": "Visitor",
    "host_organisation_id": "Host",
    "author_organisation_id": "Organisation",
    "first_day": "From",
    "last_day": "To",
    "activity_kind": "Activity",
    "place": "Place",
    "report_due": "Report due",
    "payment_due": "Payment due",
    "due": "Due",
    "amount_eur": "Amount (EUR)",
    "valid_until": "Valid until",
    "level": "Level",
    "role": "Role",
    "reason": "Reason",
    "comment": "Comment",
}
ORGANISATION_FIELDS = frozenset(
    {"visitor_organisation_id", "host_organisation_id", "author_organisation_id", "organisation_id"}
)
# The web app's page for what an event is about, by the id the payload carries (first found).
PAGES = (("exchange_id", "/exchanges/{}"), ("resource_id", "/library/{}"), ("course_id", "/training/{}"))
INBOX_PAGE = "/inbox"
# A code such as `knowledge_sharing` reads better as words.
_CODE = re.compile(r"[a-z]+(_[a-z]+)+")


def title_of(event_type: str) -> str:
    """`ExchangeRequested` → "Exchange requested"; clients translate by `event_type`."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+", event_type)
    return " ".join([words[0], *(w if w.isupper() and len(w) > 1 else w.lower() for w in words[1:])])


def template_for(event_type: str) -> str:
    if event_type in WELCOME_EVENTS:
        return WELCOME
    return event_type if event_type in OWN_TEMPLATES else GENERIC


def event_email_context(
    event_type: str,
    payload: Mapping[str, Any],
    organisation_names: Mapping[UUID, str],
    *,
    display_name: str,
) -> dict[str, Any]:
    """The keys every template of an event row may read, and those its own template needs."""
    context: dict[str, Any] = {
        "display_name": display_name,
        "title": title_of(event_type),
        "lines": lines_of(payload, organisation_names),
        "action_path": page_of(payload),
    }
    if event_type in WELCOME_EVENTS:
        organisation = payload.get("organisation")
        name = organisation.get("legal_name") if isinstance(organisation, Mapping) else None
        context["organisation_name"] = name or ""
    if event_type == "ExchangeRequested":
        exchange = payload.get("exchange")
        exchange = exchange if isinstance(exchange, Mapping) else {}
        context |= {key: exchange.get(key, "") for key in ("first_day", "last_day", "activity_kind")}
        visitor = _organisation_name(exchange.get("visitor_organisation_id"), organisation_names)
        if visitor:
            context["visitor_name"] = visitor
    return context


def digest_context(
    frequency: str, display_name: str, items: Sequence[tuple[str, Mapping[str, Any], datetime]]
) -> dict[str, Any]:
    """A summary's keys: `period` and per item (event type, its record's context, when) a title
    and lines, from the payload and organisation names the record kept."""
    return {
        "display_name": display_name,
        "period": "weekly" if frequency.startswith("weekly") else "daily",
        "action_path": INBOX_PAGE,
        "items": [
            {
                "event_type": event_type,
                "title": title_of(event_type),
                "occurred_at": at.isoformat(),
                "lines": lines_of(_mapping(kept.get("event")), _names(kept.get("organisation_names"))),
            }
            for event_type, kept, at in items
        ],
    }


def lines_of(payload: Mapping[str, Any], organisation_names: Mapping[UUID, str]) -> list[str]:
    """A few "Label: value" lines from the payload's telling fields, in LABELS order."""
    found: dict[str, str] = {}
    for key, value in _fields(payload):
        if key not in LABELS or key in found:
            continue
        text = _organisation_name(value, organisation_names) if key in ORGANISATION_FIELDS else _plain(value)
        if text:
            found[key] = text
    lines = [f"{LABELS[key]}: {found[key]}" for key in LABELS if key in found]
    return [_one_line(line) for line in lines[:MAX_LINES]]


def page_of(payload: Mapping[str, Any]) -> str:
    ids = dict(_fields(payload))
    for key, page in PAGES:
        if isinstance(ids.get(key), str):
            return page.format(ids[key])
    return INBOX_PAGE


def _fields(payload: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every (key, value) of the payload, outer fields before nested ones."""
    nested: list[Mapping[str, Any]] = []
    for key, value in payload.items():
        if isinstance(value, Mapping):
            nested.append(value)
        else:
            yield key, value
    for inner in nested:
        yield from _fields(inner)


def _plain(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, list | tuple | dict):
        return ""
    text = str(value)
    return text.replace("_", " ") if _CODE.fullmatch(text) else text


def _organisation_name(value: Any, names: Mapping[UUID, str]) -> str:
    try:
        return names.get(UUID(str(value)), "")
    except ValueError:
        return ""


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_LINE_LENGTH else line[: MAX_LINE_LENGTH - 1].rstrip() + "…"


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _names(value: Any) -> dict[UUID, str]:
    names: dict[UUID, str] = {}
    for key, name in _mapping(value).items():
        try:
            names[UUID(str(key))] = str(name)
        except ValueError:
            continue
    return names
