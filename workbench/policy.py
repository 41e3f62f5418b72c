"""One access policy for every route: deny by default.

Each view declares who may use it with `@roles(...)` or `@public`. A request to a view that
declares nothing is refused, so a new route cannot be left open by mistake. Anonymous users
are sent to log in; signed-in users with the wrong role get 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user

F = TypeVar("F", bound=Callable)
PUBLIC = "public"
STAFF = ("gatherer", "analyst", "planner", "admin", "safeguarding")


def roles(*allowed: str) -> Callable[[F], F]:
    """Allow only signed-in users with one of these roles."""

    def mark(view: F) -> F:
        view.allowed_roles = frozenset(allowed)  # type: ignore[attr-defined]
        return view

    return mark


def public(view: F) -> F:
    """Allow anyone, signed in or not (storyteller pages, login)."""
    view.allowed_roles = PUBLIC  # type: ignore[attr-defined]
    return view


def allowed_roles(endpoint: str | None) -> frozenset[str] | str | None:
    """What a view declared, or None when it declared nothing (and so is refused)."""
    if endpoint is None:
        return None
    if endpoint == "static":
        return PUBLIC
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "allowed_roles", None)


def enforce() -> None:
    """The before_request hook that applies the policy."""
    if request.endpoint is None:
        return  # Flask will answer 404/405 itself.
    allowed = allowed_roles(request.endpoint)
    if allowed == PUBLIC:
        return
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    if allowed is None or current_user.role not in allowed:
        from plumbing import audit
        from workbench.web import get_db

        audit.record(get_db(), current_user.actor, "denied", "endpoint", request.endpoint)
        abort(403)
    if current_user.must_change_password and request.endpoint not in {
        "auth.change_password",
        "auth.logout",
    }:
        return redirect(url_for("auth.change_password"))
