"""Building blocks shared by the input models: strict base, evidence, money, places."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sourcing_check.models.iso_codes import COUNTRIES, CURRENCIES

#: Bound on any number in an input: far above any real pay or count, and keeps Decimal
#: arithmetic away from overflow on hostile input such as 1e999999999.
LARGEST_INT = 10**15
LARGEST = Decimal(LARGEST_INT)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("number_type", "Input should be a number")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite() or number.adjusted() > 15 or abs(number) > LARGEST:
        raise PydanticCustomError("number_range", "Input should be a number below 10^15")
    return number


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise PydanticCustomError("date_format", "Input should be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_value", "Input is not a real calendar date") from None


def _code(kind: str, allowed: frozenset[str]) -> Any:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise PydanticCustomError(
                f"{kind}_code",
                f"Input should be an {kind} code (upper case, e.g. {{example}})",
                {"example": "KE" if kind == "ISO 3166-1 alpha-2" else "USD"},
            )
        return value

    return check


def _number_schema(**bounds: int) -> dict[str, Any]:
    return {"type": "number", "minimum": -LARGEST_INT, "maximum": LARGEST_INT, **bounds}


Number = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema(_number_schema())]
NonNegative = Annotated[
    Decimal, BeforeValidator(_number), Field(ge=0), WithJsonSchema(_number_schema(minimum=0))
]
Percent = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(ge=0, le=100),
    WithJsonSchema(_number_schema(minimum=0, maximum=100)),
]
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Country = Annotated[
    str,
    BeforeValidator(_code("ISO 3166-1 alpha-2", COUNTRIES)),
    WithJsonSchema({"type": "string", "enum": sorted(COUNTRIES)}),
]
Currency = Annotated[
    str,
    BeforeValidator(_code("ISO 4217", CURRENCIES)),
    WithJsonSchema({"type": "string", "enum": sorted(CURRENCIES)}),
]
Period = Literal["task", "hour", "day", "week", "month", "year"]


class Strict(BaseModel):
    """Base for every input model: unknown fields are errors, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Evidence(Strict):
    """A document that substantiates an answer."""

    title: str = Field(description="Title of the document, page or record.")
    reference: str | None = Field(
        None, description="An internal reference, e.g. a policy number or file name."
    )
    url: str | None = Field(None, description="Where a reviewer can read it, if it is online.")
    date: IsoDate | None = Field(None, description="Date of the document (YYYY-MM-DD).")


class Section(Strict):
    """A group of answers; each group can carry a comment and supporting evidence."""

    comment: str | None = Field(
        None, description="Free-text comment on the answers in this section."
    )
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="Documents that substantiate the answers in this section.",
    )


class Money(Strict):
    """An amount of money per period."""

    amount: NonNegative = Field(description="The amount, as a number (e.g. 0.05 or 32000).")
    currency: Currency = Field(description="ISO 4217 currency code, e.g. USD, KES, INR.")
    period: Period = Field(description="What the amount is paid for: task, hour, ..., year.")


class Contact(Strict):
    """A person or function that can be reached."""

    name: str = Field(description="Name of the person or function (e.g. 'Worker support desk').")
    role: str | None = Field(None, description="Their role.")
    email: str | None = Field(None, description="Contact e-mail address.")


class Place(Section):
    """Where workers are: country, and region or city where known."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code, e.g. KE, IN, PH.")
    region: str | None = Field(
        None, description="State, region or city, where the living wage differs within a country."
    )


class WorkerLocation(Place):
    """A location of the workforce."""

    share_percent: Percent | None = Field(
        None, description="Share of the workforce (or of this project's workers) here, in %."
    )
    languages: list[str] = Field(
        default_factory=list, description="Working languages of the workers here."
    )


PayModel = Literal["per_task", "hourly", "salaried"]


class ContractedHours(Strict):
    """Working hours with their own period, e.g. 40 hours per week."""

    hours: NonNegative = Field(gt=0, description="The number of hours.")
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
    source: str = Field(description="Who measured it and how (e.g. 'platform payout records').")
    date: IsoDate | None = Field(None, description="Date of the figures (YYYY-MM-DD).")


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
    contracted_hours_per_period: NonNegative | None = Field(
        None,
        description="Hours the rate covers per its own period when it is per day, week, month "
        "or year (e.g. 173 for a monthly salary at 40 h/week); contracted_hours says the "
        "period explicitly.",
    )
    minutes_per_task: NonNegative | None = Field(
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


class Rejection(Section):
    """What happens when work is rejected."""

    rejected_work_paid: Literal["always", "except_fraud", "never"] | None = Field(
        None, description="Is rejected work paid: always, except_fraud (proven fraud only), never."
    )
    expected_rate_percent: Percent | None = Field(
        None, description="Share of submitted tasks expected to be rejected, in %."
    )
    reasons_given: bool | None = Field(
        None, description="Does every rejection come with a reason the worker can read?"
    )
    appeal_available: bool | None = Field(None, description="Can a worker appeal a rejection?")
    human_review_of_appeals: bool | None = Field(
        None, description="Is every appeal decided by a person, not only by an automated system?"
    )


class Communication(Section):
    """How workers ask questions, raise concerns and hear of changes."""

    channels: list[str] = Field(
        default_factory=list,
        description="Channels workers can use to ask questions or give feedback "
        "(e.g. 'task forum', 'e-mail', 'Slack channel').",
    )
    owner: Contact | None = Field(None, description="Who owns the channel and answers workers.")
    response_target_hours: NonNegative | None = Field(
        None, description="Target time to answer a worker's question, in hours."
    )
    requester_identity_shown: bool | None = Field(
        None, description="Do workers see who the requester (the AI team) is and how to reach them?"
    )
    change_notice_days: NonNegative | None = Field(
        None, description="Notice given to workers of changes to task, pay or project end, in days."
    )
