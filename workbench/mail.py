"""The one mail path: every email Story Workbench sends (updates to storytellers, alerts to the
safeguarding lead) leaves through an SMTP connection opened here, from `WORKBENCH_SMTP_URL`.

`smtp_url` is smtp://[user:password@]host:port (or smtps://, or smtp+starttls://). A server
that cannot be reached raises OSError; one that refuses raises smtplib.SMTPException. Callers
record the failure's type only, never its message, which may echo an address.
"""

from __future__ import annotations

import smtplib
from urllib.parse import unquote, urlsplit

SMTP_TIMEOUT_SECONDS = 15
# What a caller catches to record "not sent, try again": unreachable, refused or cut off.
SEND_ERRORS = (OSError, smtplib.SMTPException)


def connect(smtp_url: str) -> smtplib.SMTP:
    """An open, logged-in SMTP connection to the server `smtp_url` names."""
    url = urlsplit(smtp_url)
    if url.scheme not in ("smtp", "smtps", "smtp+starttls") or not url.hostname:
        raise ValueError("WORKBENCH_SMTP_URL must look like smtp://host:port")
    if url.scheme == "smtps":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            url.hostname, url.port or 465, timeout=SMTP_TIMEOUT_SECONDS
        )
    else:
        smtp = smtplib.SMTP(url.hostname, url.port or 25, timeout=SMTP_TIMEOUT_SECONDS)
        if url.scheme == "smtp+starttls":
            smtp.starttls()
    if url.username:
        smtp.login(unquote(url.username), unquote(url.password or ""))
    return smtp
