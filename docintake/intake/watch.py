"""Watching the inbox: file events, a periodic full rescan, and a one-shot mode.

* File events come from watchdog's native ``Observer`` (inotify, FSEvents,
  ReadDirectoryChangesW); ``poll=True`` uses its ``PollingObserver`` instead,
  because SMB/NFS shares do not deliver events written by other machines. When
  the native observer cannot start (inotify watch limit) polling takes over.
* Events are only hints: they add paths to check. A full rescan every
  ``rescan`` seconds is the safety net for missed events, and it also finishes
  the work of dead watchers (``Intake.recover``).
* A file is taken when ``StabilityTracker`` says its size and mtime held still
  for ``delay`` seconds; it is stat'ed once more right before the claim.
* All claiming and processing happens on the calling thread, one file at a
  time; the observer thread only collects paths.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docintake.intake.inbox import Layout, dir_skip_reason, scan_inbox, stat_candidate
from docintake.intake.runner import Intake, Placed
from docintake.intake.stability import StabilityTracker, skip_reason

log = logging.getLogger("docintake.intake")

OnPlaced = Callable[[Placed], None]


def tick_for(delay: float) -> float:
    """How often tracked files are re-stat'ed: a quarter of the delay, 0.05-1 s.

    >>> tick_for(0.1), tick_for(5), tick_for(60)
    (0.05, 1.0, 1.0)
    """
    return min(1.0, max(0.05, delay / 4))


class Watcher:
    """Stability bookkeeping over an ``Intake``: observe paths, take the stable ones."""

    def __init__(self, intake: Intake, *, delay: float, on_placed: OnPlaced | None = None):
        self.intake = intake
        self.tracker = StabilityTracker(delay)
        self.on_placed = on_placed or (lambda placed: None)

    def scan_all(self, now: float) -> None:
        """Observe every candidate in the inbox; forget tracked files that are gone."""
        seen = set()
        for path, st in scan_inbox(self.intake.layout):
            self.tracker.observe(path, size=st.st_size, mtime_ns=st.st_mtime_ns, now=now)
            seen.add(path)
        for path in self.tracker.tracked():
            if path not in seen:
                self.tracker.forget(path)

    def observe(self, paths: Iterable[Path], now: float) -> None:
        for path in paths:
            st = stat_candidate(path)
            if st is None or skip_reason(path.name) is not None:
                self.tracker.forget(path)
            else:
                self.tracker.observe(path, size=st.st_size, mtime_ns=st.st_mtime_ns, now=now)

    def take_stable(self, clock: Callable[[], float]) -> list[Placed]:
        """Claim and place every stable file; each is stat'ed again just before."""
        placed = []
        for path in self.tracker.stable(clock()):
            self.observe([path], clock())
            if not self.tracker.is_stable(path, clock()):
                continue  # changed again (or vanished) since the last look
            self.tracker.forget(path)
            result = self.intake.take(path)
            if result is not None:
                placed.append(result)
                self.on_placed(result)
        return placed


@dataclass
class OnceReport:
    placed: list[Placed] = field(default_factory=list)
    still_changing: list[Path] = field(default_factory=list)


def run_once(intake: Intake, *, delay: float, clock: Callable[[], float] = time.monotonic,
             sleep: Callable[[float], None] = time.sleep, on_placed: OnPlaced | None = None) -> OnceReport:
    """Take what is in the inbox now, waiting out the delay once; leave files still being written."""
    report = OnceReport(placed=intake.recover())
    for placed in report.placed:
        (on_placed or (lambda p: None))(placed)
    watcher = Watcher(intake, delay=delay, on_placed=on_placed)
    start = clock()
    watcher.scan_all(start)
    while watcher.tracker.tracked():
        watcher.observe(watcher.tracker.tracked(), clock())
        report.placed += watcher.take_stable(clock)
        if clock() - start >= delay:
            break  # every file unchanged since the first look is stable by now, and taken
        sleep(min(tick_for(delay), max(0.0, start + delay - clock())))
    report.still_changing = watcher.tracker.tracked()
    return report


