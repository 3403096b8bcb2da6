"""A forwarding letter dated before the copy it encloses: its own date is misread.

A letter cannot forward a letter not yet written. When the enclosed copy's
date is printed alike twice, in its own letterhead and in the forwarding
letter's listing of it, that date stands, and a forwarding letter dated
before it was misread (seed 74: ``๕ พฤศจิกายน`` for ๘, forwarding a copy of
the 6th). Its date is withdrawn with a warning rather than kept wrong. Pure.
"""

from __future__ import annotations

from docintake.models import Enclosure
from docintake.parse.letter import Parsed
from docintake.parse.plausibility import warn


def check_forwarder_date(forwarder: Parsed, enc: Enclosure, copy: Parsed) -> None:
    """Withdraw ``forwarder``'s date when it is before the date of ``copy``,
    the copy it lists as ``enc``, printed alike in both places."""
    own, theirs = forwarder.letter.date, copy.letter.date
    if own is None or theirs is None or enc.date != theirs or own >= theirs:
        return
    warn(forwarder, "date_before_enclosure", "date",
         f"letter date {own.isoformat()} is before {theirs.isoformat()}, the date of the copy it encloses "
         f"({copy.letter.doc_no or enc.text[:60]!r}), printed alike in that copy and in this letter's list: "
         "this letter's date is misread, withdrawn")
    forwarder.letter.date = None
    forwarder.notes.confidence["date"] = 0.0
