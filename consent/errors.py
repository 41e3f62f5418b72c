"""The one error every consent API raises when input is wrong; nothing has been written."""

from __future__ import annotations


class ConsentError(ValueError):
    """Input a person can fix. `.errors` maps each field to a plain-English message.

    Messages name the problem, never the submitted value, so story text cannot reach logs.
    """

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
