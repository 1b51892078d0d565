"""When each person's tokens start to count again (see cloth_shared.auth.revocation).

Revision ID: 0005
"""

from cloth_shared.auth.revocation.postgres import create_token_validity_table as upgrade
from cloth_shared.auth.revocation.postgres import drop_token_validity_table as downgrade

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

__all__ = ["downgrade", "upgrade"]
