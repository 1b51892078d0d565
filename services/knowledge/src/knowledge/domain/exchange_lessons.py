"""The lessons-learned draft a completed exchange starts for the visiting organisation.

Pre-filled with what the exchange event carries (host, countries, dates, activity) and what the
visitor agreed to share; the sections still to write are marked, for the visitor's people to
finish and submit through the library's usual moderation.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from knowledge.domain.library.resources import Content

TITLE_LIMIT = 200
SUMMARY_LIMIT = 2000
TO_WRITE = "_To be completed by the visiting organisation._"


@dataclass(frozen=True, slots=True)
class CompletedExchange:
    exchange_id: UUID
    host_name: str | None
    host_country: str
    visitor_country: str
    activity_kind: str
    first_day: date
    last_day: date
    summary: str
    lessons_learned: str | None


def source_key(exchange_id: UUID) -> str:
    """One draft per exchange, however often its completion is delivered."""
    return f"exchange:{exchange_id}"


def draft_content(exchange: CompletedExchange) -> Content:
    activity = exchange.activity_kind.replace("_", " ")
    host = exchange.host_name or f"a host organisation in {exchange.host_country}"
    title = f"Lessons learned: {activity} with {host}"
    body = "\n".join(
        (
            "## The exchange",
            "",
            f"- Host: {host} ({exchange.host_country})",
            f"- From {exchange.visitor_country} to {exchange.host_country}",
            f"- Activity: {activity}",
            f"- Stay: {exchange.first_day.isoformat()} to {exchange.last_day.isoformat()}",
            "",
            "## Summary",
            "",
            exchange.summary,
            "",
            "## Lessons learned",
            "",
            exchange.lessons_learned or TO_WRITE,
            "",
            "## What others can reuse",
            "",
            TO_WRITE,
        )
    )
    return Content(
        title=_cut(title, TITLE_LIMIT),
        summary=_cut(exchange.summary, SUMMARY_LIMIT),
        body=body,
        tags=("exchange", exchange.activity_kind),
    )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
