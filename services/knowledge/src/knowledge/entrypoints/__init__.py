"""HTTP routes and Kafka subscriptions of the knowledge service."""
