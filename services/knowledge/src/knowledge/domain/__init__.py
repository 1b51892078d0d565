"""Library and training rules: pure Python, no I/O."""
