"""Staff accounts and their sessions.

Passwords are argon2id hashes (rehashed when the parameters change). New accounts get a
one-time password that must be changed at first login. Sessions live server-side so that
logout and expiry end them for good.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from plumbing import clock
from plumbing import db as wdb
from plumbing.hashing import PooledHasher
from workbench import passwords

ROLES = ("gatherer", "analyst", "planner", "admin", "safeguarding")
MIN_PASSWORD_LENGTH = passwords.MIN_LENGTH
# argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): the library default
# (64 MiB) let a burst of logins on 8 web threads push the web worker past 750 MB.
hasher = PooledHasher(PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1))
# Verifying against this keeps the time of a login for an unknown user like a known one's.
_DUMMY_HASH = hasher.hash("not-a-real-password")


class AccountError(ValueError):
    """A problem a person can fix: shown to them as it is."""


@dataclass
class User:
    """What Flask-Login needs, and the role every check reads."""

    id: int
    username: str
    role: str
    must_change_password: bool
    active: bool

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def actor(self) -> str:
        return f"user:{self.id}"


def _user(row: dict) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        role=row["role"],
        must_change_password=bool(row["must_change_password"]),
        active=bool(row["active"]),
    )


def one_time_password() -> str:
    """Readable, about 100 bits: five groups of five from an unambiguous alphabet."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


def create_user(db: sqlite_utils.Database, username: str, role: str) -> tuple[User, str]:
    """Create an account with a one-time password; returns the user and that password."""
    username = (username or "").strip()
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if (
        not username
        or len(username) > 64
        or not username.replace(".", "").replace("-", "").replace("_", "").isalnum()
    ):
        raise AccountError("username must be 1-64 letters, digits, '.', '-' or '_'")
    if get_by_username(db, username):
        raise AccountError(f"a user called {username!r} already exists")
    password = one_time_password()
    with wdb.write(db):
        user_id = (
            db["users"]
            .insert(
                {
                    "username": username,
                    "password_hash": hasher.hash(password),
                    "role": role,
                    "must_change_password": 1,
                    "active": 1,
                    "created_at": clock.now().isoformat(timespec="seconds"),
                }
            )
            .last_pk
        )
    return get(db, user_id), password


def reset_password(db: sqlite_utils.Database, username: str) -> str:
    """A new one-time password; every open session of that user ends."""
    user = get_by_username(db, username)
    if user is None:
        raise AccountError(f"no user called {username!r}")
    return reset_password_of(db, user)


def reset_password_of(db: sqlite_utils.Database, user: User) -> str:
    """A new one-time password for `user`, who must change it at next login; every open
    session of theirs ends, so whoever held one is signed out."""
    password = one_time_password()
    with wdb.write(db):
        db["users"].update(
            user.id, {"password_hash": hasher.hash(password), "must_change_password": 1}
        )
        end_all_sessions(db, user.id)
    return password


def get(db: sqlite_utils.Database, user_id: int) -> User | None:
    rows = list(db.query("SELECT * FROM users WHERE id = ?", [user_id]))
    return _user(rows[0]) if rows else None


def get_by_username(db: sqlite_utils.Database, username: str) -> User | None:
    rows = list(db.query("SELECT * FROM users WHERE username = ?", [username.strip()]))
    return _user(rows[0]) if rows else None


def authenticate(db: sqlite_utils.Database, username: str, password: str) -> User | None:
    """The user if the password matches an active account; rehashes outdated hashes."""
    rows = list(db.query("SELECT * FROM users WHERE username = ?", [(username or "").strip()]))
    if not rows:
        _verify(_DUMMY_HASH, password)
        return None
    row = rows[0]
    if not _verify(row["password_hash"], password) or not row["active"]:
        return None
    if hasher.check_needs_rehash(row["password_hash"]):
        with wdb.write(db):
            db["users"].update(row["id"], {"password_hash": hasher.hash(password)})
    return _user(row)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def change_password(
    db: sqlite_utils.Database,
    user: User,
    current: str,
    new: str,
    keep_session: str | None = None,
) -> None:
    """Replace the password after checking the current one and the new one's strength.

    Every other session of the account ends (only `keep_session`, the token of the session
    making the change, stays): whoever changes a password because someone else may know it
    must not leave that someone signed in."""
    row = db["users"].get(user.id)
    if not _verify(row["password_hash"], current):
        raise AccountError("The current password is not right.")
    if new == current:
        raise AccountError("The new password must differ from the current one.")
    problem = passwords.weakness(new, user.username)
    if problem:
        raise AccountError(problem)
    new_hash = hasher.hash(new)
    with wdb.write(db):
        db["users"].update(user.id, {"password_hash": new_hash, "must_change_password": 0})
        end_all_sessions(db, user.id, except_token=keep_session)


