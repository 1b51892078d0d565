"""Transactional outbox: events are rows written with the state change, published by a relay."""
