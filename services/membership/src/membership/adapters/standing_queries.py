"""SQL of a token holder's standing: person, session and partner client in one statement,
alone or with the organisation a request reads or changes.

Columns come out as `"<record>.<column>"` (`"person.id"`, `"organisation.status"`), so one row
carries several records without name clashes; missing records are all-NULL (outer joins).
Parameters: $1 the person (NULL for a client), $2 the token's session (NULL if none), $3 the
partner client (NULL for a person), $4 the organisation.
"""

from collections.abc import Sequence

from membership.adapters.people_queries import CLIENT_COLUMNS, PERSON_COLUMNS, SESSION_COLUMNS
from membership.adapters.queries import GET_ORGANISATION_FOR_UPDATE, ORGANISATION_COLUMNS


def prefixed(alias: str, record: str, names: Sequence[str]) -> str:
    return ", ".join(f'{alias}.{name} AS "{record}.{name}"' for name in names)


_STANDING_COLUMNS = ", ".join(
    (
        prefixed("p", "person", PERSON_COLUMNS),
        prefixed("s", "session", SESSION_COLUMNS),
        prefixed("c", "client", CLIENT_COLUMNS),
    )
)

_STANDING_JOINS = """
FROM (VALUES (1)) AS one (x)
LEFT JOIN people p ON p.id = $1::uuid
LEFT JOIN sessions s ON s.id = $2::uuid
LEFT JOIN partner_clients c ON c.id = $3::uuid AND c.revoked_at IS NULL
"""

STANDING = f"SELECT {_STANDING_COLUMNS} {_STANDING_JOINS}"

STANDING_WITH_ORGANISATION = f"""
SELECT {_STANDING_COLUMNS}, {prefixed("o", "organisation", ORGANISATION_COLUMNS)} {_STANDING_JOINS}
LEFT JOIN organisations o ON o.id = $4::uuid
"""

# The organisation's row is locked inside the subquery (a lock cannot sit on the nullable side
# of an outer join); the standing is read in the same statement.
STANDING_WITH_ORGANISATION_FOR_UPDATE = f"""
SELECT {_STANDING_COLUMNS}, {prefixed("o", "organisation", ORGANISATION_COLUMNS)} {_STANDING_JOINS}
LEFT JOIN ({GET_ORGANISATION_FOR_UPDATE.replace("$1", "$4::uuid")}) o ON true
"""
