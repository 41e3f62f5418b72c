"""Risk signals in a story: suicide or self-harm, abuse or neglect of a child or of an adult
at risk, domestic abuse, immediate danger, and a wish to complain.

Two layers, both reviewable:

- **Rules** (spaCy `Matcher` over a blank English tokenizer, plus the Welsh rules of
  `nlp.signals.welsh`: no statistical model, so the web request can run them). Each hit records
  the phrase that fired and the rule's number. A hit is only *possible*, not fired, when it is
  negated ("I was not suicidal", "no thoughts of self harm"), names a service ("the self-harm
  team were brilliant"), is an idiom ("killed myself laughing"), an accident ("fell and hurt
  myself") or a question someone asked ("are you having thoughts of suicide?"). Possible hits
  still earn signposting, never a flag.
- **Sentence model** (`nlp.signals.model`: all-MiniLM-L6-v2 embeddings of each sentence alone
  and with its neighbours, and its words; one logistic regression per signal, weights shipped
  in `nlp/data/`) hears what no rule says word for word ("I don't see the point in going
  on", "there's never any food in the house"); it runs in the worker. Its `why` quotes the
  sentence it scored highest, never only the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from nlp.signals import context as signal_context
from nlp.signals import model as signal_model
from nlp.signals import welsh as signal_welsh
from nlp.signals import welsh_heard as signal_welsh_heard
from nlp.signals import welsh_model as signal_welsh_model

SIGNALS: dict[str, str] = {
    "suicide_self_harm": "Thoughts of suicide or self-harm",
    "child_abuse_neglect": "Abuse or neglect of a child",
    "adult_abuse_neglect": "Abuse or neglect of an adult at risk",
    "domestic_abuse": "Domestic abuse",
    "immediate_danger": "Immediate danger",
    "complaint": "Wants to complain",
}
# Everything but a complaint goes to the safeguarding lead.
SAFEGUARDING_SIGNALS = tuple(name for name in SIGNALS if name != "complaint")
# How soon someone should act: risk to life now, abuse or neglect today, a complaint in the
# normal way. The web layer orders its queue and alerts by this.
SEVERITY: dict[str, str] = {
    "suicide_self_harm": "urgent",
    "immediate_danger": "urgent",
    "child_abuse_neglect": "high",
    "adult_abuse_neglect": "high",
    "domestic_abuse": "high",
    "complaint": "routine",
}
RISK_TO_LIFE = ("suicide_self_harm", "immediate_danger")
POSSIBLE_PREFIX = "possible risk, please read: "
MAX_CHARS = 1_000_000  # beyond this only the first million characters are read

# Word classes used in the patterns below as @NAME.
WORDS: dict[str, tuple[str, ...]] = {
    "NOT": tuple("not n't nt never".split()),
    "SELF": tuple("myself himself herself themselves themself yourself".split()),
    "POSS": tuple("my his her their your our".split()),
    "CHILD": tuple(
        "child children kid kids kiddies son sons daughter daughters baby babies toddler toddlers "
        "boy boys girl girls grandson granddaughter grandchild grandchildren stepson stepdaughter "
        "niece nephew infant newborn teenager teenagers youngster".split()
    ),
    "PARENT": tuple("dad stepdad father stepfather mum mom mother stepmum stepmother".split()),
    "PARTNER": tuple(
        "husband wife partner boyfriend girlfriend ex fiance fiancé spouse hubby".split()
    ),
    "CARER": tuple(
        "carer carers worker workers staff nurse nurses porter home helper aide".split()
    ),
    "HARM": tuple(
        "hit hits hitting beat beats beating slap slaps slapped slapping punch punches punched "
        "punching kick kicks kicked kicking shake shakes shook shaking smack smacks smacked burns "
        "burned burnt abuses abused abusing neglects neglected neglecting starves starved locks "
        "locked hurts hurting hurt batters battered molested molests".split()
    ),
    "HARMED": tuple(
        "hit beaten abused neglected hurt slapped punched kicked starved locked shaken battered "
        "smacked burned burnt molested groomed raped assaulted harmed".split()
    ),
    "DVERB": tuple(
        "hit hits hitting beat beats beating hurt hurts hurting kicked kicks punched punches "
        "slapped slaps strangled strangles choked chokes pushed pushes shoved raped rapes "
        "threatened threatens abuses abused batters battered attacked attacks assaulted bit bites "
        "throttled".split()
    ),
    "LOTS": tuple(
        "all loads load lots handful handfuls box boxes packet packets bottle bottles whole "
        "bunch dozens ten twenty thirty forty fifty sixty hundred 10 12 15 16 20 24 25 30 32 40 "
        "50 60 100".split()
    ),
    "MEDS": tuple(
        "tablets pills meds medication paracetamol codamol codeine sertraline morphine insulin "
        "antidepressants painkillers sleepers citalopram fluoxetine amitriptyline diazepam "
        "tramadol quetiapine ibuprofen aspirin".split()
    ),
    "DANGER_WHO": tuple(
        "i we m 'm am life lives family mum mother dad she he they child children kids son "
        "daughter baby".split()
    ),
}

# Each pattern: space-separated tokens; "a|b" alternatives, "@NAME" a word class, a trailing
# "?" optional, "*N" up to N tokens of anything. Numbered by position in `why`.
PATTERNS: dict[str, tuple[str, ...]] = {
    "suicide_self_harm": (
        "want|wanted|wanting|wants|wish|wished|ready|plan|planning|planned to die",
        "end|ending|ended|take|taking|took|taken @POSS own? life|lives",
        "want|wanted|wanting|going|gonna|plan|planning to end it|things|everything",
        "kill|killing|killed|kills|hang|hanging|hanged|hung|harm|harming|harmed|hurt|hurting"
        "|cut|cutting|cuts|burn|burning|burnt|burned|starve|starving|strangle @SELF",
        "suicidal|suicide|suicides|selfharm|selfharming|overdose|overdosed|overdosing|od'd",
        "self -? harm|harming|harmed|harms|harmer|injury|injuring|injured",
        "better off dead|without",
        "no|nothing point|reason|purpose in|to? live|living",
        "no point|reason in|to? going|carrying|carry on",
        "nothing|nobody|no left? to live for",
        "@NOT worth living",
        "do|did|does n't|nt|not want to live|exist|wake",
        "do|did|does n't|nt|not want to be alive",
        "jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped @SELF? off|from the|a"
        " bridge|roof|building|cliff|balcony",
        "jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped @SELF? in front of"
        " a|the train|bus|lorry|car|traffic",
        "stockpiling|stockpiled|hoarding|saving|saved *2 tablets|pills|medication|meds",
        "wish|wished|wishing i|i'd was|were|had dead|died",
        "rather die|be dead",
        "rather not wake",
        "rather not be alive",
        "thoughts|thinking|thought|think about|of ending|killing|harming|dying",
        "just took|taken|swallowed *4 tablets|pills|paracetamol",
        "took|taken|swallowed all|whole *2 tablets|pills|packet|bottle|box",
        # Plain words the earlier rules missed ("I don't see the point in going on").
        "@NOT see|seeing the|any point in|of? going|carrying on",
        "@NOT see|seeing the|any point in|of? living|existing|life",
        "@NOT want|wanna to be here|alive|around any? more|anymore",
        "ca|can|cant n't|nt|not? go|carry on any? more|anymore|living",
        "taken|took|swallowed|swallowing|necked *2 @LOTS *4 @MEDS",
        # Second round (issue 19, precision): thoughts of a way ("thought about driving into a
        # wall"), and the self said as "me" in Easy Read or a second language ("I want to kill
        # me").
        "thought|thoughts|thinking|think about|of driving|crashing|jumping|stepping|walking"
        "|swimming *1 into|off|under the|a|an? wall|tree|sea|river|traffic|lorry|train|bridge"
        "|cliff|water|lake|canal|bus|motorway|roof|balcony|ledge|road",
        "i want|wanted|wanna|going|gonna|try|tried|will to? kill|hurt|cut|harm me",
    ),
    "child_abuse_neglect": (
        "@HARM *3 @CHILD",
        "@CHILD *4 is|are|was|were|being|been|gets|got|getting|keeps|kept *2 @HARMED",
        "@PARENT *2 @HARM me",
        "@PARENT 's|s? boyfriend|girlfriend|partner *2 @HARM me",
        "left|leave|leaves|leaving the|my|his|her|their|our? @CHILD *2 alone|unsupervised",
        "@CHILD *4 left|leaving *1 alone|unsupervised",
        "child|childhood sexual? abuse|neglect|cruelty|exploitation",
        "@HARMED as a child|kid|boy|girl|teenager|baby",
        "@CHILD *3 @NOT been? fed|feeding|washed|changed",
        "touched|touches|touching|groped *3 @CHILD *2 inappropriately|sexually",
        "@CHILD *2 are|is|were|was|be|being *1 in danger|unsafe",
    ),
    "adult_abuse_neglect": (
        "abuse|abused|abusing|abusive|abuses|mistreated|mistreating|mistreatment|maltreated",
        "neglect|neglected|neglecting|neglectful",
        "left|leaving|lying|lay|sitting|sat *4 soiled|urine|faeces|excrement|wee|poo",
        "left *3 without food|water|drink|drinks|fluids|meals|eating|drinking",
        "@CARER *6 rough|roughly|slap|slapped|slaps|hit|hits|hitting|pushed|shoved|shoving"
        "|punched|kicked|pinched|stole|steal|steals|stealing",
        "taking|took|takes|stole|steal|stealing|steals|controls|controlling *3 money|pension"
        "|pensions|card|cards|benefits|savings|purse|cash",
        "unexplained bruises|bruising|injuries|marks",
        "bruises|bruising|injuries|marks *3 nobody|no *2 explain|explained",
        "locked|locking|locks|tied|tying|ties|strapped|restrained|restraining *2 in|to|into"
        " *2 room|chair|bed|bedroom",
        "touched|touches|touching|grabbed|groped *3 inappropriately|sexually",
        "sexually assaulted|abused|harassed",
        "raped|rape|molested|groped",
    ),
    "domestic_abuse": (
        "domestic abuse|violence|abuser|assault",
        "abuse|abused|violence|violent *3 @PARTNER",
        "@PARTNER|he|she *4 @DVERB me|us",
        "@CHILD 's father|dad|mum|mother *2 @DVERB me",
        "@PARTNER|he|she *4 wo|does|did|do|will n't|nt|not let me",
        "@PARTNER|he|she *3 controls|controlled|controlling|checks|tracks|monitors|takes *2"
        " money|phone|everything|bank|where|who|friends",
        "coercive|coercion",
        "controlling behaviour|behavior|relationship",
        "afraid|scared|frightened|terrified of @POSS? @PARTNER",
        "refuge|refuges",
        "marital rape",
        "@PARTNER *3 throws|threw|throwing things|stuff",
    ),
    "immediate_danger": (
        "going|gonna|will|'ll|ll|threatened|threatening|threatens|swore|swears|promised to?"
        " kill|stab|shoot|strangle|burn",
        "@NOT feel|felt|feeling|am|is|are|be|being? safe *3 home|house|tonight|now|him|her|here",
        "unsafe *2 home|tonight|now",
        "@DANGER_WHO *3 in danger",
        "immediate|serious danger",
        "has|had|got|holding|carrying|pulled|brandished|brandishing|grabbed|came|threatened *4"
        " knife|knives|gun|weapon|machete|blade",
        "fear|fearing|feared|scared|afraid|terrified for @POSS life|lives|safety",
        "nowhere safe",
        "just took|taken|swallowed *4 tablets|pills|paracetamol|overdose",
        "took|taken|swallowed all|whole *2 tablets|pills|packet|bottle|box",
        "kill|killing|hang|hanging|hurt|end|ending myself|it|things *2 tonight|today|now",
        "end|ending|take|taking my life tonight|today|now",
        "he|she|they 's|s|is|are outside *3 now|tonight",
        "he|she|they|someone 's|s|is|are *3 with a|his|her|the knife|gun|weapon|machete|blade"
        "|hammer|axe",
        "he|she|they|someone 's|s|is|are kicking|banging|breaking|smashing|trying *3 door|doors"
        "|window|windows",
        "'m|am|m|are|'re hiding in|from|under",
        # Second round: a body in trouble now, in the plain words of anaphylaxis.
        "tongue|throat|airway *3 swelling|swollen|closing",
    ),
    "complaint": (
        "want|wanted|wanting|wants|going|gonna|like|intend|intending|plan|planning|need"
        "|needed|decided|wish|considering|thinking *3 complain|complaining",
        "make|making|made|file|filed|filing|lodge|lodged|lodging|raise|raised|raising|put"
        "|putting|submit|submitted|submitting|send|sent|write|wrote|writing *3 complaint",
        "how|who|where *4 complain|complaint",
        "ombudsman",
        "sue|suing|lawsuit",
        "legal action",
        "negligence claim",
        "take|taking this|it|things|matters further",
        "held|hold *2 accountable",
    ),
}

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
SERVICE_WORDS = frozenset(
    "team teams service services nurse nurses worker workers practitioner practitioners clinic "
    "clinics unit prevention awareness training course charity charities helpline line lead leads "
    "advisor adviser advisors advisers specialist coordinator group policy pathway liaison poster "
    "posters leaflet leaflets campaign counsellor support risk assessment department outreach "
    "advocate advocates advocacy refuge refuges bereavement officer officers".split()
)
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
    "characters thriller article news".split()
)
STORY_OF = frozenset({"about", "on", "where", "whose", "called"})
# Talk about a risk in general, as numbers or research, not a person at risk: "suicide rates
# in our area", "self-harm presentations in A&E", "overdose admissions went down".
TOPIC_AFTER = frozenset(
    "rate rates statistic statistics stats figures numbers research data admissions "
    "presentations trends survey surveys study studies".split()
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
DIE_WHERE = frozenset({"at", "in", "peacefully", "with", "surrounded", "comfortably"})
# Not "any more", "anymore" or "no longer": "I don't want to live any more" is a risk, and
# "I don't feel suicidal any more" is already negated.


# Held back by the rules but left to the model's judgement (issue 19, precision, third round):
# risk told as past and over, a screening question answered no, a wish about where to die.
# The rule's words alone cannot tell these from a risk now ("I tried years ago and the
# thoughts are back"), so the sentence is not barred from the model, which may still raise it.
SCREENED_NO = "a screening question answered no"
LEFT_TO_THE_MODEL = frozenset(
    {
        "past, and said to be over",
        "past, with when, and well now",
        "past, and well now",
        "a wish about the end of life",
        SCREENED_NO,
        NEGATED_WISH,
    }
)


@dataclass(frozen=True)
class Signal:
    """One signal with the reason it fired (or was held back)."""

    name: str
    source: str  # "rules" or "classifier" (the sentence model)
    why: str
    score: float | None = None
    # "possible": the model's lower tier for risk to life, still a flag for the lead, whose
    # reason starts with POSSIBLE_PREFIX so it is read as "please read", not "certain".
    tier: str = "certain"

    @property
    def severity(self) -> str:
        return SEVERITY[self.name]


@dataclass
class Detection:
    """What a story showed: `signals` fired; `possible` were held back but still signposted."""

    signals: list[Signal] = field(default_factory=list)
    possible: list[Signal] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return sorted({signal.name for signal in self.signals})

    @property
    def possible_names(self) -> list[str]:
        return sorted({signal.name for signal in self.possible} - set(self.names))


@dataclass(frozen=True)
class _Rule:
    signal: str
    number: int
    carries_negation: bool


def _alternatives(spec: str) -> list[str]:
    """The words one token of a pattern accepts, word classes expanded."""
    words: list[str] = []
    for alternative in spec.removesuffix("?").split("|"):
        words.extend(WORDS[alternative[1:]] if alternative.startswith("@") else [alternative])
    return words


def _token(spec: str) -> dict:
    if spec.startswith("*"):
        return {"OP": "{0," + spec[1:] + "}"}
    token: dict = {"LOWER": {"IN": _alternatives(spec)}}
    if spec.endswith("?") and len(spec) > 1:
        token["OP"] = "?"
    return token


def _carries_negation(pattern: str) -> bool:
    """Whether the pattern itself says "not" ("don't want to live"): then a negation inside
    the matched phrase is part of it, not a denial of it."""
    return any(
        NEGATION & set(_alternatives(spec)) for spec in pattern.split() if not spec.startswith("*")
    )


@lru_cache(maxsize=1)
def _rule_engine():
    """A blank English tokenizer and the matcher, built once per process (no model loaded)."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS + 1
    matcher = Matcher(nlp.vocab)
    rules: dict[str, _Rule] = {}
    for signal, patterns in PATTERNS.items():
        for number, pattern in enumerate(patterns, start=1):
            key = f"{signal}#{number}"
            matcher.add(key, [[_token(spec) for spec in pattern.split()]])
            rules[key] = _Rule(signal, number, _carries_negation(pattern))
    return nlp, matcher, rules


