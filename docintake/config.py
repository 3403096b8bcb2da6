"""Settings, built once by the CLI and passed in; nothing reads globals."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pydantic import BaseModel, Field

REPO_ROOT = Path(__file__).resolve().parents[1]


def default_models_dir() -> Path:
    """``models/`` beside the package (editable install), or ``$DOCINTAKE_MODELS``."""
    return Path(os.environ.get("DOCINTAKE_MODELS", REPO_ROOT / "models"))


def default_db_path() -> Path:
    return Path(os.environ.get("DOCINTAKE_DB", "docintake.db"))


class Settings(BaseModel):
    langs: str = "tha+eng"
    dpi: int = 300  # rasterisation of PDFs
    jobs: int = Field(default_factory=lambda: os.cpu_count() or 1)
    ocr_timeout: float = 180.0  # seconds per page for the tesseract subprocess
    models_dir: Path = Field(default_factory=default_models_dir)
    db_path: Path = Field(default_factory=default_db_path)
    today: dt.date | None = None  # None: the caller passes dt.date.today() at the edge
