"""Kinds built in the hundred and second round (issue 20), from the retired sets v154 and v155 and
the development sets that share each kind.

- A practice or centre typed in lower case, of a kind no other thing is called ("elmwood family
  practice", "falls road health centre", "brook meadow care centre").
- A person written surname, comma, initial ("HV: Forbes, S.", "SIGNED: KAMIŃSKI, W.").

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes of the same shape that must stay as they are.
"""

from __future__ import annotations

import pytest
from anonymise_support import covering_label, found_values

from nlp.anonymise import ENGINE_VERSION
from nlp.identifiers.care_settings.lower_case_named_settings import lower_case_named_settings
from nlp.identifiers.people.surname_comma_initials import surname_comma_initials

# --- practices and centres in lower case --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("gp: thornbury family practice", "thornbury family practice"),  # a listed place
        ("registered at ashcombe medical practice since 2010", "ashcombe medical practice"),
        ("referred by dr kaur, pendlebrook group practice", "pendlebrook group practice"),
        (
            "day 4 at oakhurst intermediate care centre. walking better",
            "oakhurst intermediate care centre",
        ),
        ("letter from dunmore primary care centre about bloods", "dunmore primary care centre"),
        ("mill street health centre rang to rebook", "mill street health centre"),
        ("she is at harbour mews care centre now", "harbour mews care centre"),
        ("07700 900123,priory lane medical centre,dna", "priory lane medical centre"),
        ("gp: preston family practice", "preston family practice"),  # a town, and a word
        ("riverside medical practice sent the letter", "riverside medical practice"),  # house-made
    ],
)
def test_a_lower_case_practice_or_centre(text: str, value: str) -> None:
    assert value in found_values(lower_case_named_settings, text)
    assert covering_label(text, value) == "CARE_SETTING"


@pytest.mark.parametrize(
    "text",
    [
        "it is a small family practice and they know us",
        "there is a student medical practice on campus",
        "my local health centre was shut",
        "she goes to a good care centre in the week",
        "the day care centre is lovely",
        "we need a proper primary care centre in this town",
        "the community care centre has a cafe",
        "they were a busy group practice with no gp",
        "she took over health centre reception in may",  # a function word
        "waiting for vitrectomy surgery since june",  # an operation, not a kind of setting
    ],
)
def test_look_alikes_of_a_lower_case_practice_stay(text: str) -> None:
    assert found_values(lower_case_named_settings, text) == []


# --- surname, comma, initial --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Health visitor: Okafor, B.", "Okafor, B."),
        ("SIGNED: WIŚNIEWSKA, J.", "WIŚNIEWSKA, J."),
        ("Countersigned by Adebayo-Cole, T.K.\nDate: 3/4", "Adebayo-Cole, T.K."),
        ("Reviewed (Mbeki, L.) and agreed", "Mbeki, L."),
        ("- Nowakowski, P., Hockley", "Nowakowski, P."),
        ("Rota: Ng, A.", "Ng, A."),  # a surname of two letters
        ("Cover: McAllister, J.; on leave", "McAllister, J."),
    ],
)
def test_a_surname_comma_initial(text: str, value: str) -> None:
    assert found_values(surname_comma_initials, text) == [value]
    assert covering_label(text, value) == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, J.",
        "Love, M.",
        "Yes, I.",
        "LONDON, W.",  # a place, not a surname
        "Present: R. Nwosu, D. Lennon, H. Faulkner",  # initials before surnames: the list's
        "seen by Okafor, B. Smith and others",  # the initial opens the next name
        "signed okafor, B.",  # not capitalised as a name
        "HEXHAM, N.",  # a listed town
    ],
)
def test_look_alikes_of_a_surname_comma_initial_stay(text: str) -> None:
    assert found_values(surname_comma_initials, text) == []


def test_engine_version() -> None:
    assert ENGINE_VERSION == "uk-rules-110+ner-3"
