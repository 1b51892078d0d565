"""The alliance clusters organisations apply to."""

from dataclasses import dataclass
from uuid import UUID

from cloth_shared.errors import Conflict


class DuplicateCluster(Conflict):
    code = "duplicate-cluster"


@dataclass(frozen=True, slots=True)
class Cluster:
    id: UUID
    name: str
    short_name: str
    country: str
    home_region: str
    city: str
    latitude: float
    longitude: float
