"""Kinds of person found general in the eighth round (issue 20): commenters in pasted social-media
threads, lone first names in minutes and notes (lists, credits, sign-offs, list items) and
initials tied to an age, each found again where it recurs.

Each text was written for this file, with names, places and numbers of its own (none taken
from a measuring set). Each kind has reverses: ordinary text of the same shape that must stay.
"""

from __future__ import annotations

import re

import pytest
from anonymise_support import covered, flagged

from nlp.anonymise import anonymise, detect


def covered_each(text: str, value: str) -> bool:
    """Every occurrence of `value` (as a whole word) is covered by some finding."""
    found = detect(text)
    spans = [m.span() for m in re.finditer(rf"(?<![\w'’]){re.escape(value)}(?!\w)", text)]
    assert spans, value
    return all(any(f.start <= s and f.end >= e for f in found) for s, e in spans)


def touched_at(text: str, value: str, nth: int) -> bool:
    """Some finding overlaps the `nth` (0-based) occurrence of `value`."""
    s, e = [m.span() for m in re.finditer(re.escape(value), text)][nth]
    return any(f.start < e and f.end > s for f in detect(text))


# --- commenters in a pasted thread ----------------------------------------------------------

THREAD = (
    "Marcus Oyelowo posted in Todmorden Parents Chat\n"
    "Is the walk-in at Calderdale Royal open Sundays? Little one has a rash on her arms.\n"
    "  Priyanka Dhillon Ring 111 first, they booked us straight in last time\n"
    "  Fenella Grout Same here, went to Halifax in the end\n"
    "  Marcus Oyelowo thanks Priyanka x\n"
)


@pytest.mark.parametrize("name", ["Marcus Oyelowo", "Priyanka Dhillon", "Fenella Grout"])
def test_a_commenter_opening_a_comment_with_no_colon_is_found(name):
    assert covered_each(THREAD, name)


def test_a_commenters_first_name_is_found_where_the_thread_thanks_them():
    assert covered_each(THREAD, "Priyanka")


def test_the_comment_after_a_commenters_name_is_left():
    for words in ("Ring 111 first", "Same here", "thanks"):
        assert not flagged(THREAD, words)


def test_labelled_comments_under_a_comments_heading_and_reply_arrows():
    text = (
        "Bins not collected and now my mum's carer can't get to the door.\n"
        "Comments:\n"
        "Roz Thwaite: same on our street, ring the council\n"
        "  ↳ chesterfield_gaz: they never answer\n"
    )
    assert covered(text, "Roz Thwaite")
    assert covered(text, "chesterfield_gaz")
    assert not flagged(text, "Comments")


def test_lower_case_commenters_in_an_indented_thread():
    text = (
        "dawn pilkington\n"
        "does anyone know if the minor injuries unit is open weekends? my lad cut his hand\n"
        "   tegan mowbray closes at 6 on saturdays hun\n"
        "   dawn pilkington ta tegan x\n"
    )
    assert covered(text, "tegan mowbray")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("My username on the hospital portal is heron_k22 and nobody replies.", "heron_k22"),
        ("Still locked out. My login for the app: jtwalker88, if that helps.", "jtwalker88"),
    ],
)
def test_a_username_given_outright_is_found(text, handle):
    assert covered(text, handle)


def test_a_thread_opening_with_places_and_everyday_words_keeps_them():
    text = (
        "Comments:\n"
        "  Good Luck with it all, hope your dad is ok\n"
        "  Same Here, waited four hours\n"
        "  Next Steps: ring PALS\n"
    )
    assert not flagged(text, "Good Luck")
    assert not flagged(text, "Same Here")
    assert not flagged(text, "Next Steps")


def test_a_story_without_a_thread_keeps_its_capitalised_line_openings():
    text = "Night Shift Nurses were kind.\nPlease Note the ward was short of staff."
    assert not flagged(text, "Night Shift")
    assert not flagged(text, "Please Note")


def test_a_username_that_is_a_plain_word_is_left():
    assert not flagged("My username on the forum is anonymous and I like it.", "anonymous")


# --- lone first names in minutes and notes ---------------------------------------------------

MINUTES = (
    "Lantern Club carers — minutes\n"
    "Present: Dolores (chair), Wilf, April Hennessy, Mo, Sandy Pryce. Apologies: Ivo Grant.\n"
    "1. Lifts. April said the lift was out of action in April and again on 3 May. Mo disagreed.\n"
    "2. Transport. Sandy asked about the minibus; the sandy path by the car park floods.\n"
    "Notes by Kit (she/her). Polish interpreter: Bozena.\n"
)


@pytest.mark.parametrize("name", ["Dolores", "Wilf", "April Hennessy", "Mo", "Ivo Grant"])
def test_each_person_in_an_attendee_list_is_found(name):
    assert covered(MINUTES, name)


@pytest.mark.parametrize("name", ["Kit", "Bozena"])
def test_a_name_after_a_credit_or_an_interpreter_is_found(name):
    assert covered(MINUTES, name)


def test_a_listed_name_is_found_again_later():
    assert touched_at(MINUTES, "Mo", 1)  # "Mo disagreed"
    assert touched_at(MINUTES, "April", 1)  # "April said"
    assert touched_at(MINUTES, "Sandy", 1)  # "Sandy asked"


def test_a_listed_name_that_is_a_month_or_a_word_stays_a_month_or_a_word():
    assert not touched_at(MINUTES, "April", 2)  # "in April"
    assert not flagged(MINUTES, "sandy path")
    assert not flagged(MINUTES, "chair")
    assert not flagged(MINUTES, "Apologies")


