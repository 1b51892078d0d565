"""Event contracts: the envelope, one module per producing service, and the topic names."""

from cloth_shared.contracts.envelope import Event, EventEnvelope, wrap

__all__ = ["Event", "EventEnvelope", "wrap"]
