"""A community team or service named by its place and what it does (issue 20, round 78).

Mental health, drug and alcohol, memory, wheelchair and equipment services are named by the
town, borough or district they serve and their work: "the Croydon Crisis and Home Treatment
Team", "Lisburn Community Mental Health Team", "Central Wrexham Early Intervention in
Psychosis Team", "Glasgow Alcohol and Drug Recovery Services", "Newham Memory Service",
"Berkshire East Crisis Team", "penparcau cmht". Twelve writers' sets mark the whole name as the
care setting (v8, v26, v37, v52, v56, v61, v71, v74, v78, v98, v104, v107: 100 names); the
place rules found only the town, and round 66's `town_services` only "Town CMHT".

Walking back from "Team", "Service(s)" or a team's initials, the words that say what the
service does (at least one of them says which care it gives, not only whom it is for: not
"Sunderland Adult Services", a council's department), then a place: listed, with a point of
the compass before or after it ("North Derry", "Lambeth North"), or two joined by "and"
("Cardiff and Vale"). A place no list holds ("Forches Crisis Resolution Team") counts only
before two or more such words and when it is no English word. The name is capitalised as a
name, or the text is typed all in one case. Round 101 (v153, of the shape of the twelve sets
above): a service of primary care or a local one ("Oban Primary Care Mental Health Team",
"Brecon Local Primary Mental Health Support Service"), and talking therapies services named by
their place ("Sunderland Talking Therapies"). Several writers mark only the town of such a
name, as a place (v50, v58, v74, v88: about 40 names); the town stays covered inside the
longer name, so those sets lose a little character precision, not recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

END = gated(
    re.compile(
        r"(?<![\w'’-])(?P<end>team|services?|cmht|crht|htt|therapies)(?![\w'’-])",
        re.IGNORECASE,
    )
)
INITIALS = frozenset({"cmht", "crht", "htt"})
# Words that say which care a service gives: one of them makes a team a place of care.
CARE_WORK = frozenset(
    """mental health crisis treatment resolution intervention psychosis drug drugs alcohol
    substance misuse addiction addictions recovery sexual hiv memory assessment wheelchair
    seating equipment learning disability disabilities stroke falls eating
    disorder disorders inclusion homeless homelessness healthcare homecare development
    sensory nursing dn therapy therapies continence bladder bowel palliative perinatal
    liaison dementia rehab rehabilitation reablement enablement respiratory diabetes podiatry
    audiology hearing sight dental gender tb screening bereavement psychology psychological
    iapt camhs wellbeing counselling outreach midwifery maternity psychiatric
    neurodevelopmental talking""".split()
)
# Words that say whom or how a service serves, and words that join: allowed in the name, but
# none of them alone names a place of care ("Sunderland Adult Services"). A carers' or an
# advocacy service is no place of care either: the writers who name one mark its town only, or
# nothing ("Hertfordshire Carers Support Services", round 73).
SERVICE_WORDS = CARE_WORK | frozenset(
    """community integrated adult adults older young people's peoples children's childrens
    child specialist care home support independent living early and & in of for family
    families women's men's youth neighbourhood intensive rapid response acute access
    loss identity carers advocacy primary local""".split()
)
COMPASS = frozenset("north south east west central mid inner outer greater".split())
JOINING = frozenset({"and", "&", "in", "of", "for"})
JOINING_PLACES = frozenset({"and", "&"})
_TOKEN = re.compile(r"[^\s]+")
OPENERS = "([\"“‘'"


def words_before(text: str, end: int) -> list[tuple[int, str]]:
    """The words on the same line before `end`, nearest first, with where each starts. A word
    keeps the punctuation glued to its end ("Worker,"), so no list holds it and a name stops
    there; a bracket or a quotation mark opening on a word opens the name there, and the words
    before it are not read (round 101: "his team (Newtownards North Community Mental Health
    Team)")."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 160)
    out: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text, line_start, end):
        out.append((m.start(), m.group()))
    out.reverse()
    for i, (start, word) in enumerate(out):
        opened = word.lstrip(OPENERS)
        if opened != word and opened:
            return [*out[:i], (start + len(word) - len(opened), opened)]
    return out


def _cased(word: str, any_case: bool) -> bool:
    """A word of a name: capitalised (or in capitals), or anything where capitals mean little."""
    return any_case or word[0].isupper()


def _titled(word: str, any_case: bool) -> bool:
    """A word capitalised as a place's name is ("Vale", not "OOH"), where capitals mean much."""
    return word.isalpha() and (any_case or (word[0].isupper() and word[1:].islower()))


def listed_place(key: str) -> bool:
    """A place in either list, looked up in each (a union of the two would be built again for
    every name read)."""
    g = gazetteer()
    return key in g.places or key in g.small_places


def place_start(words: list[tuple[int, str]], any_case: bool, strong: bool) -> int | None:
    """Where the place before a service's words starts, or None. The words run nearest
    first."""
    g = gazetteer()
    i = 1 if words and words[0][1].lower() in COMPASS else 0  # "Lambeth North CMHT"
    j = 0
    for n in (3, 2, 1):
        part = words[i : i + n]
        if len(part) == n and all(_cased(w, any_case) for _, w in part):
            if listed_place(" ".join(w for _, w in reversed(part)).lower()):
                j = i + n
                break
    pair = words[i : i + 3]
    if (
        len(pair) == 3
        and pair[1][1] in JOINING_PLACES
        and all(_titled(w, any_case) and w.lower() not in STOP_WORDS for _, w in (pair[0], pair[2]))
    ):
        # "Cardiff and Vale", "City and Hackney": two places joined name one area; not a
        # person thanked with it ("thank you to Jane and Leeds Recovery Service").
        near, far = pair[0][1].lower(), pair[2][1].lower()
        if (j == i + 1 and far not in g.first_names) or (
            listed_place(far) and near not in g.first_names
        ):
            j = i + 3
    if not j and strong and i < len(words):
        word = words[i][1]
        plain = word.lower()
        if not (
            word[0].isupper()
            and word.isalpha()
            and (any_case or word[1:].islower())
            and plain not in STOP_WORDS
            and plain not in g.english_words
            and plain not in g.common_words
            and plain not in SERVICE_WORDS
        ):
            return None
        return words[i][0]  # "Forches Crisis Resolution Team"
    if not j:
        return None
    if j < len(words) and words[j][1].lower() in COMPASS and _cased(words[j][1], any_case):
        j += 1  # "Central Dundee", "North Ballymena"
    return words[j - 1][0]


def place_named_teams(text: str) -> Iterator[Finding]:
    """ "Croydon Crisis and Home Treatment Team", "Newham Memory Service" (see the module)."""
    any_case = capitals_mean_little(text)
    for m in END.finditer(text):
        initials = m.group("end").lower() in INITIALS
        before = words_before(text, m.start())
        k = 0
        care = 0
        while k < len(before):
            word = before[k][1]
            plain = word.lower()
            if plain not in SERVICE_WORDS or not (_cased(word, any_case) or plain in JOINING):
                break
            care += plain in CARE_WORK
            k += 1
        if not (care or initials):
            continue
        strong = care >= 2 or (care >= 1 and k >= 2)
        start = place_start(before[k:], any_case, strong)
        if start is not None:
            yield Finding(start, m.end(), "CARE_SETTING", 0.8, "place_named_team")