def test_roles_and_placeholders_in_a_list_are_no_people():
    text = "Present: Chair, Secretary, all residents. Apologies: None.\nMinutes: TBC.\n"
    assert not detect(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Busy stall today, about 90 people came by and the leaflets ran out. Priya", "Priya"),
        ("Can you ring the ward back about the transfer, I'm in clinic all day. x Bex", "Bex"),
        ("The stall was busy, lots of questions about dentists.\nCerys x", "Cerys"),
    ],
)
def test_a_short_name_alone_at_the_end_is_a_sign_off(text, name):
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Overall the service was good and I would recommend it.\nThanks", "Thanks"),
        ("We waited six hours in A&E and nobody came to see him at all. Disgraceful.", "Disgr"),
        ("Ffion was lovely and the ward was spotless, thank you so much. Diolch.", "Diolch"),
        ("The nurses on the children's ward were all brilliant with us. Tuesday", "Tuesday"),
    ],
)
def test_a_closing_word_is_no_sign_off(text, word):
    assert not flagged(text, word)


def test_list_items_naming_people_by_first_name_with_an_age_or_in_pairs():
    text = (
        "Tea afternoon at the community centre.\n"
        "Primrose, 88 — cannot get a GP home visit.\n"
        "Enid and Clifford — both happy with the district nurses.\n"
        "Fish and Chips — Friday, as usual.\n"
    )
    for name in ("Primrose", "Enid", "Clifford"):
        assert covered(text, name)
    assert not flagged(text, "Fish")
    assert not flagged(text, "Chips")


def test_an_everyday_first_name_of_a_full_name_is_found_again():
    text = "Child's name: Joy Okonedo-Banks\nWhat happened: Joy has waited a year for grommets."
    assert touched_at(text, "Joy", 1)
    assert not flagged(text, "happened")


def test_a_name_that_is_a_modal_is_not_taken_from_a_question():
    text = "My brother Will Ashdown rang. Will you call him back? Will said thanks."
    assert touched_at(text, "Will", 2)
    assert not touched_at(text, "Will", 1)


def test_a_name_that_is_a_word_is_found_again_only_as_written():
    text = "Present: Sandy Pryce, Reg Olu.\nSandy said the sandy soil drains badly."
    assert touched_at(text, "Sandy", 1)
    assert not flagged(text, "sandy soil")


# --- initials standing for a person ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Home visit to resident M.K. (1941) about her pressure sore.", "M.K."),
        ("We foster a boy (T, 9) and he still has no dentist.", "T"),
        ("A young man we'll call D (he's 22) was held in seclusion overnight.", "D"),
        ("Foster diary: K (aged 4) slept badly again.", "K"),
    ],
)
def test_initials_with_an_age_or_a_year_are_a_person(text, initials):
    assert covered(text, initials)


def test_an_initial_found_once_is_the_person_wherever_it_recurs():
    text = "We foster a boy (T, 9). T has asthma and T missed his review."
    assert covered_each(text, "T")


def test_letters_that_grade_or_give_a_sex_are_no_initials():
    text = "Plan B (2) was agreed. Patient Y.H. (M, 34) was seen. Hep C (40) cases this year."
    assert not flagged(text, "B (")
    assert not flagged(text, "(M")
    assert not flagged(text, "C (")


def test_the_rendered_minutes_keep_one_placeholder_per_person():
    out = anonymise(MINUTES).text
    assert "Mo" not in re.findall(r"\b\w+\b", out)
    assert "in April" in out


def test_a_username_alone_on_a_threads_first_line_and_as_an_indented_label():
    text = (
        "wee_morag_85\n"
        "anyone else waiting on physio fae the hospital? been 6 months\n"
        "   Lisa Baird: ring them direct\n"
        "   wee_morag_85: cheers hen\n"
    )
    assert covered_each(text, "wee_morag_85")
    assert covered(text, "Lisa Baird")


def test_a_short_name_after_kisses_ends_a_message_but_ok_does_not():
    assert covered("Can't get through to the ward, ring me after 4. x Fi", "Fi")
    assert not flagged("Can't get through to the ward, ring me after 4. Ok x", "Ok")


def test_an_uncommon_name_on_the_last_line_signs_off_but_a_verdict_does_not():
    signed = "I can be reached on 0161 496 0385 any time after six.\nRavinder"
    assert covered(signed, "Ravinder")
    verdict = "We waited nine hours for a bed and nobody told us anything.\nDisgraceful"
    assert not flagged(verdict, "Disgraceful")


def test_an_initial_after_baby_or_child_is_the_person():
    text = "Wed – Baby K (placed with us at 3 days) fed well. K is gaining weight."
    assert covered_each(text, "K")


def test_a_job_under_a_signature_is_no_second_name():
    text = "Please reply to this office.\n\nYours faithfully,\nMarguerite Oduya-Pell\nSolicitor"
    assert covered(text, "Marguerite Oduya-Pell")
    assert not flagged(text, "Solicitor")


def test_comments_run_on_after_the_post_and_a_listed_will():
    text = "Bins not collected and the carers cant get in. Comments: Trace Quennell: same here"
    assert covered(text, "Trace Quennell")
    minutes = "Attendees: Will, Rosa Ng. Will said the bill was late. Will you pay it? We will."
    assert touched_at(minutes, "Will", 1)
    assert not touched_at(minutes, "Will", 2)
    assert not flagged(minutes, "will.")
