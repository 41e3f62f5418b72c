"""Kinds found general in the seventh round (issue 20): chat exports whose senders carry time
stamps or accents, and forum usernames as speaker labels or after a forum's cues.

Each sentence was written for this file, with names and usernames of its own (none taken from
a measuring set). Each kind has reverses: text of the same shape that must stay.
"""

from __future__ import annotations

import pytest
from anonymise_support import covered, flagged

from nlp.identifiers.core.usernames import STRONG, WEAK, username_shape

# --- chat exports ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A sender after an export's stamp is a person even when the name is a common word.
        (
            "[09/11, 07:40] Skipper: dad's on the ward now\n"
            "[09/11, 07:42] Lol: which one\n[09/11, 07:43] Skipper: Cedar, bed 4",
            "Skipper",
        ),
        (
            "[21/06/25, 22:01] Bunny: they've moved her to the hospice\n"
            "[21/06/25, 22:05] Kit: I'll drive up tonight",
            "Bunny",
        ),
        (
            "21/06/2025, 22:01 - Bunny: they've moved her\n21/06/2025, 22:05 - Kit: driving up",
            "Bunny",
        ),
        # A contact saved in lower case, and someone outside the contacts after a tilde.
        (
            "[05/01, 18:30] jaz: is he still in resus\n[05/01, 18:31] ~ Marnie: moved to AMU",
            "jaz",
        ),
        (
            "[05/01, 18:30] jaz: is he still in resus\n[05/01, 18:31] ~ Marnie: moved to AMU",
            "Marnie",
        ),
        # Several words of a contact: the name is found, a kinship word before it may stay.
        (
            "[10:02 AM] Uncle Fitz: I can take him Thursday\n[10:04 AM] Pip: thank you!!",
            "Fitz",
        ),
    ],
)
def test_a_sender_after_a_chat_exports_time_stamp_is_a_person(text, value):
    assert covered(text, value)


def test_accented_speakers_in_a_thread_are_people():
    text = (
        "Aoibhín: did the district nurse come?\nSeán: not yet, rang at 10\n"
        "Aoibhín: I'll chase it 🙏 Seán: thanks"
    )
    assert covered(text, "Aoibhín")
    assert covered(text, "Seán")


@pytest.mark.parametrize(
    "text",
    [
        # Times and roles in a log are no senders; a lone stamped line is no export.
        "[14:05] Note: obs stable\n[14:30] Plan: review at 6\n[15:00] Action: bloods sent",
        "[09:00] Mum: I'm fine",
        "Handler: what happened?\nCaller: she collapsed\nHandler: is she breathing?",
        "Chair: welcome\nQ: when does it start?\nA: Monday\nChair: thanks all",
    ],
)
def test_time_stamps_roles_and_form_labels_stay(text):
    for word in ("Note", "Plan", "Action", "Mum", "Handler", "Caller", "Chair", "Monday"):
        if word in text:
            assert not flagged(text, word), word


# --- usernames ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "shape"),
    [
        ("PuddleJumper_9", STRONG),
        ("TwoCatsNoSleep", STRONG),
        ("gardenlover72", STRONG),
        ("slow.and.steady", STRONG),
        ("quietoldlady", WEAK),
        ("WhatsApp", None),
        ("iPhone", None),
        ("omeprazole", None),
        ("atorvastatin", None),
        ("Step2", None),
        ("notes.docx", None),
        ("something", None),
        # Readings, scores and brands in capitals are no usernames.
        ("eGFR", None),
        ("SpO2", None),
        ("NEWS2", None),
        ("NovoRapid", None),
    ],
)
def test_username_shapes(token, shape):
    assert username_shape(token) == shape


def test_usernames_labelling_a_forum_thread_are_people():
    text = (
        "Thread: getting a wheelchair assessment\n"
        "PuddleJumper_9: how long did yours take?\n"
        "quietoldlady: eleven weeks for my husband. Keep phoning.\n"
        "TwoCatsNoSleep: ours was quicker once the OT wrote in.\n"
        "PuddleJumper_9: thanks both"
    )
    for who in ("PuddleJumper_9", "quietoldlady", "TwoCatsNoSleep"):
        assert covered(text, who), who


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Reply from gardenlover72:\nSame happened to my mum at the walk-in.", "gardenlover72"),
        ("Posted by Fenland_Fran on a Tuesday night, no answers yet.", "Fenland_Fran"),
        ("Happy to chat about it, I'm slow.and.steady on here.", "slow.and.steady"),
        ("You can message me on Instagram, tea.and.tablets, any time.", "tea.and.tablets"),
        ("TwoCatsNoSleep wrote:\n> the ward was short again", "TwoCatsNoSleep"),
        ("HillWalkerHelen replied:\nsame at ours, ask for PALS", "HillWalkerHelen"),
        ("Someone on reddit (u/sleepless_in_stoke) said the same.", "sleepless_in_stoke"),
        ("My username on here is nightowl_nurse if anyone wants to chat.", "nightowl_nurse"),
        ("I'm on Mumsnet as CuppaAndACry, same story there.", "CuppaAndACry"),
    ],
)
def test_a_username_after_a_forum_cue_is_a_person(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A thread with no usernames keeps a run-together word, a drug list keeps its drugs.
        ("Meds now:\nlansoprazole: 30mg\nbisoprolol: 2.5mg\natorvastatin: 40mg", "bisoprolol"),
        ("Reply from admin:\nthread closed, thanks all.", "admin"),
        ("Posted by Anonymous, no replies.", "Anonymous"),
        ("I'm new on here so be kind.", "new"),
        ("I use WhatsApp and the NHS App on my iPhone to book.", "WhatsApp"),
        ("I use WhatsApp and the NHS App on my iPhone to book.", "iPhone"),
        ("Saw it on Facebook, which surprised me.", "which"),
        ("[05/01, 18:30] mum: any news?\n[05/01, 18:31] note: none yet", "note"),
    ],
)
def test_ordinary_words_in_forum_places_stay(text, word):
    assert not flagged(text, word)


# --- a label that is also a word, spoken to by name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Group: Nan's birthday\nFizz: who's booking the table?\n"
            "Orla: I can. Fizz did you ask Nan about the wheelchair?\nFizz: yes she needs it\n"
            "Orla: ok thanks Fizz",
            "Fizz",
        ),
        (
            "Group: Nan\nSkip: who's going today?\nOrla: me. Skip can you do Sunday?\n"
            "Skip: yes\nOrla: cheers Skip",
            "Skip",
        ),
    ],
)
def test_a_speaker_named_by_a_word_and_spoken_to_by_name_is_a_person(text, value):
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Chair: welcome all.\nBob: apologies from Di.\nChair: item one.\nBob: Chair can you "
            "repeat that?",
            "Chair",
        ),
        (
            "Handler: hello\nCaller: hi my mum fell\nHandler: Caller, are you with her?\n"
            "Caller: yes",
            "Caller",
        ),
        ("Note: obs stable\nPlan: review\nNote: family aware\nPlan: thanks to all", "Plan"),
    ],
)
def test_a_role_spoken_to_is_still_a_role(text, word):
    assert not flagged(text, word)


def test_a_results_list_in_a_thread_keeps_its_readings():
    text = (
        "Rhian: got the bloods back\neGFR: 48\nNEWS2: 1\nSpO2: 97\n"
        "Gethin: ok that's better\nRhian: yes, home Friday"
    )
    assert covered(text, "Rhian")
    for reading in ("eGFR", "NEWS2", "SpO2"):
        assert not flagged(text, reading), reading
