"""Serve a file that is replaced with `os.replace` without restarting Datasette.

Datasette keeps one SQLite connection per thread, and a connection stays on the file it
opened: after `os.replace` it would go on reading the old, unlinked file. `FollowingDatabase`
notices that the path now names another file (its inode changed) and reopens, so each query
sees either the whole old publication or the whole new one, and nothing is refused meanwhile.
"""

from __future__ import annotations

import asyncio
import os
import threading

from datasette.database import Database


def file_identity(path: str) -> tuple[int, int, int]:
    """What changes when a file is replaced: device, inode and modification time."""
    stat = os.stat(path)
    return (stat.st_dev, stat.st_ino, stat.st_mtime_ns)


class FollowingDatabase(Database):
    """A read-only file database that reopens when its file is replaced."""

    def __init__(self, ds, path: str) -> None:
        super().__init__(ds, path=path, is_mutable=True)
        self._local = threading.local()

    def _connection(self):
        identity = file_identity(self.path)
        if getattr(self._local, "identity", None) != identity:
            old = getattr(self._local, "conn", None)
            if old is not None:
                old.close()
                self._all_file_connections.remove(old)
            conn = self.connect()
            self.ds._prepare_connection(conn, self.name)
            self._local.conn, self._local.identity = conn, identity
        return self._local.conn

    async def execute_fn(self, fn):
        if self.ds.executor is None:
            return fn(self._connection())
        return await asyncio.get_running_loop().run_in_executor(
            self.ds.executor, lambda: fn(self._connection())
        )


def follow_replaced_files(datasette) -> None:
    """Swap each served mutable file database for one that follows `os.replace`."""
    for name, database in list(datasette.databases.items()):
        if database.path and database.is_mutable and not isinstance(database, FollowingDatabase):
            datasette.remove_database(name)
            datasette.add_database(FollowingDatabase(datasette, database.path), name=name)
