"""An organisation's profile: what it says about itself and may change itself.

Category, cluster and registration number are not part of it: they are what its cluster
validated, so changing them is a new application. A new profile field is added here, in the
HTTP schema, in the event contract and in a migration; the repository and the snapshot map
every field of `Profile` by name.
"""

from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Any, Literal, TypeAlias, TypeVar

T = TypeVar("T")


class NotGiven(Enum):
    """A change that leaves a field as it is (None would mean "clear it")."""

    NOT_GIVEN = "not given"


NOT_GIVEN = NotGiven.NOT_GIVEN
Change: TypeAlias = T | Literal[NotGiven.NOT_GIVEN]


@dataclass(frozen=True, slots=True)
class Profile:
    legal_name: str
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    value_chains: tuple[str, ...] = ()
    size_band: str | None = None
    activities: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    website: str | None = None
    description: str | None = None

    def values(self) -> dict[str, Any]:
        """Field name to value, for mapping to a contract or to columns of the same names."""
        return {name: getattr(self, name) for name in PROFILE_FIELDS}


PROFILE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Profile))


@dataclass(frozen=True, slots=True)
class ProfileChanges:
    """The fields an organisation changes; the others keep their value. Mirrors `Profile`."""

    legal_name: Change[str] = NOT_GIVEN
    region: Change[str | None] = NOT_GIVEN
    city: Change[str | None] = NOT_GIVEN
    latitude: Change[float | None] = NOT_GIVEN
    longitude: Change[float | None] = NOT_GIVEN
    value_chains: Change[tuple[str, ...]] = NOT_GIVEN
    size_band: Change[str | None] = NOT_GIVEN
    activities: Change[tuple[str, ...]] = NOT_GIVEN
    certifications: Change[tuple[str, ...]] = NOT_GIVEN
    languages: Change[tuple[str, ...]] = NOT_GIVEN
    website: Change[str | None] = NOT_GIVEN
    description: Change[str | None] = NOT_GIVEN

    def applied_to(self, profile: Profile) -> Profile:
        given = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(profile, **{name: value for name, value in given.items() if value is not NOT_GIVEN})
