"""Membership use cases: one async function per command, one transaction each."""
