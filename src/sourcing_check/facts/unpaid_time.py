"""Unpaid time around tasks: which activities a vendor leaves unpaid, and whether it is counted.

PAI's guideline 1 sets pay with the time for the task *and the activities around it*. The
vendor's ``time_paid`` says which activities are paid working time. An activity left unpaid
must be counted as unpaid time in the wage of every rate it lowers: per-task pay counts
searching for work, reading instructions and short breaks in ``unpaid_minutes_per_task`` (as
that field says); hourly and salaried pay counts the work among them (searching, reading
instructions) in ``unpaid_hours_per_period``, hours *worked* on top of contracted hours. A
break is not worked, so an unpaid break does not lower an hourly or salaried wage, and time
inside contracted hours is paid: employees so paid answer ``true`` and are not penalised.
The answer is one for the whole vendor; where it also reports per-task rates, it is read as
describing them, and its hourly and salaried rates are judged by their own unpaid hours.
"""

from __future__ import annotations

from collections.abc import Sequence

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.models.facts import UnpaidTimeFact
from sourcing_check.models.pay import PayModel, PayTerms
from sourcing_check.models.vendor import TimePaid

#: The activities around tasks, in the words a finding uses.
ACTIVITIES = {
    "searching_for_work": "searching for work",
    "reading_instructions": "reading instructions",
    "breaks": "short breaks",
}
#: What is asked of each activity when the answer is missing.
_QUESTIONS = {
    "searching_for_work": "whether time spent searching for work is paid",
    "reading_instructions": "whether time spent reading instructions is paid",
    "breaks": "whether short breaks are paid",
}
#: Where the unpaid time of each pay model is counted, and which activities it covers.
_COUNTED_IN = {
    "per_task": (
        "unpaid_minutes_per_task",
        ("searching_for_work", "reading_instructions", "breaks"),
    ),
    "hourly": ("unpaid_hours_per_period", ("searching_for_work", "reading_instructions")),
    "salaried": ("unpaid_hours_per_period", ("searching_for_work", "reading_instructions")),
}
_AT = "/vendor/pay/time_paid"


def unpaid_around_tasks(time_paid: TimePaid | None, model: PayModel) -> list[str]:
    """The activities stated unpaid (``false``) that lower a wage paid by ``model``."""
    if time_paid is None:
        return []
    return [ACTIVITIES[key] for key in _COUNTED_IN[model][1] if getattr(time_paid, key) is False]


def activities_of(model: PayModel) -> tuple[str, ...]:
    """The ``time_paid`` answers (keys) that bear on a wage paid by ``model``."""
    return _COUNTED_IN[model][1]


def counted_in(model: PayModel) -> str:
    """The field of a rate that counts unpaid time under ``model``."""
    return _COUNTED_IN[model][0]


def describes_hours(rates: Sequence[PayTerms]) -> bool:
    """Whether a vendor's ``time_paid`` describes its hourly and salaried rates: only when it
    reports no per-task rate (a mixed vendor's answer is read as its per-task workers')."""
    return not any(rate.model == "per_task" for rate in rates)


def uncounted(terms: PayTerms, time_paid: TimePaid | None, *, hours: bool = True) -> list[str]:
    """The unpaid activities a rate covers although it states no unpaid time (0) at all;
    ``hours`` false when the answer does not describe hourly and salaried terms."""
    if terms.model is None or (terms.model != "per_task" and not hours):
        return []
    if getattr(terms, counted_in(terms.model)) != 0:
        return []
    return unpaid_around_tasks(time_paid, terms.model)


def unpaid_time(inputs: Inputs, ctx: Context) -> UnpaidTimeFact | None:
    """The vendor's unpaid activities around tasks, and the rates that do not count them."""
    vendor = inputs.vendor
    if vendor is None:
        return None
    pay = vendor.pay
    time_paid = pay.time_paid if pay else None
    missing = [
        f"{_AT}/{key}: {_QUESTIONS[key]}"
        for key in ACTIVITIES
        if time_paid is None or getattr(time_paid, key) is None
    ]
    unpaid = [word for key, word in ACTIVITIES.items() if getattr(time_paid, key, None) is False]
    not_counted: list[str] = []
    rates = pay.rates if pay else []
    hours = describes_hours(rates)
    if unpaid and not rates:
        missing.append("/vendor/pay/rates: pay per worker location, with its unpaid time")
    for index, rate in enumerate(rates):
        at = f"/vendor/pay/rates/{index}"
        place = rate.country + (f" ({rate.region})" if rate.region else "")
        if rate.model is None:
            if unpaid:
                missing.append(f"{at}/model: the pay model (per_task, hourly or salaried)")
            continue
        if rate.model != "per_task" and not hours:
            continue
        field = counted_in(rate.model)
        if unpaid_around_tasks(time_paid, rate.model) and getattr(rate, field) is None:
            missing.append(f"{at}/{field}: the unpaid time this rate's workers spend (0 if none)")
        left_out = uncounted(rate, time_paid)
        if left_out:
            not_counted.append(f"{place}: {' and '.join(left_out)} unpaid, but {field} is 0")
    return UnpaidTimeFact(missing=missing, unpaid=unpaid, uncounted=not_counted)
