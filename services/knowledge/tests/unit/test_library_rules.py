"""The library's pure rules: the moderation workflow, who may do what, safe bodies and links."""

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound
from knowledge.domain.library import access, workflow
from knowledge.domain.library.markdown import to_html, to_text
from knowledge.domain.library.resources import Content, Resource
from knowledge.domain.library.search import MATCH_END, MATCH_START, snippet_html
from knowledge.domain.library.vocabulary import Kind, Language
from knowledge.domain.library.vocabulary import RevisionStatus as S

NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)
AUTHOR, MODERATOR = uuid4(), uuid4()
ORGANISATION, CLUSTER = uuid4(), uuid4()


def content(title: str = "Ecodesign guide") -> Content:
    return Content(title=title, summary="How to design for reuse.", body="Use **recycled** fibres.")


def draft() -> Resource:
    return workflow.start(
        kind=Kind.GUIDE,
        language=Language.EN,
        author_organisation_id=ORGANISATION,
        content=content(),
        by=AUTHOR,
        at=NOON,
    )


def published() -> Resource:
    submitted, _ = workflow.submit(draft(), by=AUTHOR, at=NOON)
    return workflow.publish(submitted, by=MODERATOR, at=NOON)[0]


def test_a_draft_is_submitted_then_published_and_the_facts_say_who_did_it() -> None:
    submitted, fact = workflow.submit(draft(), by=AUTHOR, at=NOON)
    assert (submitted.latest.status, fact.by) == (S.SUBMITTED, AUTHOR)
    done, publication = workflow.publish(submitted, by=MODERATOR, at=NOON)
    assert done.published == done.latest and publication.by == MODERATOR


def test_a_sent_back_revision_is_kept_with_its_comment_and_editing_starts_a_new_one() -> None:
    submitted, _ = workflow.submit(draft(), by=AUTHOR, at=NOON)
    sent_back, fact = workflow.send_back(submitted, "Cite your sources", by=MODERATOR, at=NOON)
    assert fact.comment == sent_back.latest.comment == "Cite your sources"
    edited = workflow.edit(sent_back, content("Ecodesign guide, with sources"), by=AUTHOR, at=NOON)
    assert [(r.number, r.status) for r in edited.revisions] == [(1, S.SENT_BACK), (2, S.DRAFT)]


def test_editing_a_published_resource_keeps_it_visible_until_the_new_revision_is_published() -> None:
    edited = workflow.edit(published(), content("Ecodesign guide, second edition"), by=AUTHOR, at=NOON)
    assert edited.published is not None and edited.published.content.title == "Ecodesign guide"
    submitted, _ = workflow.submit(edited, by=AUTHOR, at=NOON)
    republished, _ = workflow.publish(submitted, by=MODERATOR, at=NOON)
    assert republished.published == republished.latest
    assert [r.status for r in republished.revisions] == [S.SUPERSEDED, S.PUBLISHED]


def test_a_draft_is_edited_in_place() -> None:
    edited = workflow.edit(draft(), content("Better title"), by=AUTHOR, at=NOON)
    assert len(edited.revisions) == 1 and edited.latest.content.title == "Better title"


@pytest.mark.parametrize(
    ("reach", "refused"),
    [
        (lambda: draft(), lambda r: workflow.publish(r, by=MODERATOR, at=NOON)),
        (lambda: draft(), lambda r: workflow.send_back(r, "no", by=MODERATOR, at=NOON)),
        (
            lambda: workflow.submit(draft(), by=AUTHOR, at=NOON)[0],
            lambda r: workflow.edit(r, content(), by=AUTHOR, at=NOON),
        ),
        (
            lambda: workflow.submit(draft(), by=AUTHOR, at=NOON)[0],
            lambda r: workflow.submit(r, by=AUTHOR, at=NOON),
        ),
        (lambda: published(), lambda r: workflow.publish(r, by=MODERATOR, at=NOON)),
        (
            lambda: workflow.archive(published(), by=AUTHOR, at=NOON)[0],
            lambda r: workflow.edit(r, content(), by=AUTHOR, at=NOON),
        ),
        (
            lambda: workflow.archive(draft(), by=AUTHOR, at=NOON)[0],
            lambda r: workflow.archive(r, by=AUTHOR, at=NOON),
        ),
    ],
)
def test_a_transition_the_table_does_not_allow_is_refused_with_both_states(reach, refused) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(workflow.InvalidTransition) as refusal:
        refused(reach())
    assert {"current", "requested"} <= refusal.value.extra.keys()


def test_an_archived_resource_is_no_longer_published() -> None:
    archived, fact = workflow.archive(published(), by=MODERATOR, at=NOON)
    assert archived.published is None and fact.by == MODERATOR


def member(organisation=ORGANISATION) -> Principal:  # type: ignore[no-untyped-def]
    return Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=organisation)


def manager(cluster=CLUSTER) -> Principal:  # type: ignore[no-untyped-def]
    return Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=cluster)


def test_moderators_are_the_managers_of_the_author_organisations_cluster_and_administrators() -> None:
    admin = Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))
    assert access.is_moderator(manager(), CLUSTER) and access.is_moderator(admin, None)
    assert not access.is_moderator(manager(uuid4()), CLUSTER)
    assert not access.is_moderator(manager(), None)  # the organisation's cluster is not known yet
    assert not access.is_moderator(member(), CLUSTER)
    with pytest.raises(NotAllowed):
        access.check_moderator(manager(uuid4()), CLUSTER)


def test_a_draft_is_not_found_for_the_public_and_other_organisations_but_readable_by_its_authors() -> None:
    resource = draft()
    for stranger in (None, member(uuid4()), manager(uuid4())):
        with pytest.raises(NotFound):
            access.check_visible(stranger, resource, CLUSTER)
    access.check_visible(member(), resource, CLUSTER)
    access.check_visible(manager(), resource, CLUSTER)
    access.check_visible(None, published(), CLUSTER)


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.org/x", "https://", "/relative", "data:text/html,x"]
)
def test_links_are_absolute_http_addresses(link: str) -> None:
    with pytest.raises(InvalidInput):
        Content(title="t", summary="s", body="b", links=(link,))


def test_raw_html_in_the_markdown_never_reaches_a_reader() -> None:
    source = "# Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://e.org)"
    rendered = to_html(source)
    assert "<script" not in rendered and "<img" not in rendered and 'href="javascript' not in rendered
    assert '<a href="https://e.org" rel="noopener noreferrer nofollow">ok</a>' in rendered
    assert "<h1>" in rendered
    assert to_text("Use **recycled** fibres") == "Use recycled fibres"


def test_a_snippet_is_escaped_and_only_the_matched_words_are_marked() -> None:
    raw = f"<b>tinte</b> {MATCH_START}sostenible{MATCH_END} & barato"
    assert snippet_html(raw) == "&lt;b&gt;tinte&lt;/b&gt; <mark>sostenible</mark> &amp; barato"
