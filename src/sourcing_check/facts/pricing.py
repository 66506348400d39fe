"""Does the per-task time estimate cover the pilot's 75th-percentile time?"""

from __future__ import annotations

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.money import q as _q
from sourcing_check.models.facts import PricingFact


def pricing(inputs: Inputs, ctx: Context) -> PricingFact | None:
    """Does the per-task time estimate cover the pilot's 75th-percentile time?"""
    project = inputs.project
    if project is None:
        return None
    pay, pilot = project.pay, project.pilot
    missing = []
    if pay is None or pay.minutes_per_task is None:
        missing.append("/project/pay/minutes_per_task: the estimated time per task")
    if pilot is None or pilot.p75_minutes is None:
        missing.append("/project/pilot/p75_minutes: the pilot's 75th-percentile time")
    if missing or pay is None or pilot is None or pay.minutes_per_task is None:
        return PricingFact(missing=missing)
    assert pilot.p75_minutes is not None
    return PricingFact(
        missing=[],
        estimate_minutes=_q(pay.minutes_per_task),
        p75_minutes=_q(pilot.p75_minutes),
        estimate_covers_p75=pay.minutes_per_task >= pilot.p75_minutes,
    )
