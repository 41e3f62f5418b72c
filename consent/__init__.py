"""Consent records, receipts and withdrawal: the promises made to each storyteller.

Other packages call this API, never the consent tables. consent stands on plumbing only: it
imports neither nlp nor the web layer, and learns what later stages keep through the
clean-ups they register for withdrawal.
"""

from consent.activities import (
    create_activity,
    current_notice,
    get_activity,
    list_activities,
    listed_area,
    notice_sections,
    update_activity,
)
from consent.capture import Receipt, capture_story
from consent.errors import ConsentError
from consent.imports import ImportReport, import_csv
from consent.purposes import CHANNELS, EQUALITY_QUESTIONS, METHODS, PURPOSES
from consent.receipts import (
    StoryKey,
    change_consent,
    find_by_reference,
    key_for_reference,
    receipt_record,
    receipt_url,
    reissue_secret,
    verify,
)
from consent.retention import apply_retention, due_for_erasure
from consent.stories import (
    consent_records,
    contact_details,
    contactable,
    equality_answers,
    forget_original,
    granted,
    granted_story_ids,
    original_text,
    original_texts,
    received_at,
    stories_with_original,
    story_facts,
    story_ids,
    withdrawn_references,
)
from consent.withdrawal import (
    WithdrawalResult,
    delete_rows,
    register_cleanup,
    withdraw,
    withdraw_purpose,
)

__all__ = [
    "CHANNELS",
    "EQUALITY_QUESTIONS",
    "METHODS",
    "PURPOSES",
    "ConsentError",
    "ImportReport",
    "Receipt",
    "StoryKey",
    "WithdrawalResult",
    "apply_retention",
    "capture_story",
    "change_consent",
    "consent_records",
    "contact_details",
    "contactable",
    "create_activity",
    "current_notice",
    "delete_rows",
    "due_for_erasure",
    "equality_answers",
    "find_by_reference",
    "forget_original",
    "get_activity",
    "granted",
    "granted_story_ids",
    "import_csv",
    "key_for_reference",
    "list_activities",
    "listed_area",
    "notice_sections",
    "original_text",
    "original_texts",
    "receipt_record",
    "received_at",
    "receipt_url",
    "register_cleanup",
    "reissue_secret",
    "stories_with_original",
    "story_facts",
    "story_ids",
    "update_activity",
    "verify",
    "withdraw",
    "withdraw_purpose",
    "withdrawn_references",
]
