"""The commitment to quality: written by the parties, signed by four, cleared by any change."""

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from exchange.domain import lump_sum as lump_sums
from exchange.domain.eligibility import Stay, check_dates, require
from exchange.domain.errors import NoCommitment
from exchange.domain.exchanges import Exchange, Outcome, apply_step, require_step
from exchange.domain.programme import Programme
from exchange.domain.records import Commitment, Fact, Signatory, Signature, Step
from exchange.domain.vocabulary import State


def amend_commitment(
    exchange: Exchange, commitment: Commitment, *, programme: Programme, at: datetime, by: UUID
) -> Outcome:
    """Write or change the commitment; its dates become the exchange's, and every signature goes.

    A change after agreement takes the exchange back to `accepted`: the four sign again.
    """
    require_step(exchange, Step.AMEND_COMMITMENT)
    if commitment == exchange.commitment:
        return Outcome(exchange, None)
    require(check_dates(Stay(programme, exchange.host.country, commitment.first_day, commitment.last_day)))
    lump_sum = lump_sums.for_stay(
        cap=exchange.lump_sum.cap,
        country=exchange.host.country,
        first_day=commitment.first_day,
        last_day=commitment.last_day,
        distance=exchange.lump_sum.distance,
    )
    note = "signatures cleared" if exchange.signatures else None
    moved = apply_step(
        exchange,
        Step.AMEND_COMMITMENT,
        at=at,
        by=by,
        to=State.ACCEPTED,
        note=note,
        commitment=commitment,
        first_day=commitment.first_day,
        last_day=commitment.last_day,
        lump_sum=lump_sum,
        signatures=(),
    )
    return Outcome(moved, None)


def sign(exchange: Exchange, signatory: Signatory, *, at: datetime, by: UUID) -> Outcome:
    """One of the four signs; the last signature agrees the commitment."""
    require_step(exchange, Step.SIGN)
    if exchange.commitment is None:
        raise NoCommitment("there is no commitment to sign yet")
    others = tuple(s for s in exchange.signatures if s.signatory is not signatory)
    signatures = (*others, Signature(signatory, by, at))
    agreed = {s.signatory for s in signatures} == set(Signatory)
    to = State.COMMITMENT_AGREED if agreed else State.ACCEPTED
    moved = apply_step(exchange, Step.SIGN, at=at, by=by, to=to, note=str(signatory), signatures=signatures)
    return Outcome(moved, Fact.COMMITMENT_AGREED if agreed else None)


def missing_signatures(exchange: Exchange) -> tuple[Signatory, ...]:
    signed = {s.signatory for s in exchange.signatures}
    return tuple(s for s in Signatory if s not in signed)


def enter_distance(exchange: Exchange, km: Decimal, *, at: datetime, by: UUID) -> Outcome:
    """The visitor's cluster manager enters the distance (coordinates missing); the sum is recomputed."""
    require_step(exchange, Step.ENTER_DISTANCE)
    lump_sum = lump_sums.with_distance(exchange.lump_sum, lump_sums.entered_distance(km, at=at, by=by))
    moved = apply_step(exchange, Step.ENTER_DISTANCE, at=at, by=by, note=f"{km} km", lump_sum=lump_sum)
    return Outcome(moved, None)
