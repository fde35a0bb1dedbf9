"""One function per user action: the only API that the UI and the CLI call."""
