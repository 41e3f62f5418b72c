"""Text off a scanner or out of a system, read as it was meant
(nlp/identifiers/recogniser/scanned_text.py): figures that optical character recognition read as
letters, and snake-case field names.

Every sentence here was written for this file (none taken from a measuring set); each kind has
look-alikes that must stay as written.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.anonymise import anonymise, detect
from nlp.identifiers.recogniser.scanned_text import read_as_meant


@pytest.mark.parametrize(
    ("scanned", "meant"),
    [
        ("Tel: O1632 96O 118", "Tel: 01632 960 118"),
        ("mob 07700 9OO l23", "mob 07700 900 123"),
        ("DOB 2l.O3.1947", "DOB 21.03.1947"),
        ("NHS No. 4OO 2l7 3386", "NHS No. 400 217 3386"),
        ("Postcode: SKl 3QE", "Postcode: SK1 3QE"),
        ("Leeds LSl7 5PL", "Leeds LS17 5PL"),
        ("Cardiff CF24 lAB", "Cardiff CF24 1AB"),
        ("next_of_kin_phone=0161 496 0011", "next of kin phone=0161 496 0011"),
        ("Tel O1S32 6B4 22l", "Tel 01532 684 221"),
        ("DOB 1B-O3-l9S2", "DOB 18-03-1952"),
        ("Bristol BS4 BQT", "Bristol BS4 8QT"),
        ("Aberdeen ABZ4 1NR", "Aberdeen AB24 1NR"),
        ("ring O77OO 9OO S12 today", "ring 07700 900 512 today"),
        ("call O l6l S l4 O2l7", "call 0 161 5 14 0217"),
        ("DOB: Ol/l2/l93O", "DOB: 01/12/1930"),
        ("born l6th May l947", "born 16th May 1947"),
        ("Mrs E1speth Ho1royd, Be1fast", "Mrs Elspeth Holroyd, Belfast"),
        ("our address is 2 Derwent Terrace, le4 0yp", "our address is 2 Derwent Terrace, le4 0yp"),
        ("we are at sw1a 1aa now", "we are at sw1a 1aa now"),
        ("ls1 0ll. 0000000019", "ls1 0ll. 0000000019"),
        ("LS1 0BB. 0000000019", "LS1 0BB. 0000000019"),
        ("07700 000000. B1 0AA", "07700 000000. B1 0AA"),
        ("seen at Wyth Hospita1 in 0ctober", "seen at Wyth Hospital in October"),
        ("Yours faithfu1ly, Ciara Rei11y", "Yours faithfully, Ciara Reilly"),
        ("Ph0ne the office", "Phone the office"),
        ("she ca11ed me back", "she called me back"),  # a word, though shaped like a postcode
        ("we moved to ls11ba in may", "we moved to ls11ba in may"),  # a postcode, no space
        ("post to m11aa please", "post to m11aa please"),
    ],
)
def test_misread_figures_and_field_names_are_read_as_meant(scanned, meant):
    assert read_as_meant(scanned) == meant


@pytest.mark.parametrize(
    "text",
    [
        "ring 0800 111 and the A1 to B12 in 2024",  # figures where figures belong
        "email j.olsen@hotmai1.com please",
        "I lost my O2 contract",  # a word beside no figures
        "NO ISA FORM WAS SENT",  # capitals that look like a postcode with no figure
        "Il Lo Ol",
        "He said I 2 ate it",
        "Sheffield S3 7RB, low B12 and G4 on the bus",  # postcode districts and codes stay
        "I I O S B said the sign",
        "room B2 3 times",
        "AB10 1XY, covid19, mary1958@mail.com, Ward1, the A1 and the M60",
        "PHONE NUMBER IS 01942 960 018 SO RING",
        "NI JY 18 55 48 B 111 rang",  # an NI number's suffix letter before a number
        "flat 12 B 0113 496 0000",  # a flat's letter before a phone
        "grade 4 0 G 22 33 44 55",  # a lone look-alike capital among typed groups
    ],
)
def test_words_are_never_read_as_figures(text):
    meant = read_as_meant(text)
    assert len(meant) == len(text)
    if text != "I lost my O2 contract":
        assert meant == text


@given(st.text(alphabet=st.sampled_from(list("0123456789OolI| ._-/+abcXYZ\n")), max_size=60))
def test_the_copy_always_keeps_the_length(text):
    assert len(read_as_meant(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Please ring me on O7700 9OO 318 after six.", "O7700 9OO 318", "PHONE"),
        ("CHI: l8O652 4471\nDOB: l8/O6/1952", "l8/O6/1952", "DATE_OF_BIRTH"),
        ("Address: 3 Mill Row, Stockport SKl 3QE", "SKl 3QE", "POSTCODE"),
        ("patient_dob=04/11/1938 patient_name=Ada Price", "04/11/1938", "DATE_OF_BIRTH"),
        ("my NI is JY 18 55 48 B 111 said ring them", "JY 18 55 48 B", "NI_NUMBER"),
    ],
)
def test_the_detector_finds_them_and_marks_the_text_as_written(text, value, label):
    start = text.index(value)
    found = [f for f in detect(text) if f.start <= start and start + len(value) <= f.end]
    assert [f.label for f in found] == [label]
    assert value not in anonymise(text).text


def test_a_professional_registration_number_after_its_cue_is_an_identifier():
    text = "Statement taken by Nurse Ellis (NMC PIN 91K0443E); GMC 7012245 for the doctor."
    values = {text[f.start : f.end] for f in detect(text) if f.label == "OTHER_ID"}
    assert any("91K0443E" in v for v in values)
    assert any("7012245" in v for v in values)
    assert not [f for f in detect("The GMC wrote back in June.") if f.label == "OTHER_ID"]


def test_a_username_in_a_sentence_keeps_its_underscores():
    text = "my username is night_shift_nan if you want to message me"
    assert read_as_meant(text) == text


def test_a_username_labelling_a_post_keeps_its_underscores():
    text = "kev_the_van: waited three weeks\nnok_phone: 0161 496 0011"
    assert read_as_meant(text) == "kev_the_van: waited three weeks\nnok phone: 0161 496 0011"
