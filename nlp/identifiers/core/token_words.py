"""Word lists that more than one kind of token rule reads (people, places, care settings)."""

from __future__ import annotations

import re

# The months: a capitalised month is a date, not a name ("May", "June").
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)

# Words that end a care setting's name ("… Surgery", "… Lodge").
CARE_SUFFIX = frozenset(
    """hospital hospitals infirmary surgery hospice practice centre center clinic home ward
    unit wing lodge manor house court grange care dental dentists dentist group
    partnership pharmacy chemist chemists opticians optometrists eyecare""".split()
)

# Words that describe a care setting without naming one ("the local hospital").
GENERIC_CARE = frozenset(
    """local general district community medical dental health care nursing residential gp
    nhs mental private city county university teaching children childrens women womens
    new old main big small nearest nearby same other previous usual the a my our his her their
    emergency urgent day maternity psychiatric acute cottage family eye cancer heart knee hip
    back brain spinal keyhole cataract bypass major minor open bariatric cosmetic weight loss
    specialist rehab rehabilitation stroke surgical elderly side busy mixed respite dementia
    assessment admissions discharge treatment walk-in walk in out hours covid royal this that
    every each another first second third nursery home group joint further vet vets animal
    doctor doctors gp's foot eye ear throat nose wrong cardiology oncology neurology renal
    orthopaedic orthopaedics orthopedic respiratory paediatric paediatrics neonatal haematology
    gynaecology urology dermatology ophthalmology radiology fracture endoscopy outpatient
    outpatients inpatient coronary critical intensive dependency burns liver diabetes diabetic
    breast chest kidney sexual fertility memory pain sleep baby birth labour antenatal
    postnatal delivery recovery theatre theatres x-ray scan welsh english scottish irish
    british""".split()
)

STREET_WORDS = frozenset(
    """road street lane avenue close drive crescent grove gardens terrace way place park hill
    view rise green square row walk""".split()
)

# Verbs a person does, after which a capitalised word is a person, not a place.
PERSON_VERBS = frozenset(
    """said says told tells asked asks explained explains introduced came come rang phoned
    called helped listened gave made took sat spoke smiled laughed apologised reassured
    who""".split()
)

# Words of hospital care near a short name that say it is a care setting ("admitted to the
# Vic", "on Ward 3"); read by the care-setting, place and name rules alike.
CARE_NEAR = re.compile(
    r"\b(?:ward|wards|bed|beds|admitted|admission|discharged?|moved|transferred|nurses?|"
    r"hospital|consultant|doctors?|a&e|surgery|operation|scan|theatre|physio|sister|"
    r"patients?|visiting|infirmary|unit|stroke|fall|fell|seizure|sepsis|transfer|appointment|"
    r"clinic|scope|endoscopy|referral|referred|waiting\s+list|x-?ray|bloods|op|baby|labour|"
    r"midwife|midwives|chemo)\b",
    re.IGNORECASE,
)

# Initials ending in H or I that are conditions, tests, drugs or paperwork, not hospitals.
NOT_HOSPITAL_INITIALS = frozenset(
    """MRI UTI BMI PPI TCI AKI ABI TBI RTI LRTI URTI SSI HAI CAUTI ICH SAH PPH BPH DGH OOH LMWH
    UFH DOH DOI FOI ROI KPI API CPI CHI NHSI""".split()
)
