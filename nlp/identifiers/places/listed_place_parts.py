"""A listed place's whole name wins over a shorter finding inside it (issue 20, round 50).

"Leighton Buzzard" is a town in the place lists, and "Leighton" alone is a hospital in the list
of care settings; "Llanbedr Pont Steffan" is a town whose first word is also a hospital's.
Settling ranks care settings and addresses above places, whatever their length, so the shorter
setting took the first word and left the rest of the town's name in the story (v35, v46 by
different writers). When a place found whole in the lists (`uk_places`, `small_places`)
strictly contains a finding of another label, that finding is a part of the place's name and
gives way; a longer finding that holds the place and more ("Leighton Buzzard Health Centre")
is not inside it and stays.
"""

from __future__ import annotations

from nlp.identifiers.core.findings import Finding

LISTED = frozenset({"uk_places", "small_places"})


def without_parts_of_listed_places(found: list[Finding]) -> list[Finding]:
    """`found` without the findings of another label strictly inside a listed place's name."""
    places = [f for f in found if f.label == "LOCATION" and f.source in LISTED]
    if not places:
        return found
    return [
        f
        for f in found
        if f.label == "LOCATION"
        or not any(
            p.start <= f.start and f.end <= p.end and (f.end - f.start) < (p.end - p.start)
            for p in places
        )
    ]
