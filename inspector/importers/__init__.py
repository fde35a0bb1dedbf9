"""Reading what courts hand the team: case lists exported from their systems."""
