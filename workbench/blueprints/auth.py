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


def _login_any_address_limit() -> str:
    return current_app.config.get("LOGIN_ACCOUNT_ANY_ADDRESS_RATE_LIMIT", "30 per hour")


def _password_change_limit() -> str:
    return current_app.config.get("PASSWORD_CHANGE_RATE_LIMIT", "5 per 15 minutes; 20 per day")


def _username_digest() -> str:
    # Hashed: someone who types their password into the name field must not find it kept in
    # the counters file.
    username = request.form.get("username", "").strip().lower()[:150]
    return hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _account_key() -> str:
    """The account tried and the client trying it: one client guessing one account's password
    backs off, while the account's owner, from their own address, still logs in."""
    return f"login:{_username_digest()}@{get_remote_address()}"


def _account_any_address_key() -> str:
    """The account tried, from any address: guesses spread over many addresses (probing used
    25) still back off, at a looser limit, so one client cannot lock its owner out quickly."""
    return f"login:{_username_digest()}"


def _failed(response: Response) -> bool:
    return response.status_code == 401


def _password_change_key() -> str:
    return f"password:{current_user.id}"


def _refused(response: Response) -> bool:
    return response.status_code == 400


@bp.route("/login", methods=["GET", "POST"])
@public
# Per address only failed tries count: staff logging in one after another from a shared
# office address were refused after ten (found by probing).
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_account_limit, key_func=_account_key, methods=["POST"], deduct_when=_failed)
@limiter.limit(
    _login_any_address_limit,
    key_func=_account_any_address_key,
    methods=["POST"],
    deduct_when=_failed,
)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        db = get_db()
        user = accounts.authenticate(db, form.username.data, form.password.data)
        if user is None:
            # Which account (only if the name is one: a password typed into the name field
            # is never kept) and from where, so a lead can see guessing.
            tried = accounts.get_by_username(db, form.username.data or "")
            audit.record(
                db,
                "anonymous",
                "login_failed",
                "user",
                tried.id if tried else None,
                f"address={get_remote_address()}",
            )
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
# Guessing the current password from an open session (an unattended computer) backs off, and
# every refusal is audited (found by probing: 30 guesses in 0.6 s, none recorded).
@limiter.limit(
    _password_change_limit, key_func=_password_change_key, methods=["POST"], deduct_when=_refused
)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            accounts.change_password(
                db, current_user, form.current.data, form.new.data, keep_session=session.get("sid")
            )
        except accounts.AccountError as error:
            audit.record(db, current_user.actor, "password_change_refused", "user", current_user.id)
            flash(str(error), "error")
            return render_template("auth/change_password.html", form=form), 400
        audit.record(db, current_user.actor, "password_changed", "user", current_user.id)
        flash("Password changed. Any other place you were signed in is now signed out.", "info")
        return redirect(url_for("dashboard.index"))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/change_password.html", form=form), status
