from datetime import date
from uuid import uuid4

import pytest

from exchange.domain import figures, missions
from exchange.domain.missions import InvalidMission, MissionFull
from exchange.domain.records import DayPlan
from exchange.domain.vocabulary import Category, State

from . import builders as b


def a_mission(capacity: int = 2) -> missions.GroupMission:
    return missions.create_mission(
        mission_id=uuid4(),
        programme_id=uuid4(),
        host_organisation_id=uuid4(),
        title="Première Vision visit",
        first_day=date(2027, 2, 9),
        last_day=date(2027, 2, 11),
        agenda=(DayPlan(date(2027, 2, 9), "fair"),),
        capacity=capacity,
        at=b.NOW,
        by=b.PERSON,
    )


def test_visitors_join_a_group_mission_until_it_is_full():
    first, second, third = uuid4(), uuid4(), uuid4()
    mission = missions.join(missions.join(a_mission(), first), second)
    assert mission.exchange_ids == (first, second) and mission.free_places == 0
    with pytest.raises(MissionFull):
        missions.join(mission, third)


def test_joining_twice_takes_one_place():
    exchange_id = uuid4()
    mission = missions.join(missions.join(a_mission(), exchange_id), exchange_id)
    assert mission.free_places == 1


def test_a_visitor_who_leaves_gives_the_place_back():
    exchange_id = uuid4()
    mission = missions.leave(missions.join(a_mission(capacity=1), exchange_id), exchange_id)
    assert mission.free_places == 1


def test_a_mission_needs_room_and_an_agenda_inside_its_dates():
    with pytest.raises(InvalidMission):
        a_mission(capacity=0)
    with pytest.raises(InvalidMission):
        missions.create_mission(
            mission_id=uuid4(),
            programme_id=uuid4(),
            host_organisation_id=uuid4(),
            title="x",
            first_day=date(2027, 2, 9),
            last_day=date(2027, 2, 11),
            agenda=(DayPlan(date(2027, 2, 12), "too late"),),
            capacity=5,
            at=b.NOW,
            by=b.PERSON,
        )


def test_a_completed_exchange_counts_once_for_the_visitors_cluster_in_its_slot_category():
    exchange = b.completed()
    counted = figures.contribution(exchange)
    assert counted.cluster_id == exchange.visitor.cluster_id != exchange.host.cluster_id
    assert (counted.category, counted.from_country, counted.to_country) == (Category.SME, "PT", "ES")


def test_which_states_count_as_approved_completed_and_as_a_visit():
    assert figures.counts_as_completed(State.LUMP_SUM_PAID) and not figures.counts_as_completed(
        State.APPROVED
    )
    assert figures.counts_as_approved(State.REPORT_SENT_BACK) and not figures.counts_as_approved(
        State.CANCELLED
    )
    assert figures.counts_as_visit(State.REQUESTED) and not figures.counts_as_visit(State.DECLINED)


def test_the_forecast_reaches_the_target_at_the_current_weekly_rate():
    today = date(2027, 3, 1)
    rate = figures.weekly_rate(done=20, since=date(2026, 12, 7), today=today)  # 12 weeks
    assert rate == pytest.approx(20 / 12)
    assert figures.forecast(target=100, done=20, rate_per_week=rate, today=today) == date(
        2028, 1, 31
    )  # 80 more in 48 weeks


def test_a_reached_target_is_reached_today_and_a_stalled_one_never():
    today = date(2027, 3, 1)
    assert figures.forecast(target=5, done=5, rate_per_week=0, today=today) == today
    assert figures.forecast(target=5, done=1, rate_per_week=0, today=today) is None


def test_the_first_week_counts_as_a_whole_week():
    assert figures.weekly_rate(done=3, since=date(2027, 3, 1), today=date(2027, 3, 2)) == 3
