"""Pay so far above the living wage that its answers were probably misread (W208).

A monthly salary entered per hour (KES 72,000 an hour), a weekly one per hour, or a per-task
rate with the minutes of a batch for one task, passes every pay requirement by a factor of a
hundred, and nothing else would tell. Real pay that high is rare but exists (clinicians and
lawyers label data), so this is a warning that asks to check the answers, never a status.
"""

from __future__ import annotations

from decimal import Decimal

from sourcing_check.errors import Problem
from sourcing_check.models.document import in_input
from sourcing_check.models.facts import Facts
from sourcing_check.models.subject import Subject

#: Effective pay this many times the living wage, or more, is warned about: a month's salary
#: given per hour is about 170 times, a week's about 40; expert pay 10-20 times is not.
IMPLAUSIBLE_RATIO = Decimal(25)


#: What to check of a rate per day, week, month or year.
_SALARY = "check the amount, its period and the contracted hours it pays for"
#: What to check, by the period the rate is paid for.
_HINTS = {
    "hour": "check the amount and its period: a monthly salary given per hour is about 170 "
    "times the living wage, a weekly one about 40",
    "task": "check the amount per task and the minutes a task takes: pay for a batch of tasks "
    "given per task, or seconds given as minutes, multiply the pay",
}


def wage_warnings(subject: Subject, facts: Facts) -> list[Problem]:
    """A W208 warning at each rate whose effective pay is ``IMPLAUSIBLE_RATIO`` times its
    living wage or more, once per rate (the first location it is paid in)."""
    found: list[Problem] = []
    pairs = ((subject.project, facts.project_wage), (subject.vendor, facts.vendor_wage))
    for loaded, wage in pairs:
        if loaded is None or wage is None:
            continue
        warned: set[str] = set()
        for line in wage.locations:
            if line.ratio is None or line.ratio < IMPLAUSIBLE_RATIO or line.rate_at is None:
                continue
            if line.rate_at in warned:
                continue
            warned.add(line.rate_at)
            times = int(line.ratio)
            worked = f"{line.effective_hourly_text} an hour worked in {line.place}"
            message = (
                f"{line.rate_text} gives {worked}, {times} times the living wage of "
                f"{line.living_wage_hourly_text}"
            )
            hint = _HINTS.get(line.period or "", _SALARY)
            at = in_input(line.rate_at)[1] + "/amount"
            found.append(loaded.document.problem(at, message, hint, code="W208"))
    return found
