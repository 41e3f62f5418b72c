"""UK identifiers found by pattern and checksum, without any language model: every such rule,
run in one call.

The rules live in modules by kind: health_and_ni_numbers.py, postcodes.py, phone_numbers.py,
street_lines.py, birth_dates.py, ages.py and reference_numbers.py, with names' shapes, sign-offs,
e-mails, handles, schools and estates and form answers in theirs. Each takes the raw text and
returns `Finding`s. They are deliberately case- and spacing-tolerant (stories typed on phones
come in lower case, ALL CAPS or without spaces) and validate what can be validated (NHS mod-11,
NI prefixes) so that ordinary numbers in a story (doses, durations, years, times) are not
flagged. Answers to forms and call handlers are nlp/identifiers/numbers/form_answers.py's.

This module only gathers them, so that the bridge to Presidio
(nlp/identifiers/recogniser/presidio_bridge.py) asks for every finding by pattern in one call and
the rules run in one fixed order; overlaps are settled later
(nlp/identifiers/recogniser/settling.py).
"""

from __future__ import annotations

from nlp.identifiers.care_settings.article_free_centres import article_free_centres
from nlp.identifiers.care_settings.care_institutes import care_institutes
from nlp.identifiers.care_settings.carers_organisations import carers_organisations
from nlp.identifiers.care_settings.custody_settings import custody_settings
from nlp.identifiers.care_settings.family_hubs import family_hubs
from nlp.identifiers.care_settings.lower_case_named_settings import lower_case_named_settings
from nlp.identifiers.care_settings.named_mental_health_teams import named_mental_health_teams
from nlp.identifiers.care_settings.named_providers import named_providers
from nlp.identifiers.care_settings.place_named_teams import place_named_teams
from nlp.identifiers.care_settings.place_named_urgent_care import place_named_urgent_care
from nlp.identifiers.care_settings.plant_named_wards import plant_named_wards
from nlp.identifiers.care_settings.practice_names import kind_first_practices, town_services
from nlp.identifiers.care_settings.private_hospitals import private_hospitals
from nlp.identifiers.care_settings.royal_possessives import royal_possessives
from nlp.identifiers.care_settings.scan_named_hospitals import scan_named_hospitals
from nlp.identifiers.care_settings.service_hubs import service_hubs
from nlp.identifiers.care_settings.sexual_and_gender_services import sexual_and_gender_services
from nlp.identifiers.care_settings.smile_named_practices import smile_named_practices
from nlp.identifiers.care_settings.ward_specialties import specialty_numbered_wards
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.dates_and_ages.ages import ages
from nlp.identifiers.dates_and_ages.approximate_ages import approximate_ages
from nlp.identifiers.dates_and_ages.birth_dates import dates_of_birth
from nlp.identifiers.dates_and_ages.birth_tellings import birth_tellings
from nlp.identifiers.dates_and_ages.clause_end_ages import clause_end_ages
from nlp.identifiers.dates_and_ages.dates_before_birth_cues import dates_before_birth_cues
from nlp.identifiers.dates_and_ages.lone_ages import lone_ages
from nlp.identifiers.numbers.form_answers import form_answers
from nlp.identifiers.numbers.health_and_ni_numbers import nhs_numbers, ni_numbers
from nlp.identifiers.numbers.hurried_emails import hurried_emails
from nlp.identifiers.numbers.passwords import passwords
from nlp.identifiers.numbers.phone_numbers import phones
from nlp.identifiers.numbers.reference_numbers import other_ids
from nlp.identifiers.numbers.web_addresses import web_addresses
from nlp.identifiers.numbers.worker_numbers import officer_numbers
from nlp.identifiers.people.bed_board_names import bed_board_names
from nlp.identifiers.people.called_names import called_names
from nlp.identifiers.people.capital_full_names import capital_full_names
from nlp.identifiers.people.clinic_list_rows import clinic_list_rows
from nlp.identifiers.people.described_people import described_people
from nlp.identifiers.people.dotted_initials import dotted_initials
from nlp.identifiers.people.email_openings import addressee_openings
from nlp.identifiers.people.headerless_record_rows import headerless_record_rows
from nlp.identifiers.people.listed_surnames_first import (
    capital_pairs_before_fields,
    capital_surnames_first,
    field_surnames_first,
    listed_surnames_first,
)
from nlp.identifiers.people.name_shapes import (
    initial_sign_offs,
    initialled_names,
    initials_before_an_age,
    patronymics,
    quoted_nicknames,
    spelled_out,
    titles_and_initials,
)
from nlp.identifiers.people.paperwork_fields import paperwork_fields
from nlp.identifiers.people.possessives_without_apostrophe import possessives_without_apostrophe
from nlp.identifiers.people.self_introductions import self_introductions
from nlp.identifiers.people.sign_offs import sign_off_names
from nlp.identifiers.people.social_handles import social_handles
from nlp.identifiers.people.surname_comma_initials import surname_comma_initials
from nlp.identifiers.places.body_regions import body_regions
from nlp.identifiers.places.building_addresses import building_addresses
from nlp.identifiers.places.council_areas import council_areas
from nlp.identifiers.places.county_shortenings import county_shortenings
from nlp.identifiers.places.eircodes import eircodes
from nlp.identifiers.places.hashtag_places import hashtag_places
from nlp.identifiers.places.house_names import house_names
from nlp.identifiers.places.lower_case_schools import lower_case_schools
from nlp.identifiers.places.map_references import map_references
from nlp.identifiers.places.named_hotels import named_hotels
from nlp.identifiers.places.places_of_learning import (
    named_places_of_learning,
    student_health,
)
from nlp.identifiers.places.postcodes import postcodes
from nlp.identifiers.places.schools_and_estates import schools_and_estates
from nlp.identifiers.places.street_lines import addresses
from nlp.identifiers.places.welsh_mutations import welsh_mutated_places


