"""Receipt references and secrets: how a storyteller finds their story again without an account.

The reference (`SW-7KQ2-M9XD`) is random but not secret: it may be printed, said on the phone
and written in the audit log. The secret is 80 bits from `secrets`, shown once and stored only
as an argon2id hash.

Why these argon2id parameters, lighter than staff passwords': a random 80-bit secret cannot be
guessed offline whatever the hash cost (2**79 guesses on average: millions of years even at
plain SHA-256 speed), so the cost that protects human passwords buys nothing here, while it is
paid in the web request of every story sent and every receipt opened. NIST SP 800-63B asks for a
password-hashing scheme for look-up secrets under 112 bits, with its cost as high as practical
without harming the verifier's performance. OWASP's 19 MiB, t=2 took 44 ms a hash here;
8 MiB, t=1 takes about 6 ms and is still memory-hard, and under benchmarks/load.py sending a
story went from 91 to 55 ms (p50) and opening a receipt from 70 to 35 ms. Bulk imports of
paper forms hash thousands at once, so they use 1 MiB, t=1 across a thread pool. The
parameters are recorded in each hash string, verification reads them from there, and the first
successful use of a receipt hashed with other parameters (an import, or an older capture)
rehashes it with the capture set.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from plumbing.hashing import PooledHasher

# No 0/O or 1/I: people read these aloud and copy them by hand. 32 symbols = 5 bits each.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 16  # 16 x 5 = 80 bits
REFERENCE_PREFIX = "SW"

# Captures and receipt checks happen in web requests: hashed on the low-priority pool.
RECEIPT_HASHER = PooledHasher(PasswordHasher(time_cost=1, memory_cost=8_192, parallelism=1))
BULK_HASHER = PasswordHasher(time_cost=1, memory_cost=1_024, parallelism=1)
# Verifying against this for an unknown reference makes it cost the same as a wrong secret.
DUMMY_HASH = RECEIPT_HASHER.hash("unknown-reference")

SPOKEN = {
    "A": "Alfa",
    "B": "Bravo",
    "C": "Charlie",
    "D": "Delta",
    "E": "Echo",
    "F": "Foxtrot",
    "G": "Golf",
    "H": "Hotel",
    "J": "Juliett",
    "K": "Kilo",
    "L": "Lima",
    "M": "Mike",
    "N": "November",
    "P": "Papa",
    "Q": "Quebec",
    "R": "Romeo",
    "S": "Sierra",
    "T": "Tango",
    "U": "Uniform",
    "V": "Victor",
    "W": "Whiskey",
    "X": "X-ray",
    "Y": "Yankee",
    "Z": "Zulu",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
}


def _random(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def _groups(symbols: str, size: int = 4) -> str:
    return "-".join(symbols[i : i + size] for i in range(0, len(symbols), size))


def new_reference() -> str:
    """A random reference such as SW-7KQ2-M9XD (`unique_reference` makes sure it is new)."""
    return f"{REFERENCE_PREFIX}-{_groups(_random(8))}"


def unique_reference(taken: Callable[[str], bool]) -> str:
    """A new random reference that `taken` says no story or tombstone has yet."""
    while True:
        reference = new_reference()
        if not taken(reference):
            return reference


def new_secret() -> str:
    """80 random bits, grouped for reading aloud: K7Q2-M9XD-4HJT-PW3A."""
    return _groups(_random(SECRET_LENGTH))


def _symbols(value: str) -> str:
    """What people type, reduced to the alphabet's symbols: case, spaces and dashes ignored."""
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())


def normalise_reference(value: str) -> str | None:
    """`sw 7kq2m9xd` → `SW-7KQ2-M9XD`; None when it cannot be a reference."""
    symbols = _symbols(value)
    # Strip the prefix only when it is there in addition to the eight symbols: a reference
    # typed without its prefix may itself begin with the prefix's letters (SW-SWJD-G52X).
    if len(symbols) == 8 + len(REFERENCE_PREFIX) and symbols.startswith(REFERENCE_PREFIX):
        symbols = symbols[len(REFERENCE_PREFIX) :]
    if len(symbols) != 8 or any(ch not in ALPHABET for ch in symbols):
        return None
    return f"{REFERENCE_PREFIX}-{_groups(symbols)}"


def normalise_secret(value: str) -> str:
    """The canonical form hashed and verified: 16 symbols, no separators."""
    return _symbols(value)


def hash_secret(secret: str) -> str:
    """argon2id hash of one secret, with the capture parameters."""
    return RECEIPT_HASHER.hash(normalise_secret(secret))


def hash_secrets_bulk(secret_list: list[str]) -> list[str]:
    """argon2id hashes of many secrets with the bulk parameters, on every core (in order)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda s: BULK_HASHER.hash(normalise_secret(s)), secret_list))


def secret_matches(secret_hash: str, secret: str) -> bool:
    """True when the secret matches; the hash string says which parameters to use."""
    try:
        return RECEIPT_HASHER.verify(secret_hash, normalise_secret(secret))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(secret_hash: str) -> bool:
    """True for hashes made with other parameters than a capture uses (imports, older captures)."""
    return RECEIPT_HASHER.check_needs_rehash(secret_hash)


def spoken(value: str) -> str:
    """A form to read aloud on the phone: `K7Q2-M9` → `Kilo seven Quebec two, Mike nine`."""
    return ", ".join(
        " ".join(SPOKEN.get(ch, ch) for ch in group) for group in value.split("-") if group
    )
