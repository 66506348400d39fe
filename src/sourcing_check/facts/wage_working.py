"""What the wage working of one worker location starts from, and the record it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sourcing_check.models.common import PayTerms, Rejection
from sourcing_check.models.facts import WageStep

ZERO = Decimal(0)


@dataclass(frozen=True)
class Location:
    """One worker location with the pay terms that apply there."""

    country: str
    region: str | None
    terms: PayTerms
    where: str  # subject pointer of the terms

    @property
    def place(self) -> str:
        """The location for display, e.g. 'KE (Nairobi)'."""
        return self.country + (f" ({self.region})" if self.region else "")


@dataclass(frozen=True)
class Shared:
    """What every location of a vendor or a project shares, and where each is answered."""

    fee_percent: Decimal | None
    fee_at: str
    rejection: Rejection | None
    rejection_at: str
    minutes: Decimal | None = None  # a pilot time that replaces the estimate per task
    minutes_basis: str | None = None  # which pilot time, for display
    one_off_unpaid_minutes: Decimal = ZERO  # unpaid qualification and training
    tasks_per_worker: Decimal | None = None


@dataclass
class Working:
    """The working of one location so far: what is missing and the steps shown."""

    missing: list[str] = field(default_factory=list)
    steps: list[WageStep] = field(default_factory=list)

    def step(self, label: str, formula: str, value: str) -> None:
        """Show one step of the arithmetic."""
        self.steps.append(WageStep(label=label, formula=formula, value=value))
