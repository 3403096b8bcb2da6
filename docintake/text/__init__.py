"""Text normalisation and the domain vocabulary the parser keys on."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)
T = TypeVar("T")
_LINE_CACHES: list = []


def line_cache(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache`` for a pure function of a line (or of a letter's
    text) that the parser calls again and again on the same strings, made
    known to :func:`clear_line_caches`. A cached result is shared by every
    caller: a function whose result callers change must return copies."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _LINE_CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def fresh(hit: T) -> T:
    """A copy of a cached dataclass ``hit`` whose list fields are its own:
    callers of a cached reader add problems, candidates, readings in place."""
    return dataclasses.replace(hit, **{f.name: list(value) for f in dataclasses.fields(hit)
                                       if isinstance(value := getattr(hit, f.name), list)})


def clear_line_caches() -> None:
    """Forget the per-line caches (digits, comparison keys, label matches, ...).

    Parsing converts and matches the same lines many times over, so these
    are cached; a benchmark that parses one bundle again and again clears
    them between files, or it would time cache hits a new scan never gets.
    """
    for cached in _LINE_CACHES:
        cached.cache_clear()
