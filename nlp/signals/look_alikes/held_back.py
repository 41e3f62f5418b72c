"""Why an English rule's hit is held back rather than fired: the word lists (negation and what
it may sit behind, services, idioms, accidents, questions staff asked, films and stories, talk
of the topic, past and over, wishes about the end of life) and the checks that read them around
the phrase (`why_held_back`).

Why apart: a rule says what a risk sounds like; these say when the same words are not one
("I was not suicidal", "the self-harm team were brilliant", "killed myself laughing", "are you
having thoughts of suicide?"). A held-back hit is still *possible* and earns signposting, never a
flag; a few reasons (`LEFT_TO_THE_MODEL`) leave the sentence to the model's judgement. The Welsh
rules hold their own hits back in `welsh.py`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.signals.core import context as signal_context
from nlp.signals.look_alikes import everyday_death_talk, person_taken_somewhere, recent_rescue
from nlp.signals.phrasings import suicide_hints
from nlp.signals.phrasings.rule_patterns import WORDS, Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc

NEGATION = frozenset("not n't nt no never without nor neither denied denies deny nobody".split())
# Words a negation may sit behind and still govern the phrase ("never had any thoughts of").
FILLER = frozenset(
    "i me you we he she they it m 'm am is are was were be been being have has had 've ve 'd d do "
    "does did any ever really at all even once feel felt feeling thought thoughts think of about "
    "having got get the a an say said would could should will 'll such real serious actual "
    "honestly definitely certainly suicidal like my own".split()
)
# A wish, an attempt or an intent a negation may also sit behind ("I have never wanted to kill
# myself", "I didn't try to hurt myself", "I'm not going to end my life"). Unlike FILLER these
# are not neutral: "I never said I wanted to die" and "I never thought I'd want to" can still be
# a risk, so a hit negated through one of them is held back by the rules but left to the model
# (`NEGATED_WISH` is in LEFT_TO_THE_MODEL), which still hears its sentence.
WISH = frozenset(
    "want wants wanted wanting wanna to try tries tried trying attempt attempts attempted "
    "plan plans planned planning mean meant intend intends intended going gonna consider "
    "considered".split()
)
NEGATED_WISH = 'negated through a wish or an attempt ("never wanted to")'
PERSON_TAKEN = "a person taken somewhere, not money taken"
SERVICE_WORDS = frozenset(
    "team teams service services nurse nurses worker workers practitioner practitioners clinic "
    "clinics unit prevention awareness training course charity charities helpline line lead leads "
    "advisor adviser advisors advisers specialist coordinator group policy pathway liaison poster "
    "posters leaflet leaflets campaign counsellor support risk assessment department outreach "
    "advocate advocates advocacy refuge refuges bereavement officer officers intervention "
    "postvention".split()
)
# "Suicide and self-harm awareness course": a service named after two risks joined.
JOINED = frozenset({"and", "or", "&", "/"})
TOPICS = frozenset("self selfharm self-harm suicide overdose mental drug drugs alcohol".split())
IDIOM_AFTER = frozenset({"laughing", "laughter", "accidentally", "shaving", "playing", "on"})
# "on" after these is what someone caught themselves on (an accident), unless what follows is
# a time or "purpose".
ON_A_THING = frozenset("hurt hurting cut cutting cuts burn burning burnt burned".split())
ON_NOT_A_THING = frozenset(
    "purpose monday tuesday wednesday thursday friday saturday sunday weekend weekends "
    "christmas new my his her".split()
)
ACCIDENT_BEFORE = frozenset({"fell", "fall", "falling", "tripped", "slipped", "accidentally"})
VEHICLES = frozenset({"car", "bus", "van", "lorry", "bike", "ball", "vehicle", "swing", "train"})
ASKED = frozenset({"asked", "ask", "asks", "asking"})
QUESTION_VERBS = frozenset({"are", "do", "have", "did", "were", "any"})
SENTENCE_END = frozenset({".", "!", "?"})
# A wait, not a dose: "it just took a long time for my tablets".
WAIT_WORDS = frozenset({"long", "time", "ages", "while", "forever", "hours", "days", "weeks"})
SUBSTANCES = frozenset(
    "drug drugs alcohol substance solvent solvents steroid steroids opioid opioids".split()
)
STAFF_WORDS = frozenset(
    "staff nurses nurse doctors doctor receptionist receptionists services service everyone "
    "people paramedics".split()
)
# Said beside a risk, these tell that it is past and over. Phrases, matched on whole words.
RECOVERED = tuple(
    f" {cue} "
    for cue in (
        "saved my life",
        "saved his life",
        "saved her life",
        "turned my life around",
        "went home hopeful",
        "in a better place",
        "in a much better place",
        "in a good place",
        "doing well now",
        "doing much better",
        "much better now",
        "years ago",
        "long behind me",
        "recovered",
        "stopped me from",
        "turned everything around",
        "turned things around",
        "doing well",
        "i'm well now",
        "i am well now",
        "safe now",
        "i'm safe",
        "much better",
        "better now",
    )
)
# Said just before a risk, these put it in the past ("my son used to self harm at 14"), unless
# the sentence says it is back.
PAST_BEFORE = frozenset({"used", "once", "formerly"})
RELAPSE = frozenset("again still back returned returning started restarted every most".split())
# A story about others: a risk named after one of these in the same sentence is what a film,
# book or programme was about ("a documentary on domestic violence refuges").
MEDIA = frozenset(
    "film films movie movies novel novels book books play plays drama dramas documentary "
    "documentaries soap soaps episode series programme program story stories podcast character "
    "characters thriller article news storyline storylines"
    # Round 22: a song is told of as a film is ("that song on repeat, the one about ...").
    " song songs lyrics lyric album track tune poem poems".split()
)
# A part of a story: said before the phrase in its sentence, it is what the story was about
# ("last night's episode he locked her in ... she ended up taking an overdose").
STORY_PART = frozenset(
    "episode episodes storyline storylines scene scenes chapter chapters plot".split()
)
STORY_OF = frozenset({"about", "on", "where", "whose", "called"})
# Talk about a risk in general, as numbers or research, not a person at risk: "suicide rates
# in our area", "self-harm presentations in A&E", "overdose admissions went down".
TOPIC_AFTER = frozenset(
    "rate rates statistic statistics stats figures numbers research data admissions "
    "presentations trends survey surveys study studies"
    # Round 21: what a session taught about the topic ("self-harm myths", "suicide facts").
    " myths myth facts stigma".split()
)
# "We'd be better off without the new booking system": better off without a thing, not
# without the teller (who would be named: "better off without a burden like me").
THING_AFTER = frozenset("the this that these those a an it".split())
TELLER = frozenset("me myself us i".split())
# Asked by someone, then answered no: "the GP asked if I'd had thoughts of hurting myself,
# which I haven't".
ASKED_ALSO = frozenset({"checked", "screened", "questioned", "whether"})
DENIALS = (
    " i said no", " said no", " which i did n't", " which i have n't", " which i haven't",
    " which i didn't", " i do n't", " i don't", " i have n't", " i haven't", " never have",
    " i did n't", " i didn't", " which i do n't", " which i don't",
)  # fmt: skip
# Asked, and answered yes (issue 19, precision, second round): "he asked if I was still having
# thoughts about ending my life and I said yes, most days" is the teller's risk, not a question.
AFFIRMED = re.compile(
    r" (?:i|and) (?:said|told (?:her|him|them)|had to say) yes\b| i admitted\b"
    r"| which i (?:have|am|do|did|had|was)(?! n't| not|n't)\b"
    r"| i said i (?:was|had|do|did|am)(?! n't| not|n't)\b"
)
# "Mum was worried I might hurt myself, but I never would": denied straight after.
DENIED_AFTER = re.compile(
    r",? ?but i (?:never would|would never|would n't|wouldn't|'d never|'d never)"
    r"(?: do (?:it|that))?(?: [,.;!]| *$)"
)
# Wishes about the end of life, not a wish to die: "wanted to die at home", "ready to die, and
# the palliative team respected it".
END_OF_LIFE = frozenset(
    "palliative hospice dnacpr dnr end-of-life terminal terminally peacefully comfortable "
    "passed chemo chemotherapy dialysis antibiotics resuscitate resuscitation treatment".split()
)
# Round 16: a decision about care at the end, which names the wish beside it even from the
# next sentence ("she was ready to die. They completed a DNACPR form"); a hospice named there
# is not enough ("I want to die. The hospice nurse came today" is a risk).
CARE_DECIDED = frozenset("dnacpr dnr resuscitate resuscitation".split())
DIE_WHERE = frozenset({"at", "in", "peacefully", "with", "surrounded", "comfortably"})
# Not "any more", "anymore" or "no longer": "I don't want to live any more" is a risk, and
# "I don't feel suicidal any more" is already negated.


# Held back by the rules but left to the model's judgement (issue 19, precision, third round):
# risk told as past and over, a screening question answered no, a wish about where to die.
# The rule's words alone cannot tell these from a risk now ("I tried years ago and the
# thoughts are back"), so the sentence is not barred from the model, which may still raise it.
SCREENED_NO = "a screening question answered no"
# Issue 19, precision, fourth round: the same, read by kind from the false alarms of rounds
# v13-v15 (never from one sentence): a risk long past with the teller well later in the story,
# a threat said with a laugh, "going to kill me for" something done, someone checked and found
# no risk, and talk of a risk in general.
PAST_THEN_WELL = "past, and well later in the story"
IN_JEST = "a threat said in jest"
REPROACH = 'a reproach ("going to kill me for ...")'
CHECKED_NO_RISK = "checked, and no risk found"
ORDINARY_FAREWELL = "an ordinary farewell (a death, a move, things outgrown)"
WATCH_FOR_THE_BODY = "a watch kept for the body (an operation, falls, dementia)"
# Round 16: the new rules' conditions, each leaving the sentence to the model when unmet.
NO_FAREWELL = "a letter with no farewell in it"
NOT_THE_DEAD = "joining someone living, or a place"
AT_THE_END = "eating stopped at the end of life or for an operation"
NOT_VULNERABLE = "gone out or missing, with nothing said to make it dangerous"
WORRY_UNFOUNDED = "a worry found untrue"
NOT_A_FAREWELL = "affairs or a pet with no low mood told (round 19)"
STOPPED_ON_ADVICE = "a medicine stopped on advice or for a reason (round 19)"
# Round 20: training notes whose case examples are said to be invented, read after that word.
INVENTED = "an example invented for training (round 20)"
INVENTED_EXAMPLES = re.compile(
    r"\b(?:invented|hypothetical|made[- ]up|fictional|imaginary) (?:for (?:the )?training"
    r"|case|cases|scenarios?|examples?|vignettes?)\b"
    r"|\b(?:case examples?|case studies|scenarios|vignettes)\b[^.\n]{0,20}\((?:invented"
    r"|hypothetical|fictional|made[- ]up)"
)
TELLER_WORDS = frozenset("i me my mine our we us i'm i've".split())
CARE_BEFORE_SERVICE = frozenset("care crisis liaison".split())
ANOTHER_WAY_TO_DO = 'another way to do a thing ("another way to pay") (round 20)'
LEFT_TO_THE_MODEL = frozenset(
    {
        NO_FAREWELL,
        NOT_THE_DEAD,
        AT_THE_END,
        NOT_VULNERABLE,
        WORRY_UNFOUNDED,
        NOT_A_FAREWELL,
        STOPPED_ON_ADVICE,
        ORDINARY_FAREWELL,
        WATCH_FOR_THE_BODY,
        "past, and said to be over",
        "past, with when, and well now",
        "past, and well now",
        "a wish about the end of life",
        SCREENED_NO,
        NEGATED_WISH,
        PAST_THEN_WELL,
        IN_JEST,
        REPROACH,
        CHECKED_NO_RISK,
    }
)
# Round 15: the danger rules of a body failing or a person unseen for days, whose time words
# ("three weeks old", "for three days") are no wait for a dose.
UNSEEN_OR_FAILING = frozenset(
    "floppy limp unresponsive lifeless curtains blinds home eaten drunk drank".split()
)
# Verbs of the danger rule "kill|hang|hurt ... it ... today" that with "it" are no life: "killing
# it" (doing well), "hurt it" (a knee, a back).
DONE_TO_IT = frozenset({"kill", "killing", "killed", "hang", "hanging", "hurt", "hurting"})
# A threat to another's life, not the teller's own: what jest and reproach are read for.
THREAT_VERBS = frozenset({"kill", "murder", "strangle"})
THREAT_OBJECTS = frozenset({"me", "us", "her", "him", "them", "you"})
# Said to be meant: "he said he would", "and he means it".
MEANT = re.compile(
    r"\b(?:said|says|swore|swears|told me|promised) (?:he|she|they) (?:would|will|'d|'ll|d|ll)\b"
    r"|\b(?:means|meant|mean) it\b|\b(?:he|she|they) (?:said|says) so\b|\bnot joking\b"
)


LISTED_RISKS = frozenset(
    "or nor suicide suicidal self harm - self-harm selfharm harming overdose overdosing".split()
)


def _negated(doc, start: int, end: int, rule: Rule) -> tuple[str, bool] | None:
    """The negation that governs the hit, and whether it reaches it through a wish or an
    attempt ("never wanted to kill myself"), or None. A negation may sit behind up to six
    filler words, and two more when some of them are a wish ("I have never really wanted to")."""
    # Round 16: "the staff haven't reported him missing" is no denial that he is missing.
    if (
        doc[start].lower_ in ("reported", "report", "reporting")
        and doc[end - 1].lower_ == "missing"
    ):
        return None
    if not rule.carries_negation:
        inner = [t.lower_ for t in doc[start:end] if t.lower_ in NEGATION]
        if inner:
            return inner[0], False
    i, through_wish, infinitive, listed = start - 1, False, False, 0
    while i >= 0 and start - i - listed <= (8 if through_wish else 6):
        word = doc[i].lower_
        # Round 16: "not having any thoughts of suicide or self-harm": a negation reaches every
        # risk of a list ("or", "nor", another risk word), which counts for no filler.
        if word in LISTED_RISKS and rule.signal == "suicide_self_harm":
            listed += 1
            i -= 1
            continue
        if word in NEGATION:
            # "Trying not to cut myself" negates nothing: "not to" says the urge is there.
            return None if infinitive and not through_wish else (word, through_wish)
        if word in WISH and rule.signal == "suicide_self_harm":
            infinitive = infinitive or word == "to"
            through_wish = through_wish or word != "to"
        elif word not in FILLER:
            return None
        i -= 1
    return None


def _invented_example(before: str, sentence: list[str]) -> bool:
    """Examples said to be invented for training, shortly before the words, in a sentence with
    no teller in it (the teller's own "my son" is no example)."""
    found = list(INVENTED_EXAMPLES.finditer(before[-1500:]))
    return bool(found) and not TELLER_WORDS & set(sentence)


def why_held_back(doc: Doc, start: int, end: int, rule: Rule) -> str | None:
    """Why a hit should not count as fired, or None when it counts."""
    negation = _negated(doc, start, end, rule)
    if negation:
        word, through_wish = negation
        return NEGATED_WISH if through_wish else f'negated by "{word}"'
    if DENIED_AFTER.match(" ".join(t.lower_ for t in doc[end : end + 8])):
        return "denied just after"
    after = [t.lower_ for t in doc[end : end + 3]]
    if after and after[0] in SERVICE_WORDS and rule.signal != "complaint":
        return f'names a service ("{after[0]}")'
    # Round 20: a service named with "care" or "crisis" before it ("the self-harm care
    # pathway", "overdose crisis team").
    if (
        rule.signal != "complaint"
        and after[:1]
        and after[0] in CARE_BEFORE_SERVICE
        and after[1:2]
        and after[1] in SERVICE_WORDS
    ):
        return f'names a service ("{after[0]} {after[1]}")'
    if rule.signal != "complaint" and _invented_example(
        doc[:start].text.lower(), _sentence_before(doc, start) + _rest_of_sentence(doc, start)
    ):
        return INVENTED
    if rule.signal != "complaint" and after[:2] and after[0] in JOINED and after[1] in TOPICS:
        joined = _rest_of_sentence(doc, end)[1:5]
        service = next((w for w in joined if w in SERVICE_WORDS), None)
        if service:
            return f'names a service ("{service}")'
    if rule.signal != "complaint" and end < len(doc) and doc[end].text == "-" and after[1:2]:
        return f'part of a compound ("{doc[end - 1].lower_}-{after[1]}")'
    if after and after[0] in TOPIC_AFTER and rule.signal != "complaint":
        return f'talk about the topic in general ("{after[0]}")'
    if rule.signal != "complaint" and (
        _told_of_a_story(_sentence_before(doc, start)[-10:])
        or STORY_PART & set(_sentence_before(doc, start))
        or _story_told_before(doc, start)
    ):
        return "what a film, book or programme was about"
    if rule.signal != "complaint":
        talk = signal_context.general_talk(
            _sentence_before(doc, start), [t.lower_ for t in doc[start:end]]
        )
        if talk:
            return talk
    if rule.signal != "complaint":
        reason = _about_the_topic(doc, start, end)
        if reason:
            return reason
    if rule.signal in ("suicide_self_harm", "immediate_danger") and (
        signal_context.checked_no_risk(" ".join(_next_sentences(doc, end, 2)))
    ):
        return CHECKED_NO_RISK
    if rule.signal == "immediate_danger" and doc[end - 1].lower_ in THREAT_VERBS:
        if signal_context.said_in_jest(
            " ".join(_sentence_before(doc, start) + _rest_of_sentence(doc, start)),
            " ".join(_next_sentences(doc, end, 1)),
        ):
            return IN_JEST
        if after[:1] and after[0] in THREAT_OBJECTS and after[1:2] == ["for"]:
            following = doc[end + 2].lower_ if end + 2 < len(doc) else ""
            told = " ".join(_sentence_before(doc, start) + _rest_of_sentence(doc, start))
            if (following.endswith("ing") or following == "not") and not MEANT.search(told):
                return REPROACH
    if rule.signal == "suicide_self_harm" and signal_context.ordinary_farewell(
        [t.lower_ for t in doc[start:end]], " ".join(_sentence_and_next(doc, start, end))
    ):
        return ORDINARY_FAREWELL
    if rule.signal == "suicide_self_harm" and signal_context.watch_for_the_body(
        [t.lower_ for t in doc[start:end]], " ".join(_sentence_and_next(doc, start, end))
    ):
        return WATCH_FOR_THE_BODY
    # Round 15: "not breathing a word" (a secret kept), not a body failing.
    if (
        rule.signal == "immediate_danger"
        and doc[end - 1].lower_ == "breathing"
        and after[:1]
        in (
            ["a"],
            ["word"],
            ["down"],
        )
    ):
        return 'idiom ("not breathing a word")'
    # "Stopped breathing for a short while", "briefly": a failure told as bounded and over.
    if (
        rule.signal == "immediate_danger"
        and doc[end - 1].lower_ == "breathing"
        and after[:1]
        in (
            ["for"],
            ["briefly"],
        )
    ):
        return "a failure told as over"
    # "A rattling noise" in the last hours, told beside end-of-life care or a death.
    if (
        rule.signal == "immediate_danger"
        and doc[end - 1].lower_ in ("noise", "noises", "sound", "sounds")
        and signal_context.ORDINARY_FAREWELL.search(
            f" {' '.join(_sentence_and_next(doc, start, end))} "
        )
    ):
        return "breathing at the end of life"
    if rule.signal == "suicide_self_harm":
        if after and after[0] in IDIOM_AFTER and doc[end - 1].lower_ in WORDS["SELF"]:
            if after[0] != "on" or _caught_on_a_thing(doc, start, end, after):
                return f'idiom ("{after[0]}")'
        # "I'm killing myself walking to the library", "killing herself working nights": what
        # wears someone out, not an act.
        if (
            doc[start].lower_ == "killing"
            and doc[end - 1].lower_ in WORDS["SELF"]
            and after[:1]
            and after[0].endswith("ing")
            and len(after[0]) > 4
        ):
            return f'idiom ("killing {doc[end - 1].lower_} {after[0]}")'
        # Round 21: "if they call me in again I'll kill myself" said with a laugh or called a
        # joke by the one who heard it, with no low mood told: hyperbole, left to the model.
        if everyday_death_talk.own_threat_in_jest(
            [t.lower_ for t in doc[start:end]],
            " ".join(_sentence_before(doc, start) + _rest_of_sentence(doc, start)),
            " ".join(_next_sentences(doc, end, 1)),
            doc.text,
        ):
            return IN_JEST
        # "A woman whose son took his own life", "he killed himself in 2009": a death told.
        if _death_of_another(doc, start, end):
            return "a death told, not a risk now"
        if doc[end - 1].lower_ == "without" and after[:1] and after[0] in THING_AFTER:
            if not TELLER & set(_rest_of_sentence(doc, end)):
                return "better off without a thing, not the teller"
        before = {t.lower_ for t in doc[max(0, start - 4) : start]}
        if before & ACCIDENT_BEFORE:
            return "an accident"
        if _past_and_over(doc, start, end):
            return "past, and said to be over"
        if _end_of_life_wish(doc, start, end):
            return "a wish about the end of life"
        reason = _whose_and_when(doc, start, end)
        if reason:
            return reason
        if signal_context.past_then_well(
            " ".join(_sentence_before(doc, start) + _rest_of_sentence(doc, start)),
            " ".join(_sentences_before_this(doc, start, 2)),
            " ".join(t.lower_ for t in doc[end:]),
        ):
            return PAST_THEN_WELL
    reason = _sixteenth_round(doc, start, end, rule)
    if reason:
        return reason
    phrase = {t.lower_ for t in doc[start:end]}
    if (
        rule.signal in ("suicide_self_harm", "immediate_danger")
        and WAIT_WORDS & phrase
        and not UNSEEN_OR_FAILING & phrase
    ):
        return "about a wait, not an overdose"
    if rule.signal == "adult_abuse_neglect":
        reason = _not_abuse_of_the_person(doc, start, end)
        if reason:
            return reason
        # Round 22: "her son took her to buy a card" takes a person somewhere, not money.
        if person_taken_somewhere.taken_somewhere(doc[start : start + 6].text):
            return PERSON_TAKEN
    if rule.signal == "child_abuse_neglect" and after[:1] == ["by"] and VEHICLES & set(after):
        return "an accident"
    # Round 14: "killing it at physio today", "hurt it again today" (a knee): with "it" as
    # the thing done to, only "end it" and "ending it" are a life; "killing it" is doing well.
    if (
        rule.signal == "immediate_danger"
        and end - start >= 2
        and doc[start + 1].lower_ == "it"
        and doc[start].lower_ in DONE_TO_IT
    ):
        return f'idiom ("{doc[start].lower_} it")'
    if rule.signal == "immediate_danger" and after[:1] == ["of"]:
        return 'figure of speech ("in danger of")'
    # Round 15: "I asked the police to do a welfare check" is the teller's own request.
    if (
        rule.signal != "complaint"
        and "welfare" not in {t.lower_ for t in doc[start:end]}
        # Round 20: a means asked about ("he asked me how many tablets it takes to die") is the
        # risk itself, whoever the question was put to.
        and doc[start].lower_ != "how"
        and _is_question(doc, start, end)
    ):
        return "a question someone asked"
    if rule.signal != "complaint" and signal_context.screening_answered_no(
        " ".join(
            _sentence_before(doc, start)
            + [t.lower_ for t in doc[start:end]]
            + _rest_of_sentence(doc, end)
        ),
        " ".join(_next_sentences(doc, end, 1)),
    ):
        return SCREENED_NO
    if rule.signal == "suicide_self_harm":
        phrase = [t.lower_ for t in doc[start:end]]
        sentence = " ".join(_sentence_before(doc, start) + _rest_of_sentence(doc, start))
        around = " ".join(_sentence_and_next(doc, start, end))
        if suicide_hints.affairs_without_low_mood(phrase, doc.text, around):
            return NOT_A_FAREWELL
        if suicide_hints.medicine_stopped_on_advice(phrase, sentence):
            return STOPPED_ON_ADVICE
        # Round 20: "find another way" after means taken away is a plan; "another way to pay"
        # or "another way of doing it" is an errand.
        if phrase[-2:] == ["another", "way"] and after[:1] and after[0] in ("to", "of", "round"):
            return ANOTHER_WAY_TO_DO
    if rule.signal != "complaint":
        return _eighteenth_round(doc, start, end, after)
    return None


def _whose_and_when(doc, start: int, end: int) -> str | None:
    """The kinds of `nlp.signals.core.context`: a death told, a professional's account of others,
    past with a when and well now, an idiom or information about the risk."""
    before = _sentence_before(doc, start)
    phrase = [t.lower_ for t in doc[start:end]]
    after = _rest_of_sentence(doc, end)
    if signal_context.death_told(before):
        return "a death told, not a risk now"
    if signal_context.staff_account(doc.text, before, phrase):
        return "a professional's account of others"
    reason = signal_context.idiom_or_information(before, phrase, after)
    if reason:
        return reason
    sentence = " ".join([*before, *phrase, *after])
    if signal_context.past_with_a_when(sentence, " ".join(_next_sentences(doc, end, 2))):
        return "past, with when, and well now"
    return None


# Another's life taken, told: "took his own life", "killed herself". Not "tried to", "nearly",
# "almost", "wants to": those are a risk still.
OTHERS_SELF = frozenset({"himself", "herself", "themselves", "themself"})
OTHERS_LIFE = frozenset({"his", "her", "their"})
NOT_DONE = frozenset(
    "tried try tries trying nearly almost attempted attempt wants wanted going "
    "gonna threatened threatening threatens might could would will 'll".split()
)


def _death_of_another(doc, start: int, end: int) -> bool:
    words = [t.lower_ for t in doc[start:end]]
    before = set(_sentence_before(doc, start)[-4:])
    if before & NOT_DONE:
        return False
    if words[0] == "took" and OTHERS_LIFE & set(words[1:]) and words[-1] == "life":
        return True
    return words[0] == "killed" and words[-1] in OTHERS_SELF


def _sentences_before_this(doc, start: int, count: int = 1) -> list[str]:
    """Lower-case words of the `count` sentences before the one holding doc[start]."""
    first = start
    while first > 0 and doc[first - 1].text not in SENTENCE_END:
        first -= 1
    last = first
    for _ in range(count):
        first = max(first - 1, 0)
        while first > 0 and doc[first - 1].text not in SENTENCE_END:
            first -= 1
    return [t.lower_ for t in doc[first:last]]


def _story_told_before(doc, start: int) -> bool:
    """The sentence before names a story and what it is about ("My story is called 'The Quiet
    Room'. It's about a girl whose brother died by suicide"), and this one tells of others,
    with no word of the teller's."""
    if not _told_of_a_story(_sentences_before_this(doc, start)):
        return False
    sentence = set(_sentence_before(doc, start)) | set(_rest_of_sentence(doc, start))
    return not signal_context.FIRST_PERSON & sentence


def _next_sentences(doc, end: int, count: int) -> list[str]:
    """Lower-case words of the `count` sentences after the one holding doc[end - 1]."""
    i = end
    while i < len(doc) and doc[i].text not in SENTENCE_END:
        i += 1
    words, ends = [], 0
    for token in doc[i + 1 :]:
        words.append(token.lower_)
        ends += token.text in SENTENCE_END
        if ends >= count:
            break
    return words


def _sentence_and_next(doc, start: int, end: int) -> list[str]:
    """Lower-case words of the sentence holding doc[start:end] and of the sentence after it."""
    first = start
    while first > 0 and doc[first - 1].text not in SENTENCE_END:
        first -= 1
    last, ends = end, 0
    while last < len(doc) and ends < 2:
        ends += doc[last].text in SENTENCE_END
        last += 1
    return [t.lower_ for t in doc[first:last]]


def _rest_of_sentence(doc, end: int) -> list[str]:
    """Lower-case words from doc[end] to the end of its sentence."""
    words = []
    for token in doc[end:]:
        if token.text in SENTENCE_END:
            break
        words.append(token.lower_)
    return words


def _caught_on_a_thing(doc, start: int, end: int, after: list[str]) -> bool:
    """ "Cut myself on a tin", "burnt myself on the oven": an accident. Not "hanged myself on
    Saturday", "cut myself on purpose": a time or a purpose is no thing to catch oneself on."""
    verb = doc[start].lower_
    return verb in ON_A_THING and not (set(after[1:2]) & ON_NOT_A_THING)


def _told_of_a_story(before: list[str]) -> bool:
    """ "A film about a man who ...", "a documentary on ...": a media word, then what it was
    about, before the phrase ("my friend from the film club wants to die" is not)."""
    for i, word in enumerate(before):
        if word in MEDIA and STORY_OF & set(before[i + 1 :]):
            return True
    return False


def _sentence_before(doc, start: int) -> list[str]:
    """Lower-case words of the sentence holding doc[start], before it."""
    first = start
    while first > 0 and doc[first - 1].text not in SENTENCE_END:
        first -= 1
    return [t.lower_ for t in doc[first:start]]


def _past_and_over(doc, start: int, end: int) -> bool:
    """A risk told as past and over ("the crisis team saved my life two years ago", "I tried
    years ago, and I'm in a better place now"): said in the sentence or the one after it; or
    told as what someone "used to" do, when the sentence does not say it is back."""
    sentence = _sentence_and_next(doc, start, end)
    words = f" {' '.join(sentence)} "
    # Round 22: "overdose on Saturday ... saved my life" is recent, not over.
    if any(cue in words for cue in RECOVERED) and not recent_rescue.rescued_recently(
        words, RECOVERED
    ):
        return True
    before = _sentence_before(doc, start)[-3:]
    return bool(PAST_BEFORE & set(before)) and not RELAPSE & set(sentence)


def _end_of_life_wish(doc, start: int, end: int) -> bool:
    """ "Wanted to die at home", "ready to die ... the palliative team respected that": a wish
    about how a life ends, told beside its care, not a wish to end it."""
    if doc[end - 1].lower_ not in ("die", "dead", "dying"):
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    rest = []
    for token in doc[start:]:
        rest.append(token.lower_)
        if token.text in SENTENCE_END:
            break
    sentence = _sentence_before(doc, start) + rest
    # Round 16: the care is often named in the next sentence ("she was ready to die ...
    # Together they completed a DNACPR form").
    return (
        after in DIE_WHERE
        or bool(END_OF_LIFE & set(sentence))
        or bool(CARE_DECIDED & set(_sentence_and_next(doc, start, end)))
    )


def _not_abuse_of_the_person(doc, start: int, end: int) -> str | None:
    """Abuse that is not someone being abused: substance use, a patient abusive to staff,
    "abuse it" (a privilege)."""
    before = doc[start - 1].lower_ if start else ""
    after = [t.lower_ for t in doc[end : end + 4]]
    if before in SUBSTANCES:
        return f'substance use ("{before}")'
    if after[:1] and after[0] in ("it", "this", "that") and before not in WORDS["CARER"]:
        return "misuse of a thing"
    if after[:1] and after[0] in ("to", "towards") and STAFF_WORDS & set(after[1:]):
        return "someone abusive to staff"
    if after[:1] and after[0] in ("patient", "patients", "man", "customer", "visitor"):
        return "someone abusive to others"
    return None


def _is_question(doc, start: int, end: int) -> bool:
    window = doc[max(0, start - 10) : start]
    around = f" {' '.join(_sentence_and_next(doc, start, end))} "
    if AFFIRMED.search(around):
        return False  # asked, and answered yes: the teller's own risk, told
    answered_no = any(denial in around for denial in DENIALS)
    for i, token in enumerate(window):
        if any(t.text in SENTENCE_END for t in window[i:]):
            continue
        if token.lower_ in ASKED:
            return True
        if token.lower_ in ASKED_ALSO and answered_no:
            return True
        # "are you having thoughts of ...", quoted without its question mark
        if token.lower_ in QUESTION_VERBS and i + 1 < len(window) and window[i + 1].lower_ == "you":
            return True
    for token in doc[end : end + 12]:
        if token.text in SENTENCE_END:
            return token.text == "?"
    return False


# Round 16 (issue 19, "safeguarding that hears plain words"): what the sixteenth round's rules
# need, read by kind from v21's misses and their look-alikes; the conditions are in
# `nlp.signals.core.context`.
ACADEMIC = frozenset(
    "dissertation dissertations thesis essay essays assignment coursework research project "
    "paper study studies lecture module".split()
)
ABOUT = frozenset({"on", "about", "into", "of"})
PEOPLE = frozenset("people those anyone men women parents carers families young adults".split())
WORRY = frozenset("thought worried feared convinced scared afraid".split())
UNFOUNDED = re.compile(
    r"\bturned out (?:it was|to be|that it was)\b|\bit was (?:only|just) (?:a|the|her|his)\b"
    r"|\bnothing to worry\b"
)
# After a self-harm by the body part, an accident or a skin condition: "cutting his hands on
# the tins", "scratching her arms, it's eczema", "the cream was burning my skin".
BODY_CAUSES = frozenset(
    "eczema itch itchy itching rash psoriasis hives cream creams sun sunburn radiotherapy acid "
    "reflux oven iron kettle pan hob accidentally accident surgeon surgery operation incision "
    "stitches nails hair chickenpox bites".split()
)
# After "looking up ways to kill / end": a self, not weeds or a tenancy.
ENDED = frozenset("it things everything myself me".split())
LIVES = frozenset("my his her their your".split())
KILLED = frozenset("myself me himself herself themselves yourself".split())
# After "no reason to continue": a life, not a thing ("no point continuing the tablets").
GO_ON_AFTER = frozenset(". , ; ! and any anymore like living on so but now without".split())
HUG = frozenset("hug hugged hugging hugs cuddle cuddled cuddling kiss kissed playing".split())
MISSING_AFTER = frozenset(
    ". , ; ! ? and since for from again now overnight tonight today all".split()
)
EATING = frozenset("eating eat drinking food fluids drink drinks water eaten drunk drank".split())
WEIGHT = frozenset("stone st bmi".split())
NEW_DANGER_PAST = frozenset(
    "alive "
    "floor wake waking responding help gas leak leaking missing walked wandered home stone st "
    "bmi eaten drunk drank".split()
)


TAUGHT_PART = frozenset("bit part section slide slides module chapter video unit".split())


def _about_the_topic(doc, start: int, end: int) -> str | None:
    """A risk word as the topic of a programme, a piece of research or a service for people who
    have it: "the overdose storyline", "my dissertation on self-harm", "a helpline for people
    feeling suicidal"; and a worry told as found untrue ("thought she was self-harming, turned
    out it was the cat")."""
    after = [t.lower_ for t in doc[end : end + 2]]
    if after and (after[0] in STORY_PART or after[0] in MEDIA):
        return "what a film, book or programme was about"
    before = _sentence_before(doc, start)
    near = before[-6:]
    # Round 21: "the bit about self-harm being a myth", "the slide on suicide": a part of what
    # was taught, the topic straight after it.
    if (
        len(before) >= 3
        and before[-3] == "the"
        and before[-2] in TAUGHT_PART
        and before[-1]
        in (
            "about",
            "on",
        )
    ):
        return "talk about the topic in general"
    if ACADEMIC & set(near) and ABOUT & set(before[-3:]):
        return "writing or research about the topic"
    for i, word in enumerate(near[:-1]):
        if word in SERVICE_WORDS | {"helpline", "group", "groups"} and near[i + 1] == "for":
            gap = set(near[i + 2 :])
            if PEOPLE & gap and not (signal_context.FIRST_PERSON | signal_context.FAMILY) & gap:
                return f'names a service ("{word} for ...")'
    if WORRY & set(before) and UNFOUNDED.search(" ".join(_sentence_and_next(doc, start, end))):
        return WORRY_UNFOUNDED
    return None


def _sixteenth_round(doc, start: int, end: int, rule: Rule) -> str | None:
    """Why one of the sixteenth round's rules does not count here, or None."""
    phrase = [t.lower_ for t in doc[start:end]]
    words = set(phrase)
    after = [t.lower_ for t in doc[end : end + 4]]
    around = " ".join(_sentence_and_next(doc, start, end))
    sentence = set(_sentence_before(doc, start)) | set(_rest_of_sentence(doc, start))
    if rule.signal == "suicide_self_harm":
        if phrase[-1] in WORDS["LIMBS"]:
            if after[:1] == ["on"] and not set(after[1:2]) & ON_NOT_A_THING:
                return "an accident"
            if BODY_CAUSES & sentence:
                return "an accident or the skin"
        if words & {"letter", "letters", "note", "notes"} and not signal_context.farewell_letter(
            around
        ):
            return NO_FAREWELL
        if words & {"ways", "methods", "how"} and phrase[-1] in ("kill", "end"):
            ended = set(after[:1]) & ENDED or (set(after[:1]) & LIVES and after[1:2] == ["life"])
            if not (set(after[:1]) & KILLED if phrase[-1] == "kill" else ended):
                return "a way looked up for something else"
        if phrase[-1] in ("continue", "continuing") and after[:1] and after[0] not in GO_ON_AFTER:
            return "a thing continued, not living"
        if "join" in words and not signal_context.joining_the_dead(
            " ".join(_sentences_before_this(doc, start, 1)) + " " + around, after
        ):
            return NOT_THE_DEAD
        if words & EATING and signal_context.eating_at_the_end(around):
            return AT_THE_END
        if "sick" in words and after[:1] == ["with"]:
            return 'idiom ("sick with worry")'
    if rule.signal != "immediate_danger" or not words & NEW_DANGER_PAST:
        return None
    if _past_and_over(doc, start, end) or signal_context.past_with_a_when(
        " ".join(_sentence_before(doc, start) + _rest_of_sentence(doc, start)),
        " ".join(_next_sentences(doc, end, 2)),
    ):
        return "past, and said to be over"
    if words & {"neck", "throat"} and HUG & sentence:
        return "a hug, not a hand at the throat"
    if phrase[-1] in ("him", "her", "them") and "wake" in words:
        if set(after[:3]) & {"for", "morning", "mornings", "early"}:
            return "waking someone for the day"
    if words & {"waking", "responding"}:
        if after[:1] == ["to"] or set(after) & {"night", "nights", "feeds", "feed"}:
            return "waking or responding as usual"
    if "help" in words and after[:1] == ["with"]:
        return "asking for help with something"
    if "gas" in words and after[:2] == ["and", "air"]:
        return 'pain relief ("gas and air")'
    gone = words & {"missing", "walked", "wandered"} or (
        words & {"nights", "days"} and words & {"home", "back"}
    )
    if gone and not words & EATING:
        if "missing" in words and after[:1] and after[0] not in MISSING_AFTER:
            return "missing something, not gone missing"
        if not signal_context.missing_and_vulnerable(doc.text.lower(), around):
            return NOT_VULNERABLE
    if words & (EATING | WEIGHT) and signal_context.eating_at_the_end(around):
        return AT_THE_END
    return None


# Round 18 (issue 19, precision; read by kind from v20's false alarms, each with look-alikes
# that must still fire): a plot told at length ("we put on a play about a family where ... the
# son ends up taking his own life"), deaths counted ("around 350 registered suicides last
# year"), a procedure that covers the risk ("a risk assessment which covers suicide and
# self-harm"), and a span free of it ("self-harm free for three years").
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "dozen dozens hundred hundreds thousand thousands several many around about over".split()
)
PROCEDURE = frozenset(
    "assessment assessments audit audits policy policies procedure procedures protocol "
    "protocols screening questionnaire questionnaires checklist framework training "
    "module curriculum guidance".split()
)
# Only words that make the risk one heading among several of the procedure's: "an assessment
# of suicide risk" or "screening for self-harm" is often done because a person is at risk now,
# as a gatherer's note tells it, so "of", "for", "on" and "about" do not hold a hit back.
COVERS = frozenset("covers cover covering covered including includes include".split())
# Someone spoken of in a note ("she", "pt", "the client"): a procedure told about them is
# theirs, not talk of the topic.
SOMEONE = frozenset(
    "he she they him her his their them pt patient client resident service user".split()
)
# A span free of the risk that is short is no end of it: "self-harm free for three days" tells
# a self-harm three days ago.
SHORT_SPAN = frozenset("hour hours day days week weeks night nights fortnight".split())


