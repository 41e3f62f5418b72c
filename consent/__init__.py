"""Consent records, receipts and withdrawal: the promises made to each storyteller.

Other packages call this API, never the consent tables.
"""

from consent.activities import (
    create_activity,
    current_notice,
    get_activity,
    list_activities,
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
    receipt_url,
    receipt_view,
    reissue_secret,
    verify,
)
from consent.retention import apply_retention, due_for_erasure
from consent.withdrawal import WithdrawalResult, register_cleanup, withdraw

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
    "create_activity",
    "current_notice",
    "due_for_erasure",
    "find_by_reference",
    "get_activity",
    "import_csv",
    "list_activities",
    "notice_sections",
    "receipt_url",
    "receipt_view",
    "register_cleanup",
    "reissue_secret",
    "update_activity",
    "verify",
    "withdraw",
]
