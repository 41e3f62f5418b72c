"""Each area of the app is one blueprint; this registers them all."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from workbench.blueprints import (
        admin,
        auth,
        capture,
        checks,
        dashboard,
        publishing,
        review,
        storyteller,
        tags,
    )

    for module in (auth, dashboard, admin, capture, checks, storyteller, publishing, review, tags):
        app.register_blueprint(module.bp)

    from workbench.blueprints import safeguarding

    app.register_blueprint(safeguarding.bp)

    from workbench.blueprints import feedback

    app.register_blueprint(feedback.bp)
