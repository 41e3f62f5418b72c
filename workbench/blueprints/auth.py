"""Log in, log out, and change the one-time password."""

import hashlib

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user

from plumbing import audit
from workbench import accounts
from workbench.extensions import limiter
from workbench.forms import ChangePasswordForm, LoginForm
from workbench.policy import STAFF, public, roles
from workbench.web import get_db

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config.get("LOGIN_RATE_LIMIT", "10 per minute")


def _login_account_limit() -> str:
    return current_app.config.get("LOGIN_ACCOUNT_RATE_LIMIT", "5 per 15 minutes; 20 per day")


def _account_key() -> str:
    """The account tried and the client trying it: one client guessing one account's password
    backs off, while the account's owner, from their own address, still logs in."""
    # Hashed: someone who types their password into the name field must not find it kept in
    # the counters file.
    username = request.form.get("username", "").strip().lower()[:150]
    digest = hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"login:{digest}@{get_remote_address()}"


def _failed(response: Response) -> bool:
    return response.status_code == 401


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_account_limit, key_func=_account_key, methods=["POST"], deduct_when=_failed)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        db = get_db()
        user = accounts.authenticate(db, form.username.data, form.password.data)
        if user is None:
            audit.record(db, "anonymous", "login_failed", "user", None)
            flash("That username and password do not match an active account.", "error")
            return render_template("auth/login.html", form=form), 401
        # A new session at login: nothing from before carries over.
        session.clear()
        session["sid"] = accounts.start_session(db, user.id)
        session.permanent = True
        login_user(user)
        audit.record(db, user.actor, "login", "user", user.id)
        if user.must_change_password:
            return redirect(url_for("auth.change_password"))
        return redirect(url_for("dashboard.index"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@roles(*STAFF)
def logout():
    db = get_db()
    audit.record(db, current_user.actor, "logout", "user", current_user.id)
    accounts.end_session(db, session.get("sid"))
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@roles(*STAFF)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            accounts.change_password(
                db, current_user, form.current.data, form.new.data, keep_session=session.get("sid")
            )
        except accounts.AccountError as error:
            flash(str(error), "error")
            return render_template("auth/change_password.html", form=form), 400
        audit.record(db, current_user.actor, "password_changed", "user", current_user.id)
        flash("Password changed. Any other place you were signed in is now signed out.", "info")
        return redirect(url_for("dashboard.index"))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/change_password.html", form=form), status
