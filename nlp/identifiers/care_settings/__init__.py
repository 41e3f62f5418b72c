"""Care settings as people name them: listed names, kinds, initials and nicknames, hospital units
and wards, practices and homes typed without capitals."""
