"""Datasette plugins for planners: friendly pages over the published database, locked down.

`planner` is the entry point (registered in pyproject.toml); it wires Datasette's hooks to the
plain functions in `lockdown`, `swap`, `pages` and `charts`.
"""
