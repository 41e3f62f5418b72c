"""Everyday talk that sounds like a risk to life (issue 19, round 18): read by kind from the
false alarms of v20 and written as general tests on a sentence, never from one sentence.

Why apart: `context.py` holds the checks of earlier rounds; these are the eighteenth round's,
each a kind of talk with look-alikes that must still be a risk:

- **medicines talk**: a question about a dose, a dose changed or explained by a professional
  ("the GP put my dose up to 100mg", "how much liquid paracetamol can I give a two year
  old?"). Not when the sentence says more than a dose (all of them, the lot, a number taken,
  saved up) or death, harm or an overdose.
- **an emergency named only as advice or denied** ("if it's an emergency ring 999 - it
  wasn't").
- **a death expected in care** ("I sit with him at the hospice. He's not in pain and says he's
  ready"): danger means a life in danger now, and a death awaited in palliative care is not.
- **no bad thoughts for a long time** ("I've not had a bad thought in a long time"): the
  teller says the risk is absent, which the sentence model heard as the risk.
- **a danger told with a past date** ("left in the car for two hours in August"): danger
  means now; abuse told as past is the abuse signals' to raise.

A check here never holds back a sentence that says the danger is now, a threat, a plan or
means, a weapon, or a recent attempt (`STILL_DANGER`, and `context.danger_said`).
"""

from __future__ import annotations

import re

from nlp.signals.core import context as signal_context

MEDICINE = re.compile(
    r"\b(?:dose|doses|dosage|\d+ ?(?:mg|ml|mcg)|tablets?|pills?|capsules?|paracetamol|calpol"
    r"|co-?codamol|codeine|ibuprofen|aspirin|medicine|medicines|medication|meds|prescription"
    r"|prescriptions|inhaler|antibiotics|sertraline|citalopram|fluoxetine|mirtazapine"
    r"|amitriptyline|amlodipine|insulin|morphine|patch|patches|liquid)\b"
)
# Talk about a medicine that is care: a question about how to take it, a professional who
# changed or explained it, or feeling better on it.
MEDICINE_TALK = re.compile(
    r"\b(?:how (?:much|many|often)|can (?:i|you|he|she|we) (?:take|give|have|use|mix)"
    r"|is it (?:ok|okay|safe|alright|fine) to|should (?:i|he|she|we) (?:take|give)"
    r"|(?:maximum|max|right|correct|usual) (?:daily )?dose|safe to (?:take|give|mix)"
    r"|(?:gp|doctor|dr|pharmacist|nurse|consultant|chemist|prescriber)\w* (?:has |have )?"
    r"(?:put|increased|reduced|lowered|upped|changed|switched|started|explained|checked|halved"
    r"|doubled|adjusted|reviewed|went through)"
    r"|(?:dose|dosage) (?:was |has been |is being )?(?:up|down|increased|reduced|lowered"
    r"|changed|upped|adjusted)|(?:feel|feeling|felt) (?:\w+ )?better on)\b"
)
# What makes talk of a medicine a risk: more than a dose, a number taken, saving them, death,
# harm or an overdose named.
EXCESS = re.compile(
    r"\b(?:all (?:of )?(?:my |the |his |her |their |them|those |these )?(?:\w+ )?"
    r"(?:tablets|pills|meds|medication|medicine|paracetamol|capsules)"
    r"|(?:take|took|taken|taking|swallow\w*) (?:them |it )?all|the lot|whole (?:box|packet|bottle)"
    r"|(?:took|taken|taking|swallowed|had) (?:\d+|ten|twenty|thirty|forty|fifty)"
    r"|too many|handful|boxes|packets|stockpil\w*|sav(?:e|ed|ing) (?:up|them)|hoard\w*"
    r"|overdos\w*|\bod\b|kill\w*|die|dying|dead|death|end (?:it|my life|things)|suicid\w*"
    r"|(?:would|will|does|did|'d) (?:it |they )?take|(?:would|will|do) (?:i|you|someone|a person"
    r"|he|she) need|it (?:would|will|'d) take|enough|saved"
    r"|saving|waking|look(?:ing|ed)? up|read(?:ing)? up|research\w*|googl\w*|lethal|fatal"
    r"|plan\w*|tonight|attempt\w*|tried|knife|knives|rope|gun|weapon\w*|threat\w*"
    r"|harm\w*|hurt\w*|not wake|never wake|wake up|unconscious|unresponsive|drowsy|floppy"
    r"|fitting|seizure\w*|breath\w*|blue|vomit\w*|swallowed|accidentally|by mistake|got into"
    # Distress said beside the medicine, as a note sums it up ("GP upped her sertraline, says
    # there's no point, hx SH"): a dose changed because of the risk is no care talk to hold back.
    r"|hopeless\w*|no point|can'?t (?:go on|cope|carry on)|not coping|giv(?:e|ing) up"
    r"|be here|better off|thoughts?|urges?|crisis|sh|self-? ?harm\w*|cut\w*|ligature)\b"
)


