"""Datasette's error pages without its error logging.

Why: Datasette's default handler prints every exception, a 404 included, with `rich` and
`show_locals=True`, which writes the request's headers (cookies among them) and scope to the
server's log. The published site answers with the same pages, and logs only the type of an
unexpected exception.
"""

from __future__ import annotations

import logging

from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError

log = logging.getLogger("datasette_plugins")
GENERIC = "Something went wrong on our side. Please try again later."


def status_and_message(exception: BaseException) -> tuple[int, str, str | None]:
    """The status, the message shown and the title of the page for an exception."""
    if isinstance(exception, Base400):
        return exception.status, str(exception.args[0]) if exception.args else "", None
    if isinstance(exception, DatasetteError) and not exception.message_is_html:
        return exception.status, exception.message, exception.title
    log.error("published site error: %s", type(exception).__name__)
    return 500, GENERIC, None


async def error_response(datasette, request, exception: BaseException) -> Response:
    """The error page (or JSON) Datasette would show, drawn without logging anything else."""
    status, message, title = status_and_message(exception)
    info = {"ok": False, "error": message, "status": status, "title": title}
    if request.path.split("?")[0].endswith(".json"):
        return Response.json(info, status=status)
    template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
    html = await template.render_async(
        dict(
            info,
            urls=datasette.urls,
            app_css_hash=datasette.app_css_hash(),
            menu_links=lambda: [],
        )
    )
    return Response.html(html, status=status)
