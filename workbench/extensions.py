"""The Flask extensions, made once and bound to the app by `create_app`: CSRF protection, rate
limits and logins. Blueprints decorate their views with `limiter` from here, never from the
package that registers them."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
login_manager = LoginManager()
