"""Kinds found general in the twenty-fifth round (issue 20), from the misses of the retired
blind set v27 and the residual misses of every development set: a hospital's initials where
the same story names it in full, a child's age with its half year, a letterhead's organisation
line kept apart from the street line under it, and the e-Referral booking number by its
initials.

Every sentence here was written for this file (none taken from a measuring set), and each kind
has look-alikes that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, covering_label, flagged

from nlp.anonymise import detect

# A hospital's initials, where the story names the hospital in full somewhere.


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Scan was at the KGH (Kettering General Hospital) and it was quick.", "KGH"),
        ("We went to Manchester Royal Infirmary first. The MRI rang on Monday.", "MRI"),
        ("She had her hip done at the Bishop and Lyle Infirmary, and the B&L were kind.", "B&L"),
        ("Dad was in Kettering General Hospital. Back to KGH for bloods next week.", "KGH"),
        ("Thornbury Vale Hospital did the op; follow-up at TVH is in June.", "TVH"),
    ],
)
def test_a_hospitals_initials_are_found_where_the_story_names_it(text, initials):
    assert covering_label(text, initials) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        # the test, not the place
        ("She had an MRI at Manchester Royal Infirmary and waited weeks.", "MRI"),
        ("Manchester Royal Infirmary sent his MRI results by post.", "MRI"),
        ("At Manchester Royal Infirmary the MRI scan took an hour.", "MRI"),
        # the initials of a hospital the story never names
        ("My TVH form came back from the council.", "TVH"),
        # lower case is not initials
        ("Kettering General Hospital was fine, kgh said the kids could visit.", "kgh"),
    ],
)
def test_initials_that_name_a_test_or_no_named_hospital_stay(text, initials):
    assert not flagged(text, initials)


# A child's age with its half year.


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My grandson Alfie (aged 4 and a half) loves the ward's play room.", "4 and a half"),
        ("Our youngest, who is three and a half, still wakes at night.", "three and a half"),
        ("She's 2 and a half and has never been seen by a dentist.", "2 and a half"),
    ],
)
def test_a_childs_age_keeps_its_half_year(text, age):
    assert covered(text, age)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We waited three and a half hours in the corridor.", "and a half hours"),
        ("He's lost a stone and a half since March.", "and a half"),
        ("My son, aged 6, waited two and a half years for a diagnosis.", "and a half years"),
    ],
)
def test_a_half_that_measures_something_else_stays(text, value):
    assert not flagged(text, value)


# A letterhead: the organisation's line, then its street line.


@pytest.mark.parametrize(
    ("text", "setting", "street"),
    [
        (
            "Customer Care Team\nHollowfield General Hospital\nBarrack Road\nHollowfield",
            "Hollowfield General Hospital",
            "Barrack Road",
        ),
        (
            "Our ref: CC/88\nComplaints Office\nWestmoor Royal Infirmary\nHollin Lane, Westmoor",
            "Westmoor Royal Infirmary",
            "Hollin Lane",
        ),
        (
            "Patient Experience\nSt Bride's Hospice\nOrchard Square, Kelby",
            "St Bride's Hospice",
            "Orchard Square",
        ),
    ],
)
def test_a_letterheads_organisation_and_street_are_both_found(text, setting, street):
    assert covered(text, setting)
    assert covered(text, street)


def test_a_department_line_above_a_street_is_not_an_address():
    text = "Customer Care Team\nHollowfield General Hospital\nBarrack Road\nHollowfield"
    assert not flagged(text, "Customer Care Team")


def test_a_street_written_in_a_sentence_is_still_found_whole():
    text = "She lives on Upper Marsh Lane, near the church."
    assert covered(text, "Upper Marsh Lane")


# The e-Referral Service's booking number, cued by its initials.


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Booking reference (UBRN): 5512 0938 7741\nDear Mr Hale,", "5512 0938 7741"),
        ("My e-referral UBRN is 3390 2817 6604 and I still have no date.", "3390 2817 6604"),
        ("UBRN 7781-2290-4415 on the letter.", "7781-2290-4415"),
    ],
)
def test_a_booking_number_after_its_initials_is_found(text, number):
    assert covering_label(text, number) == "OTHER_ID"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The UBRN letter came on 12 March 2024.", "12 March 2024"),
        ("I rang about the UBRN at 10:30 and waited 40 minutes.", "40 minutes"),
    ],
)
def test_dates_and_times_near_the_cue_stay(text, value):
    assert not any(f.label == "OTHER_ID" for f in detect(text) if value in text[f.start : f.end])


# A home-care provider named as where the carers or the calls come from.


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("Mum is home now with carers from Fellside Care twice a day.", "Fellside Care"),
        ("We agreed two calls a day from Brackenwood Homecare.", "Brackenwood Homecare"),
        ("The agency, as ever, sent a carer from Larchmoor Home Care late.", "Larchmoor Home Care"),
    ],
)
def test_a_home_care_provider_named_as_the_carers_source_is_found(text, provider):
    assert covering_label(text, provider) == "CARE_SETTING"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She gets carers from Adult Social Care three times a week.", "Adult Social Care"),
        ("The care package from Continuing Care was cut in May.", "Continuing Care"),
        ("Carers from Domiciliary Care came once and never again.", "Domiciliary Care"),
        ("Our carers come from Primary Care now, not the council.", "Primary Care"),
    ],
)
def test_kinds_of_care_after_the_cue_stay(text, value):
    assert not flagged(text, value)
