"""The base of every form: typed text is kept the way stories are kept.

Why: capture and import already clean stories with `consent.text.clean_text` (one kind of line
ending, no control characters), but an activity's title, a theme's label or a note typed on
any other page kept what the browser sent: a NUL character reached the public home page, and
a control character makes the REFI-QDA export invalid XML. Every text box of every form now
goes through the same cleaning before its validators see it. Passwords are left as typed (a
password must be what the person chose), and hidden fields carry the app's own values.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField

from consent.text import clean_text


def _cleaned(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


class WorkbenchForm(FlaskForm):
    """A FlaskForm (CSRF and all) whose text boxes are cleaned (`consent.text.clean_text`)."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            kind = unbound_field.field_class
            if issubclass(kind, StringField) and not issubclass(kind, PasswordField | HiddenField):
                own = unbound_field.kwargs.get("filters", ())
                options = {**options, "filters": [_cleaned, *own]}
            return unbound_field.bind(form=form, **options)
