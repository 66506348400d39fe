"""Building blocks shared by the input models: strict base, evidence, money, places."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from sourcing_check.models.iso_codes import COUNTRIES, CURRENCIES
from sourcing_check.models.text import Name, Text, Url

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
    if number and number.adjusted() < -30:  # 1e-999999 would print as a million digits
        raise PydanticCustomError("number_small", "Input should be 0 or at least 10^-30 in size")
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
                {
                    "example": "KE" if kind == "ISO 3166-1 alpha-2" else "USD",
                    **_meant_code(value, allowed, "country" if "3166" in kind else "currency"),
                },
            )
        return value

    return check


def _meant_code(value: Any, allowed: frozenset[str], kind: str) -> dict[str, str]:
    """The code a refused answer probably meant, as ``meant`` ('usd' or 'EU': 'USD', 'EUR'), with
    ``named`` for a name or another code of it ('Kenya' or 'KEN': 'KE', named 'Kenya')."""
    if not isinstance(value, str):
        return {}
    written = value.strip().upper()
    if written in allowed:
        return {"meant": written}
    from sourcing_check.models.iso_names import named  # read only for a refused answer

    found = named(kind, value)
    if found is not None and found[0] in allowed:
        return {"meant": found[0], "named": found[1]}
    size = len(next(iter(allowed)))
    if len(written) == size - 1:  # 'EU': the one code it begins, if only one does
        begun = [code for code in allowed if code.startswith(written)]
        return {"meant": begun[0]} if len(begun) == 1 else {}
    if len(written) != size:  # 'pesos' is no typo of 'SOS'
        return {}
    close = difflib.get_close_matches(written, sorted(allowed), n=1, cutoff=0.75)
    return {"meant": close[0]} if close else {}


def _number_schema(**bounds: float) -> dict[str, Any]:
    return {"type": "number", "minimum": -LARGEST_INT, "maximum": LARGEST_INT, **bounds}


#: Floors of the numbers the wage arithmetic divides by: far below any real value, far above
#: zero, so that no quotient can leave the range the money arithmetic works in.
MINUTES_FLOOR = Decimal("0.01")
HOURS_FLOOR = Decimal("0.1")
TASKS_FLOOR = Decimal(1)
AMOUNT_FLOOR = Decimal("0.000001")


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
#: Minutes of work per task (paid time a rate is divided by): at least 0.01 (0.6 s).
Minutes = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(ge=MINUTES_FLOOR),
    WithJsonSchema(_number_schema(minimum=float(MINUTES_FLOOR))),
]
#: Hours a rate per period covers (divided by): at least 0.1.
Hours = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(ge=HOURS_FLOOR),
    WithJsonSchema(_number_schema(minimum=float(HOURS_FLOOR))),
]
#: A number of tasks that one-off time is spread over (divided by): at least 1.
Tasks = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(ge=TASKS_FLOOR),
    WithJsonSchema(_number_schema(minimum=float(TASKS_FLOOR))),
]
#: A reference amount or currency rate that pay is divided by: at least 0.000001.
Positive = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(ge=AMOUNT_FLOOR),
    WithJsonSchema(_number_schema(minimum=float(AMOUNT_FLOOR))),
]
#: A whole number such as a count or an age, within the bound on every number.
Count = Annotated[int, Field(ge=0, le=LARGEST_INT)]
#: A calendar year.
Year = Annotated[int, Field(ge=1900, le=2200)]
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

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Evidence(Strict):
    """A document that substantiates an answer."""

    title: Name = Field(description="Title of the document, page or record.")
    reference: Name | None = Field(
        None, description="An internal reference, e.g. a policy number or file name."
    )
    url: Url | None = Field(None, description="Where a reviewer can read it, if it is online.")
    date: IsoDate | None = Field(None, description="Date of the document (YYYY-MM-DD).")


class Section(Strict):
    """A group of answers; each group can carry a comment and supporting evidence."""

    comment: Text | None = Field(
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

    name: Name = Field(description="Name of the person or function (e.g. 'Worker support desk').")
    role: Name | None = Field(None, description="Their role.")
    email: Name | None = Field(None, description="Contact e-mail address.")


#: Groups of workers who may not be free to refuse work, or who depend on it to survive.
VulnerableGroup = Literal["prisoners", "refugees", "migrant_workers", "extreme_poverty", "other"]
#: Where workers live or work, where it bears on their freedom or safety.
Setting = Literal[
    "office",
    "home",
    "community_centre",
    "refugee_settlement",
    "prison",
    "detention_centre",
    "conflict_area",
    "other",
]


class Place(Section):
    """Where workers are: country, and region or city where known."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code, e.g. KE, IN, PH.")
    region: Name | None = Field(
        None, description="State, region or city, where the living wage differs within a country."
    )

    @property
    def place(self) -> str:
        """The place for display, e.g. 'KE (Nairobi)'."""
        return self.country + (f" ({self.region})" if self.region else "")


class WorkerLocation(Place):
    """A location of the workforce."""

    share_percent: Percent | None = Field(
        None, description="Share of the workforce (or of this project's workers) here, in %."
    )
    languages: list[Name] = Field(
        default_factory=list, description="Working languages of the workers here."
    )
    setting: Setting | None = Field(
        None,
        description="Where the workers here live or work: office, home, community_centre, "
        "refugee_settlement, prison, detention_centre, conflict_area or other. The settings the "
        "framework lists as high-risk (by default a refugee settlement, prison, detention centre "
        "or conflict area) make the requirements for vulnerable workers apply.",
    )


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

    channels: list[Name] = Field(
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
    update_interval_days: NonNegative | None = Field(
        None,
        description="How often workers are told how the work is going and what comes next (e.g. "
        "7 for a weekly update), in days.",
    )
    feedback_outcomes_shared: bool | None = Field(
        None,
        description="After workers give feedback, are they told what changed as a result, or "
        "why nothing did?",
    )
