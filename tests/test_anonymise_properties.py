"""Properties over generated stories: identifiers are found wherever they are put, anonymised
text never contains a found identifier, and anonymising twice changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nlp.anonymise import anonymise, detect
from nlp.identifiers.numbers.health_and_ni_numbers import NI_BAD_PREFIXES

SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

WORDS = (
    "i my mum dad son the a and was were had to at in on for with we they GP NHS A&E "
    "nurse ward appointment waited hours weeks called told said kind rude home hospital "
    "Tuesday morning phone letter surgery carer help never always again Healthwatch 111"
).split()

filler = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


def _nhs_from_nine(nine: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    if check == 10 or len(set(nine + str(check))) == 1:
        return None
    return nine + str(check)


nhs_numbers = (
    st.text("0123456789", min_size=9, max_size=9)
    .map(_nhs_from_nine)
    .filter(lambda n: n is not None)
    .flatmap(
        lambda n: st.sampled_from([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])
    )
)

FIRST = "ABCEGHJKLMNOPRSTWXYZ"
SECOND = "ABCEGHJKLMNPRSTWXYZ"
ni_numbers = st.builds(
    lambda a, b, digits, suffix, spaced, lower: (
        (f"{a}{b} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}" if spaced else
         f"{a}{b}{digits}{suffix}")
        .lower() if lower else
        (f"{a}{b} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}" if spaced else
         f"{a}{b}{digits}{suffix}")
    ),
    st.sampled_from(FIRST),
    st.sampled_from(SECOND),
    st.text("0123456789", min_size=6, max_size=6),
    st.sampled_from("ABCD"),
    st.booleans(),
    st.booleans(),
).filter(lambda ni: ni.replace(" ", "")[:2].upper() not in NI_BAD_PREFIXES)  # fmt: skip

phones = st.one_of(
    st.text("0123456789", min_size=6, max_size=6).map(lambda d: f"07700 {d}"),
    st.text("0123456789", min_size=9, max_size=9).map(lambda d: f"07{d}"),
    st.text("0123456789", min_size=7, max_size=7).map(lambda d: f"0113 {d[:3]} {d[3:]}"),
    st.text("0123456789", min_size=8, max_size=8).map(lambda d: f"020 {d[:4]} {d[4:]}"),
    st.text("0123456789", min_size=9, max_size=9).map(lambda d: f"+44 7{d[:3]} {d[3:]}"),
    st.text("0123456789", min_size=6, max_size=6).map(lambda d: f"+44 (0)7700 {d}"),
)

AREAS = ["LS", "M", "B", "SW", "EC", "G", "CF", "BT", "NE", "HX", "ST", "WF", "CV", "DN"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
postcodes = st.builds(
    lambda area, district, digit, l1, l2, space, lower: (
        (f"{area}{district}{' ' if space else ''}{digit}{l1}{l2}").lower() if lower else
        f"{area}{district}{' ' if space else ''}{digit}{l1}{l2}"
    ),
    st.sampled_from(AREAS),
    st.integers(1, 29),
    st.integers(0, 9),
    st.sampled_from(INWARD_LETTERS),
    st.sampled_from(INWARD_LETTERS),
    st.booleans(),
    st.booleans(),
)  # fmt: skip

emails = st.builds(
    lambda user, sep, number, domain: f"{user}{sep}{number}@{domain}",
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
    st.sampled_from(["", ".", "_"]),
    st.integers(0, 99),
    st.sampled_from(["gmail.com", "hotmail.co.uk", "example.org", "nhs.net", "sky.com"]),
)

identifiers = st.one_of(nhs_numbers, ni_numbers, phones, postcodes, emails)


def _is_covered(text: str, start: int, end: int) -> bool:
    return any(f.start <= start and f.end >= end for f in detect(text))


@SETTINGS
@given(left=filler, identifier=identifiers, right=filler)
@example(left="", identifier="ls11ba", right="i")  # once read as the word "lsllba"
@example(left="", identifier="JY 18 55 48 B", right="111")  # "B" once read as a figure
def test_any_identifier_in_any_surrounding_text_is_found(left, identifier, right):
    text = f"{left} {identifier} {right}".strip()
    start = text.index(identifier)
    assert _is_covered(text, start, start + len(identifier))


story_parts = st.lists(
    st.one_of(
        filler,
        identifiers,
        st.sampled_from(["Dr Patel", "my son Gurdeep", "aged 84", "on 14 May 2023", "Ward 12"]),
    ),
    min_size=1,
    max_size=8,
).map(lambda parts: ". ".join(parts))


@SETTINGS
@given(text=story_parts)
def test_anonymised_text_never_contains_a_found_identifier(text):
    result = anonymise(text)
    for finding in result.findings:
        value = text[finding.start : finding.end]
        # A bare age ("84") may recur as an unrelated number; it is generalised, not secret.
        if finding.label != "AGE" and len(value) >= 3:
            assert value not in result.text


@SETTINGS
@given(text=story_parts)
@example(text="AA 00 00 00 A. Ward 12")  # "Ward 12" was lost with "A. Ward" to the NI number
@example(text="son GP surgery. 07700 000000. 0000000019")  # placeholders' capitals set the case
def test_anonymising_twice_changes_nothing(text):
    once = anonymise(text).text
    assert anonymise(once).text == once
