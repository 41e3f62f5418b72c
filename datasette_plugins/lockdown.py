"""What the public Datasette refuses beyond its settings: arbitrary SQL, `_where`, debugging and
introspection endpoints, and database downloads.

Datasette's settings already switch SQL and downloads off; this is a second, independent wall
that refuses by allow-list, so an endpoint added by a future Datasette is closed until opened.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

# Paths under /-/ that planners need: Datasette's and plugins' static files, and our pages.
ALLOWED_SPECIAL_PREFIXES = ("/-/static/", "/-/static-plugins/", "/-/planner/")
REFUSED_PARAMETERS = frozenset({"sql", "_where", "_context", "_trace", "_stream"})


def refusal(path: str, query_string: str) -> str | None:
    """Why a request is refused, or None if it may go on to Datasette."""
    if path.startswith("/-/") and not path.startswith(ALLOWED_SPECIAL_PREFIXES):
        return "This page is not available on the published site."
    if path.endswith(".db") or path.startswith("/_internal"):
        return "Downloading the database is not available; use the JSON or CSV of each table."
    parameters = {key for key, _ in parse_qsl(query_string, keep_blank_values=True)}
    if parameters & REFUSED_PARAMETERS:
        return "Custom queries are switched off; use the filters and the saved queries."
    return None


def refusing(app):
    """ASGI middleware answering 403 for anything `refusal` names, before Datasette sees it."""

    async def wrapped(scope, receive, send):
        if scope["type"] == "http":
            query = scope.get("query_string", b"").decode("latin-1")
            reason = refusal(scope.get("path", ""), query)
            if reason is not None:
                body = reason.encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 403,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return wrapped
