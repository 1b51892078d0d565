"""Events survive the trip to bytes and back; anything else is refused as undecodable."""

import pytest

from cloth_shared.contracts.codec import UndecodableEvent, UnknownEvent, decode, encode
from cloth_shared.contracts.envelope import wrap
from cloth_shared.contracts.membership import SMEJoined
from cloth_shared.testing.examples import sme_joined


def test_an_encoded_event_decodes_to_the_same_payload_and_metadata() -> None:
    event = sme_joined()
    envelope = wrap(event, producer="membership", correlation_id="req-1")
    decoded_envelope, decoded_event = decode(encode(envelope))
    assert decoded_event == event
    assert decoded_envelope.event_id == envelope.event_id
    assert decoded_envelope.subject_key == str(event.organisation.organisation_id)
    assert decoded_envelope.correlation_id == "req-1"


@pytest.mark.parametrize("raw", [b"not json", b"{}", b'{"event_type": "SMEJoined"}', b"\xff\xfe"])
def test_malformed_messages_are_undecodable(raw: bytes) -> None:
    with pytest.raises(UndecodableEvent):
        decode(raw)


def test_a_known_event_with_a_broken_payload_is_undecodable() -> None:
    envelope = wrap(sme_joined(), producer="membership", correlation_id="c")
    broken = envelope.model_copy(update={"payload": {"organisation": {"legal_name": "no id"}}})
    with pytest.raises(UndecodableEvent):
        decode(encode(broken))


def test_an_event_type_this_code_does_not_know_is_reported_as_unknown_not_broken() -> None:
    envelope = wrap(sme_joined(), producer="membership", correlation_id="c")
    future = envelope.model_copy(update={"event_type": "SMEJoined", "event_version": 99})
    with pytest.raises(UnknownEvent):
        decode(encode(future))


def test_consumers_ignore_fields_added_by_a_newer_producer() -> None:
    envelope = wrap(sme_joined(), producer="membership", correlation_id="c")
    newer = envelope.model_copy(update={"payload": {**envelope.payload, "added_later": 1}})
    _, event = decode(encode(newer))
    assert isinstance(event, SMEJoined)
