"""What to tell whom: pure rules, no I/O."""
