"""Forms for closing the loop: actions, the population profile, and 'how was it for you?'."""

from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, Length, Optional

from workbench.feedback.actions import STATUSES, ActionFields
from workbench.feedback.evaluation import ANSWERS, QUESTIONS
from workbench.form_base import WorkbenchForm

STATUS_CHOICES = [
    ("planned", "Planned (we will)"),
    ("in_progress", "In progress"),
    ("done", "Done (we did)"),
    ("not_possible", "Not possible (say why)"),
]
assert {value for value, _ in STATUS_CHOICES} == set(STATUSES)


class ActionForm(WorkbenchForm):
    """An action; which theme or priority it answers is chosen only when it is recorded."""

    theme = SelectField("Theme it answers", choices=[], validators=[Optional()])
    priority = SelectField("Priority it answers", choices=[], validators=[Optional()])
    you_said = TextAreaField(
        "You said (a summary in your words, never a quote)", validators=[Length(max=2000)]
    )
    we_did = TextAreaField("We did / we will", validators=[Length(max=2000)])
    owner = StringField("Owner (a team or role)", validators=[Length(max=200)])
    status = SelectField("Status", choices=STATUS_CHOICES)
    reason = TextAreaField("Why it was not possible", validators=[Length(max=2000)])
    due_on = StringField("Due by (YYYY-MM-DD)", validators=[Length(max=10)])
    done_on = StringField("Done on (YYYY-MM-DD)", validators=[Length(max=10)])

    def fields(self) -> ActionFields:
        return ActionFields(
            you_said=self.you_said.data or "",
            we_did=self.we_did.data or "",
            owner=self.owner.data or "",
            status=self.status.data,
            reason=self.reason.data,
            due_on=self.due_on.data,
            done_on=self.done_on.data,
        )

    def chosen_priority(self) -> tuple[str, str] | None:
        """(framework id, priority id) from the select's "framework::priority" value."""
        if not self.priority.data:
            return None
        framework, _, priority = self.priority.data.partition("::")
        return framework, priority

    def chosen_theme(self) -> int | None:
        return int(self.theme.data) if self.theme.data else None


class PopulationForm(WorkbenchForm):
    csv_file = FileField("Population profile (CSV)", validators=[FileRequired()])


class EvaluationForm(WorkbenchForm):
    """Three optional questions; the receipt's reference and secret ride along hidden."""

    reference = HiddenField()
    secret = HiddenField()
    asked_at = HiddenField(validators=[AnyOf(("capture", "receipt"))])
    purpose_clear = RadioField(
        QUESTIONS["purpose_clear"], choices=list(ANSWERS.items()), validators=[Optional()]
    )
    listened = RadioField(
        QUESTIONS["listened"], choices=list(ANSWERS.items()), validators=[Optional()]
    )
    accessible = RadioField(
        QUESTIONS["accessible"], choices=list(ANSWERS.items()), validators=[Optional()]
    )

    def answers(self) -> dict[str, str | None]:
        return {q: getattr(self, q).data for q in QUESTIONS}


def evaluation_form_for(reference: str, secret: str | None, asked_at: str) -> EvaluationForm | None:
    """The questions for a page that holds a receipt's secret; None when it does not."""
    if not secret:
        return None
    return EvaluationForm(
        formdata=None, data={"reference": reference, "secret": secret, "asked_at": asked_at}
    )
