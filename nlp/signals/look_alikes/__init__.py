"""Talk that sounds like a risk and is not, or not now, and so holds a hit back: the rules' checks
around a phrase (`held_back`: negation, services, idioms, past and over), accounts of care,
everyday talk and everyday talk of death, hazards with their harm denied, medicines looked
after, notes that say no risk, a threat in jest, a person taken somewhere, the model's possible
reading of a complaint, and the crisis rescued days ago that is recent after all. Imports only
`core` and `phrasings`.
"""