def normalise(text: str) -> str:
    """Curly quotes to straight ones, so "don’t" tokenises like "don't"; control characters
    to spaces, so they can neither join nor split words. Lengths and offsets are kept."""
    return (text or "")[:MAX_CHARS].translate(_NORMALISE)


def _lower(text: str) -> str:
    """Lower case that keeps every character's offset (a few letters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_NORMALISE = {0x2019: "'", 0x2018: "'"} | {
    code: " " for code in [*range(0, 32), *range(127, 160)] if chr(code) not in "\n\t"
}


def _negated(doc, start: int, end: int, rule: _Rule) -> tuple[str, bool] | None:
    """The negation that governs the hit, and whether it reaches it through a wish or an
    attempt ("never wanted to kill myself"), or None. A negation may sit behind up to six
    filler words, and two more when some of them are a wish ("I have never really wanted to")."""
    if not rule.carries_negation:
        inner = [t.lower_ for t in doc[start:end] if t.lower_ in NEGATION]
        if inner:
            return inner[0], False
    i, through_wish, infinitive = start - 1, False, False
    while i >= 0 and start - i <= (8 if through_wish else 6):
        word = doc[i].lower_
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


def _held_back(doc, start: int, end: int, rule: _Rule) -> str | None:
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
    if after and after[0] in TOPIC_AFTER and rule.signal != "complaint":
        return f'talk about the topic in general ("{after[0]}")'
    if rule.signal != "complaint" and _told_of_a_story(_sentence_before(doc, start)[-10:]):
        return "what a film, book or programme was about"
    if rule.signal == "suicide_self_harm":
        if after and after[0] in IDIOM_AFTER and doc[end - 1].lower_ in WORDS["SELF"]:
            if after[0] != "on" or _caught_on_a_thing(doc, start, end, after):
                return f'idiom ("{after[0]}")'
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
    if rule.signal in ("suicide_self_harm", "immediate_danger") and WAIT_WORDS & {
        t.lower_ for t in doc[start:end]
    }:
        return "about a wait, not an overdose"
    if rule.signal == "adult_abuse_neglect":
        reason = _not_abuse_of_the_person(doc, start, end)
        if reason:
            return reason
    if rule.signal == "child_abuse_neglect" and after[:1] == ["by"] and VEHICLES & set(after):
        return "an accident"
    if rule.signal == "immediate_danger" and after[:1] == ["of"]:
        return 'figure of speech ("in danger of")'
    if rule.signal != "complaint" and _is_question(doc, start, end):
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
    return None


def _whose_and_when(doc, start: int, end: int) -> str | None:
    """The kinds of `nlp.signals.context`: a death told, a professional's account of others,
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
    if any(cue in words for cue in RECOVERED):
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
    return after in DIE_WHERE or bool(END_OF_LIFE & set(sentence))


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