def pattern_findings(text: str) -> list[Finding]:
    """Every identifier the rules gathered here find by pattern alone (overlaps not yet settled)."""
    found: list[Finding] = []
    for detector in (
        nhs_numbers,
        ni_numbers,
        postcodes,
        phones,
        addresses,
        dates_of_birth,
        birth_tellings,
        ages,
        other_ids,
        hurried_emails,
        sign_off_names,
        initialled_names,
        initials_before_an_age,
        quoted_nicknames,
        initial_sign_offs,
        spelled_out,
        titles_and_initials,
        social_handles,
        schools_and_estates,
        form_answers,
        patronymics,
        web_addresses,
        paperwork_fields,
        county_shortenings,
        house_names,
        described_people,
        named_providers,
        called_names,
        plant_named_wards,  # round 41
        lower_case_named_settings,  # round 41
        scan_named_hospitals,  # round 41
        clause_end_ages,  # round 41
        approximate_ages,  # round 42
        addressee_openings,  # round 47
        smile_named_practices,  # round 48
        listed_surnames_first,  # round 49
        field_surnames_first,  # round 55
        building_addresses,  # round 56
        welsh_mutated_places,  # round 59
        dates_before_birth_cues,  # context probes (twenty-second session)
        map_references,  # round 50
        lone_ages,  # round 50
        named_places_of_learning,  # round 61
        student_health,  # round 61
        body_regions,  # round 63
        custody_settings,  # round 64
        kind_first_practices,  # round 65
        town_services,  # round 66
        eircodes,  # round 67
        possessives_without_apostrophe,  # round 69
        council_areas,  # round 71
        capital_surnames_first,  # round 72
        named_hotels,  # round 77
        place_named_teams,  # round 78
        hashtag_places,  # round 79
        self_introductions,  # round 79
        place_named_urgent_care,  # round 80
        lower_case_schools,  # round 81
        article_free_centres,  # round 83
        carers_organisations,  # round 86
        care_institutes,  # round 89
        family_hubs,  # round 90
        royal_possessives,  # round 91
        dotted_initials,  # round 91
        capital_pairs_before_fields,  # round 91
        bed_board_names,  # round 92
        service_hubs,  # round 93
        clinic_list_rows,  # round 93
        passwords,  # round 93
        capital_full_names,  # round 95
        private_hospitals,  # round 96
        sexual_and_gender_services,  # round 97
        headerless_record_rows,  # round 97
        named_mental_health_teams,  # rounds 100 and 101
        surname_comma_initials,  # round 102
        officer_numbers,  # round 98
        specialty_numbered_wards,  # round 98
    ):
        found.extend(detector(text))
    return found
