"""SQLite's write-ahead log copied back into the database file outside the updates.

By default SQLite checkpoints inside the commit that takes the log past 1,000 pages: that commit
copies the pages and syncs the file, on the event loop's thread (models.sqlite_inloop), so about
one update in a hundred waited several milliseconds for it. The bot's connections switch the
automatic checkpoint off, and a thread of its own with a connection of its own runs a passive
checkpoint every CHECKPOINT_SECONDS: it copies what every open transaction has already seen,
never waits for a reader or a writer, and holds no lock the loop's connections wait on. SQLite
still checkpoints when the last connection to the file closes, so a process that stops leaves
no log behind.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

log = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 0.2


class Checkpointer:
    """A daemon thread checkpointing one SQLite file while connections to it are open."""

    def __init__(self, path: str, every: float = CHECKPOINT_SECONDS) -> None:
        self.path = path
        self.every = every
        self.runs = 0  # checkpoints made (for tests)
        self.last: tuple[int, int, int] | None = None  # (busy, frames in log, frames copied)
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._guard = threading.RLock()
        self._connections = 0

    def opened(self) -> None:
        with self._guard:
            self._connections += 1
            self.start()

    def closed(self) -> None:
        with self._guard:
            self._connections = max(0, self._connections - 1)
            if not self._connections:
                self.stop()

    def start(self) -> None:
        """Idempotent; after stop() it starts a new thread (an engine may connect again)."""
        with self._guard:
            if self._thread is not None:
                return
            self._stopping = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(self._stopping,), name="sqlite-wal", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        with self._guard:
            thread, self._thread = self._thread, None
            self._stopping.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self, stopping: threading.Event) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as error:
            log.warning("no WAL checkpoints for %s: %s", self.path, error)
            return
        try:
            while not stopping.wait(self.every):
                self.checkpoint(conn)
        finally:
            conn.close()

    def checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as error:  # a removed file, a disk error: try again next time
            log.warning("WAL checkpoint of %s failed: %s", self.path, error)
            return
        self.last = (int(row[0]), int(row[1]), int(row[2]))
        self.runs += 1