def rule_hits(text: str) -> Detection:
    """Run the rules only (English and Welsh): fast, no model, safe in a web request."""
    return _rules(text)[0]


def _rules(text: str) -> tuple[Detection, list[tuple[str, int, int]]]:
    """The rules' detection, and (signal, start, end) of each phrase they held back."""
    nlp, matcher, rules = _rule_engine()
    # Lower case first: the tokenizer's exceptions ("don't" -> "do", "n't") are case-sensitive.
    lowered = _lower(normalise(text))
    doc = nlp(lowered)
    hits: list[tuple[int, int, _Rule]] = [
        (start, end, rules[nlp.vocab.strings[key]]) for key, start, end in matcher(doc)
    ]
    strong = [(s, e) for s, e, r in hits if r.signal in ("child_abuse_neglect", "domestic_abuse")]
    found: list[tuple[str, str, str, int, int, str | None]] = []
    # Longest first so the reported phrase is the fullest one.
    for start, end, rule in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if rule.signal == "adult_abuse_neglect" and any(s < end and start < e for s, e in strong):
            continue  # "domestic abuse", "my son was abused": the more specific signal says it.
        span = doc[start:end]
        found.append(
            (
                rule.signal,
                f"{rule.signal}#{rule.number}",
                span.text,
                span.start_char,
                span.end_char,
                _held_back(doc, start, end, rule),
            )
        )
    welsh = signal_welsh.hits(lowered)
    welsh_strong = [
        (h.start, h.end) for h in welsh if h.signal in ("child_abuse_neglect", "domestic_abuse")
    ]
    for hit in welsh:
        if hit.signal == "adult_abuse_neglect" and any(
            s < hit.end and hit.start < e for s, e in welsh_strong
        ):
            continue
        found.append((hit.signal, hit.label, hit.phrase, hit.start, hit.end, hit.held_back))
    detection = Detection()
    held: list[tuple[str, int, int]] = []
    # Once per phrase fired and once per phrase held back: a phrase held back in one sentence
    # ("suicide rates") still fires in another ("I think about suicide every day").
    seen: set[tuple[str, str, bool]] = set()
    for signal, label, phrase, start, end, reason in found:
        if reason and reason not in LEFT_TO_THE_MODEL:
            held.append((signal, start, end))
        if (signal, phrase, bool(reason)) in seen:
            continue
        seen.add((signal, phrase, bool(reason)))
        if reason:
            why = f'matched "{phrase}" (rule {label}) but not counted: {reason}'
            detection.possible.append(Signal(signal, "rules", why))
        else:
            detection.signals.append(Signal(signal, "rules", f'matched "{phrase}" (rule {label})'))
    detection.signals = _first_per_signal(detection.signals)
    detection.possible.extend(_welsh_cues(lowered, detection))
    return detection, held


