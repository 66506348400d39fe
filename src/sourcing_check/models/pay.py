"""How work is paid, as a questionnaire or plan states it: the terms the wage working reads."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from sourcing_check.models.common import (
    Country,
    Currency,
    Hours,
    IsoDate,
    Minutes,
    Money,
    NonNegative,
    Section,
    Strict,
    Year,
)
from sourcing_check.models.text import Name, Text

PayModel = Literal["per_task", "hourly", "salaried"]


class ContractedHours(Strict):
    """Working hours with their own period, e.g. 40 hours per week."""

    hours: Hours = Field(description="The number of hours.")
    per: Literal["day", "week", "month", "year"] = Field(
        description="The period the hours are per: day, week, month or year."
    )


class ObservedEarnings(Section):
    """What workers were observed to earn per hour of work, over a period (e.g. a platform's
    own statistics): compared with the living wage beside the computed figure."""

    median_hourly: NonNegative = Field(description="Median effective pay per hour worked.")
    p25_hourly: NonNegative | None = Field(
        None, description="25th-percentile effective pay per hour worked (a quarter earn less)."
    )
    currency: Currency = Field(description="ISO 4217 currency of the figures.")
    period_from: IsoDate | None = Field(None, description="First day observed (YYYY-MM-DD).")
    period_to: IsoDate | None = Field(None, description="Last day observed (YYYY-MM-DD).")
    source: Text = Field(description="Who measured it and how (e.g. 'platform payout records').")
    date: IsoDate | None = Field(None, description="Date of the figures (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _p25_is_not_above_the_median(self) -> ObservedEarnings:
        # 'median 150, p25 260' judged pay on the 260 and turned a fail of PAI-1.2 into a pass
        median, p25 = self.median_hourly, self.p25_hourly
        if p25 is not None and p25 > median:
            message = (
                f"p25_hourly is {p25}, above median_hourly {median}: a 25th percentile is at "
                f"most the median; write the pay a quarter of workers earn less than (at most "
                f"{median}), or check the two are not swapped"
            )
            raise PydanticCustomError("p25_above_median", message, {"at": "/p25_hourly"})
        return self


class PayTerms(Section):
    """How work is paid: enough to compute an effective hourly wage."""

    model: PayModel | None = Field(
        None, description="Payment structure: per_task, hourly or salaried."
    )
    rate: Money | None = Field(
        None,
        description="Pay before fees, gross unless basis says take_home: per task, per hour, "
        "or per salary period.",
    )
    contracted_hours_per_period: Hours | None = Field(
        None,
        description="Hours the rate covers per its own period when it is per day, week, month "
        "or year (e.g. 173 for a monthly salary at 40 h/week); contracted_hours says the "
        "period explicitly.",
    )
    minutes_per_task: Minutes | None = Field(
        None, description="Estimated paid working time per task, in minutes (per-task pay)."
    )
    unpaid_minutes_per_task: NonNegative | None = Field(
        None,
        description="Unpaid time per task, in minutes: searching for work, reading "
        "instructions, waiting, unpaid breaks (per-task pay). 0 if none.",
    )
    unpaid_hours_per_period: NonNegative | None = Field(
        None,
        description="Unpaid hours worked on top of contracted hours, per the same period as "
        "the contracted hours (hourly or salaried pay). 0 if none.",
    )
    basis: Literal["gross", "take_home"] | None = Field(
        None,
        description="Whether the rate is gross (before income tax and workers' contributions) "
        "or take_home (after them); gross when not stated. Fees are given apart.",
    )
    contracted_hours: ContractedHours | None = Field(
        None,
        description="Hours the rate covers, with their own period: {hours: 40, per: week} on a "
        "monthly salary is 40 x 52 / 12 = 173.33 h a month.",
    )
    observed_earnings: ObservedEarnings | None = Field(
        None, description="What workers were observed to earn per hour, if measured."
    )

    @model_validator(mode="after")
    def _one_way_to_give_hours(self) -> PayTerms:
        if self.contracted_hours is not None and self.contracted_hours_per_period is not None:
            raise ValueError("give contracted_hours or contracted_hours_per_period, not both")
        return self


class BenchmarkFigure(Strict):
    """The supplier's benchmark figure for one worker location."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    region: Name | None = Field(None, description="State, region or city, where it differs.")
    amount: Money = Field(description="The figure per period (hour, day, week, month or year).")
    hours_per_period: Hours | None = Field(
        None, description="Working hours the figure assumes per its period (not for hour)."
    )
    year: Year | None = Field(None, description="Reference year, if not the benchmark's own.")

    @model_validator(mode="after")
    def _a_figure_per_hour_or_with_its_hours(self) -> BenchmarkFigure:
        # a figure per task, or per month without its hours, was dropped in silence
        period = self.amount.period
        if period == "task":
            message = (
                "a living wage is per hour, day, week, month or year, not per task: give the "
                "figure per the period it is published for"
            )
            raise PydanticCustomError("figure_per_task", message, {"at": "/amount/period"})
        if period != "hour" and not self.hours_per_period:
            message = (
                f"a figure per {period} needs hours_per_period, the working hours it assumes "
                f"per {period} (e.g. {_EXAMPLE_HOURS[period]})"
            )
            raise PydanticCustomError("figure_without_hours", message, {"at": "/hours_per_period"})
        return self


#: Working hours a figure per period assumes, for the example in a refusal.
_EXAMPLE_HOURS = {
    "day": "8 for an 8-hour day",
    "week": "40 for a 40-hour week",
    "month": "173.33 for a month of 40-hour weeks",
    "year": "2080 for a year of 40-hour weeks",
}
