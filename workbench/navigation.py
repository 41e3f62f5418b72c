"""The main menu: each entry appears only for roles its view allows, some with a count beside
them (a badge) that the area registers with `add_badge`."""

from collections.abc import Callable

from flask import Flask, url_for
from flask_login import current_user

from workbench.policy import PUBLIC

MENU = (
    ("dashboard.index", "Dashboard"),
    ("capture.activities", "Activities"),
    ("capture.new_story", "Record a story"),
    ("capture.find_story", "Find a story"),
    ("capture.import_stories", "Import"),
    ("checks.queue", "Check anonymisation"),
    ("review.themes", "Themes"),
    ("tags.index", "Priorities"),
    ("feedback.action_list", "You said, we did"),
    ("feedback.reach_index", "Reach"),
    ("feedback.outbox_page", "Updates"),
    ("publishing.index", "Publishing"),
    ("safeguarding.queue", "Safeguarding"),
    ("admin.users", "Accounts"),
    ("admin.audit_log", "Audit log"),
)
# Roles whose menu ends with a link to the published site (it lives outside the app).
PUBLISHED_SITE_READERS = ("planner", "analyst", "admin")


def add_badge(app: Flask, endpoint: str, count: Callable[[], int], meaning: str) -> None:
    """Show `count()` beside the menu entry for `endpoint` when it is not zero, to those who
    see the entry; `meaning` says what it counts, for screen readers."""
    app.extensions.setdefault("nav_badges", {})[endpoint] = (count, meaning)


def register_navigation(app: Flask) -> None:
    @app.context_processor
    def menu():
        def nav_items():
            items = []
            badges = app.extensions.get("nav_badges", {})
            for endpoint, label in MENU:
                view = app.view_functions.get(endpoint)
                allowed = getattr(view, "allowed_roles", None)
                if view is None or allowed is None:
                    continue
                if allowed == PUBLIC or current_user.role in allowed:
                    item = {"url": url_for(endpoint), "label": label}
                    if endpoint in badges:
                        count, meaning = badges[endpoint]
                        item |= {"badge": count(), "badge_meaning": meaning}
                    items.append(item)
            if current_user.is_authenticated and current_user.role in PUBLISHED_SITE_READERS:
                # Planners read published material on the published site, not in the app.
                items.append({"url": app.config["PUBLISHED_SITE_URL"], "label": "Published site"})
            return items

        return {"nav_items": nav_items}
