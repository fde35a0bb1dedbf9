"""Pure domain model: record types, enums and rules. No Qt, no SQL."""
