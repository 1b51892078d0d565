"""Notifications service: tells the right people what happened."""
