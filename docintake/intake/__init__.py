"""Intake: getting pages out of the files a clerk scans (``load``)."""
