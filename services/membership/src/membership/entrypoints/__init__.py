"""HTTP routes and Kafka subscriptions of the membership service."""
