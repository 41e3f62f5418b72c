"""Plumbing under every package: the working database's connections and write transactions,
the audit log, the clock, argon2 hashing and background jobs.

It imports neither Flask nor any package of the data path (consent, nlp, workbench): they all
stand on it, so each can be used and tested without the web layer.
"""
