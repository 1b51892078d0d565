"""Outbox and processed-events tables, the same in every service (see cloth_shared.outbox.schema).

Revision ID: 0001
"""

from cloth_shared.outbox.schema import create_messaging_tables as upgrade
from cloth_shared.outbox.schema import drop_messaging_tables as downgrade

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

__all__ = ["downgrade", "upgrade"]