def medicines_talk(sentence: str) -> bool:
    """A sentence about a medicine that is care: a dosing question, a dose a professional
    changed or explained, feeling better on it; and nothing in it of more than a dose."""
    lowered = signal_context_lower(sentence)
    return (
        bool(MEDICINE.search(lowered))
        and bool(MEDICINE_TALK.search(lowered))
        and not EXCESS.search(lowered)
    )


# A question about a dose, as a parent or a patient asks it: only after one of these is the next
# sentence read as part of the question. A dose a professional changed is told, not asked, and
# the sentence after it is often why ("GP upped her dose. She says she's a burden to everyone").
DOSING_QUESTION = re.compile(
    r"\b(?:how (?:much|many|often)|can (?:i|you|he|she|we) (?:take|give|have|use|mix)"
    r"|is it (?:ok|okay|safe|alright|fine) to|should (?:i|he|she|we) (?:take|give)"
    r"|(?:maximum|max|right|correct|usual) (?:daily )?dose|safe to (?:take|give|mix))\b"
)


def dosing_question(sentence: str) -> bool:
    """Medicines talk that asks about a dose ("How much calpol can I give a one year old?")."""
    lowered = signal_context_lower(sentence)
    return medicines_talk(sentence) and ("?" in sentence or bool(DOSING_QUESTION.search(lowered)))


def signal_context_lower(text: str) -> str:
    """Lower case with typographic apostrophes made plain, as the other checks read text."""
    return " " + " ".join(text.lower().replace("\u2019", "'").split()) + " "


# "If it's an emergency ring 999", "it wasn't an emergency", "not an emergency": named as
# advice or denied, not a danger now.
NOT_AN_EMERGENCY = re.compile(
    r"\bif (?:it'?s|it is|this is|there'?s|there is|you have|you'?ve got) an? (?:real )?"
    r"(?:emergency|urgent)\b"
    r"|\b(?:it|this|that) (?:was ?n'?t|was not|is ?n'?t|is not|'s not) (?:an? )?"
    r"(?:emergency|urgent)\b|\bnot an emergency\b|\bnon-? ?emergency\b|\bnon-? ?urgent\b"
)
ADVICE_WORDS = re.compile(r"\b(?:ring|call|dial|phone) (?:999|111|an ambulance)\b|\bemergency\b")


def emergency_only_named(sentence: str) -> bool:
    """The sentence names an emergency only as advice or to deny one, and says no danger."""
    lowered = signal_context_lower(sentence)
    if not NOT_AN_EMERGENCY.search(lowered):
        return False
    rest = ADVICE_WORDS.sub(" ", NOT_AN_EMERGENCY.sub(" ", lowered))
    return not signal_context.danger_said(rest) and not STILL_DANGER.search(rest)


# What a sentence beside a death awaited in care must not say for danger to be held back: a
# fall, a person left, no one coming, harm done.
HARM_IN_CARE = re.compile(
    r"\b(?:floor|fell|fallen|fall|dropped|left (?:him|her|them|alone)|alone|nobody|no one"
    r"|ignored|hit|hurt|bruis\w*|pressure sores?|dehydrat\w*|starv\w*|neglect\w*|wrong"
    r"|mistake|missed|forgot|forgotten|late)\b"
)


def death_awaited_in_care(sentence: str, before: str) -> bool:
    """Danger may not be raised on a sentence told beside end-of-life care ("I sit with him at
    the hospice. He says he's ready"): care named in it or the sentence before, no wish to die
    (`context.end_of_life_care`), and no danger, fall or neglect said in it."""
    lowered = signal_context_lower(sentence)
    cared = signal_context.end_of_life_care(lowered) or signal_context.end_of_life_care(
        signal_context_lower(before)
    )
    return (
        cared
        and not signal_context.WISH_TO_DIE.search(lowered)
        and not signal_context.danger_said(lowered)
        and not HARM_IN_CARE.search(lowered)
        and not STILL_DANGER.search(lowered)
    )


# "I've not had a drink or a bad thought in a long time", "no dark thoughts for years".
NO_THOUGHTS_FOR_LONG = re.compile(
    r"(?:\bnot|n't|\bnever|\bno|\bnor) (?:had |have |felt |been |having )?(?:\w+ ){0,5}?"
    r"(?:a |any )?(?:bad|dark|suicidal|those|low) (?:thoughts?|days?|feelings?|urges?)"
    r"(?: \w+){0,2} (?:in|for|since) (?:a (?:long|good) (?:time|while)|ages|years|months"
    r"|(?:\w+|\d+) (?:years|months)|(?:19|20)\d\d)\b"
)


def no_thoughts_for_long(sentence: str) -> bool:
    """The sentence says the teller has had no bad thoughts for a long time, and nothing else
    in it says the risk is back (`context.BACK_AGAIN` read without the denial itself)."""
    lowered = signal_context_lower(sentence)
    if not NO_THOUGHTS_FOR_LONG.search(lowered):
        return False
    rest = NO_THOUGHTS_FOR_LONG.sub(" ", lowered)
    return not signal_context.BACK_AGAIN.search(rest) and not STILL_DANGER.search(rest)


