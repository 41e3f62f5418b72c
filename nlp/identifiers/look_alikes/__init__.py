"""Words and codes that look like identifiers and are not: NHS bodies for whole regions, months in
dates, paperwork's words, a community's everyday words, clinical and office codes."""