def _welsh_cues(lowered: str, detection: Detection) -> list[Signal]:
    """Risk words in Welsh sentences that no rule explained: possible, for a Welsh reader."""
    explained = set(detection.names) | {s.name for s in detection.possible}
    cues: dict[str, str] = {}
    for start, end in signal_model.sentence_spans(lowered):
        sentence = lowered[start:end]
        if signal_welsh.is_welsh(sentence):
            for word, signal in signal_welsh.cue_words(sentence):
                if signal not in explained:
                    cues.setdefault(signal, word)
    return [
        Signal(signal, "rules", f'Welsh word "{word}": needs a Welsh speaker to read the story')
        for signal, word in cues.items()
    ]


def _first_per_signal(signals: list[Signal]) -> list[Signal]:
    """One signal per name, its reasons joined, so a flag says every phrase that fired."""
    merged: dict[str, Signal] = {}
    for signal in signals:
        if signal.name in merged:
            old = merged[signal.name]
            merged[signal.name] = Signal(
                old.name, old.source, f"{old.why}; {signal.why}", old.score
            )
        else:
            merged[signal.name] = signal
    return list(merged.values())


# The learned model -----------------------------------------------------------------------

# The models read a text of at least this many words. A one-word answer ("No", "Nothing",
# what a survey's free-text box often holds) tells no story: its embedding alone is noise
# near a threshold ("No" scored 0.31 for child abuse against a threshold of 0.31, which
# flagged 4 % of the held-out FFT trust's comments, where "No" is 4 % of the answers). The
# rules still read it.
MIN_WORDS = 2
_WORD = re.compile(r"\w+")


