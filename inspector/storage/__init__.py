"""The workspace file: SQLite through sqlite-utils, migrations, revisions, projections, blobs."""
