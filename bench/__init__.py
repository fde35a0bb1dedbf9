"""The benchmark harness: ``python -m bench [--scale small|province] [--json OUT]``."""
