"""Idempotent consumers: processed-event ids recorded in the effect's own transaction."""
