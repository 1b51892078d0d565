"""The programme's exchanges as CSV for EU reporting: one row per exchange, no personal data.

Cells a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
return) are prefixed with an apostrophe, so an organisation's name cannot run code in Excel.
"""

import csv
import io
from collections.abc import Callable, Iterable
from uuid import UUID

from exchange.domain.exchanges import Exchange
from exchange.service_layer.exports import ProgrammeExport

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _columns(names: Callable[[UUID], str]) -> dict[str, Callable[[Exchange], object]]:
    return {
        "exchange_id": lambda e: e.id,
        "state": lambda e: e.state,
        "slot_category": lambda e: e.slot_category,
        "activity_kind": lambda e: e.activity_kind,
        "visitor_organisation": lambda e: names(e.visitor.organisation_id),
        "visitor_category": lambda e: e.visitor.category,
        "visitor_country": lambda e: e.visitor.country,
        "visitor_cluster_id": lambda e: e.visitor.cluster_id,
        "host_organisation": lambda e: names(e.host.organisation_id),
        "host_category": lambda e: e.host.category,
        "host_country": lambda e: e.host.country,
        "host_cluster_id": lambda e: e.host.cluster_id,
        "first_day": lambda e: e.first_day,
        "last_day": lambda e: e.last_day,
        "working_days": lambda e: e.lump_sum.working_days,
        "distance_km": lambda e: None if e.lump_sum.distance is None else e.lump_sum.distance.km,
        "lump_sum_eur": lambda e: e.lump_sum.amount,
        "halved_because": lambda e: " ".join(e.lump_sum.halved_reasons),
        "group_mission_id": lambda e: e.mission_id,
        "approved_on": lambda e: None if e.approved_at is None else e.approved_at.date(),
        "completed_on": lambda e: None if e.validated_at is None else e.validated_at.date(),
        "paid_on": lambda e: None if e.paid_at is None else e.paid_at.date(),
        "paid_eur": lambda e: e.paid_amount,
    }


def rows(export: ProgrammeExport) -> Iterable[list[str]]:
    columns = _columns(lambda organisation_id: export.organisation_names.get(organisation_id, ""))
    yield list(columns)
    for exchange in export.exchanges:
        yield [safe(value(exchange)) for value in columns.values()]


def to_csv(export: ProgrammeExport) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows(export))
    return out.getvalue()
