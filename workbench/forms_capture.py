"""Forms for activities, story capture, receipts and withdrawal. Validation lives here.

Consent is asked as a yes/no radio per purpose with nothing selected, so every answer is a
choice someone made: a box left alone can never count as agreement (no pre-ticked boxes).
"""

from __future__ import annotations

import base64
import secrets

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget

from consent.activities import WELSH_TEXT as WELSH_FIELDS
from consent.imports import ENCODING_NAMES
from consent.imports import FIELDS as IMPORT_FIELDS
from consent.purposes import (
    CHANNELS,
    EQUALITY_LABELS,
    EQUALITY_QUESTIONS,
    METHODS,
    PURPOSES,
    normalise_postcode_district,
)
from workbench.form_base import WorkbenchForm
from workbench.i18n import DEFAULT as DEFAULT_LANGUAGE
from workbench.i18n import LANGUAGES

YES_NO = [("yes", "Yes"), ("no", "No")]
NOT_ANSWERED = ""
# Purposes whose "yes" brings details with it (contact details, equality answers): the
# receipt page and the staff tool ask for them beside the question.
NEEDS_DETAILS = ("contact", "equality_monitoring")
CHANGEABLE = tuple(name for name, purpose in PURPOSES.items() if not purpose.required)
IDENTITY_CHECKS = [
    ("", "Choose how you checked"),
    ("story_details", "They described their story and when they told it"),
    ("call_back", "I called them back on the number they gave us"),
    ("in_person", "In person, with the gatherer who recorded the story"),
    ("written_request", "A signed written request"),
]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _text(label: str, max_length: int = 4000, required: bool = True, **kwargs) -> TextAreaField:
    first = DataRequired() if required else Optional()
    return TextAreaField(label, validators=[first, Length(max=max_length)], **kwargs)


class ActivityForm(WorkbenchForm):
    """An engagement activity: everything the notice before the story says, in plain English."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    purpose = _text("Why we are asking")
    can_influence = _text("What people's stories can influence")
    cannot_influence = _text("What they cannot influence")
    how_used = _text("How the stories will be used")
    who_sees = _text("Who will see them")
    feedback_plan = _text("When and how people will hear back")
    feedback_date = DateField("Feedback date (optional)", validators=[Optional()])
    framework_id = SelectField(
        "Priority framework", choices=[("", "None")], validators=[Optional()]
    )
    opens_on = DateField("Opens on", validators=[DataRequired()])
    closes_on = DateField("Closes on", validators=[DataRequired()])
    channels = MultiCheckboxField(
        "Ways to take part",
        choices=list(CHANNELS.items()),
        validators=[DataRequired(message="Choose at least one way to take part.")],
    )
    retention_days = IntegerField(
        "Keep stories for (days)",
        validators=[InputRequired(), NumberRange(min=1, max=36_500)],
    )
    partners = _text("Named partners the anonymised stories may be shared with", required=False)
    areas = _text("Areas a story can be about (one a line)", max_length=50_000, required=False)

    title_cy = StringField("Title in Welsh", validators=[Optional(), Length(max=200)])
    purpose_cy = _text("Why we are asking, in Welsh", required=False)
    can_influence_cy = _text("What people's stories can influence, in Welsh", required=False)
    cannot_influence_cy = _text("What they cannot influence, in Welsh", required=False)
    how_used_cy = _text("How the stories will be used, in Welsh", required=False)
    who_sees_cy = _text("Who will see them, in Welsh", required=False)
    feedback_plan_cy = _text("When and how people will hear back, in Welsh", required=False)
    partners_cy = _text("Named partners, in Welsh", required=False)

    def validate_closes_on(self, field: DateField) -> None:
        if self.opens_on.data and field.data and field.data < self.opens_on.data:
            raise ValidationError("The closing date must be on or after the opening date.")

    def fields_for_api(self) -> dict:
        """The activity as `consent.activities` expects it (dates as YYYY-MM-DD)."""
        return {
            "title": self.title.data.strip(),
            "purpose": self.purpose.data.strip(),
            "can_influence": self.can_influence.data.strip(),
            "cannot_influence": self.cannot_influence.data.strip(),
            "how_used": self.how_used.data.strip(),
            "who_sees": self.who_sees.data.strip(),
            "feedback_plan": self.feedback_plan.data.strip(),
            "feedback_date": self.feedback_date.data.isoformat()
            if self.feedback_date.data
            else None,
            "framework_id": self.framework_id.data or None,
            "opens_on": self.opens_on.data.isoformat(),
            "closes_on": self.closes_on.data.isoformat(),
            "channels": list(self.channels.data),
            "retention_days": self.retention_days.data,
            "partners": (self.partners.data or "").strip() or None,
            "areas": self.areas.data or "",
            **{name: (self[name].data or "").strip() or None for name in WELSH_FIELDS},
        }


def contact_details(form: FlaskForm) -> dict:
    """The contact details typed into a form's contact_* fields, for the consent API."""
    details = {
        "name": form.contact_name.data,
        "email": form.contact_email.data,
        "phone": form.contact_phone.data,
        "postal_address": form.contact_address.data,
    }
    given = {key: value.strip() for key, value in details.items() if (value or "").strip()}
    return {**given, "language": form.contact_language.data or DEFAULT_LANGUAGE}


