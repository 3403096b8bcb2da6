"""Warnings and per-field confidence, collected while a letter is parsed."""

from __future__ import annotations

from dataclasses import dataclass, field

from docintake.models import ParseWarning


@dataclass
class Notes:
    warnings: list[ParseWarning] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)

    def warn(self, code: str, field_name: str | None, message: str) -> None:
        if not any(w.code == code and w.field == field_name and w.message == message for w in self.warnings):
            self.warnings.append(ParseWarning(code=code, field=field_name, message=message))

    def conf(self, field_name: str, value: float) -> None:
        """Record a field's confidence; several readings keep the lowest."""
        value = round(max(0.0, min(1.0, value)), 2)
        self.confidence[field_name] = min(value, self.confidence.get(field_name, 1.0))

    def unreadable(self, field_name: str, message: str) -> None:
        self.warn("unreadable", field_name, message)
        self.confidence[field_name] = 0.0
