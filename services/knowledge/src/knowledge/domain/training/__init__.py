"""The training programme's rules: courses and their sessions, enrolment, completion, certificates."""
