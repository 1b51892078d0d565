"""Membership rules: pure Python, no I/O, no frameworks."""
