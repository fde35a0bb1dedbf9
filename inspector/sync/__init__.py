"""Ledger packages: keys and roster, export, verification, import and merge."""