def model_signals(
    text: str,
    model: signal_model.SentenceModel | None = None,
    held_back: list[tuple[str, int, int]] = (),
) -> list[Signal]:
    """Signals the sentence model hears in `text` (see `model_signals_many`)."""
    return model_signals_many([text], model, [held_back])[0]


def model_signals_many(
    texts: list[str],
    model: signal_model.SentenceModel | None = None,
    held_back: list[list[tuple[str, int, int]]] | None = None,
    welsh_model: signal_welsh_model.WelshModel | None = None,
    welsh: bool = True,
) -> list[list[Signal]]:
    """Signals the sentence model hears: each sentence of each text is embedded alone and
    with its neighbours, scored, and a signal fires on the best-scoring sentence over its
    threshold. All texts' sentences are embedded together (faster for a batch).

    Sentences that read as Welsh are left to the Welsh rules and the Welsh model
    (`nlp.signals.welsh_model`, which adds what the English model did not hear). A sentence
    that holds a phrase the rules held back for that signal (negated, a service, a question)
    cannot fire it: the rule's reason is the reviewable one. Runs in the worker: it needs the
    embedding model.
    """
    model = model or signal_model.load()
    held_back = held_back or [[] for _ in texts]
    per_text, told = [], []
    for text in texts:
        text = normalise(text)
        told.append(len(_WORD.findall(text)) >= MIN_WORDS)
        per_text.append(_english_units(signal_model.units(text)) if told[-1] else [])
    pieces = [unit for units in per_text for unit in units]
    scores = model.score_units(pieces) if pieces else np.zeros((0, len(model.names)))
    results, offset = [], 0
    cymraeg = (welsh_model or signal_welsh_model.load()) if welsh else None
    for text, units, held, story in zip(texts, per_text, held_back, told, strict=True):
        rows = scores[offset : offset + len(units)]
        offset += len(units)
        found = _best_per_signal(model, units, rows, held)
        if cymraeg is not None and story:
            heard = {s.name for s in found}
            found.extend(s for s in _welsh_signals(text, cymraeg, held) if s.name not in heard)
        results.append(found)
    return results


