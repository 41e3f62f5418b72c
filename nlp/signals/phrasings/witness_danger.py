"""Danger written down by a witness (issue 19, round 21): a weapon carried with harm meant, a
young child alone now, someone kept in who got out, a person not responding now, oxygen beside
a flame, travel booked for a forced marriage soon, the Welsh notes of a child alone and of a
forced marriage; and, as neglect rather than danger, a home hoarded to the ceiling.

Why apart: a note written by a witness says what was seen and done, rarely the words the rules
were written from: a tenant's oxygen sits beside a lit fire; a child is found alone on a road at
midnight. Each check here needs two things said together (an act and what makes it a danger
now), so the words alone — an oxygen safety leaflet, a child walking to school, a cooking knife
or a talk on knife crime — never fire. `witness_notes.heard` runs them beside the token rules.
"""

from __future__ import annotations

import re

# --- Danger now others write down -------------------------------------------------------------
# A weapon carried with harm meant now ("showed me a knife in his bag, said he's sorting out a
# boy after school today").
WEAPON_CARRIED = re.compile(
    r"\b(?:showed|shown|showing|carrying|carries|carried|had|has|brought|pulled out|pulled"
    r"|got|hid|hiding|with)\b[^.!?]{0,30}\b(?:knife|knives|blade|machete|gun|hammer"
    r"|screwdriver|knuckle ?duster)\b",
    re.IGNORECASE,
)
HARM_MEANT = re.compile(
    r"\b(?:sort(?:ing)? (?:him|her|them|\w+) out|sorting out|sort out|do (?:him|her|them) in"
    r"|get (?:him|her|them)|getting (?:him|her|them)|stab\w*|shank\w*|use it|going to (?:hurt"
    r"|get|do|use)|after school|tonight|today|later|deal with (?:him|her|them)|pay (?:him|her"
    r"|them) back|teach (?:him|her|them) a lesson)\b",
    re.IGNORECASE,
)
NOT_A_THREAT = re.compile(
    r"\b(?:knife crime|awareness|workshop|talk|training|cake|bread|fruit|kitchen|cook\w*"
    r"|fishing|scouts?|carving|whittl\w*|butter|vegetables?|dinner|lunch|chef|toy|plastic"
    r"|amnesty|surrender bin|drama|prop|play|film|game)\b",
    re.IGNORECASE,
)


def weapon_with_harm_meant(sentence: str) -> bool:
    """A weapon carried beside harm meant or a time now, not a cooking knife or a talk."""
    return bool(
        WEAPON_CARRIED.search(sentence)
        and HARM_MEANT.search(sentence)
        and not NOT_A_THREAT.search(sentence)
    )


# A young child found alone where no child should be, now: at night, on a road, or left with
# no adult come back.
YOUNG_CHILD = re.compile(
    r"\b(?:toddler|baby|infant|little (?:girl|boy|one)|(?:child|girl|boy|kid|lad)\s+(?:of\s+)?"
    r"(?:about\s+|around\s+|aged\s+|maybe\s+|roughly\s+)?(?:[1-9]|1[0-4]|one|two|three|four"
    r"|five|six|seven|eight|nine|ten)\b|(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)"
    r"[- ]year[- ]old"
    # "the youngest can't be more than 3", "child alone, small, maybe 3 years".
    r"|(?:kids|children|child|youngest|little ones?)\b[^.!?]{0,40}\b(?:more than|older than"
    r"|under|about|maybe|only|aged) (?:[1-6]|one|two|three|four|five|six)\b)",
    re.IGNORECASE,
)
ALONE = re.compile(
    r"\b(?:alone|on (?:her|his|their) own|by (?:her|him|them)sel(?:f|ves)|unattended"
    r"|no adult|nobody with (?:her|him)|no-one with (?:her|him)|no one with (?:her|him))\b",
    re.IGNORECASE,
)
NOBODY_CAME = re.compile(
    r"\b(?:no (?:adult|parent|one|-one|body)|nobody) (?:has |had )?(?:returned|come back|came"
    r"|come|collected|turned up)\b|\bnot (?:been )?collected\b|\bsince (?:opening|this morning"
    r"|\d)|\bat night\b|\bmidnight\b|\b[1-5] ?am\b|\bin the dark\b|\bon (?:the|a) (?:road"
    r"|main road|dual carriageway|motorway|bypass|a\d+)\b|\bby the (?:river|canal|water)\b"
    r"|\bno shoes\b|\bgoes to voicemail\b|\bnight ?time\b|\bovernight\b|\ball night\b"
    r"|\bsince (?:yesterday|last night)\b|\bfor (?:hours|(?:two|three|\d+) days)\b",
    re.IGNORECASE,
)
SUPERVISED = re.compile(
    r"\b(?:policy|allowed|can be left|may be left|should not be left|shouldn'?t be left|sign"
    r"|rule|rules|walks? (?:home|to school)|gets the bus|with (?:her|his) (?:mum|dad|gran"
    r"|parents?|nan|carer)|mum (?:was|is) (?:there|upstairs|nearby)|play(?:s|ing)?|garden"
    r"|i (?:watch|can see|keep an eye)|watching (?:them|her|him)|incubator|ward|nurses?"
    r"|hospital|nicu|scbu|cot ?side)\b"
    # The teller left alone ("I was left alone for hours, unable to reach my baby").
    r"|\b(?:i|we) (?:was|were|am|'m) (?:left )?(?:alone|on my own|on our own|by myself)\b",
    re.IGNORECASE,
)


