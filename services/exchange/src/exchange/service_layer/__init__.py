"""Exchange use cases, one per command or consumed event."""
