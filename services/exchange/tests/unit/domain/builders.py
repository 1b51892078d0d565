"""Ready-made programmes, organisations and exchanges in every state, for the domain tests."""

from dataclasses import replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from uuid import UUID, uuid4

from exchange.domain import closing, commitment, exchanges, programme
from exchange.domain.eligibility import Candidate
from exchange.domain.exchanges import Exchange
from exchange.domain.parties import Coordinates, Party
from exchange.domain.programme import Programme, Window
from exchange.domain.records import ClosingReport, Commitment, DayPlan, Signatory
from exchange.domain.vocabulary import ActivityKind, Category

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
PERSON = uuid4()
PORTO = Coordinates(41.1579, -8.6291)
VIGO = Coordinates(42.2406, -8.7207)  # about 120 km north of Porto
IGUALADA = Coordinates(41.5789, 1.6178)  # about 850 km east of Porto
# Monday 1 March to Friday 5 March 2027: five working days in Spain.
FIRST_DAY, LAST_DAY = date(2027, 3, 1), date(2027, 3, 5)


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def a_programme(**changes: object) -> Programme:
    made = programme.create(
        programme_id=uuid4(),
        name="Fashion ClusterXchange",
        application_window=Window(date(2026, 9, 1), date(2027, 9, 30)),
        activity_window=Window(date(2027, 1, 1), date(2027, 12, 31)),
        lump_sum_caps={"ES": Decimal("900.00"), "PT": Decimal("800.00"), "DK": Decimal("1100.00")},
        at=NOW,
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def a_party(
    category: Category = Category.SME,
    country: str = "PT",
    coordinates: Coordinates | None = PORTO,
    **changes: object,
) -> Party:
    party = Party(uuid4(), category, country, uuid4(), coordinates=coordinates, languages=frozenset({"en"}))
    return replace(party, **changes)  # type: ignore[arg-type]


def a_host(**changes: object) -> Party:
    return a_party(**{"country": "ES", "coordinates": IGUALADA, **changes})  # type: ignore[arg-type]


def a_candidate(**changes: object) -> Candidate:
    values: dict[str, object] = {
        "programme": a_programme(),
        "visitor": a_party(),
        "host": a_host(),
        "first_day": FIRST_DAY,
        "last_day": LAST_DAY,
        "requested_on": NOW.date(),
        "visits_so_far": 0,
        "slots_taken": 0,
    }
    return Candidate(**{**values, **changes})  # type: ignore[arg-type]


def a_commitment(
    first_day: date = FIRST_DAY, last_day: date = LAST_DAY, goal: str = "learn dyeing"
) -> Commitment:
    return Commitment(
        goals=(goal,),
        agenda=(DayPlan(first_day, "tour of the plant"),),
        expected_results=("a joint project idea",),
        first_day=first_day,
        last_day=last_day,
    )


def a_report(share: bool = True) -> ClosingReport:
    return ClosingReport(
        "We learned natural dyeing.", "Start small.", share, (uuid4(),), at(LAST_DAY, 18), PERSON
    )


def requested(candidate: Candidate | None = None) -> Exchange:
    outcome = exchanges.request(
        candidate or a_candidate(),
        exchange_id=uuid4(),
        activity_kind=ActivityKind.KNOWLEDGE_SHARING,
        at=NOW,
        by=PERSON,
    )
    return outcome.exchange


def accepted(candidate: Candidate | None = None) -> Exchange:
    return exchanges.accept(requested(candidate), at=NOW, by=PERSON).exchange


def with_commitment(candidate: Candidate | None = None) -> Exchange:
    exchange = accepted(candidate)
    return commitment.amend_commitment(
        exchange, a_commitment(), programme=a_programme(), at=NOW, by=PERSON
    ).exchange


def signed_by(exchange: Exchange, *signatories: Signatory, by: UUID = PERSON) -> Exchange:
    for signatory in signatories:
        exchange = commitment.sign(exchange, signatory, at=NOW, by=by).exchange
    return exchange


def agreed(candidate: Candidate | None = None) -> Exchange:
    return signed_by(with_commitment(candidate), *Signatory)


def approved(candidate: Candidate | None = None) -> Exchange:
    return exchanges.approve(
        agreed(candidate), programme=a_programme(), slots_taken=0, at=NOW, by=PERSON
    ).exchange


def in_progress() -> Exchange:
    return exchanges.start(approved(), at=at(FIRST_DAY)).exchange


def report_submitted() -> Exchange:
    return closing.submit_report(in_progress(), a_report(), at=at(LAST_DAY, 18), by=PERSON).exchange


def report_sent_back() -> Exchange:
    return closing.send_back(
        report_submitted(), comments="add photos", at=at(LAST_DAY, 19), by=PERSON
    ).exchange


def completed() -> Exchange:
    return closing.validate(report_submitted(), at=at(date(2027, 3, 10)), by=PERSON).exchange


def paid() -> Exchange:
    return closing.record_payment(completed(), at=at(date(2027, 3, 15)), by=PERSON).exchange


def declined() -> Exchange:
    return exchanges.decline(requested(), reason="fully booked", at=NOW, by=PERSON).exchange


def cancelled() -> Exchange:
    return exchanges.cancel(requested(), reason="plans changed", at=NOW, by=PERSON).exchange
