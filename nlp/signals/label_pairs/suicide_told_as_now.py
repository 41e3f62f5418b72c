"""Labels that come in pairs, told as now (issue 19, round 21): a suicide risk with a plan, a means
or an act of today, tonight or last night, or a ligature in place, is immediate danger too; and
adult abuse with the adult's medicines kept by family is domestic abuse too
(`medicines_kept_by_family`).

Why: a note that tells a suicide risk as an overdose of last night or a rope tied may fire
suicide alone, and the lead must hear it as a danger now. Each label is added only when the
first has already fired (`relabel`, run after `adult_abuse_by_family.relabel` in
`detector.detect_many`), never when the story says the person is fine or home now, nor on a dose
taken by mistake or an overdose on screen.

Recent incidents (the project's definition, docs/safeguarding.md): an overdose, a ligature or a
collapse of last night or today is a risk to life now even when 999 was called or the person was
taken to hospital — the lead must hear of it, the cause is not over. Only a risk told as long
past and well now ("years ago", "doing well now"), or a person said to be fine, home or safe
now, is past.
"""

from __future__ import annotations

import re

from nlp.signals.core import note_sentences
from nlp.signals.core.findings import Detection, Signal
from nlp.signals.label_pairs.medicines_kept_by_family import family_keeps_medicines

# --- Danger beside suicide: a plan for now, a ligature in place, an act of last night -----------
PLAN_OR_ACT = re.compile(
    r"\b(?:overdose\w*|tablets|pills|paracetamol|saving (?:them )?up|saved (?:them )?up"
    r"|stockpil\w*|won'?t need (?:them|it)|take them|do it|end it|jump|bridge|river|railway"
    r"|rope|ligature|noose|letters|last time|unconscious|anymwybodol|gorddos)\b",
    re.IGNORECASE,
)
NOW_OR_LAST_NIGHT = re.compile(
    r"\b(?:tonight|today|this (?:afternoon|evening|morning)|after tonight|right now|last night"
    r"|neithiwr|heno|heddiw|bore 'ma|by tomorrow)\b",
    re.IGNORECASE,
)
LIGATURE_IN_PLACE = re.compile(
    r"\b(?:rope|ligature|noose|cord|belt|scarf)\b[^.!?]{0,20}\b(?:tied|hanging|attached|fixed"
    r"|fastened|knotted|set up|round (?:her|his|their) neck)\b",
    re.IGNORECASE,
)
FINE_NOW = re.compile(
    r"\b(?:fine now|ok now|okay now|safe now|home now|well now|doing well|years ago|back home"
    r"|discharged|iawn rŵan|iawn nawr)\b",
    re.IGNORECASE,
)

# A dose taken by mistake, a story on screen, "an overdose of paperwork": no act of one's own.
NOT_AN_ACT = re.compile(
    r"\b(?:accident\w*|by mistake|mistakenly|episode|drama|programme|film|storyline|soap|novel"
    r"|series)\b|\boverdose of (?!(?:\w+ ){0,2}(?:tablets|pills|paracetamol|insulin|medication"
    r"|meds|painkillers|heroin|methadone|sleeping))",
    re.IGNORECASE,
)


def danger_beside_suicide(text: str) -> str | None:
    """The sentence that makes a suicide risk a danger now: a plan, means or act with today,
    tonight or last night, or a ligature in place; never one that says the person is fine or
    home now."""
    if FINE_NOW.search(text):
        return None
    for sentence in note_sentences.sentences(text):
        if NOT_AN_ACT.search(sentence):
            continue
        if LIGATURE_IN_PLACE.search(sentence) or (
            PLAN_OR_ACT.search(sentence) and NOW_OR_LAST_NIGHT.search(sentence)
        ):
            return note_sentences.quote(sentence)
    return None


def relabel(text: str, detection: Detection) -> None:
    """Danger beside a suicide risk told as now, and domestic abuse beside an adult's
    medicines kept by family (in place, as rules)."""
    names = set(detection.names)
    if "suicide_self_harm" in names and "immediate_danger" not in names:
        words = danger_beside_suicide(text)
        if words:
            detection.signals.append(
                Signal("immediate_danger", "rules", f'suicide told as now (round 21): "{words}"')
            )
    if "adult_abuse_neglect" in names and "domestic_abuse" not in names:
        words = family_keeps_medicines(text)
        if words:
            detection.signals.append(
                Signal("domestic_abuse", "rules", f'medicines kept by family (round 21): "{words}"')
            )
