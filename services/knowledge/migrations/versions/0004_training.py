"""The training programme: courses, their sessions, enrolments and certificates.

Revision ID: 0004
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE training_courses (
        course_id              uuid PRIMARY KEY,
        cluster_id             uuid NOT NULL,
        title                  text NOT NULL,
        skill_area             text NOT NULL,
        audience               text NOT NULL,
        language               text NOT NULL,
        learning_outcomes      text[] NOT NULL,
        modules                text[] NOT NULL,
        min_attendance_percent integer NOT NULL CHECK (min_attendance_percent BETWEEN 1 AND 100),
        assessment_required    boolean NOT NULL,
        created_by             uuid NOT NULL,
        created_at             timestamptz NOT NULL
    );
    CREATE INDEX training_courses_by_title ON training_courses (title, course_id);

    CREATE TABLE training_sessions (
        session_id            uuid PRIMARY KEY,
        course_id             uuid NOT NULL REFERENCES training_courses,
        mode                  text NOT NULL,
        place                 text,
        meetings              timestamptz[] NOT NULL,
        capacity              integer NOT NULL CHECK (capacity > 0),
        trainer_id            uuid NOT NULL,
        cancellation_deadline timestamptz NOT NULL,
        scheduled_by          uuid NOT NULL,
        scheduled_at          timestamptz NOT NULL,
        -- The seat counter, updated under the row lock enrolment takes; the check is the
        -- backstop should any code path ever forget the lock.
        seats_taken           integer NOT NULL CHECK (seats_taken BETWEEN 0 AND capacity),
        waitlist_next         integer NOT NULL CHECK (waitlist_next >= 1)
    );
    CREATE INDEX training_sessions_of_course ON training_sessions (course_id);

    CREATE TABLE training_enrolments (
        enrolment_id      uuid PRIMARY KEY,
        session_id        uuid NOT NULL REFERENCES training_sessions,
        course_id         uuid NOT NULL,
        person_id         uuid NOT NULL,
        status            text NOT NULL,
        enrolled_at       timestamptz NOT NULL,
        holder_name       text,
        waitlist_position integer,
        confirmed_at      timestamptz,
        cancelled_at      timestamptz,
        attended          integer[] NOT NULL,
        assessment_passed boolean,
        completed_at      timestamptz,
        erased            boolean NOT NULL
    );
    CREATE UNIQUE INDEX training_enrolments_one_active
        ON training_enrolments (session_id, person_id) WHERE status <> 'cancelled';
    CREATE UNIQUE INDEX training_enrolments_waiting_order
        ON training_enrolments (session_id, waitlist_position) WHERE status = 'waitlisted';
    CREATE INDEX training_enrolments_of_person ON training_enrolments (person_id);

    CREATE TABLE training_certificates (
        certificate_id    uuid PRIMARY KEY,
        enrolment_id      uuid NOT NULL UNIQUE REFERENCES training_enrolments,
        session_id        uuid NOT NULL,
        course_id         uuid NOT NULL,
        person_id         uuid NOT NULL,
        verification_code text NOT NULL UNIQUE,
        holder_name       text,
        course_title      text NOT NULL,
        completed_on      date NOT NULL,
        issued_at         timestamptz NOT NULL,
        revoked_at        timestamptz,
        revoked_by        uuid,
        revocation_reason text,
        holder_erased     boolean NOT NULL
    );
    CREATE INDEX training_certificates_of_person ON training_certificates (person_id);
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE training_certificates;
    DROP TABLE training_enrolments;
    DROP TABLE training_sessions;
    DROP TABLE training_courses;
    """)
