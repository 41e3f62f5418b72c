"""What the rules hear in notes written by a witness (issue 19, round 21): the sentence checks of
`witness_suicide_risk` and `witness_danger`, run in one fixed order over a story's sentences and
added to the rules' detection (`rules.run_rules` calls `heard`), so the web form hears them as
well as the worker.

Why apart: the token rules (`rule_patterns.py`) hear the words a risk is said in; a note written
by someone else (pharmacists, school nurses, housing officers, paramedics, volunteers, faith
leaders, hairdressers, taxi drivers) tells it in what was seen and done, with two things said
together. Each signal keeps the first sentence that raised it, and a signal already fired is
not added again.
"""

from __future__ import annotations

from nlp.signals.core import note_sentences
from nlp.signals.core.findings import Signal
from nlp.signals.core.note_sentences import quote
from nlp.signals.phrasings.witness_danger import (
    UNDER_EIGHTEEN,
    child_alone_now,
    fire_hazard_now,
    forced_marriage_soon,
    hoarding_at_home,
    kept_in_and_got_out,
    not_responding_now,
    weapon_with_harm_meant,
    welsh_child_alone_now,
    welsh_forced_marriage,
)
from nlp.signals.phrasings.witness_suicide_risk import (
    WELSH_SELF_INJURY,
    all_to_stop_with_means,
    asked_and_answered_yes,
    attempt_promised,
    letters_and_a_day,
    not_here_with_low_mood,
    request_to_die,
    self_injury_act,
    way_felt,
)


def heard(text: str, fired: set[str]) -> list[Signal]:
    """This round's rules on `text`: the signals not already in `fired`, each with the words."""
    found: dict[str, str] = {}
    sentences = note_sentences.sentences(text)
    for i, sentence in enumerate(sentences):
        after = " ".join(sentences[i + 1 : i + 2])
        if request_to_die(sentence):
            found.setdefault("suicide_self_harm", f'a request for help to die "{quote(sentence)}"')
        if not_here_with_low_mood(sentence, text):
            found.setdefault(
                "suicide_self_harm", f'not here "by then", low mood "{quote(sentence)}"'
            )
        if asked_and_answered_yes(sentence, after):
            found.setdefault("suicide_self_harm", f'asked and answered yes "{quote(sentence)}"')
        if all_to_stop_with_means(sentence, text):
            found.setdefault(
                "suicide_self_harm", f'"all to stop" beside a means "{quote(sentence)}"'
            )
        if self_injury_act(sentence):
            found.setdefault(
                "suicide_self_harm", f'self-injury with a sharp thing "{quote(sentence)}"'
            )
        if attempt_promised(sentence, text):
            found.setdefault("suicide_self_harm", f'an attempt promised "{quote(sentence)}"')
        if way_felt(sentence):
            found.setdefault("suicide_self_harm", f'a way felt like "{quote(sentence)}"')
        if WELSH_SELF_INJURY.search(sentence):
            found.setdefault("suicide_self_harm", f'Welsh self-injury "{quote(sentence)}"')
        if not_responding_now(sentence):
            found.setdefault("immediate_danger", f'not responding now "{quote(sentence)}"')
        if weapon_with_harm_meant(sentence):
            found.setdefault(
                "immediate_danger", f'a weapon carried, harm meant "{quote(sentence)}"'
            )
        if child_alone_now(sentence) or welsh_child_alone_now(sentence):
            found.setdefault("immediate_danger", f'a young child alone now "{quote(sentence)}"')
            found.setdefault("child_abuse_neglect", f'a young child alone "{quote(sentence)}"')
        if kept_in_and_got_out(sentence):
            found.setdefault("immediate_danger", f'kept in and got out "{quote(sentence)}"')
        if fire_hazard_now(sentence):
            found.setdefault("immediate_danger", f'oxygen beside a flame "{quote(sentence)}"')
        if hoarding_at_home(sentence):
            found.setdefault("adult_abuse_neglect", f'a home hoarded "{quote(sentence)}"')
        if forced_marriage_soon(sentence, text):
            found.setdefault("immediate_danger", f'travel to marry, soon "{quote(sentence)}"')
            found.setdefault("domestic_abuse", f'travel to marry, unwilling "{quote(sentence)}"')
        if welsh_forced_marriage(sentence):
            found.setdefault("domestic_abuse", f'Welsh forced marriage "{quote(sentence)}"')
            if UNDER_EIGHTEEN.search(text):
                found.setdefault(
                    "child_abuse_neglect", f'forced marriage under 18 "{quote(sentence)}"'
                )
    day = letters_and_a_day(text)
    if day:
        found.setdefault("suicide_self_harm", f'letters to everyone and "{day}"')
        found.setdefault("immediate_danger", f'letters to everyone and "{day}"')
    return [
        Signal(name, "rules", f"{why} (round 21)")
        for name, why in found.items()
        if name not in fired
    ]
