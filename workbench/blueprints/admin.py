"""Administration: accounts and the audit log."""

from flask import Blueprint, flash, render_template
from flask_login import current_user

from plumbing import audit
from workbench import accounts
from workbench.forms import CreateUserForm
from workbench.policy import roles
from workbench.web import get_db

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users", methods=["GET", "POST"])
@roles("admin")
def users():
    db = get_db()
    form = CreateUserForm()
    issued = None
    status = 200
    if form.validate_on_submit():
        try:
            user, password = accounts.create_user(db, form.username.data, form.role.data)
        except accounts.AccountError as error:
            flash(str(error), "error")
            status = 400
        else:
            audit.record(db, current_user.actor, "user_created", "user", user.id, user.role)
            issued = (user.username, password)
    elif form.is_submitted():
        status = 400
    listed = accounts.list_users(db)
    return render_template("admin/users.html", form=form, users=listed, issued=issued), status


@bp.route("/audit")
@roles("admin")
def audit_log():
    return render_template("admin/audit.html", events=audit.recent(get_db(), 200))
