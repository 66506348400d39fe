"""When the ethics review's decision is dated: after the assessment date (so not yet made), or
after the planned launch (so the project starts before it is approved)."""

from __future__ import annotations

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.models.facts import EthicsTimingFact

_DATE = "/project/reviews/ethics/date: the date of the ethics decision (YYYY-MM-DD)"
_APPROVALS = frozenset({"approved", "approved_with_conditions"})


def ethics_timing(inputs: Inputs, ctx: Context) -> EthicsTimingFact | None:
    """The ethics decision's date against the assessment date and the planned start; each
    false when no date is given and no approval needs one. An approval without a date leaves
    ``after_start`` unknown and asks for the date: its absence does not show it in time."""
    project = inputs.project
    if project is None:
        return None
    review = project.reviews.ethics if project.reviews else None
    dated = review.date if review else None
    if dated is None and review is not None and review.decision in _APPROVALS:
        text = "The ethics approval is not dated: whether it comes before the launch is unknown."
        return EthicsTimingFact(dated_in_future=False, missing=[_DATE], text=text)
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
