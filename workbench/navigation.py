"""The main menu, grouped by the work people do: Gather, Review, Publish and Admin, with
the dashboard and the safeguarding queue on their own. Each entry appears only for roles
its view allows; a group left with one entry for someone is shown as that plain link, and
a group left with none is not shown. Some entries have a count beside them (a badge) that
the area registers with `add_badge`; a closed group shows its entries' counts too.

Groups open as disclosure menus (`<details>`), which work from the keyboard and with screen
readers without any script.
"""

from collections.abc import Callable

from flask import Flask, request, url_for
from flask_login import current_user

from workbench.policy import PUBLIC

MENU: tuple[tuple[str | None, tuple[tuple[str, str], ...]], ...] = (
    (None, (("dashboard.index", "Dashboard"),)),
    (
        "Gather",
        (
            ("capture.activities", "Activities"),
            ("capture.new_story", "Record a story"),
            ("capture.find_story", "Find a story"),
            ("capture.import_stories", "Import"),
        ),
    ),
    (
        "Review",
        (
            ("checks.queue", "Check anonymisation"),
            ("review.themes", "Themes"),
            ("tags.index", "Priorities"),
        ),
    ),
    (
        "Publish",
        (
            ("publishing.index", "Publishing"),
            ("feedback.action_list", "You said, we did"),
            ("feedback.reach_index", "Reach"),
            ("feedback.outbox_page", "Updates"),
        ),
    ),
    (None, (("safeguarding.queue", "Safeguarding"),)),
    ("Admin", (("admin.users", "Accounts"), ("admin.audit_log", "Audit log"))),
)
# Roles whose menu ends with a link to the published site (it lives outside the app).
PUBLISHED_SITE_READERS = ("planner", "analyst", "admin")


def add_badge(app: Flask, endpoint: str, count: Callable[[], int], meaning: str) -> None:
    """Show `count()` beside the menu entry for `endpoint` when it is not zero, to those who
    see the entry; `meaning` says what it counts, for screen readers."""
    app.extensions.setdefault("nav_badges", {})[endpoint] = (count, meaning)


def _entry(app: Flask, endpoint: str, label: str) -> dict | None:
    """The menu entry for `endpoint`, or None when the signed-in user may not use it."""
    view = app.view_functions.get(endpoint)
    allowed = getattr(view, "allowed_roles", None)
    if view is None or allowed is None:
        return None
    if allowed != PUBLIC and current_user.role not in allowed:
        return None
    item = {"url": url_for(endpoint), "label": label, "current": request.endpoint == endpoint}
    badges = app.extensions.get("nav_badges", {})
    if endpoint in badges:
        count, meaning = badges[endpoint]
        item |= {"badge": count(), "badge_meaning": meaning}
    return item


def menu_for_user(app: Flask) -> list[dict]:
    """The signed-in user's menu: each element is a link (`url`, `label`, `current`, maybe
    `badge`) or a group (`label`, `entries`, `current`, `badge`)."""
    menu = []
    for group, entries in MENU:
        items = [e for e in (_entry(app, *entry) for entry in entries) if e is not None]
        if group is None or len(items) == 1:
            menu += items
        elif items:
            menu.append(
                {
                    "label": group,
                    "entries": items,
                    "current": any(i["current"] for i in items),
                    "badge": sum(i.get("badge") or 0 for i in items),
                    "badge_meaning": "; ".join(i["badge_meaning"] for i in items if i.get("badge")),
                }
            )
    return menu


def register_navigation(app: Flask) -> None:
    @app.context_processor
    def menu():
        def nav_items():
            items = menu_for_user(app)
            if current_user.is_authenticated and current_user.role in PUBLISHED_SITE_READERS:
                # Planners read published material on the published site, outside the app:
                # the link ends the Publish group (or the menu, for a role without one).
                link = {
                    "url": app.config["PUBLISHED_SITE_URL"],
                    "label": "Published site",
                    "current": False,
                }
                group = next((i for i in items if i.get("label") == "Publish"), None)
                if group is not None and "entries" in group:
                    group["entries"].append(link)
                else:
                    items.append(link)
            return items

        return {"nav_items": nav_items}