def _welsh_signals(
    text: str, model: signal_welsh_model.WelshModel, held_back: list[tuple[str, int, int]]
) -> list[Signal]:
    """Signals the Welsh model raises: always the "possible" tier (a Welsh speaker should
    read the story; the model learned from a few hundred stories), quoting the sentence."""
    found = []
    for column, top in enumerate(signal_welsh_heard.welsh_best(normalise(text), model, held_back)):
        threshold = float(model.thresholds[column])
        if top is None or top[0] < threshold:
            continue
        score, unit = top
        why = (
            f"{POSSIBLE_PREFIX}Welsh model {score:.2f} (possible from"
            f' {threshold:.2f}) on the words "{_quote(unit.text)}"'
        )
        found.append(
            Signal(model.names[column], "classifier", why, round(score, 3), tier="possible")
        )
    return found


def _english_units(units: list[signal_model.Unit]) -> list[signal_model.Unit]:
    """The units the English model reads: English sentences, and the English clauses of a
    Welsh sentence that switches language ("dwi ddim yn cysgu, and last night I stood on the
    bridge"), each read alone."""
    kept = []
    for unit in units:
        if not signal_welsh.is_welsh(unit.text):
            kept.append(unit)
            continue
        for start, end in signal_welsh.english_clauses(unit.text):
            clause = unit.text[start:end].strip()
            kept.append(signal_model.Unit(unit.start + start, unit.start + end, clause, clause))
    return kept


