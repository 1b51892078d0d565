"""HTTP routes and Kafka subscriptions of the notifications service."""
