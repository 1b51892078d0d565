"""PostgreSQL repositories of the membership service."""
