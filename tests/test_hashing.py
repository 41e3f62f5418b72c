"""argon2 on the low-priority pool: same answers and errors, lower priority, bounded width."""

from __future__ import annotations

import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from plumbing import hashing

LIGHT = hashing.PooledHasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_hash_and_verify_answer_as_the_plain_hasher_does():
    stored = LIGHT.hash("K7Q2M9XD4HJTPW3A")
    assert stored.startswith("$argon2id$")
    assert LIGHT.verify(stored, "K7Q2M9XD4HJTPW3A")
    with pytest.raises(VerifyMismatchError):
        LIGHT.verify(stored, "WRONG")
    assert not LIGHT.check_needs_rehash(stored)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux's")
def test_hashing_threads_run_below_the_request_threads_priority():
    seen = hashing.run(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert seen == min(19, mine + hashing.HASH_NICENESS)


def test_no_more_hashes_run_at_once_than_the_pool_has_threads():
    running, peak, lock = 0, 0, threading.Lock()

    def slow() -> None:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.05)
        with lock:
            running -= 1

    with ThreadPoolExecutor(max_workers=8) as requests:
        list(requests.map(lambda _: hashing.run(slow), range(8)))
    assert peak == hashing.HASH_THREADS


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_worker_can_still_hash():
    assert LIGHT.hash("before the fork")  # the parent's pool now has a thread
    child = os.fork()
    if child == 0:  # the child: exit 0 only if hashing works within a few seconds
        outcome = ThreadPoolExecutor(max_workers=1).submit(LIGHT.hash, "after the fork")
        try:
            code = 0 if outcome.result(timeout=10).startswith("$argon2id$") else 1
        except Exception:
            code = 2
        os._exit(code)
    _pid, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
