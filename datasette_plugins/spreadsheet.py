"""CSV from the published site that a spreadsheet will not run as a formula.

A published value opening with = + - @ (a theme label, a quote, an owner's name) would reach
Datasette's CSV as it is, and a spreadsheet opening that file runs it. Every CSV response is
rewritten with such cells quoted by a leading apostrophe, the rule the app's own exports follow
(`workbench/feedback/qdpx.py::spreadsheet_safe`; this plugin imports nothing from the app). JSON
and HTML keep the value exactly as published.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qsl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def safe_cell(text: str) -> str:
    """The cell with a leading apostrophe if a spreadsheet would read it as a formula; plain
    numbers (a negative count) stay numbers."""
    if text[:1] in FORMULA_STARTS and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_csv(body: bytes) -> bytes:
    """A CSV document (UTF-8, as Datasette writes it) with every cell made `safe_cell`."""
    rows = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def is_csv(path: str, query_string: str) -> bool:
    """Whether Datasette answers this request with CSV."""
    formats = {value for key, value in parse_qsl(query_string) if key == "_format"}
    return path.endswith(".csv") or "csv" in formats


def neutralising(app):
    """ASGI middleware that holds back a CSV response and sends it made safe."""

    async def wrapped(scope, receive, send):
        query = scope.get("query_string", b"").decode("latin-1")
        if scope["type"] != "http" or not is_csv(scope.get("path", ""), query):
            await app(scope, receive, send)
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def holding(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            if start.get("status") == 200:
                body = safe_csv(body)
            headers = [
                (k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"
            ]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await app(scope, receive, holding)

    return wrapped
