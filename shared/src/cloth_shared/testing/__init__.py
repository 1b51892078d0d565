"""Test fixtures for real PostgreSQL and Kafka, shared by every service's tests (a pytest plugin)."""