def equality_answers(form: FlaskForm) -> dict[str, str]:
    """The equality questions a form's eq_* fields answered (unanswered ones left out)."""
    answers = {}
    for name in EQUALITY_QUESTIONS:
        value = (form[f"eq_{name}"].data or "").strip()
        if value:
            answers[name] = (
                normalise_postcode_district(value) or value
                if name == "postcode_district"
                else value
            )
    return answers


class StoryForm(WorkbenchForm):
    """What every capture asks, whoever types it: the story, consent, contact, equality."""

    notice_id = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    submission_key = HiddenField(default=lambda: secrets.token_urlsafe(16))
    story = TextAreaField("The story", validators=[InputRequired(message="Write the story.")])
    service = StringField("Service (optional)", validators=[Optional(), Length(max=200)])
    setting = StringField("Setting (optional)", validators=[Optional(), Length(max=200)])
    # A choice from the activity's list (`offer_areas`): typed text here would reach the
    # published counts without anonymisation or the human check.
    area = SelectField("Area (optional)", choices=[("", "Not given")], default="")
    contact_name = StringField("Name (optional)", validators=[Optional(), Length(max=200)])
    contact_email = StringField(
        "Email",
        validators=[Optional(), Length(max=254), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")],
    )
    contact_phone = StringField(
        "Phone", validators=[Optional(), Length(max=40), Regexp(r"^[0-9 +()-]{6,40}$")]
    )
    contact_address = TextAreaField("Postal address", validators=[Optional(), Length(max=500)])
    # Each language named in itself; the page's language is chosen until the teller says not.
    contact_language = SelectField(
        "Language for updates",
        choices=list(LANGUAGES.items()),
        default=lambda: str(get_locale() or DEFAULT_LANGUAGE),
    )

    def validate_story(self, field: TextAreaField) -> None:
        limit = current_app.config["STORY_MAX_CHARS"]
        if not (field.data or "").strip():
            raise ValidationError("Write the story: it is empty.")
        if len(field.data) > limit:
            raise ValidationError(f"The story is longer than {limit:,} characters.")

    def validate_consent_analysis(self, field: RadioField) -> None:
        if field.data == "no":
            raise ValidationError(
                "We can only keep a story when the person agrees to this. "
                "Without it, the story cannot be recorded."
            )

    def validate_consent_contact(self, field: RadioField) -> None:
        given = any(
            (f.data or "").strip()
            for f in (self.contact_email, self.contact_phone, self.contact_address)
        )
        if field.data == "yes" and not given:
            raise ValidationError(
                "To be contacted, give an email address, a phone number or a postal address."
            )
        if field.data == "no" and (given or (self.contact_name.data or "").strip()):
            raise ValidationError(
                "Contact details were given without agreement to be contacted: "
                "clear them or change the answer."
            )

    def validate_consent_equality_monitoring(self, field: RadioField) -> None:
        if field.data == "no" and self.equality_answers():
            raise ValidationError(
                "Equality answers were given without agreement to keep them: "
                "clear them or change the answer."
            )

    def validate_eq_postcode_district(self, field: StringField) -> None:
        if (field.data or "").strip() and normalise_postcode_district(field.data) is None:
            raise ValidationError(
                "Give only the first half of the postcode, such as CV1 or B15, "
                "or choose not to answer."
            )

    # The order the page shows the fields in (capture/_story_fields.html), which the error
    # summary follows; the staff form's own fields come before and after it.
    PAGE_ORDER = (
        "channel",
        "story",
        "service",
        "setting",
        "area",
        *(f"consent_{name}" for name in PURPOSES if name != "equality_monitoring"),
        *(f"contact_{name}" for name in ("name", "email", "phone", "address", "language")),
        "consent_equality_monitoring",
        *(f"eq_{name}" for name in EQUALITY_QUESTIONS),
    )

    def in_page_order(self) -> list:
        """Every field, in the order a reader meets it on the page."""
        placed = [self[name] for name in self.PAGE_ORDER if name in self]
        return placed + [field for field in self if field.name not in self.PAGE_ORDER]

    def consents(self) -> dict[str, bool]:
        return {name: self[f"consent_{name}"].data == "yes" for name in PURPOSES}

    def contact(self) -> dict | None:
        return contact_details(self) if self.consent_contact.data == "yes" else None

    def equality_answers(self) -> dict[str, str]:
        return equality_answers(self)

    def equality(self) -> dict | None:
        if self.consent_equality_monitoring.data != "yes":
            return None
        return self.equality_answers() or None

    def offer_areas(self, activity: dict) -> None:
        """Offer the activity's areas; anything else sent is refused as not a valid choice."""
        self.area.choices = [("", _l("Not given"))] + [(a, a) for a in activity["areas"]]

    def optional_text(self, name: str) -> str | None:
        return (self[name].data or "").strip() or None


for _name, _purpose in PURPOSES.items():
    setattr(
        StoryForm,
        f"consent_{_name}",
        RadioField(
            _purpose.label,
            choices=YES_NO,
            validators=[InputRequired(message="Choose yes or no.")],
        ),
    )
for _name, _choices in EQUALITY_QUESTIONS.items():
    _label = EQUALITY_LABELS.get(_name, _name.replace("_", " ").capitalize())
    if _name == "postcode_district":
        _field = StringField(_label, validators=[Optional(), Length(max=20)])
    else:
        # The stored answer stays the English value; the words shown go through the catalogue.
        _field = SelectField(
            _label,
            choices=[(NOT_ANSWERED, _l("Not answered"))] + [(c, _l(c)) for c in _choices],
            validators=[Optional()],
        )
    setattr(StoryForm, f"eq_{_name}", _field)


class StaffStoryForm(StoryForm):
    """A gatherer records a story told to them: how it was told and how consent was given."""

    channel = SelectField(
        "How the story was told",
        choices=[],
        validators=[DataRequired(message="Choose how the story was told.")],
    )
    method = SelectField(
        "How consent was given",
        choices=[("", "Choose one")] + [(k, v) for k, v in METHODS.items() if k != "online"],
        validators=[DataRequired(message="Choose how consent was given.")],
    )
    method_note = TextAreaField(
        "Note made at the time (needed for verbal consent)",
        validators=[Optional(), Length(max=1000)],
    )

    def validate_method_note(self, field: TextAreaField) -> None:
        if self.method.data == "verbal" and not (field.data or "").strip():
            raise ValidationError(
                "For verbal consent, note what was read out and what the person said."
            )


class OnlineStoryForm(StoryForm):
    """A storyteller's own submission. `website` is a honeypot people never see or fill."""

    website = StringField("Leave this empty", validators=[Optional()])

    def validate_website(self, field: StringField) -> None:
        if field.data:
            raise ValidationError("Leave the last field empty.")


class ImportForm(WorkbenchForm):
    """A CSV of transcribed stories; what to do with bad rows is always chosen explicitly."""

    activity_id = SelectField("Activity", coerce=int, choices=[], validate_choice=True)
    channel = SelectField(
        "How the stories were gathered",
        choices=[(k, v) for k, v in CHANNELS.items() if k != "online"],
        default="paper",
    )
    file = FileField("CSV file")
    # The file chosen before, carried (base64) while its encoding is confirmed, so the person
    # does not have to find it again; it passes every check a fresh upload does.
    pending = HiddenField()
    pending_name = HiddenField()
    encoding = SelectField(
        "Encoding",
        choices=[("", "Detect it for me"), *ENCODING_NAMES.items()],
        default="",
    )
    mode = RadioField(
        "If some rows have problems",
        choices=[
            ("all_or_nothing", "Import nothing, so I can fix the file and import it all"),
            ("skip_bad_rows", "Import the good rows now, and list the rows left out"),
        ],
        validators=[InputRequired(message="Choose what happens to rows with problems.")],
    )
    mapping = TextAreaField(
        "Column names, if they differ (optional)",
        validators=[Optional(), Length(max=4000)],
    )

    def validate_mapping(self, field: TextAreaField) -> None:
        self.parsed_mapping()

    def validate_file(self, field: FileField) -> None:
        if not field.data and not self.pending.data:
            raise ValidationError("Choose a CSV file.")

    def validate_pending(self, field: HiddenField) -> None:
        if field.data and not self.file.data:
            try:
                base64.b64decode(field.data, validate=True)
            except ValueError:  # binascii.Error, or letters outside ASCII
                raise ValidationError("Choose the CSV file again.") from None

    def file_bytes(self) -> bytes:
        """The uploaded file, or the one carried from the step before."""
        if self.file.data:
            return self.file.data.read()
        return base64.b64decode(self.pending.data)

    def file_name(self) -> str:
        return self.file.data.filename if self.file.data else self.pending_name.data or ""

    def allow_encoding(self, encoding: str, label: str) -> None:
        """Offer a detected encoding that the usual list lacks."""
        if encoding not in dict(self.encoding.choices):
            self.encoding.choices = [*self.encoding.choices, (encoding, label)]

    def parsed_mapping(self) -> dict[str, str]:
        """`field=column` lines as a dict; ValidationError naming the first bad line."""
        mapping = {}
        for number, line in enumerate((self.mapping.data or "").splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, column = (part.strip() for part in line.partition("="))
            if not sep or not column or name not in IMPORT_FIELDS:
                raise ValidationError(
                    f"Line {number}: write field=column, with one of the fields listed."
                )
            mapping[name] = column
        return mapping


class ReceiptForm(WorkbenchForm):
    """The reference and secret from a receipt card, typed or filled from the QR code."""

    reference = StringField(
        "Receipt reference", validators=[DataRequired(), Length(max=40)], default=""
    )
    secret = StringField("Secret", validators=[DataRequired(), Length(max=80)], default="")


class _HiddenReceipt(WorkbenchForm):
    reference = HiddenField(validators=[DataRequired(), Length(max=40)])
    secret = HiddenField(validators=[DataRequired(), Length(max=80)])


EQUALITY_ANSWERS_NEED_YES = (
    "Equality answers are kept only with a “Yes” to using them: choose that, or clear the answers."
)


class ConsentChangeForm(_HiddenReceipt):
    """Change any purpose but analysis (stopping that is withdrawal) in one confirmed step.
    A "yes" is given against the notice shown on the page (`notice_id`); a "yes" to being
    contacted needs a way to reach them, and one to equality monitoring may bring answers."""

    notice_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    contact_name = StoryForm.contact_name
    contact_email = StoryForm.contact_email
    contact_phone = StoryForm.contact_phone
    contact_address = StoryForm.contact_address
    contact_language = StoryForm.contact_language
    confirm = BooleanField(
        "I want to make these changes",
        validators=[DataRequired(message="Tick the box to confirm the changes.")],
    )

    def __init__(self, *args, current: dict[str, bool] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current or {}

    def changes(self) -> dict[str, bool]:
        """Only the purposes whose answer differs from what is recorded now."""
        wanted = {name: self[f"want_{name}"].data for name in CHANGEABLE}
        return {
            name: value == "yes"
            for name, value in wanted.items()
            if value in {"yes", "no"} and (value == "yes") != bool(self.current.get(name))
        }

    def contact(self) -> dict | None:
        """The contact details given with a new "yes" to being contacted, else None."""
        return contact_details(self) if self.granting("contact") else None

    def equality(self) -> dict | None:
        """The equality answers given with a new "yes" to equality monitoring, else None."""
        if not self.granting("equality_monitoring"):
            return None
        return equality_answers(self) or None

    def granting(self, name: str) -> bool:
        return self.changes().get(name) is True

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        reachable = any(
            (f.data or "").strip()
            for f in (self.contact_email, self.contact_phone, self.contact_address)
        )
        field = self.want_contact
        if field.data == "yes" and not self.current.get("contact") and not reachable:
            field.errors.append(
                "To be contacted, give an email address, a phone number or a postal address."
            )
            valid = False
        if equality_answers(self) and not self.granting("equality_monitoring"):
            # Kept only with a new "yes": refused, as on the staff form, rather than dropped
            # without a word (found by probing the receipt page).
            self.want_equality_monitoring.errors.append(EQUALITY_ANSWERS_NEED_YES)
            valid = False
        if valid and not self.changes():
            self.confirm.errors.append("Nothing has changed: choose a different answer first.")
            valid = False
        return valid


for _name in EQUALITY_QUESTIONS:
    setattr(ConsentChangeForm, f"eq_{_name}", getattr(StoryForm, f"eq_{_name}"))
for _name in CHANGEABLE:
    setattr(
        ConsentChangeForm,
        f"want_{_name}",
        RadioField(PURPOSES[_name].label, choices=YES_NO, validators=[Optional()]),
    )


class WithdrawForm(_HiddenReceipt):
    confirm = BooleanField(
        "I want to withdraw my story. I understand it will be deleted and cannot be restored.",
        validators=[DataRequired(message="Tick the box to confirm you want to withdraw.")],
    )


class FindStoryForm(WorkbenchForm):
    reference = StringField("Receipt reference", validators=[DataRequired(), Length(max=40)])


class StaffStoryActionForm(WorkbenchForm):
    """Withdraw or reissue on a storyteller's behalf, once their identity has been checked."""

    reference = HiddenField(validators=[DataRequired(), Length(max=40)])
    identity_check = SelectField(
        "How did you check it is them?",
        choices=IDENTITY_CHECKS,
        validators=[DataRequired(message="Say how you checked it is them.")],
    )
    confirm = BooleanField(
        "I have checked their identity and they asked for this",
        validators=[DataRequired(message="Tick the box to confirm.")],
    )


class StaffConsentForm(StaffStoryActionForm):
    """Record a teller's change of mind on their behalf (e.g. "yes, you may contact me now"),
    said to staff in writing or aloud, against the notice staff read or showed them."""

    notice_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    purpose = SelectField(
        "What they changed their mind about",
        choices=[("", "Choose one")] + [(name, PURPOSES[name].label) for name in CHANGEABLE],
        validators=[DataRequired(message="Choose what they changed their mind about.")],
    )
    answer = RadioField(
        "Their answer now",
        choices=YES_NO,
        validators=[InputRequired(message="Choose yes or no.")],
    )
    method = SelectField(
        "How they told you",
        choices=[("", "Choose one")] + [(k, v) for k, v in METHODS.items() if k != "online"],
        validators=[DataRequired(message="Choose how they told you.")],
    )
    method_note = TextAreaField(
        "Note made at the time (needed for verbal consent)",
        validators=[Optional(), Length(max=1000)],
    )
    contact_name = StoryForm.contact_name
    contact_email = StoryForm.contact_email
    contact_phone = StoryForm.contact_phone
    contact_address = StoryForm.contact_address
    contact_language = StoryForm.contact_language

    def validate_method_note(self, field: TextAreaField) -> None:
        if (
            self.answer.data == "yes"
            and self.method.data == "verbal"
            and not (field.data or "").strip()
        ):
            raise ValidationError("For verbal consent, note what was read out and what they said.")

    def validate_answer(self, field: RadioField) -> None:
        reachable = any(
            (f.data or "").strip()
            for f in (self.contact_email, self.contact_phone, self.contact_address)
        )
        if field.data == "yes" and self.purpose.data == "contact" and not reachable:
            raise ValidationError(
                "To be contacted, give an email address, a phone number or a postal address."
            )
        # Answers typed for anything but a "yes" to equality monitoring would be dropped
        # silently; say so instead, so nothing the teller said is lost without a word.
        equality_yes = self.purpose.data == "equality_monitoring" and field.data == "yes"
        if equality_answers(self) and not equality_yes:
            raise ValidationError(_EQUALITY_WITHOUT_YES)

    def contact(self) -> dict | None:
        wanted = self.purpose.data == "contact" and self.answer.data == "yes"
        return contact_details(self) if wanted else None

    def equality(self) -> dict | None:
        """The equality answers a teller gave with a "yes" to equality monitoring, else None:
        someone who says "yes, later" on the phone can give them then, as online."""
        wanted = self.purpose.data == "equality_monitoring" and self.answer.data == "yes"
        return (equality_answers(self) or None) if wanted else None


_EQUALITY_WITHOUT_YES = (
    "Equality answers are kept only with a “yes” to equality monitoring: "
    "choose that, or clear the answers."
)

for _name in EQUALITY_QUESTIONS:
    setattr(StaffConsentForm, f"eq_{_name}", getattr(StoryForm, f"eq_{_name}"))

# Where the consent API's error keys are shown on these forms.
_ERROR_FIELDS = {
    "text": "story",
    "contact": "contact_email",
    "contact_postal_address": "contact_address",
}


def apply_errors(form: FlaskForm, errors: dict[str, str]) -> list[str]:
    """Put each API error beside its field; return those that belong to no field."""
    general = []
    for key, message in errors.items():
        name = _ERROR_FIELDS.get(key, key)
        if name.startswith("equality_"):
            name = "eq_" + name.removeprefix("equality_")
        if name in form:
            form[name].errors = [*form[name].errors, message]
        else:
            general.append(message)
    return general
