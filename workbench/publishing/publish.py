"""Build the published database: approved, de-identified themes, counts and quotes only.

The file is built beside the served one, checked (integrity, schema and leaks), then swapped
in with `os.replace`, so Datasette never sees a half-built file and a failed or killed build
leaves the old one served. Datasette follows the swap without a restart: the planner plugin
reopens a served file whose inode changed (see datasette_plugins/swap.py and
benchmarks/publish.py for the comparison with restarting).
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from nlp.themes import store as theme_store
from plumbing import clock
from plumbing.jobs import job
from workbench.publishing import checks
from workbench.publishing.bands import size_band
from workbench.publishing.checks import LeakError
from workbench.publishing.metadata import LICENCE
from workbench.publishing.metadata import metadata as _metadata
from workbench.publishing.published_file import previous, status
from workbench.publishing.schema import SCHEMA
from workbench.publishing.tables import published_rows_and_members
from workbench.suppression import DEFAULT_K

__all__ = [
    "DATASETTE_SETTINGS",
    "LeakError",
    "build",
    "metadata",
    "metadata_path",
    "size_band",
    "status",
]

# The one definition of how Datasette serves the published file: `workbench serve-published`
# passes these on the command line and the tests pass them to Datasette directly.
DATASETTE_SETTINGS: dict[str, bool | int] = {
    "default_allow_sql": False,
    "allow_download": False,
    "allow_csv_stream": False,
    "max_csv_mb": 5,
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "default_page_size": 100,
    "allow_facet": True,
    "suggest_facets": False,
    "facet_time_limit_ms": 200,
    "num_sql_threads": 3,
    # A withdrawn quote must disappear at the next publication, not linger in caches.
    "default_cache_ttl": 0,
    "template_debug": False,
    "trace_debug": False,
}
MAX_CHANGES_KEPT = 1000
FORMER_THEME = "A theme no longer published under this name"


def metadata_path(published: str | Path) -> Path:
    """Where the Datasette metadata for a published file lives (beside it)."""
    published = Path(published)
    return published.with_name(published.stem + ".metadata.json")


def metadata(published: str | Path | None = None) -> dict:
    """Datasette metadata for the published file (named after it, "published" by default)."""
    return _metadata(Path(published).stem) if published else _metadata()


def build(
    db: sqlite_utils.Database, published_path: str | Path, k: int = DEFAULT_K, served: bool = True
) -> dict[str, int]:
    """Build, check and atomically swap in the published database; returns rows per table.

    Raises LeakError (and leaves the served file untouched) if the built file fails a check.
    When the file is the one planners are `served`, receipts learn which stories it counts.
    """
    published_path = Path(published_path)
    published_path.parent.mkdir(parents=True, exist_ok=True)
    with _one_build_at_a_time(published_path):
        _write_atomically(
            metadata_path(published_path), json.dumps(metadata(published_path), indent=2)
        )
        fd, tmp_name = tempfile.mkstemp(
            prefix=".publishing-", suffix=".db", dir=published_path.parent
        )
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            # Words a withdrawal left stale are rebuilt from the stories left, never published.
            theme_store.refresh_stale_words(db)
            counts, identities, members = _write_file(db, tmp, published_path, k)
            os.replace(tmp, published_path)
            _fsync_directory(published_path.parent)
            _write_atomically(identities_path(published_path), json.dumps(identities))
        finally:
            tmp.unlink(missing_ok=True)
        if served:
            theme_store.mark_published(db, members)
    return counts


def identities_path(published: str | Path) -> Path:
    """Where the working id behind each theme of the served file is kept (beside it, never
    served), so the next publication can tell a renamed theme from a new one."""
    published = Path(published)
    return published.with_name(published.stem + ".themes.json")


def _write_file(
    db: sqlite_utils.Database, tmp: Path, published_path: Path, k: int
) -> tuple[dict, dict, dict[int, list[int]]]:
    built_at = clock.now().strftime("%Y-%m-%d %H:%M:%S UTC")
    rows, members = published_rows_and_members(db, k)
    activity_titles = {a["id"]: a["title"] for a in rows["activities"]}
    identities, named_by_analyst = {}, set()
    for theme in rows["themes"]:
        working_id = str(theme.pop("working_id"))
        if theme.pop("label_source", None) == "analyst":
            named_by_analyst.add(working_id)
        identities[working_id] = [theme["label"], activity_titles.get(theme["activity_id"])]
    rows["changes"] = _changes(published_path, rows, built_at, identities, named_by_analyst)
    rows["about"] = [
        {"key": "built_at", "value": built_at},
        {"key": "suppression_threshold", "value": str(k)},
        {"key": "licence", "value": LICENCE},
    ]
    out = sqlite_utils.Database(tmp)
    try:
        # No journal and no syncing while building: until it is checked and swapped in, the
        # file is scratch, and a crash just leaves it to be deleted. One fsync at the end.
        out.execute("PRAGMA journal_mode = OFF")
        out.execute("PRAGMA synchronous = OFF")
        with out.conn:
            out.conn.executescript(SCHEMA)
            for table, table_rows in rows.items():
                if table_rows:
                    out[table].insert_all(table_rows)
        checks.check(db, out)
    finally:
        out.close()
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    return {table: len(table_rows) for table, table_rows in rows.items()}, identities, members


def _renamed(
    published_path: Path, identities: dict, before: dict, named_by_analyst: set[str]
) -> dict[tuple, tuple]:
    """(label, activity) now -> (label, activity) in the served file, for each theme that is
    the same working theme under a name an analyst gave it (a machine label rebuilt after a
    withdrawal is not told as a rename: its old name may hold the withdrawn story's words)."""
    try:
        served = json.loads(identities_path(published_path).read_text())
    except (OSError, ValueError):
        return {}
    renamed = {}
    for working_id, (label, activity) in identities.items():
        old = served.get(working_id)
        if (
            working_id in named_by_analyst
            and old
            and tuple(old) != (label, activity)
            and tuple(old) in before
        ):
            renamed[(label, activity)] = tuple(old)
    return renamed


def _changes(
    published_path: Path,
    rows: dict[str, list[dict]],
    built_at: str,
    identities: dict,
    named_by_analyst: set[str],
) -> list[dict]:
    """This publication's differences from the served one, on top of the earlier history.

    The history names only themes published now, by their labels now: a label no longer
    published (renamed, rebuilt after a withdrawal, or gone) is replaced by FORMER_THEME in
    every row, old ones included, since it may hold words of a story withdrawn since. A rename
    says the old name in the publication that made it only, for the same reason.
    """
    activity_titles = {a["id"]: a["title"] for a in rows["activities"]}
    now = {
        (t["label"], activity_titles.get(t["activity_id"])): t["size_band"] for t in rows["themes"]
    }
    before, history = previous(published_path)
    # A rename whose old name another theme now has is told as a new theme.
    renamed = {
        new: old
        for new, old in _renamed(published_path, identities, before, named_by_analyst).items()
        if old not in now
    }
    changes = []
    for (label, activity), band in sorted(now.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        was = renamed.get((label, activity), (label, activity))
        if was != (label, activity):
            changes.append(("renamed", label, activity, f"was {was[0]}"))
        elif was not in before:
            changes.append(("new theme", label, activity, f"size {band}"))
            continue
        if before[was] != band:
            changes.append(("size changed", label, activity, f"{before[was]} to {band}"))
    still = set(now) | set(renamed.values())
    for label, activity in sorted(set(before) - still, key=lambda k: (k[0], k[1] or "")):
        changes.append(("no longer published", label, activity, ""))
    new = [
        {"published_at": built_at, "change": c, "theme": t, "activity": a, "detail": d}
        for c, t, a, d in changes
    ]
    current = {label for label, _activity in now}
    earlier = [
        {**row, "detail": "from an earlier name"} if row["change"] == "renamed" else row
        for row in history
    ]
    return [
        {**row, "theme": row["theme"] if row["theme"] in current else FORMER_THEME}
        for row in (new + earlier)[:MAX_CHANGES_KEPT]
    ]


@contextmanager
def _one_build_at_a_time(published_path: Path) -> Iterator[None]:
    """Two workers publishing at once would race on the changes history: take turns."""
    lock = published_path.with_name(published_path.name + ".lock")
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            for leftover in published_path.parent.glob(".publishing-*.db"):
                leftover.unlink(missing_ok=True)  # from a build that was killed
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_directory(path: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


@job("publish")
def publish_job(db: sqlite_utils.Database, progress, published_path: str) -> None:
    """Background job: rebuild and swap in the published database."""
    progress(0.1, "building the published database")
    counts = build(db, published_path)
    progress(1.0, f"published {counts['themes']} themes and {counts['quotes']} quotes")
