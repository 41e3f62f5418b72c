"""The words of clinical care, and conditions named after the people who described them, taken
for a person (issue 20, round 47).

Diaries of long illness, case notes and letters open a line or a sentence with the word of a
treatment, a test, a specialty or a symptom ("Tues. Dialysis again", "Spirometry was booked",
"Cannula in at the fourth go", "Fatigue hits by noon", "a letter from Podiatry"), and
the capitals rule, finding the capitalised word in no list of common English, took it for a
person in seventeen development sets by different writers. No one is called by these words; a
word here is still a name after a title ("Dr Doppler"), and a word any first-name list holds is
left out of the list.

A condition or a fracture named after the doctor who described it ("Batten disease", "Duchenne
muscular dystrophy", "Ehlers-Danlos syndrome", "Dupuytren's contracture", "a Colles' fracture",
"Wilms' tumour") was taken for a person too, in seven sets; no writer marks one. Round 42 drops
the maker of a model or score ("Waterlow score"); here a found person right before a
condition's word is the condition's name: written without a possessive whatever the word, and
with one only when the word is no first name ("Amy's fracture" stays Amy). A condition that
joins two or three names with hyphens ("Wolff-Parkinson-White") is its name wherever it stands.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.look_alikes.shared_word_guesses import TITLE_BEFORE

CLINICAL_WORDS = frozenset(
    (
        # treatments, procedures and tests
        "dialysis haemodialysis hemodialysis spirometry triage cannula cannulas cannulation "
        "catheter catheters biopsy colonoscopy endoscopy gastroscopy bronchoscopy cystoscopy "
        "angiogram angiography angioplasty ablation echocardiogram mammogram doppler "
        "phlebotomy urinalysis sutures dressings injections immunisations immunizations "
        "immunisation vaccinations chemotherapy chemo radiotherapy immunotherapy "
        "hydrotherapy transfusion transfusions intubation tracheostomy colostomy ileostomy "
        "amputation anaesthetic anaesthesia sedation nebuliser nebulisers inhalers tablets "
        "meds medication medications prescriptions lucozade glucogel "
        # specialties and services
        "psychiatry geriatrics gynae gynaecology obstetrics paediatrics paeds orthopaedics "
        "orthotics cardiology oncology haematology neurology urology dermatology rheumatology "
        "nephrology gastroenterology audiology ophthalmology podiatry chiropody radiology "
        "endocrinology anaesthetics dietetics reablement telecare telehealth "
        # symptoms, findings and conditions
        "fatigue breathless breathlessness sputum phlegm nausea vomiting diarrhoea "
        "constipation incontinence dizziness vertigo tinnitus bruise bruising bruises oedema "
        "headache headaches migraine migraines seizure seizures delirium sepsis urosepsis "
        "pneumonia cellulitis lupus anaemia angina arrhythmia psoriasis eczema osteoporosis "
        "hypoglycaemia hyperglycaemia jaundice insomnia psychosis stillborn stillbirth "
        "miscarriage caesarean sciatica glaucoma cataracts scoliosis fibromyalgia "
        "endometriosis parkinsonism "
        # round 59: a diagnosis by its initials, in capitals ("He'd had an MI", "a CVA")
        "mi cva stemi nstemi dvt "
        # round 85: risk scores by their devisers' names ("Waterlow 22", "the Waterlow chart")
        "waterlow braden barthel apgar"
    ).split()
)
# Round 59: how often a medicine is taken, after "MR" (modified release), which the title rule
# read as "Mr" ("Nitrofurantoin 100mg MR BD x3 days"; two development sets by different
# writers, v68 and v69).
DOSING = frozenset("bd tds qds od om on prn nocte mane stat bid tid qid".split())

# "Dupuytren's contracture", "Batten disease", "Duchenne muscular dystrophy", "Wilms' tumour";
# round 82: a scheme named after the man it was written for, "the Herbert Protocol" (the
# police's form for people with dementia who go missing; never marked, in six sets).
CONDITION_AFTER = re.compile(
    r"(?P<possessive>['’]s?)?[ \t]+(?:(?i:muscular)[ \t]+)?(?i:syndrome|disease|palsy|"
    r"contracture|fracture|encephalopathy|tumou?r|dystrophy|nephropathy|sarcoma|lymphoma|"
    r"disorder|phenomenon|neuralgia|neuroma|protocol)\b"
)
JOINED_EPONYMS = frozenset(
    """ehlers-danlos wolff-parkinson-white guillain-barré guillain-barre creutzfeldt-jakob
    charcot-marie-tooth prader-willi tay-sachs niemann-pick osgood-schlatter arnold-chiari
    legg-calvé-perthes legg-calve-perthes""".split()
)
GUESSES = frozenset(("capitals", "ner", "name_gazetteer", "role_cue", "sign_off", "repeat"))
# Round 85: a wound's dead tissue, "slough", is also a town. In a wound's note it is told as a
# share of the wound bed ("Slough 33%", "SLOUGH 13%") or after the wound's own words ("Wound:
# slough, no exposed bone"); taken for the town four times in v104 and v120, never marked.
WOUND_TISSUE_PLACES = frozenset({"slough"})
SHARE_AFTER = re.compile(r"[ \t]*:?[ \t]*\d{1,3}(?:\.\d)?[ \t]*%")
WOUND_BEFORE = re.compile(
    r"\b(?i:wound|wound[ \t]+bed|exudate|granulation|periwound|necrotic|eschar)\b[^.\n]{0,30}$"
)


def _condition_name(text: str, f: Finding, value: str) -> bool:
    if value.lower() in JOINED_EPONYMS:
        return True
    m = CONDITION_AFTER.match(text, f.end)
    if m is None:
        return False
    return not m.group("possessive") or value.split()[-1].lower() not in gazetteer().first_names


def _clinical_word(text: str, f: Finding, value: str) -> bool:
    if not all(w in CLINICAL_WORDS for w in value.lower().split()):
        return False
    return not TITLE_BEFORE.search(text, max(0, f.start - 24), f.start)


def _wound_tissue(text: str, f: Finding) -> bool:
    """ "Slough 33%", "Wound: slough": the wound's tissue, not the town."""
    if text[f.start : f.end].lower() not in WOUND_TISSUE_PLACES:
        return False
    before = text[max(0, f.start - 40) : f.start]
    return SHARE_AFTER.match(text, f.end) is not None or WOUND_BEFORE.search(before) is not None


def without_clinical_guesses(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the people or places guessed over a word of clinical care
    ("Dialysis", "Spirometry"), and the people over a condition named after its describer
    ("Batten disease")."""
    kept = []
    for f in found:
        if f.source == "title_cue" and text[max(0, f.start - 3) : f.start] == "MR ":
            if text[f.start : f.end].lower() in DOSING:
                continue  # "100mg MR BD": twice a day, modified release
        if f.label == "LOCATION" and _wound_tissue(text, f):
            continue
        if f.label in ("PERSON", "LOCATION") and f.source in GUESSES:
            value = text[f.start : f.end]
            if _clinical_word(text, f, value):
                continue  # the model's place when the person's guess is gone ("Spirometry")
            if f.label == "PERSON" and _condition_name(text, f, value):
                continue
        kept.append(f)
    return kept