def _best_per_signal(
    model: signal_model.SentenceModel,
    units: list[signal_model.Unit],
    scores: np.ndarray,
    held_back: list[tuple[str, int, int]],
) -> list[Signal]:
    found = []
    possible = model.possible_thresholds(len(units))
    for column, name in enumerate(model.names):
        threshold = float(model.thresholds[column])
        lower = float(possible[column])
        allowed = [
            i
            for i, unit in enumerate(units)
            if not any(
                signal == name and start < unit.end and unit.start < end
                for signal, start, end in held_back
            )
            and not _over_now(name, units, i)
        ]
        if not allowed:
            continue
        best = max(allowed, key=lambda i: scores[i, column])
        score = float(scores[best, column])
        if score >= threshold:
            why = (
                f"model {score:.2f} (threshold {threshold:.2f}) on the words"
                f' "{_quote(units[best].text)}"'
            )
            found.append(Signal(name, "classifier", why, round(score, 3)))
        elif score >= lower:
            why = (
                f"{POSSIBLE_PREFIX}model {score:.2f} (possible from {lower:.2f}, sure from"
                f' {threshold:.2f}) on the words "{_quote(units[best].text)}"'
            )
            found.append(Signal(name, "classifier", why, round(score, 3), tier="possible"))
    return found


