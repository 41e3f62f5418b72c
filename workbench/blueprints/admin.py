"""Administration: accounts (create, deactivate, reactivate, reset a password, change a role)
and the audit log. Every change is audited with who made it."""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_login import current_user

from plumbing import audit
from workbench import accounts, audit_pages
from workbench.forms import AccountActionForm, AuditSearchForm, CreateUserForm, RoleForm
from workbench.policy import roles
from workbench.web import get_db

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _users_page(form: CreateUserForm, issued=None, status: int = 200):
    listed = accounts.list_users(get_db())
    return render_template(
        "admin/users.html", form=form, users=listed, issued=issued, roles=accounts.ROLES
    ), status


@bp.route("/users", methods=["GET", "POST"])
@roles("admin")
def users():
    db = get_db()
    form = CreateUserForm()
    if form.validate_on_submit():
        try:
            user, password = accounts.create_user(db, form.username.data, form.role.data)
        except accounts.AccountError as error:
            flash(str(error), "error")
            return _users_page(form, status=400)
        audit.record(db, current_user.actor, "user_created", "user", user.id, user.role)
        return _users_page(CreateUserForm(formdata=None), issued=(user.username, password, "new"))
    return _users_page(form, status=400 if form.is_submitted() else 200)


def _account(user_id: int) -> accounts.User:
    user = accounts.get(get_db(), user_id)
    if user is None:
        abort(404)
    return user


def _confirm(user: accounts.User, action: str):
    """Ask before an action that locks someone out: one mis-click on a long list of accounts
    should not end a colleague's sessions in the middle of their work."""
    target = "admin.set_active" if action == "deactivate" else "admin.reset_password"
    return render_template(
        "admin/confirm.html", user=user, action=action, target=url_for(target, user_id=user.id)
    )


def _back_to_accounts(user: accounts.User):
    return redirect(url_for("admin.users", _anchor=f"user-{user.id}"))


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@roles("admin")
def set_active(user_id: int):
    """Deactivate or reactivate, as the button pressed says."""
    user = _account(user_id)
    form = AccountActionForm()
    if not form.validate_on_submit() or form.action.data not in ("deactivate", "reactivate"):
        abort(400)
    active = form.action.data == "reactivate"
    if not active and form.confirmed.data != "yes":
        return _confirm(user, "deactivate")
    db = get_db()
    try:
        accounts.set_active(db, user, active, by=current_user)
    except accounts.AccountError as error:
        flash(str(error), "error")
        return _back_to_accounts(user)
    action = "user_reactivated" if active else "user_deactivated"
    audit.record(db, current_user.actor, action, "user", user.id)
    if active:
        flash(f"Saved: {user.username} can log in again.", "info")
    else:
        flash(f"Saved: {user.username} is deactivated and signed out everywhere.", "info")
    return _back_to_accounts(user)


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@roles("admin")
def reset_password(user_id: int):
    """A new one-time password, shown once on the page (never put in a message or URL)."""
    user = _account(user_id)
    form = AccountActionForm()
    if not form.validate_on_submit() or form.action.data != "reset":
        abort(400)
    if form.confirmed.data != "yes":
        return _confirm(user, "reset")
    db = get_db()
    password = accounts.reset_password_of(db, user)
    audit.record(db, current_user.actor, "password_reset", "user", user.id)
    return _users_page(CreateUserForm(formdata=None), issued=(user.username, password, "reset"))


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@roles("admin")
def set_role(user_id: int):
    user = _account(user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        flash("Choose one of the roles listed.", "error")
        return _back_to_accounts(user)
    db = get_db()
    try:
        accounts.set_role(db, user, form.role.data, by=current_user)
    except accounts.AccountError as error:
        flash(str(error), "error")
        return _back_to_accounts(user)
    audit.record(
        db, current_user.actor, "role_changed", "user", user.id, f"{user.role}->{form.role.data}"
    )
    flash(f"Saved: {user.username} is now {form.role.data}.", "info")
    return _back_to_accounts(user)


def _audit_search():
    """The search form from the query string, and the search it asks for (None when the form
    has errors, which the page then shows)."""
    db = get_db()
    form = AuditSearchForm(request.args)
    audit_pages.fill_choices(db, form)
    if request.args and not form.validate():
        return form, None
    return form, audit_pages.search_from(db, form, current_app.config["BABEL_DEFAULT_TIMEZONE"])


@bp.route("/audit")
@roles("admin")
def audit_log():
    """The newest matching events, a page at a time (older pages by `before`, an event id)."""
    form, search = _audit_search()
    if search is None:
        return render_template("admin/audit.html", form=form, events=[], older=None), 400
    before = request.args.get("before", type=int)
    db = get_db()
    page = audit.search(db, search, before_id=before, limit=audit_pages.PAGE_SIZE + 1)
    events = list(audit_pages.described(db, page[: audit_pages.PAGE_SIZE]))
    filters = {k: v for k, v in request.args.items() if k != "before" and v}
    older = None
    if len(page) > audit_pages.PAGE_SIZE:
        older = url_for("admin.audit_log", **filters, before=events[-1]["id"])
    return render_template(
        "admin/audit.html",
        form=form,
        events=events,
        older=older,
        newest=url_for("admin.audit_log", **filters) if before else None,
        export=url_for("admin.audit_csv", **filters),
    )


@bp.route("/audit.csv")
@roles("admin")
def audit_csv():
    """Every matching event as CSV (not only a page of them); exporting is audited too."""
    form, search = _audit_search()
    if search is None:
        abort(400)
    db = get_db()
    audit.record(db, current_user.actor, "audit_exported", "audit_log", None)
    return Response(
        stream_with_context(audit_pages.csv_lines(db, search)),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'},
    )
