"""Forms for accounts. Validation lives here, not in views."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from workbench.accounts import MIN_PASSWORD_LENGTH, ROLES
from workbench.passwords import MAX_LENGTH


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current or one-time password", validators=[DataRequired()])
    new = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=MAX_LENGTH)],
    )
    confirm = PasswordField(
        "New password again", validators=[DataRequired(), EqualTo("new", "Passwords differ")]
    )


class CreateUserForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[DataRequired(), Length(max=64), Regexp(r"^[A-Za-z0-9._-]+$")],
    )
    role = SelectField("Role", choices=[(r, r.capitalize()) for r in ROLES])


class AccountActionForm(FlaskForm):
    """A button on one account's row (deactivate, reactivate, reset the password): the form
    carries only the CSRF token and which action; the account is in the URL."""

    action = HiddenField()


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=[(r, r.capitalize()) for r in ROLES])
