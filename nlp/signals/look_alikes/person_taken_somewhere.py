"""Taking a person somewhere is not taking their money (issue 19, round 22).

Why: the money-taken rules read a verb of taking and a thing of value a few words on ("takes her
card", "took all his pension"), so "her son took her to buy a card" and "my daughter takes me
out for cash at the post office" read as financial abuse by family. What follows the verb says
which it is: a person and then where they were taken ("her to", "me out", "mum round") is an
outing, and the thing of value is what the outing was for.

Read by the adult-abuse rule on money (`held_back.why_held_back`) and by the pairing of adult
and domestic abuse (`adult_abuse_by_family.TAKEN`). "Took her to the bank and took all her money"
still fires on its second "took"; "takes her card" has no place after the person.
"""

from __future__ import annotations

import re

PERSON = (
    r"(?:her|him|me|them|us|mum|mam|dad|nan|nana|gran|grandad|grandma|grandpa"
    r"|(?:my|his|her|their|our) (?:mum|mam|dad|mother|father|nan|gran|grandad|grandma|grandpa"
    r"|aunt|auntie|uncle|husband|wife|son|daughter|brother|sister|friend|neighbour))"
)
WHERE = (
    r"(?:to|out|into|round|around|along|over|down|up|home|back|in|shopping|for (?:a|an|her|his"
    r"|their|my) (?:walk|drive|trip|meal|coffee|day out|appointment|check-?up))"
)
# The verb of taking, a person, and where they were taken.
TAKEN_SOMEWHERE = re.compile(
    rf"\b(?:take|takes|took|taking|taken)\s+{PERSON}\s+{WHERE}\b", re.IGNORECASE
)


def taken_somewhere(words: str) -> bool:
    """Whether `words`, starting at a verb of taking, take a person somewhere."""
    return TAKEN_SOMEWHERE.match(words.strip()) is not None