def child_alone_now(sentence: str) -> bool:
    """A young child (an age under 15 said, or a toddler or baby) alone, with night, a road,
    or no adult come back in the same sentence; never a rule about leaving children, or a
    child walking to school."""
    return bool(
        YOUNG_CHILD.search(sentence)
        and ALONE.search(sentence)
        and NOBODY_CAME.search(sentence)
        and not SUPERVISED.search(sentence)
    )


# Welsh: a child on their own, at night or on a road.
WELSH_CHILD_ALONE = re.compile(
    r"\bplentyn\b.{0,80}\bar (?:ei ben ei hun|ei phen ei hun|eu pen eu hunain)\b"
    r"|\bplentyn\b.{0,80}\bheb (?:oedolyn|neb)\b",
    re.IGNORECASE,
)
WELSH_NIGHT_OR_ROAD = re.compile(
    r"\b(?:hanner nos|yn y nos|ganol nos|yn y tywyllwch|ar ochr y|ar y ffordd|ar y lôn|a\d+"
    r"|dim sgidiau|heb sgidiau|[1-5] y\.?b\.?)\b",
    re.IGNORECASE,
)


def welsh_child_alone_now(sentence: str) -> bool:
    """A Welsh note of a child alone at night or on a road."""
    return bool(WELSH_CHILD_ALONE.search(sentence) and WELSH_NIGHT_OR_ROAD.search(sentence))


# Kept in and got out ("an older man wouldn't let her leave and she climbed out a window").
KEPT_IN = re.compile(
    r"\b(?:wouldn'?t|would not|won'?t|will not|didn'?t|did not|doesn'?t|does not) let (?:her|him"
    r"|them|me) (?:leave|go|out)\b|\blocked (?:her|him|them|me) in\b",
    re.IGNORECASE,
)
GOT_OUT = re.compile(
    r"\b(?:climbed out|escaped|ran (?:out|away|off)|got out (?:of )?(?:a|the) window"
    r"|jumped out|no shoes|barefoot)\b",
    re.IGNORECASE,
)
KEPT_BY_A_STRANGER = re.compile(
    r"\b(?:an? |the )?(?:older |adult |grown )?(?:man|men|guy|bloke|stranger|strangers|adults"
    r"|lads)\b",
    re.IGNORECASE,
)


def kept_in_and_got_out(sentence: str) -> bool:
    """Someone kept in by a man or strangers, and got out: held against their will."""
    return bool(
        KEPT_IN.search(sentence)
        and GOT_OUT.search(sentence)
        and KEPT_BY_A_STRANGER.search(sentence)
    )


# A body not answering now ("he's not responding to his name now").
NOT_RESPONDING = re.compile(
    r"\b(?:not|isn'?t|is not|stopped|no longer) respond(?:ing|s)? to (?:his|her|their|my) (?:name"
    r"|voice)|\b(?:not|isn'?t|is not|stopped) respond(?:ing)? to (?:pain|touch|us shaking)\b",
    re.IGNORECASE,
)
WAS_THEN = re.compile(
    r"\b(?:years ago|last year|fine now|came round|recovered|back to normal)\b", re.I
)


def not_responding_now(sentence: str) -> bool:
    """A person not answering to their name or to touch, not told as over."""
    return bool(NOT_RESPONDING.search(sentence) and not WAS_THEN.search(sentence))


