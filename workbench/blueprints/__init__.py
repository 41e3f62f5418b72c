"""Each area of the app is one blueprint; this registers them all."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from workbench.blueprints import admin, auth, dashboard

    for module in (auth, dashboard, admin):
        app.register_blueprint(module.bp)
