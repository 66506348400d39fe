"""What the wage working of one worker location starts from, and the record it keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from sourcing_check.models.common import Rejection
from sourcing_check.models.facts import WageStep
from sourcing_check.models.numbers import plain_json
from sourcing_check.models.pay import BenchmarkFigure, PayTerms
from sourcing_check.models.vendor import Benchmark, TimePaid
from sourcing_check.reference.lookup import Reference

ZERO = Decimal(0)
T = TypeVar("T")


@dataclass(frozen=True)
class Location:
    """One worker location with the pay terms that apply there."""

    country: str
    region: str | None
    terms: PayTerms
    where: str  # subject pointer of the terms (model, times, unpaid time, hours)
    rate_where: str | None = None  # where the rate is, when it differs (a project's location rate)
    hours_where: str | None = None  # where the contracted hours are, when they differ

    @property
    def rate_at(self) -> str:
        """The subject pointer of the section that holds this location's rate."""
        return self.rate_where or self.where

    @property
    def hours_at(self) -> str:
        """The subject pointer of the section that holds this location's contracted hours."""
        return self.hours_where or self.where

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
    #: The vendor's answer on which activities around tasks are paid (a zero of unpaid time
    #: that contradicts it is not taken).
    time_paid: TimePaid | None = None
    #: Whether that answer also describes hourly and salaried terms (see facts/unpaid_time.py).
    time_paid_hours: bool = True
    #: Where that answer is, when it is consulted (None: it is not).
    time_paid_at: str | None = None
    #: Where the rejection policy taken is, when not at ``rejection_at`` (a plan's vendor's;
    #: what is missing is still asked at ``rejection_at``).
    rejection_from: str | None = None
    #: The answers read in gathering these terms (a pilot's time, unpaid qualification and
    #: training, a plan's fee not given), by pointer: every line with a rate read them.
    read: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Setting:
    """The reference data, date and parameters the working of every location uses."""

    reference: Reference
    date: dt.date
    index_benchmarks: bool = True
    max_benchmark_age_years: int = 3
    max_rate_age_days: int = 90
    prefer_higher_benchmark: bool = False
    wage_time_basis: str = "p75"
    full_time_hours_per_week: Decimal = Decimal(30)
    #: The vendor's benchmark, when it is a living wage with figures per location.
    vendor_benchmark: Benchmark | None = None

    @classmethod
    def of(
        cls,
        reference: Reference,
        date: dt.date,
        params: Mapping[str, Any],
        vendor_benchmark: Benchmark | None = None,
    ) -> Setting:
        """The setting of a run, from the framework's parameters (defaults where undeclared)."""
        if vendor_benchmark is not None and vendor_benchmark.kind != "living_wage":
            vendor_benchmark = None  # only a living wage is a living wage
        return cls(
            reference=reference,
            date=date,
            index_benchmarks=bool(params.get("index_benchmarks", True)),
            max_benchmark_age_years=int(params.get("max_benchmark_age_years", 3)),
            max_rate_age_days=int(params.get("max_rate_age_days", 90)),
            prefer_higher_benchmark=bool(params.get("prefer_higher_benchmark", False)),
            wage_time_basis=str(params.get("wage_time_basis", "p75")),
            full_time_hours_per_week=Decimal(str(params.get("full_time_hours_per_week", 30))),
            vendor_benchmark=vendor_benchmark,
        )

    def vendor_figure(self, country: str, region: str | None) -> BenchmarkFigure | None:
        """The vendor's figure for a location: its region's, else the country's."""
        figures = self.vendor_benchmark.figures if self.vendor_benchmark else []
        national = None
        for figure in figures:
            if figure.country != country:
                continue
            if figure.region is None:
                national = figure
            elif region and figure.region.casefold() == region.casefold():
                return figure
        return national


@dataclass
class Working:
    """The working of one location so far: what is missing, the steps shown, the caveats."""

    missing: list[str] = field(default_factory=list)
    #: The missing answers that can only lower the pay (fees, unpaid time, unpaid rejections).
    lowering: list[str] = field(default_factory=list)
    steps: list[WageStep] = field(default_factory=list)
    #: Why a pass computed here could not be confirmed (a stale benchmark or rate, a basis).
    caveats: list[str] = field(default_factory=list)
    #: The answers read, by subject pointer, as plain JSON (never in a ``recorded`` working:
    #: what is kept there serves every subject).
    read: dict[str, Any] = field(default_factory=dict)

    def reads(self, pointer: str, value: Any) -> None:
        """Record the answer at ``pointer`` that a step reads (None: not answered); the first
        reading of a pointer is kept."""
        if pointer not in self.read:
            self.read[pointer] = as_json(value)

    def step(self, label: str, formula: str, value: str) -> None:
        """Show one step of the arithmetic."""
        self.steps.append(WageStep(label=label, formula=formula, value=value))

    def lacks(self, what: str, *, lowers: bool = False) -> None:
        """Record a missing answer, ``what`` being 'ANSWER: why it is needed'; ``lowers`` when
        answering it could only lower the pay. An answer already recorded keeps its first
        wording (a salary's contracted hours are asked for once, not again to weigh unpaid
        hours), and no longer counts as lowering once a step needs it to compute the pay."""
        answer = what.partition(": ")[0]
        for listed in self.missing:
            if listed.partition(": ")[0] == answer:
                if not lowers and listed in self.lowering:
                    self.lowering.remove(listed)
                return
        self.missing.append(what)
        if lowers:
            self.lowering.append(what)

    def absorb(self, other: Working) -> None:
        """Add another working's record after this one's (the benchmark after the pay)."""
        self.missing.extend(other.missing)
        self.lowering.extend(other.lowering)
        self.steps.extend(other.steps)
        self.caveats.extend(other.caveats)
        for pointer, value in other.read.items():
            self.read.setdefault(pointer, value)
        other.missing, other.lowering, other.steps, other.caveats = [], [], [], []
        other.read = {}

    @property
    def only_lowering_missing(self) -> bool:
        """True when everything missing could only lower the pay (a bound can be shown)."""
        return all(item in self.lowering for item in self.missing)


def as_json(value: Any) -> Any:
    """An answer as plain JSON, as a finding quotes it: a section as the fields it was given,
    a number as a JSON number (so that 173 and 173.0 are one answer), a date as YYYY-MM-DD."""
    if isinstance(value, BaseModel):
        value = value.model_dump(exclude_unset=True, by_alias=True)
    return plain_json(value, numbers=True)


@dataclass(frozen=True)
class Record:
    """What a working recorded (missing, lowering, steps, caveats), kept to be replayed."""

    missing: tuple[str, ...]
    lowering: tuple[str, ...]
    steps: tuple[WageStep, ...]
    caveats: tuple[str, ...]

    def replay(self, work: Working) -> None:
        """Add the record to ``work``, as the working that made it would have."""
        work.missing.extend(self.missing)
        work.lowering.extend(self.lowering)
        work.steps.extend(self.steps)
        work.caveats.extend(self.caveats)


def recorded(
    setting: Setting, key: tuple[Hashable, ...], compute: Callable[[Working], T], work: Working
) -> T:
    """``compute(work)`` for a result that depends on the run's tables and ``key`` alone (a
    location's benchmark): worked out once per run and replayed into ``work`` after that. The
    result must be immutable; ``compute`` may only add to the working it is given."""

    def make() -> tuple[T, Record]:
        own = Working()
        result = compute(own)
        record = Record(
            tuple(own.missing), tuple(own.lowering), tuple(own.steps), tuple(own.caveats)
        )
        return result, record

    result, record = setting.reference.memo(key, make)
    record.replay(work)
    return result
