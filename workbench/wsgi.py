"""The WSGI entry point for gunicorn: `gunicorn workbench.wsgi:app`."""

from workbench import create_app

app = create_app()
