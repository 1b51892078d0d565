"""Who may do each step, proved on the pure rules (the HTTP tests prove them again end to end)."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from exchange.domain import access
from exchange.domain.records import Signatory

from . import builders as b

EXCHANGE = b.requested()
VISITOR_ORG, HOST_ORG = EXCHANGE.visitor.organisation_id, EXCHANGE.host.organisation_id
VISITOR_CLUSTER, HOST_CLUSTER = EXCHANGE.visitor.cluster_id, EXCHANGE.host.cluster_id
VISITOR_PARTY = b.a_party(organisation_id=VISITOR_ORG, cluster_id=VISITOR_CLUSTER)


def principal(role: Role | None = None, *, organisation=None, cluster=None) -> Principal:
    roles = frozenset({role}) if role else frozenset()
    return Principal(subject=uuid4(), roles=roles, organisation_id=organisation, cluster_id=cluster)


ADMIN = principal(Role.PLATFORM_ADMIN)
VISITOR = principal(Role.ORGANISATION_MEMBER, organisation=VISITOR_ORG)
VISITOR_ADMIN = principal(Role.ORGANISATION_ADMIN, organisation=VISITOR_ORG)
HOST = principal(Role.ORGANISATION_MEMBER, organisation=HOST_ORG)
VISITOR_MANAGER = principal(Role.CLUSTER_MANAGER, cluster=VISITOR_CLUSTER)
HOST_MANAGER = principal(Role.CLUSTER_MANAGER, cluster=HOST_CLUSTER)
OTHER_MANAGER = principal(Role.CLUSTER_MANAGER, cluster=uuid4())
STRANGER = principal(Role.ORGANISATION_ADMIN, organisation=uuid4())
CLIENT = principal(Role.PARTNER_CLIENT)
NOBODY = principal()
EVERYONE = {
    "admin": ADMIN,
    "visitor": VISITOR,
    "visitor_admin": VISITOR_ADMIN,
    "host": HOST,
    "visitor_manager": VISITOR_MANAGER,
    "host_manager": HOST_MANAGER,
    "other_manager": OTHER_MANAGER,
    "stranger": STRANGER,
    "client": CLIENT,
    "nobody": NOBODY,
}

RULES = {
    "manage_programmes": (lambda c: access.manage_programmes(c), {"admin"}),
    "request_exchange": (lambda c: access.request_exchange(c, VISITOR_ORG), {"visitor", "visitor_admin"}),
    "answer_request": (lambda c: access.answer_request(c, EXCHANGE), {"host"}),
    "cancel": (lambda c: access.cancel(c, EXCHANGE), {"visitor", "visitor_admin", "host"}),
    "amend_commitment": (
        lambda c: access.amend_commitment(c, EXCHANGE),
        {"visitor", "visitor_admin", "host"},
    ),
    "approve": (lambda c: access.approve(c, EXCHANGE), {"admin", "visitor_manager"}),
    "submit_report": (lambda c: access.submit_report(c, EXCHANGE), {"visitor", "visitor_admin"}),
    "give_feedback": (lambda c: access.give_feedback(c, EXCHANGE), {"host"}),
    "review_report": (lambda c: access.review_report(c, EXCHANGE), {"admin", "visitor_manager"}),
    "record_payment": (lambda c: access.record_payment(c, EXCHANGE), {"admin", "visitor_manager"}),
    "enter_distance": (lambda c: access.enter_distance(c, EXCHANGE), {"admin", "visitor_manager"}),
    "view_exchange": (
        lambda c: access.view_exchange(c, EXCHANGE),
        {"admin", "visitor", "visitor_admin", "host", "visitor_manager", "host_manager"},
    ),
    "publish_offer": (lambda c: access.publish_offer(c, HOST_ORG), {"host"}),
    "start": (
        lambda c: access.start(c, EXCHANGE),
        {"admin", "visitor", "visitor_admin", "host", "visitor_manager", "host_manager"},
    ),
    "download_evidence": (
        lambda c: access.download_evidence(c, EXCHANGE),
        {"visitor", "visitor_admin", "host", "visitor_manager", "host_manager"},
    ),
    "suggestions_for": (
        lambda c: access.suggestions_for(c, VISITOR_PARTY),
        {"admin", "visitor", "visitor_admin", "visitor_manager"},
    ),
    "exchanges_visible_to": (
        lambda c: access.exchanges_visible_to(c),
        {
            "admin",
            "visitor",
            "visitor_admin",
            "host",
            "visitor_manager",
            "host_manager",
            "other_manager",
            "stranger",
        },
    ),
    "export_exchanges": (
        lambda c: access.export_exchanges(c),
        {"admin", "visitor_manager", "host_manager", "other_manager"},
    ),
}
CASES = [(rule, who) for rule in RULES for who in EVERYONE]


def allowed(rule, caller) -> bool:
    try:
        rule(caller)
    except access.Forbidden:
        return False
    return True


@pytest.mark.parametrize(("rule", "who"), CASES, ids=[f"{r}-{w}" for r, w in CASES])
def test_each_step_is_allowed_to_exactly_the_people_it_names(rule, who):
    check, allowed_callers = RULES[rule]
    assert allowed(check, EVERYONE[who]) is (who in allowed_callers)


@pytest.mark.parametrize(
    ("who", "signatories"),
    [
        ("visitor", {Signatory.VISITOR}),
        ("host", {Signatory.HOST}),
        ("visitor_manager", {Signatory.VISITOR_CLUSTER}),
        ("host_manager", {Signatory.HOST_CLUSTER}),
        ("admin", set()),
        ("other_manager", set()),
        ("stranger", set()),
        ("client", set()),
    ],
)
def test_each_of_the_four_signs_only_for_their_own_side(who, signatories):
    assert access.signatories(EVERYONE[who], EXCHANGE) == signatories
    for signatory in Signatory:
        assert allowed(lambda c, s=signatory: access.sign(c, EXCHANGE, s), EVERYONE[who]) is (
            signatory in signatories
        )


def test_a_manager_of_both_home_clusters_signs_for_both():
    shared_cluster = b.requested(
        b.a_candidate(visitor=b.a_party(cluster_id=HOST_CLUSTER), host=b.a_host(cluster_id=HOST_CLUSTER))
    )
    assert access.signatories(HOST_MANAGER, shared_cluster) == {
        Signatory.VISITOR_CLUSTER,
        Signatory.HOST_CLUSTER,
    }


def test_a_list_of_exchanges_is_narrowed_to_the_callers_organisation_or_cluster():
    assert access.exchanges_visible_to(ADMIN) == access.Visibility()
    assert access.exchanges_visible_to(VISITOR) == access.Visibility(party=VISITOR_ORG)
    assert access.exchanges_visible_to(HOST_MANAGER) == access.Visibility(cluster=HOST_CLUSTER)
