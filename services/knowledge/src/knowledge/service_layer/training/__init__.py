"""Training use cases: courses and sessions, enrolment, attendance and certificates."""
