"""Our Thai-digit recogniser (placeholder until the model is trained)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Fix:
    text: str
    reason: str


def load_digit_model(models_dir: Path):
    return None
