"""Notification use cases, one per consumed event or command."""
