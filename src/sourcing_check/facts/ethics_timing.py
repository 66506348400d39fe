"""When the ethics review's decision is dated: after the assessment date (so not yet made), or
after the planned launch (so the project starts before it is approved)."""

from __future__ import annotations

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.models.facts import EthicsTimingFact


def ethics_timing(inputs: Inputs, ctx: Context) -> EthicsTimingFact | None:
    """The ethics decision's date against the assessment date and the planned start; each
    false when a date is not given (nothing shows it late)."""
    project = inputs.project
    if project is None:
        return None
    review = project.reviews.ethics if project.reviews else None
    dated = review.date if review else None
    start = project.project.planned_start
    future = dated is not None and dated > ctx.date
    late = dated is not None and start is not None and dated > start
    if future:
        text = f"The ethics decision is dated {dated}, after the assessment date ({ctx.date})."
    elif late:
        text = f"The ethics decision ({dated}) comes after the planned launch on {start}."
    else:
        text = "The ethics decision's date is not after the assessment date or the launch."
    return EthicsTimingFact(dated_in_future=future, after_start=late, text=text)
