"""Does the project's pilot come before its planned launch?"""

from __future__ import annotations

import datetime as dt

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.models.facts import PilotTimingFact
from sourcing_check.models.project import ProjectPlan

_STATUS = "/project/pilot/status: whether a pilot is completed, scheduled or not planned"
_DATE = "/project/pilot/date: the date of the pilot (YYYY-MM-DD)"
_START = "/project/project/planned_start: the planned launch date (YYYY-MM-DD)"


def pilot_timing(inputs: Inputs, ctx: Context) -> PilotTimingFact | None:
    """Whether a pilot runs before the launch: its date against the planned start, or a
    completed pilot while the launch is still ahead of the assessment date."""
    project = inputs.project
    if project is None:
        return None
    status = project.pilot.status if project.pilot else None
    if status is None:
        return PilotTimingFact(missing=[_STATUS])
    if status == "not_planned":
        text = "No pilot is planned before the launch (as answered: /pilot/status = 'not_planned')."
        return PilotTimingFact(missing=[], before_launch=False, text=text)
    return _timed(project, status, ctx.date)


def _timed(project: ProjectPlan, status: str, today: dt.date) -> PilotTimingFact:
    """A completed or scheduled pilot's date against the planned launch."""
    date = project.pilot.date if project.pilot else None
    start = project.project.planned_start
    if date is not None and start is not None:
        before = date < start
        relation = "comes before" if before else "is not before"
        text = f"The pilot ({status}, {date}) {relation} the planned launch on {start}."
        return PilotTimingFact(missing=[], before_launch=before, text=text)
    if status == "completed" and start is not None and start > today:
        text = f"The pilot is completed, and the planned launch on {start} is still ahead."
        return PilotTimingFact(missing=[], before_launch=True, text=text)
    missing = [_DATE] if date is None else []
    if start is None:
        missing.append(_START)
    return PilotTimingFact(missing=missing)