def _eighteenth_round(doc, start: int, end: int, after: list[str]) -> str | None:
    """Why a hit is talk of the risk, not a person at risk, by the eighteenth round's kinds."""
    before = _sentence_before(doc, start)
    phrase = [t.lower_ for t in doc[start:end]]
    for i, word in enumerate(before):
        if word in MEDIA and STORY_OF & set(before[i + 1 : i + 3]):
            told = set(before[i + 1 :])
            if not (signal_context.FIRST_PERSON | {"you", "your"}) & told:
                return "what a film, book or programme was about"
    if phrase[-1] == "suicides" and any(
        w.isdigit() or w in NUMBER_WORDS or w.replace(",", "").isdigit() for w in before[-3:]
    ):
        return "deaths counted, in general"
    near = before[-10:]
    for i, word in enumerate(near):
        if word in PROCEDURE and COVERS & set(near[i + 1 :][-3:]):
            between = set(near[i + 1 :])
            if not (signal_context.FIRST_PERSON | signal_context.FAMILY | SOMEONE) & (
                between | set(near[:i])
            ):
                return f'a procedure that covers the risk ("{word}")'
    if rule_is_risk(phrase) and after[:1] == ["free"]:
        span = {t.lower_ for t in doc[end : end + 8]}
        if not span & SHORT_SPAN:
            return 'free of it ("... free")'
    return None


def rule_is_risk(phrase: list[str]) -> bool:
    """A self-harm or suicide phrase ("self-harm", "suicide"), which "free" may follow."""
    return bool({"self", "harm", "self-harm", "selfharm", "suicide", "harming"} & set(phrase))
