"""The WSGI entry point for gunicorn: `gunicorn workbench.wsgi:app`."""

from workbench.web_process import keep_models_out

keep_models_out()

from workbench import create_app  # noqa: E402

app = create_app()
