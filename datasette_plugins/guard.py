"""What every response of the published site carries, and what no request brings into it.

Why: the published site is public, and in development (`make run`) it shares a host with the
staff app, whose session cookie the browser then sends it. Datasette needs no cookie (it is
read-only, with no accounts), so none reaches it; and every page gets the same browser
protections as the staff app: a content security policy with no inline script, no framing,
no content sniffing, no referrer.
"""

from __future__ import annotations

# Datasette's own templates carry `style` attributes and a <style> block, so inline styles
# stay; the planner templates move Datasette's two inline scripts into static files.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-frame-options": b"DENY",
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
}
# Request headers that never reach Datasette: staff credentials sent by the browser.
DROPPED = frozenset({b"cookie", b"authorization"})


def guarding(app):
    """ASGI middleware: drop cookies from each request, add `HEADERS` to each response."""

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in DROPPED]
        scope = {**scope, "headers": headers}

        async def sending(message):
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in HEADERS]
                message = {**message, "headers": kept + list(HEADERS.items())}
            await send(message)

        await app(scope, receive, sending)

    return wrapped
