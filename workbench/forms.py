"""Forms for accounts. Validation lives here, not in views."""

from datetime import date

from wtforms import DateField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp, ValidationError

from consent.references import normalise_reference
from workbench.accounts import MIN_PASSWORD_LENGTH, ROLES
from workbench.form_base import WorkbenchForm
from workbench.passwords import MAX_LENGTH


def _stripped(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class LoginForm(WorkbenchForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])


class ChangePasswordForm(WorkbenchForm):
    current = PasswordField("Current or one-time password", validators=[DataRequired()])
    new = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=MAX_LENGTH)],
    )
    confirm = PasswordField(
        "New password again", validators=[DataRequired(), EqualTo("new", "Passwords differ")]
    )


class CreateUserForm(WorkbenchForm):
    username = StringField(
        "Username",
        validators=[DataRequired(), Length(max=64), Regexp(r"^[A-Za-z0-9._-]+$")],
    )
    role = SelectField("Role", choices=[(r, r.capitalize()) for r in ROLES])


class AccountActionForm(WorkbenchForm):
    """A button on one account's row (deactivate, reactivate, reset the password): the form
    carries only the CSRF token and which action; the account is in the URL. Deactivating and
    resetting ask first: `confirmed` is "yes" only from the confirmation page's button."""

    action = HiddenField()
    confirmed = HiddenField()


class RoleForm(WorkbenchForm):
    role = SelectField("Role", choices=[(r, r.capitalize()) for r in ROLES])


# The days the audit search takes: the log's times are UTC, and a day at either end of the
# calendar (9999-12-31, whose end is in year 10000) cannot be turned into a UTC time at all.
FIRST_SEARCH_DAY = date(1900, 1, 1)
LAST_SEARCH_DAY = date(2999, 12, 31)


def _within_searchable_days(field: DateField) -> None:
    if field.data and not FIRST_SEARCH_DAY <= field.data <= LAST_SEARCH_DAY:
        raise ValidationError("Choose a date between 1 January 1900 and 31 December 2999.")


class AuditSearchForm(WorkbenchForm):
    """Searching the audit log: a GET form (bookmarkable, changes nothing), so no CSRF token.
    The choices of `user` and `action` come from the log itself."""

    class Meta:
        csrf = False

    user = SelectField("Who", choices=[("", "Anyone")], default="")
    action = SelectField("What", choices=[("", "Any action")], default="")
    reference = StringField(
        "Story reference", validators=[Optional(), Length(max=32)], filters=[_stripped]
    )
    since = DateField("From (date)", validators=[Optional()])
    until = DateField("To (date, included)", validators=[Optional()])

    def validate_reference(self, field: StringField) -> None:
        if field.data and normalise_reference(field.data) is None:
            raise ValidationError("A reference looks like SW-7KQ2-M9XD.")

    def validate_since(self, field: DateField) -> None:
        _within_searchable_days(field)

    def validate_until(self, field: DateField) -> None:
        _within_searchable_days(field)
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The end date is before the start date.")
