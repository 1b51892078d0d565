"""Knowledge use cases, one per command or consumed event."""