def _over_now(name: str, units: list[signal_model.Unit], i: int) -> bool:
    """Whether the model may not raise `name` on units[i] because the words say it is over:
    danger means now, so not on a sentence that says the person is now fine, home, stable or
    safe, nor on the one just before it ("he collapsed and the ambulance took three hours.
    He's fine now"); suicide or self-harm not on a sentence that is itself told as past and
    over ("the service saved my life", "in a better place now"), unless it says it is back."""
    if name == "immediate_danger":
        return any(signal_context.resolved_now(u.text) for u in units[i : i + 2])
    if name == "suicide_self_harm":
        words = " " + " ".join(normalise(units[i].text).lower().split()) + " "
        return any(cue in words for cue in RECOVERED) and not signal_context.BACK_AGAIN.search(
            words
        )
    return False


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def detect(text: str, model: signal_model.SentenceModel | None = None) -> Detection:
    """Rules, then the sentence model for what the rules did not already fire.

    Never fails on odd input: empty, very long (read whole in bounded time), control
    characters, mixed English and Welsh.
    """
    return detect_many([text], model)[0]


def detect_many(
    texts: list[str], model: signal_model.SentenceModel | None = None, welsh: bool = True
) -> list[Detection]:
    """`detect` for many texts at once, their sentences embedded together. `welsh=False`
    leaves out the Welsh model (the benchmark's baseline)."""
    ruled = [_rules(text) for text in texts]
    heard = model_signals_many(texts, model, [held for _, held in ruled], welsh=welsh)
    for (detection, _), found in zip(ruled, heard, strict=True):
        fired = set(detection.names)
        detection.signals.extend(s for s in found if s.name not in fired)
    return [detection for detection, _ in ruled]
