"""The planner plugin: Datasette hooks, each a thin call into a plain function.

Loaded through the `datasette` entry point in pyproject.toml, so the `datasette` that
`workbench serve-published` starts always has it.
"""

from __future__ import annotations

from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response, asgi_static
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from datasette_plugins import errors, guard, lockdown, pages, spreadsheet, swap

HERE = Path(__file__).parent
PREFIX = "/-/planner"
# Actions nobody on the public site may take, whatever the settings or metadata say.
DENIED_ACTIONS = frozenset({"execute-sql", "permissions-debug", "debug-menu"})


@hookimpl
def startup(datasette):
    swap.follow_replaced_files(datasette)


@hookimpl
def asgi_wrapper():
    # The guard outermost, so refusals get the security headers too.
    return lambda app: guard.guarding(lockdown.refusing(spreadsheet.neutralising(app)))


@hookimpl(wrapper=True)
def handle_exception(datasette, request, exception):
    # Every handler's answer is replaced by ours, unawaited: Datasette's default would print
    # the exception with its locals (the request's headers among them) to the log.
    yield

    async def quiet():
        return await errors.error_response(datasette, request, exception)

    return [quiet]


@hookimpl
def permission_allowed(action):
    if action in DENIED_ACTIONS:
        return False
    return None


@hookimpl
def prepare_jinja2_environment(env):
    # Our templates first, so `_footer.html` here adds the accessibility link on every page.
    env.loader = ChoiceLoader([FileSystemLoader(str(HERE / "templates")), env.loader])


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path(f"{PREFIX}/static/planner.css")]


@hookimpl
def extra_template_vars(datasette):
    return {
        "planner_home": datasette.urls.path("/"),
        "accessibility_url": datasette.urls.path(f"{PREFIX}/accessibility"),
    }


@hookimpl
def render_cell(row, value, column, table, datasette):
    return theme_link(row, value, column, table, datasette.urls.path(f"{PREFIX}/theme/"))


def theme_link(row, value, column: str, table: str | None, theme_url: str) -> Markup | None:
    """Link a theme's label in the themes table to its planner page; None leaves the cell."""
    if table == "themes" and column == "label" and isinstance(row["id"], int):
        return Markup(f'<a href="{escape(theme_url)}{row["id"]}">{escape(value)}</a>')
    return None


@hookimpl
def register_routes():
    return [
        (r"^/$", home),
        (rf"^{PREFIX}/theme/(?P<theme_id>\d+)$", theme),
        (rf"^{PREFIX}/accessibility$", accessibility),
        (rf"^{PREFIX}/static/(?P<path>.*)$", asgi_static(str(HERE / "static"))),
    ]


def published_database(datasette):
    """The served publication: the first database that is not Datasette's own."""
    for name, database in datasette.databases.items():
        if name != "_internal":
            return database
    raise NotFound("No published database is being served")


async def home(datasette, request):
    database = published_database(datasette)
    context = await pages.home_context(database)
    return await _page(datasette, request, "planner_home.html", context, database.name)


async def theme(datasette, request):
    database = published_database(datasette)
    context = await pages.theme_context(database, int(request.url_vars["theme_id"]))
    if context is None:
        raise NotFound("No such theme in this publication")
    return await _page(datasette, request, "planner_theme.html", context, database.name)


async def accessibility(datasette, request):
    database = published_database(datasette)
    return await _page(datasette, request, "planner_accessibility.html", {}, database.name)


async def _page(datasette, request, template: str, context: dict, database_name: str):
    # The footer shows the licence and source from the metadata, as Datasette's pages do.
    html = await datasette.render_template(
        template,
        {**context, "database_name": database_name, "metadata": datasette.metadata()},
        request=request,
    )
    return Response.html(html)
