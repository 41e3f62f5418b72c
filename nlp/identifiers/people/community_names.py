"""Names of every community in shapes the English name rules miss (issue 20, round 37).

- Chinese and Vietnamese names, family name first or last, in syllables: "Chan Wai Man",
  "Nguyễn Thị Lan", "Lan Nguyen". Two to four capitalised syllables with one a family name of
  those communities and every other a given name's syllable, or words carrying Vietnamese
  tone marks. Not "Tai Chi", "Kung Fu", "Dim Sum", "Feng Shui", "Hong Kong", "Pak Choi",
  "Mah Jong", which hold no family name with a given syllable, nor a place ("… City", "… Road").
- Given names that are English words ("Blessing", "Precious", "Gift", "Loveness", "Memory"):
  a name before a surname, capitalised and in no English word list or in the surname list and
  no word ("Gift Sibanda"); "Gift Aid", "Memory Clinic", "Comfort Zone", "Grace Period",
  "Mercy Hospital", "Hope Street" stay.
- In a text typed in lower case: a child listed with "he is 4" / "she is 10 month", and a
  name before "the nurse", "the doctor" ...: a word in no English list and no kinship word of
  any language ("ammu", "nani", "abba"); "mum she is 80", "thanks the nurse" stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

EAST_ASIAN_FAMILY = frozenset(
    """chan cheung chung wong lee li ho lam lau ng leung tang yip chow chau tsang kwok fung mak
    lai chu yeung tse choi cheng liu zhang wang chen yang huang zhao wu zhou xu sun ma zhu hu
    guo he lin luo gao liang zheng xie song tan lim goh ong teo koh tay chua yeo lo law
    siu so tso tsui kwan wan yuen poon pang kam shum mok au yau hui fong man
    nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng
    bui bùi do đỗ ngo ngô duong dương ly lý trinh trịnh dinh đinh mai cao""".split()
)
GIVEN_SYLLABLES = frozenset(
    """ka yan wai man ming kit chun yee ling mei siu kwan hoi lok sze ying wing kei fai hung
    kin tak yu hui xiao jun wei hao yi lei na jing xin yun hua qing zhi hing ho kwok
    chi yuk fung lai wah kam pui shan suet oi yin tsz hiu long lung sin mui po nga tai
    ha lan hoa linh anh huong hương trang thao thảo hanh hạnh tuan tuấn minh hung hùng nam
    dung dũng hieu hiếu duc đức quang thanh hai hải son sơn thu phuong phương ngoc ngọc
    hien hiền yen yến nga tam tâm vy nhung loan hang hằng khanh khánh tien tiến bao bảo huy
    kien kiên trung dat đạt phuc phúc vinh thi thị van văn huu hữu hà mai cuong cường""".split()
)
# Letters that only Vietnamese writes (tone marks and hooked vowels).
VIETNAMESE = re.compile(r"[ạảãấầẩẫậắằẳẵặẹẻẽếềểễệỉĩịọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹđĐơưƠƯ]")
_SYLLABLES_RUN = re.compile(r"\b[A-ZĐ][^\W\d_]{0,6}(?:[ \t]+[A-ZĐ][^\W\d_]{0,6}){1,3}\b")
_PLACE_AFTER = re.compile(r"[ \t]+(?:City|Road|Street|Lane|Park|Centre|Center|Market)\b")


def east_asian_names(text: str, words: frozenset[str]) -> Iterator[Finding]:
    if EAST_ASIAN_FAMILY.isdisjoint(words):
        return
    for m in _SYLLABLES_RUN.finditer(text):
        words = m.group().split()
        low = [w.lower() for w in words]
        if len(set(low)) < len(low) or _PLACE_AFTER.match(text, m.end()):
            continue
        family = [i for i, w in enumerate(low) if w in EAST_ASIAN_FAMILY]
        if not family:
            continue
        # Family name first or last; every other syllable a given name's or Vietnamese.
        for i in (0, len(low) - 1):
            if i in family and all(
                w in GIVEN_SYLLABLES or VIETNAMESE.search(w) for j, w in enumerate(low) if j != i
            ):
                yield Finding(m.start(), m.end(), "PERSON", 0.8, "community_name")
                break


WORD_NAMES = frozenset(
    """blessing blessings precious patience grace mercy comfort memory gift loveness lavender
    joy hope faith charity prudence constance felicity honour justice prosper godknows
    givemore fortune promise princess trust beauty goodness kindness peace wisdom praise
    marvellous miracle innocent lucky happiness rejoice treasure tendai""".split()
)
_WORD_NAME = re.compile(
    r"\b("
    + "|".join(sorted((w.capitalize() for w in WORD_NAMES), key=len, reverse=True))
    + r")[ \t]+([A-Z][a-z'’-]+)\b"
)


def word_given_names(text: str, words: frozenset[str]) -> Iterator[Finding]:
    if WORD_NAMES.isdisjoint(words):
        return
    gaz = gazetteer()
    for m in _WORD_NAME.finditer(text):
        surname = m.group(2).lower()
        if surname in gaz.common_words:
            continue
        if surname not in gaz.english_words or surname in gaz.surnames:
            yield Finding(m.start(), m.end(), "PERSON", 0.8, "community_name")


KINSHIP_WORDS = frozenset(
    """ammu ammi amma abbu abba abbi abbaji ammiji nanu nani nana nanaji naniji dadu dadi dada
    dadaji dadiji baba bapu bapuji mama mamu mami chacha chachi phupho phuppo khala khalu
    taya tayi bhai bhaiya bhaiyya didi di baji apa appa appi bhabi bhabhi behen hooyo aabo
    awowe ayeeyo abaye emaye mamma tata babcia dziadek mamusia tatus bunica bunic bunicu
    mamaia yaya yiayia papou nain taid mamgu tadcu granda grandda nan nanna mum mam mom dad
    da pa ma""".split()
)
# Words for a child or relative, not a name, before "he is 4".
_RELATION_NOUNS = frozenset(
    """toddler toddlers grandson granddaughter stepson stepdaughter nephew niece twin twins
    eldest youngest oldest middle boy girl baby babby bairn wean sibling sister brother son
    daughter child kid""".split()
)
# The child is listed: after "children", "son", "and", "my", a comma, a line's start.
_CHILD_AGE = gated(
    re.compile(
        r"(?:\b(?:children|kids|child|son|sons|daughter|daughters|boy|girl|baby|and|my|called|"
        r"named|brother|sister|grandson|granddaughter)[ \t]+|[,:;][ \t]*|^[ \t]*)"
        r"([a-z][a-z'’-]{2,})[ \t]+(?:he|she)[ \t]+(?:is|'s|’s)[ \t]+\d{1,2}\b",
        re.MULTILINE,
    ),
    # its tail, which few stories hold, where its openings ("and", "my", a comma) are in all
    behind=re.compile(r"(?:he|she)[ \t]+(?:is|'s|’s)[ \t]+\d"),
)
_BEFORE_ROLE = re.compile(  # gated below
    r"\b([a-z][a-z'’-]{2,})[ \t]+the[ \t]+(?:nurse|doctor|midwife|social[ \t]+worker|"
    r"health[ \t]+visitor|interpreter|carer|gp|key[ \t]*worker|support[ \t]+worker)\b"
)
_BEFORE_ROLE = gated(_BEFORE_ROLE)


_CAPITAL = re.compile(r"[A-Z]")


def _lower_case_text(text: str) -> bool:
    """Typed without capitals: at most one capital in fifty characters (acronyms, "I")."""
    return len(_CAPITAL.findall(text)) * 50 <= len(text)


def lower_case_names(text: str) -> Iterator[Finding]:
    if " he " not in text and " she " not in text and " the " not in text:
        return
    gaz = gazetteer()
    lower: bool | None = None
    for pattern in (_CHILD_AGE, _BEFORE_ROLE):
        for m in pattern.finditer(text):
            if lower is None:
                lower = _lower_case_text(text)
            if not lower:
                return
            w = m.group(1)
            if w in KINSHIP_WORDS or w in gaz.common_words:
                continue
            if pattern is _BEFORE_ROLE and w in gaz.english_words and w not in gaz.first_names:
                continue
            if w in _RELATION_NOUNS:
                continue
            yield Finding(m.start(1), m.end(1), "PERSON", 0.75, "community_name")


def community_names(text: str, words: frozenset[str]) -> list[Finding]:
    """`words`: the text's runs of letters in lower case (`abroad_towns.letter_runs`)."""
    return [
        *east_asian_names(text, words),
        *word_given_names(text, words),
        *lower_case_names(text),
    ]


# "their daughter Luwam, now 6.": an age given after a name with "now". Not "the list, now
# 6 weeks long" (no name before) nor "Luwam, now 6 weeks into treatment" (a unit follows).
_NOW_AGE = re.compile(
    r",[ \t]*now[ \t]+(?P<n>\d{1,3})(?=[ \t]*[.,;)]|[ \t]+(?:and|years?[ \t]+old)\b)"
)


def ages_now_after_names(text: str, found: list[Finding]) -> list[Finding]:
    if ", now " not in text:
        return []
    out = []
    for f in found:
        if f.label == "PERSON":
            m = _NOW_AGE.match(text, f.end)
            if m and 0 < int(m.group("n")) <= 115:
                out.append(Finding(m.start("n"), m.end("n"), "AGE", 0.8, "community_age"))
    return out
