"""PostgreSQL repositories of the notifications service."""