# A date that puts a danger in the past: a month said as when ("in August", "last March"), a
# season or year gone, "years ago". Not "since August" (still going on).
PAST_DATE = re.compile(
    r"\b(?:in|last|back in|during|over) (?:early |late |mid-? ?)?(?:january|february|march|april"
    r"|may|june|july|august|september|october|november|december|the summer|the winter"
    r"|the spring|the autumn)\b"
    r"|\blast (?:year|summer|winter|spring|autumn|christmas|easter)\b"
    r"|\b(?:\w+|\d+) (?:years|months) ago\b|\bin (?:19|20)\d\d\b|\bwhen (?:he|she|they|i) (?:was"
    r"|were) (?:little|small|younger|a baby|a toddler)\b"
)
# Said beside a danger, these say it is now or coming, whatever the date: kept as a risk.
STILL_DANGER = re.compile(
    r"\b(?:still|again|now|today|tonight|this (?:morning|afternoon|evening|week)|yesterday"
    r"|last night|right now|at the moment|keeps?|every|always|going to|gonna|will|'ll"
    r"|threat\w*|plan\w*|weapon\w*|knife|knives|gun|rope|tablets|pills|tried|attempt\w*)\b"
)


def danger_told_as_past(sentence: str) -> bool:
    """A danger told with a date that puts it in the past ("my nephew was left in the car for
    two hours in August"), with no word that it is now, again, threatened or planned."""
    lowered = signal_context_lower(sentence)
    # "Outside the bookies" is where, not someone outside the door now.
    placed = OUTSIDE_A_PLACE.sub(" ", lowered)
    return (
        bool(PAST_DATE.search(lowered))
        and not STILL_DANGER.search(lowered)
        and not signal_context.danger_said(placed)
    )


OUTSIDE_A_PLACE = re.compile(r"\boutside (?:the|a|an|of|his|her|their|my) \w+")


# Evidence kept ("He still sends me messages at night. I've kept them all."): the model heard
# "kept them all" as pills saved up. Only when messages or the like are named in the sentence
# or the one before, and no medicine.
EVIDENCE_KEPT = re.compile(
    r"\b(?:kept|keep|keeping|saved|saving|screenshot\w*|printed|logged|recorded) (?:them|it|all"
    r"|every one|each one|copies|a copy|a record|a log|a diary|the lot)\b"
)
EVIDENCE = re.compile(
    r"\b(?:messages?|texts?|emails?|voicemails?|letters?|photos?|pictures?|pics|screenshots?"
    r"|posts?|comments?|receipts?|notes|diary|records?|dms?|whatsapps?|snapchats?)\b"
)


def evidence_kept(sentence: str, before: str) -> bool:
    """The sentence tells of messages or the like kept as evidence, and names no medicine."""
    lowered = signal_context_lower(sentence)
    both = f"{signal_context_lower(before)} {lowered}"
    return (
        bool(EVIDENCE_KEPT.search(lowered))
        and bool(EVIDENCE.search(both))
        and not MEDICINE.search(both)
        and not EXCESS.search(lowered)
        and not signal_context.danger_said(lowered)
    )


# Money or things taken (financial abuse: "the carer has been 'borrowing' money off her and
# now her ring has gone"): the abuse signals' to raise, no danger to life, when nothing of
# the body, confinement, food, a threat or a danger now is said. "Now" said as a step in the
# story is no danger; "right now", "tonight" and the rest of `context.danger_said` are.
POSSESSIONS = re.compile(
    r"\b(?:money|cash|bank ?cards?|cards?|pin|benefits?|pension|savings|rings?|jewellery"
    r"|jewelry|purse|wallet|account|credit|loans?|bills?|rent|inheritance)\b"
)
TAKEN = re.compile(
    r"\b(?:borrow\w*|stole|stolen|steal\w*|tak(?:e|es|en|ing)|took|spen[dt]\w*|gone|missing"
    r"|withdr[ae]w\w*|cash(?:ed|ing)|us(?:e|es|ed|ing)|empt(?:y|ied)|control\w*|keeps?)\b"
)
BODY_OR_CONFINED = re.compile(
    r"\b(?:lock\w*|hit\w*|hurt\w*|slap\w*|punch\w*|push\w*|kick\w*|food|eat\w*|starv\w*"
    r"|medic\w*|tablets|pills|insulin|heat\w*|alone|left|floor|scared|afraid|frightened|danger"
    r"|safe|die|dead|kill\w*|hang\w*|suicid\w*|hurt|bruis\w*|injur\w*)\b"
)


def money_taken_only(sentence: str) -> bool:
    """The sentence tells money or things taken, and no harm to the body, confinement, food,
    threat or danger now."""
    lowered = signal_context_lower(sentence)
    plain = re.sub(r"\bnow\b", " ", lowered)
    return (
        bool(POSSESSIONS.search(lowered))
        and bool(TAKEN.search(lowered))
        and not BODY_OR_CONFINED.search(lowered)
        and not signal_context.danger_said(plain)
        and not STILL_DANGER.search(
            re.sub(r"\b(?:now|keeps?|every|always|still|again)\b", " ", lowered)
        )
    )
