"""Risk signals in a story: suicide or self-harm, abuse or neglect of a child or of an adult
at risk, domestic abuse, immediate danger, and a wish to complain.

Two layers, both reviewable:

- **Rules** (spaCy `Matcher` over a blank English tokenizer: no statistical model, so the web
  request can run them). Each hit records the phrase that fired and the rule's number. A hit is
  only *possible*, not fired, when it is negated ("I was not suicidal", "no thoughts of self
  harm"), names a service ("the self-harm team were brilliant"), is an idiom ("killed myself
  laughing"), an accident ("fell and hurt myself") or a question someone asked ("are you having
  thoughts of suicide?"). Possible hits still earn signposting, never a flag.
- **Classifier** (TF-IDF and logistic regression, trained at run time on the project's own
  synthetic examples in `nlp/data/signal_examples.jsonl`) adds recall for implicit statements
  ("I've been stockpiling my tablets"); it runs in the worker. Its `why` is the words that
  weighed most, never only the score.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

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
EXAMPLES_PATH = Path(__file__).parent / "data" / "signal_examples.jsonl"
CLASSIFIER_THRESHOLD = 0.6
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
    ),
    "child_abuse_neglect": (
        "@HARM *3 @CHILD",
        "@CHILD *4 is|are|was|were|being|been|gets|got|getting|keeps|kept *2 @HARMED",
        "@PARENT *2 @HARM me",
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
        "@CARER *6 rough|roughly|slap|slapped|slaps|hit|hits|hitting|push|pushed|pushes"
        "|pushing|shoved|shoving|punched|kicked|pinched|stole|steal|steals|stealing",
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
SERVICE_WORDS = frozenset(
    "team teams service services nurse nurses worker workers practitioner practitioners clinic "
    "clinics unit prevention awareness training course charity charities helpline line lead leads "
    "advisor adviser advisors advisers specialist coordinator group policy pathway liaison poster "
    "posters leaflet leaflets campaign counsellor support risk assessment department".split()
)
IDIOM_AFTER = frozenset({"laughing", "laughter", "accidentally", "shaving", "playing", "on"})
ACCIDENT_BEFORE = frozenset({"fell", "fall", "falling", "tripped", "slipped", "accidentally"})
VEHICLES = frozenset({"car", "bus", "van", "lorry", "bike", "ball", "vehicle", "swing", "train"})
ASKED = frozenset({"asked", "ask", "asks", "asking"})
QUESTION_VERBS = frozenset({"are", "do", "have", "did", "were", "any"})
SENTENCE_END = frozenset({".", "!", "?"})


@dataclass(frozen=True)
class Signal:
    """One signal with the reason it fired (or was held back)."""

    name: str
    source: str  # "rules" or "classifier"
    why: str
    score: float | None = None


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
    """Curly quotes to straight ones, so "don’t" tokenises like "don't"."""
    return (text or "")[:MAX_CHARS].replace("\u2019", "'").replace("\u2018", "'")


def _negated(doc, start: int, end: int, rule: _Rule) -> str | None:
    if not rule.carries_negation:
        inner = [t.lower_ for t in doc[start:end] if t.lower_ in NEGATION]
        if inner:
            return inner[0]
    i = start - 1
    while i >= 0 and start - i <= 6:
        word = doc[i].lower_
        if word in NEGATION:
            return word
        if word not in FILLER:
            return None
        i -= 1
    return None


def _held_back(doc, start: int, end: int, rule: _Rule) -> str | None:
    """Why a hit should not count as fired, or None when it counts."""
    negation = _negated(doc, start, end, rule)
    if negation:
        return f'negated by "{negation}"'
    after = [t.lower_ for t in doc[end : end + 3]]
    if after and after[0] in SERVICE_WORDS and rule.signal != "complaint":
        return f'names a service ("{after[0]}")'
    if rule.signal == "suicide_self_harm":
        if after and after[0] in IDIOM_AFTER and doc[end - 1].lower_ in WORDS["SELF"]:
            return f'idiom ("{after[0]}")'
        before = {t.lower_ for t in doc[max(0, start - 4) : start]}
        if before & ACCIDENT_BEFORE:
            return "an accident"
    if rule.signal == "child_abuse_neglect" and after[:1] == ["by"] and VEHICLES & set(after):
        return "an accident"
    if rule.signal == "immediate_danger" and after[:1] == ["of"]:
        return 'figure of speech ("in danger of")'
    if rule.signal != "complaint" and _is_question(doc, start, end):
        return "a question someone asked"
    return None


def _is_question(doc, start: int, end: int) -> bool:
    window = doc[max(0, start - 8) : start]
    for i, token in enumerate(window):
        if any(t.text in SENTENCE_END for t in window[i:]):
            continue
        if token.lower_ in ASKED:
            return True
        # "are you having thoughts of ...", quoted without its question mark
        if token.lower_ in QUESTION_VERBS and i + 1 < len(window) and window[i + 1].lower_ == "you":
            return True
    for token in doc[end : end + 12]:
        if token.text in SENTENCE_END:
            return token.text == "?"
    return False


def rule_hits(text: str) -> Detection:
    """Run the rules only: fast, no model, safe in a web request."""
    nlp, matcher, rules = _rule_engine()
    # Lower case first: the tokenizer's exceptions ("don't" -> "do", "n't") are case-sensitive.
    doc = nlp(normalise(text).lower())
    hits: list[tuple[int, int, _Rule]] = [
        (start, end, rules[nlp.vocab.strings[key]]) for key, start, end in matcher(doc)
    ]
    strong = [(s, e) for s, e, r in hits if r.signal in ("child_abuse_neglect", "domestic_abuse")]
    detection = Detection()
    seen: set[tuple[str, str]] = set()
    # Longest first so the reported phrase is the fullest one.
    for start, end, rule in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if rule.signal == "adult_abuse_neglect" and any(s < end and start < e for s, e in strong):
            continue  # "domestic abuse", "my son was abused": the more specific signal says it.
        phrase = doc[start:end].text
        reason = _held_back(doc, start, end, rule)
        if (rule.signal, phrase) in seen:
            continue
        seen.add((rule.signal, phrase))
        label = f"{rule.signal}#{rule.number}"
        if reason:
            why = f'matched "{phrase}" (rule {label}) but not counted: {reason}'
            detection.possible.append(Signal(rule.signal, "rules", why))
        else:
            why = f'matched "{phrase}" (rule {label})'
            detection.signals.append(Signal(rule.signal, "rules", why))
    detection.signals = _first_per_signal(detection.signals)
    return detection


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


# The classifier -------------------------------------------------------------------------


def load_examples(path: Path = EXAMPLES_PATH) -> list[dict]:
    """The labelled examples: {"text", "labels", "kind", "group", "variant"} per line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class SignalClassifier:
    """One-vs-rest logistic regression over word n-grams; explains itself with its top words."""

    def __init__(self, examples: list[dict]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w[\w']*\b"
        )
        texts = [normalise(e["text"]).lower() for e in examples]
        matrix = self.vectorizer.fit_transform(texts)
        self.vocabulary = self.vectorizer.get_feature_names_out()
        self.models = {}
        for name in SIGNALS:
            labels = [name in e["labels"] for e in examples]
            if any(labels) and not all(labels):
                model = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000)
                self.models[name] = model.fit(matrix, labels)

    def scores(self, text: str) -> dict[str, float]:
        row = self.vectorizer.transform([normalise(text).lower()])
        return {name: float(m.predict_proba(row)[0, 1]) for name, m in self.models.items()}

    def explain(self, text: str, name: str, top: int = 4) -> list[str]:
        """The words in `text` that pushed hardest towards `name`."""
        row = self.vectorizer.transform([normalise(text).lower()]).tocoo()
        weights = self.models[name].coef_[0]
        pushes = sorted(
            ((value * weights[col], col) for col, value in zip(row.col, row.data, strict=True)),
            reverse=True,
        )
        return [self.vocabulary[col] for push, col in pushes[:top] if push > 0]

    def signals(self, text: str, threshold: float = CLASSIFIER_THRESHOLD) -> list[Signal]:
        found = []
        for name, score in self.scores(text).items():
            if score >= threshold:
                words = ", ".join(f'"{w}"' for w in self.explain(text, name))
                why = f"classifier {score:.2f}; words that weighed most: {words}"
                found.append(Signal(name, "classifier", why, round(score, 3)))
        return found


@lru_cache(maxsize=1)
def classifier() -> SignalClassifier:
    """Trained once per worker process on the project's own examples (about a second)."""
    return SignalClassifier(load_examples())


def detect(text: str, model: SignalClassifier | None = None) -> Detection:
    """Rules, then the classifier for signals the rules neither found nor held back.

    A phrase the rules saw and held back (negated, a service, a question) is not overruled by
    the classifier: the rule's reason is the reviewable one.
    """
    detection = rule_hits(text)
    model = model or classifier()
    decided = {s.name for s in detection.signals} | {s.name for s in detection.possible}
    for signal in model.signals(text):
        if signal.name not in decided:
            detection.signals.append(signal)
    detection.signals = _first_per_signal(detection.signals)
    return detection
