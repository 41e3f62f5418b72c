"""Generic error pages: a plain message, never a stack trace or story text."""

import logging

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Something in that request was not right", "Go back, check the form and try again."),
    403: ("Not allowed", "Your account does not have access to this page."),
    404: ("Page not found", "Check the address, or go back to the start."),
    405: ("Not allowed", "That page cannot be used that way."),
    413: ("Too large", "What you sent is larger than we accept."),
    429: ("Too many attempts", "Please wait a few minutes before trying again."),
    500: ("Something went wrong", "The problem has been logged. Nothing you entered was shared."),
}


def _page(code: int, message: str | None = None):
    title, default = MESSAGES.get(code, MESSAGES[500])
    return render_template("error.html", code=code, title=title, message=message or default), code


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return _page(400, "The form expired or was sent from elsewhere. Reload it and try again.")

    @app.errorhandler(OverflowError)
    def number_out_of_range(_error):
        # Only a hand-made request sends a number past SQLite's 64-bit integers.
        return _page(400)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return _page(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        # The type only: exception messages can carry what a person typed.
        log.error("unhandled %s", type(error).__name__)
        return _page(500)
