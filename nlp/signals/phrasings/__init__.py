"""What a risk sounds like in English: the rules as data (`rule_patterns`: word classes and token
patterns per signal), the hints of suicide the rules hear, care-note abbreviations told as a
risk now, and what a witness writes down of a suicide risk or a danger (`witness_notes` runs
those sentence checks for the rule engine). Imports only `core`.
"""