# A live fire hazard: oxygen beside a flame or smoking.
OXYGEN_AND_FLAME = re.compile(
    r"\boxygen\b[^.!?]{0,80}\b(?:lit|gas fire|open fire|fire|flame|candles?|hob|smokes|smoking"
    r"|cigarettes?|lighter)\b|\b(?:lit|gas fire|open fire|flame|candles?|smokes|smoking"
    r"|cigarettes?|lighter)\b[^.!?]{0,80}\boxygen\b",
    re.IGNORECASE,
)
SAFETY_TALK = re.compile(
    r"\b(?:not lit|unlit|no (?:lit )?candles?|no naked|no smoking|not smoke|never smok\w*"
    r"|doesn'?t smoke|don'?t smoke|leaflet|poster"
    r"|training|advice|advised|sign|policy|check (?:done|completed)|safety (?:talk|check|visit)"
    r"|reminded|risk assessment|away from)\b",
    re.IGNORECASE,
)


def fire_hazard_now(sentence: str) -> bool:
    """Oxygen beside a lit fire, a flame or smoking, not a safety leaflet or advice."""
    return bool(OXYGEN_AND_FLAME.search(sentence) and not SAFETY_TALK.search(sentence))


# Hoarding in a home: a person living among things piled to the ceiling.
HOARDING = re.compile(
    r"\b(?:belongings|stuff|rubbish|junk|boxes|papers|bags|newspapers|things)\s+(?:piled |stacked"
    r" |heaped )?(?:up )?to the ceiling\b|\bhoarding\b(?!\s+(?:board|boards|advert\w*|sign))",
    re.IGNORECASE,
)
HOME_LIFE = re.compile(
    r"\b(?:living|lives|tenant|resident|flat|house|home|bedroom|kitchen|sleeping|he|she)\b",
    re.IGNORECASE,
)
NOT_A_HOME = re.compile(r"\b(?:stock ?room|warehouse|shop|storage|office|garage|loft)\b", re.I)


def hoarding_at_home(sentence: str) -> bool:
    """A home filled to the ceiling, where a person lives: self-neglect."""
    return bool(
        HOARDING.search(sentence) and HOME_LIFE.search(sentence) and not NOT_A_HOME.search(sentence)
    )


# Forced marriage with travel booked: a flight or a trip "to marry" and the person unwilling.
TRAVEL_TO_MARRY = re.compile(
    r"\b(?:booked|booking|taking|take|sending|send|flying|fly|flight|ticket)\b[^.!?]{0,60}"
    r"\bto (?:marry|be married|get married|wed)\b",
    re.IGNORECASE,
)
UNWILLING = re.compile(
    r"\b(?:refus\w*|won'?t (?:be allowed to )?come back|can'?t say no|terrified|frightened|scared"
    r"|against (?:her|his) will|passport|doesn'?t want|does not want|never met|hasn'?t met"
    r"|has not met|no choice|forced)\b",
    re.IGNORECASE,
)
SOON = re.compile(
    r"\b(?:next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)"
    r"\b|\btomorrow\b|\btonight\b|\bin (?:a|two|three|\d) (?:days?|weeks?)\b",
    re.IGNORECASE,
)
# Welsh: taken to marry a man she has never met, or her passport taken.
WELSH_TO_MARRY = re.compile(
    r"\bi (?:briodi|phriodi)\b.{0,80}\b(?:erioed wedi'i gyfarfod|erioed wedi cyfarfod|heb ei"
    r"gyfarfod|yn erbyn ei hewyllys|dim dewis)\b|\b(?:gorfodi|gorfod) (?:hi |fe |e )?(?:i )?"
    r"(?:briodi|phriodi)\b",
    re.IGNORECASE,
)
WELSH_PASSPORT_TAKEN = re.compile(
    r"\b(?:cymryd|cadw|dwyn|cuddio)\b.{0,20}\b(?:pasbort|phasbort|basbort)\b", re.IGNORECASE
)
UNDER_EIGHTEEN = re.compile(
    r"\b(?:1[0-7]|fifteen|sixteen|seventeen)(?:[- ]year[- ]old|\b(?! (?:years|months|weeks|days|"
    r"mlynedd|oed\b)))|\b(?:aged|age) (?:1[0-7])\b|\bmae hi'?n (?:1[0-7])\b|\b(?:1[0-7]) oed\b",
    re.IGNORECASE,
)


def forced_marriage_soon(sentence: str, story: str) -> bool:
    """Travel booked to marry, someone unwilling told in the story, and the journey soon."""
    return bool(
        TRAVEL_TO_MARRY.search(sentence) and UNWILLING.search(story) and SOON.search(sentence)
    )


def welsh_forced_marriage(sentence: str) -> bool:
    """A Welsh note of marriage to a man never met, forced, or a passport taken."""
    return bool(WELSH_TO_MARRY.search(sentence) or WELSH_PASSPORT_TAKEN.search(sentence))
