"""Membership service: who belongs to the alliance."""
