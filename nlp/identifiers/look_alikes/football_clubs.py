"""A town's name standing for its football club, taken for a place (issue 20, round 47).

Long lives are told with the team someone followed ("he still follows Everton on the radio",
"Burnley Rovers lost again", "he knew every Wigan player"), and the place list took the
club's town for where someone lives, in three development sets by different writers; none marks
it, and one writer's conventions say football clubs are not marked. A place is the club's when
a club's own word follows it ("Wanderers", "Rovers", "Albion", "FC") or a word of the game
("fans", "player", "match", "scarf"), or when it is what someone watches or supports. The
model's person over the same words, or before a club's or the game's word, goes too, and so
does a club's own word taken for a surname ("Rovers"); a person someone supports or watches
stays one ("I support Kelly at her reviews"), and a venue stays a place ("the drop-in at
Carrick Rugby Club"). Places found by an address or a stronger rule are not judged here.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

_CLUB_WORDS = r"Wanderers|Rovers|Athletic|Albion|Rangers|Hotspur|Argyle|United"
CLUB_AFTER = re.compile(
    rf"[ \t]+(?:(?:{_CLUB_WORDS}|F\.?C\.?|A\.?F\.?C\.?)(?![\w'’-])"
    r"|(?i:fans?|players?|supporters?|match|matches|shirts?|scarf|season[ \t]+ticket|squad|"
    r"strip|kit)\b)"
)
WATCHED_BEFORE = re.compile(
    r"\b(?i:watch|watches|watched|watching|support|supports|supported|supporting|follows|followed)"
    r"(?:[ \t]+the)?[ \t]+$"
)
CLUB_WORD = re.compile(rf"(?:{_CLUB_WORDS})")
TOWN_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+$")
GUESSES = frozenset(
    ("capitals", "ner", "name_gazetteer", "uk_places", "small_places", "location_cue")
)


def _club(text: str, f: Finding) -> bool:
    if f.label not in ("LOCATION", "PERSON") or f.source not in GUESSES:
        return False
    if f.label == "PERSON" and CLUB_WORD.fullmatch(text, f.start, f.end):
        return TOWN_BEFORE.search(text, max(0, f.start - 20), f.start) is not None
    if CLUB_AFTER.match(text, f.end):
        return True
    # Only a place is what someone supports: "I support Kelly" is a support worker's person.
    return f.label == "LOCATION" and bool(
        WATCHED_BEFORE.search(text, max(0, f.start - 20), f.start)
    )


def without_football_clubs(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the places, or the model's people, that stand for a football club
    ("watches Everton"), nor a club's own word taken for a person ("Burnley Rovers")."""
    clubs = {(f.start, f.end) for f in found if _club(text, f)}
    if not clubs:
        return found
    # The model's person over the very words a club's place was found on is the club too.
    return [
        f
        for f in found
        if (f.start, f.end) not in clubs or (f.label == "PERSON" and f.source not in GUESSES)
    ]