# Sessions -------------------------------------------------------------------------------


def _session_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: sqlite_utils.Database, user_id: int) -> str:
    """A new random session token (the cookie holds it; the table holds its hash)."""
    token = secrets.token_urlsafe(32)
    now = clock.now().isoformat(timespec="seconds")
    with wdb.write(db):
        db["user_sessions"].insert(
            {
                "id": _session_key(token),
                "user_id": user_id,
                "created_at": now,
                "last_seen_at": now,
                "ended_at": None,
            }
        )
    return token


def session_user(
    db: sqlite_utils.Database, token: str | None, idle: timedelta, absolute: timedelta
) -> User | None:
    """The user of a live session, touching it; None when ended, idle or too old."""
    if not token:
        return None
    key = _session_key(token)
    rows = list(db.query("SELECT * FROM user_sessions WHERE id = ?", [key]))
    if not rows or rows[0]["ended_at"]:
        return None
    row = rows[0]
    now = clock.now()
    if (
        now - datetime.fromisoformat(row["last_seen_at"]) > idle
        or now - datetime.fromisoformat(row["created_at"]) > absolute
    ):
        end_session(db, token)
        return None
    # Touch at most once a minute: every page view need not be a write.
    if now - datetime.fromisoformat(row["last_seen_at"]) > timedelta(minutes=1):
        with wdb.write(db):
            db["user_sessions"].update(key, {"last_seen_at": now.isoformat(timespec="seconds")})
    user = get(db, row["user_id"])
    return user if user and user.active else None


def end_session(db: sqlite_utils.Database, token: str | None) -> None:
    if not token:
        return
    with wdb.write(db):
        db.execute(
            "UPDATE user_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
            [clock.now().isoformat(timespec="seconds"), _session_key(token)],
        )


def end_all_sessions(
    db: sqlite_utils.Database, user_id: int, except_token: str | None = None
) -> None:
    """End every open session of the account, but the one whose token is `except_token`."""
    keep = _session_key(except_token) if except_token else ""
    with wdb.write(db):
        db.execute(
            "UPDATE user_sessions SET ended_at = ?"
            " WHERE user_id = ? AND ended_at IS NULL AND id != ?",
            [clock.now().isoformat(timespec="seconds"), user_id, keep],
        )


# Administration -------------------------------------------------------------------------


def _active_admins(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active").fetchone()[0]


def _guard_last_admin(db: sqlite_utils.Database, user: User) -> None:
    if user.role == "admin" and user.active and _active_admins(db) <= 1:
        raise AccountError(
            f"{user.username} is the only active admin: make someone else an admin first."
        )


def set_active(db: sqlite_utils.Database, user: User, active: bool, by: User) -> None:
    """Deactivate (every session ends; they cannot log in) or reactivate an account. Nobody
    deactivates themselves, and the last active admin stays, so someone can always manage
    accounts."""
    if not active and user.id == by.id:
        raise AccountError("You cannot deactivate your own account.")
    with wdb.write(db):
        if not active:
            # Counted inside the write, from the rows as they are now: two admins acting at
            # once each saw the other still an admin and left none (found by probing).
            _guard_last_admin(db, get(db, user.id) or user)
        db["users"].update(user.id, {"active": int(active)})
        if not active:
            end_all_sessions(db, user.id)


def set_role(db: sqlite_utils.Database, user: User, role: str, by: User) -> None:
    """Give the account another role; it applies from their next page, since every request
    reads the role afresh. The last active admin keeps theirs, and admins do not demote
    themselves (another admin must)."""
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if role == user.role:
        raise AccountError(f"{user.username} is already {role}.")
    if user.role == "admin" and user.id == by.id:
        raise AccountError("Another admin must change your role.")
    with wdb.write(db):
        # Counted inside the write, from the rows as they are now (see set_active).
        _guard_last_admin(db, get(db, user.id) or user)
        db["users"].update(user.id, {"role": role})


def list_users(db: sqlite_utils.Database) -> list[dict]:
    """Every account for the admin page: id, username, role, active and created_at."""
    return list(db.query("SELECT id, username, role, active, created_at FROM users ORDER BY id"))


def usernames(db: sqlite_utils.Database, user_ids: Iterable[int]) -> dict[int, str]:
    """The usernames of the given accounts, by id (to say who took a step)."""
    return dict(
        db.execute(
            "SELECT id, username FROM users WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(user_ids)))],
        ).fetchall()
    )
