"""Publishing: build the planners' database from approved, de-identified data only, check it
for leaks, and swap it in atomically for Datasette to serve."""
