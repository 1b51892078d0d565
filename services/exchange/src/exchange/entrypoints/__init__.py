"""HTTP routes and Kafka subscriptions of the exchange service."""