class _Collector:
    """A watchdog event handler that only records which paths changed (observer thread)."""

    def __init__(self, layout: Layout, wake: threading.Event):
        self.ignored = tuple(str(p) + os.sep for p in (*layout.outputs(), layout.claimed))
        self.wake = wake
        self._lock = threading.Lock()
        self._paths: set[Path] = set()
        self._rescan = False

    def dispatch(self, event) -> None:
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        paths = [os.fsdecode(p) for p in paths if not os.fsdecode(p).startswith(self.ignored)]
        if not paths:
            return
        with self._lock:
            if event.is_directory:
                self._rescan = True  # a folder copied in at once may not report each file
            self._paths.update(Path(p) for p in paths)
        self.wake.set()

    def drain(self) -> tuple[set[Path], bool]:
        with self._lock:
            paths, rescan = self._paths, self._rescan
            self._paths, self._rescan = set(), False
        return paths, rescan


def quiet_rewatch() -> None:
    """Silence watchdog's warning that a folder is watched twice. A folder made
    inside the inbox (``processed/2026-11``, a claim) is watched once for its
    creation event and once more by its parent's walk; watchdog replaces the
    first watch with the same callback, so no event is lost, but the warning
    reached the clerk's terminal with the whole watch table in it."""
    warnings.filterwarnings("ignore", message="Callback with id .* already exists for watch",
                            category=RuntimeWarning, module="watchdog")


def start_observer(layout: Layout, handler: _Collector, *, poll: bool, interval: float):
    """A running watchdog observer over the inbox (polling if asked or if events are unavailable)."""
    from watchdog.observers import Observer

    quiet_rewatch()

    observer = _polling_observer(layout, interval) if poll else Observer()
    observer.schedule(handler, str(layout.inbox), recursive=True)
    try:
        observer.start()
    except OSError as exc:  # e.g. inotify watch limit reached
        log.warning("file events unavailable (%s); polling the inbox every %.0f s instead", exc, interval)
        observer = _polling_observer(layout, interval)
        observer.schedule(handler, str(layout.inbox), recursive=True)
        observer.start()
    return observer


def _polling_observer(layout: Layout, interval: float):
    from watchdog.observers.polling import PollingObserverVFS

    return PollingObserverVFS(os.stat, inbox_listdir(layout), polling_interval=interval)


def inbox_listdir(layout: Layout) -> Callable[[str], Iterator[os.DirEntry]]:
    """``os.scandir`` without the folders ``scan_inbox`` skips, for watchdog's polling observer:
    on a share, months of processed/ would otherwise be stat'ed over the network at every poll."""
    excluded = {os.path.normcase(str(p)) for p in (*layout.outputs(), layout.claimed)}

    def listdir(folder: str) -> Iterator[os.DirEntry]:
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False) and (
                os.path.normcase(entry.path) in excluded or dir_skip_reason(entry.name)
            ):
                continue
            yield entry

    return listdir


def watch(intake: Intake, *, delay: float, rescan: float, poll: bool = False,
          stop: threading.Event | None = None, clock: Callable[[], float] = time.monotonic,
          on_placed: OnPlaced | None = None) -> None:
    """Run until ``stop`` is set: events and a rescan every ``rescan`` s find files to take."""
    stop = stop or threading.Event()
    wake = threading.Event()
    watcher = Watcher(intake, delay=delay, on_placed=on_placed)
    collector = _Collector(intake.layout, wake)
    observer = start_observer(intake.layout, collector, poll=poll, interval=max(1.0, delay / 2))
    next_rescan = clock()
    try:
        while not stop.is_set():
            paths, full = collector.drain()
            if full or clock() >= next_rescan:
                for placed in intake.recover():
                    watcher.on_placed(placed)
                watcher.scan_all(clock())
                next_rescan = clock() + rescan
            watcher.observe(paths | set(watcher.tracker.tracked()), clock())
            watcher.take_stable(clock)
            idle = tick_for(delay) if len(watcher.tracker) else 0.25  # how soon `stop` is seen
            wake.wait(min(idle, max(0.0, next_rescan - clock())))
            wake.clear()
    finally:
        observer.stop()
        observer.join(timeout=5)
