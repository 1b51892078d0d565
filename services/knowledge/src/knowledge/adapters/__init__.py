"""PostgreSQL repositories of the knowledge service."""
