"""Round 36's recognisers of identifiers as they are heard (issue 20), for the recogniser's
list in one call: characters read out with helpers (`spoken_characters`), e-mails said with
"at" and "dot" (`spoken_emails`), names spelt with remarks between the letters
(`spelt_letters`), hospitals called by a pair of initials (`initial_pairs`) and ages said in
conversation (`answered_ages`), dates of birth said as an answer, year first or as a feast
(`worded_birth_dates`), phones finished aloud or cut by a bad line (`mixed_phones`), and a
call worker's own number (`worker_numbers`)."""

from __future__ import annotations

from nlp.identifiers.care_settings.initial_pairs import initial_pairs
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.dates_and_ages.answered_ages import answered_ages
from nlp.identifiers.dates_and_ages.worded_birth_dates import worded_birth_dates
from nlp.identifiers.numbers.worker_numbers import worker_numbers
from nlp.identifiers.spoken.mixed_phones import mixed_phones
from nlp.identifiers.spoken.spelt_letters import spelt_names
from nlp.identifiers.spoken.spoken_characters import spoken_characters
from nlp.identifiers.spoken.spoken_emails import spoken_emails


def heard_findings(text: str) -> list[Finding]:
    return [
        *spoken_characters(text),
        *spoken_emails(text),
        *spelt_names(text),
        *initial_pairs(text),
        *answered_ages(text),
        *worded_birth_dates(text),
        *mixed_phones(text),
        *worker_numbers(text),
    ]
