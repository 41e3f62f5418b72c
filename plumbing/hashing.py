"""argon2 runs on a small pool of low-priority threads, not on the request threads.

Why: on a two-core host, hashing a receipt secret or a password (tens of milliseconds of CPU
and 19 MiB each) competed on equal terms with every page an analyst was loading, so page
latency rose with the number of storytellers. The pool's threads lower their own scheduling
priority (Linux lets a thread do that to itself), so when the cores are busy the scheduler
serves page requests first and hashing takes what is left; on an idle host it costs nothing.
The pool also caps how many argon2 buffers exist at once, which bounds the web worker's memory
in a burst of logins. The calling request waits for its own hash, so behaviour is unchanged:
only the order in which a busy CPU serves work is.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher

# Two threads use both cores when nothing else wants them; more would only queue on the CPU.
HASH_THREADS = 2
# CFS weight at nice 10 is about a tenth of nice 0: hashing yields to pages, never starves.
HASH_NICENESS = 10

T = TypeVar("T")


def _lower_own_priority() -> None:
    if not sys.platform.startswith("linux"):
        return  # elsewhere PRIO_PROCESS would renice the whole process, not this thread
    try:
        thread = threading.get_native_id()
        niceness = os.getpriority(os.PRIO_PROCESS, thread) + HASH_NICENESS
        os.setpriority(os.PRIO_PROCESS, thread, min(19, niceness))
    except OSError:
        pass  # a container may forbid it; hashing then simply keeps normal priority


def _new_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(
        max_workers=HASH_THREADS, thread_name_prefix="argon2", initializer=_lower_own_priority
    )


_pool = _new_pool()


def _after_fork_in_child() -> None:
    # Threads do not survive fork: a server that imports the app before forking its workers
    # (gunicorn --preload) would otherwise hand hashes to a pool whose threads are gone.
    global _pool
    _pool = _new_pool()


os.register_at_fork(after_in_child=_after_fork_in_child)


def run(fn: Callable[..., T], *args) -> T:
    """fn(*args) on the hashing pool; its result or its exception, in the calling thread."""
    return _pool.submit(fn, *args).result()


class PooledHasher:
    """A PasswordHasher whose hash and verify run on the hashing pool."""

    def __init__(self, hasher: PasswordHasher) -> None:
        self._hasher = hasher

    def hash(self, secret: str) -> str:
        return run(self._hasher.hash, secret)

    def verify(self, secret_hash: str, secret: str) -> bool:
        return run(self._hasher.verify, secret_hash, secret)

    def check_needs_rehash(self, secret_hash: str) -> bool:
        return self._hasher.check_needs_rehash(secret_hash)
