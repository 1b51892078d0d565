"""PostgreSQL repositories of the exchange service."""
