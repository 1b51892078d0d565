"""Every SQL statement of the training programme, named; column lists spelled once."""

COURSE_COLUMNS = (
    "course_id",
    "cluster_id",
    "title",
    "skill_area",
    "audience",
    "language",
    "learning_outcomes",
    "modules",
    "min_attendance_percent",
    "assessment_required",
    "created_by",
    "created_at",
)
SESSION_COLUMNS = (
    "session_id",
    "course_id",
    "mode",
    "place",
    "meetings",
    "capacity",
    "trainer_id",
    "cancellation_deadline",
    "scheduled_by",
    "scheduled_at",
    "seats_taken",
    "waitlist_next",
)
ENROLMENT_COLUMNS = (
    "enrolment_id",
    "session_id",
    "course_id",
    "person_id",
    "status",
    "enrolled_at",
    "holder_name",
    "waitlist_position",
    "confirmed_at",
    "cancelled_at",
    "attended",
    "assessment_passed",
    "completed_at",
    "erased",
)
CERTIFICATE_COLUMNS = (
    "certificate_id",
    "enrolment_id",
    "session_id",
    "course_id",
    "person_id",
    "verification_code",
    "holder_name",
    "course_title",
    "completed_on",
    "issued_at",
    "revoked_at",
    "revoked_by",
    "revocation_reason",
    "holder_erased",
)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    placeholders = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"


def _update(table: str, columns: tuple[str, ...]) -> str:
    """UPDATE of every column but the first, which is the key ($1)."""
    sets = ", ".join(f"{column} = ${i}" for i, column in enumerate(columns[1:], start=2))
    return f"UPDATE {table} SET {sets} WHERE {columns[0]} = $1"


_COURSES = f"SELECT {', '.join(COURSE_COLUMNS)} FROM training_courses"
_SESSIONS = f"SELECT {', '.join(SESSION_COLUMNS)} FROM training_sessions"
_ENROLMENTS = f"SELECT {', '.join(ENROLMENT_COLUMNS)} FROM training_enrolments"
_CERTIFICATES = f"SELECT {', '.join(CERTIFICATE_COLUMNS)} FROM training_certificates"

ADD_COURSE = _insert("training_courses", COURSE_COLUMNS)
GET_COURSE = f"{_COURSES} WHERE course_id = $1"
# Each filter is an array, or NULL for "any".
COURSES = f"""{_COURSES}
WHERE ($1::text[] IS NULL OR skill_area = ANY($1))
  AND ($2::text[] IS NULL OR audience = ANY($2))
  AND ($3::text[] IS NULL OR language = ANY($3))
  AND ($4::uuid IS NULL OR cluster_id = $4)
ORDER BY title, course_id
LIMIT $5 OFFSET $6"""

ADD_SESSION = _insert("training_sessions", SESSION_COLUMNS)
GET_SESSION = f"{_SESSIONS} WHERE session_id = $1"
GET_SESSION_FOR_UPDATE = GET_SESSION + " FOR UPDATE"
SAVE_SESSION = "UPDATE training_sessions SET seats_taken = $2, waitlist_next = $3 WHERE session_id = $1"
SESSIONS_OF_COURSE = f"{_SESSIONS} WHERE course_id = $1 ORDER BY meetings[1], session_id"

ADD_ENROLMENT = _insert("training_enrolments", ENROLMENT_COLUMNS)
SAVE_ENROLMENT = _update("training_enrolments", ENROLMENT_COLUMNS)
GET_ENROLMENT = f"{_ENROLMENTS} WHERE enrolment_id = $1"
GET_ENROLMENT_FOR_UPDATE = GET_ENROLMENT + " FOR UPDATE"
ACTIVE_ENROLMENT = f"{_ENROLMENTS} WHERE session_id = $1 AND person_id = $2 AND status <> 'cancelled'"
FIRST_WAITING = f"""{_ENROLMENTS} WHERE session_id = $1 AND status = 'waitlisted'
ORDER BY waitlist_position LIMIT 1 FOR UPDATE"""
ENROLMENTS_OF_SESSION = f"""{_ENROLMENTS} WHERE session_id = $1
ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
         waitlist_position, enrolled_at, enrolment_id"""
ENROLMENTS_OF_PERSON = f"{_ENROLMENTS} WHERE person_id = $1 ORDER BY enrolled_at DESC, enrolment_id"
ENROLMENTS_OF_PERSON_FOR_UPDATE = ENROLMENTS_OF_PERSON + " FOR UPDATE"

ADD_CERTIFICATE = _insert("training_certificates", CERTIFICATE_COLUMNS)
SAVE_CERTIFICATE = _update("training_certificates", CERTIFICATE_COLUMNS)
GET_CERTIFICATE = f"{_CERTIFICATES} WHERE certificate_id = $1"
GET_CERTIFICATE_FOR_UPDATE = GET_CERTIFICATE + " FOR UPDATE"
CERTIFICATE_BY_CODE = f"{_CERTIFICATES} WHERE verification_code = $1"
CERTIFICATES_OF_PERSON = f"{_CERTIFICATES} WHERE person_id = $1 ORDER BY issued_at DESC, certificate_id"
CERTIFICATES_OF_PERSON_FOR_UPDATE = CERTIFICATES_OF_PERSON + " FOR UPDATE"
