"""Statistics and report writers."""
