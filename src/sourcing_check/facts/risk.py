"""Are a project's workers vulnerable? A group the plan or its vendor declares, or a risky setting.

The review requirements for vulnerable workers (an independent ethics review, voluntariness,
pay verified to reach them, skills claims backed) apply when the plan or its vendor
declares a vulnerable group, when a worker location of either is in a setting listed by
the parameter ``high_risk_settings`` (a refugee settlement, a prison, a conflict area...), or
when the vendor engages workers through an institution (a prison, a detention centre).
They do not apply when the plan declares no group (``vulnerable_groups: []``) and no
location is in such a setting; when the plan leaves the groups out, it is not known.
"""

from __future__ import annotations

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.models.facts import WorkerRiskFact

_GROUPS = "/project/workers/vulnerable_groups"
_INSTITUTION = "the vendor's workers: engaged through an institution that holds or houses them"


def worker_risk(inputs: Inputs, ctx: Context) -> WorkerRiskFact | None:
    """Vulnerable groups declared by the plan or its vendor, and locations in risky settings."""
    project = inputs.project
    if project is None:
        return None
    workers = project.workers
    answered = workers is not None and "vulnerable_groups" in workers.model_fields_set
    groups = list(workers.vulnerable_groups) if workers else []
    locations = list(workers.locations) if workers else []
    workforce = inputs.vendor.workforce if inputs.vendor else None
    if workforce is not None:
        groups += workforce.vulnerable_groups
        locations += workforce.locations
    risky = set(ctx.params.get("high_risk_settings", []))
    places = [f"{loc.place}: {loc.setting}" for loc in locations if loc.setting in risky]
    engagement = inputs.vendor.engagement if inputs.vendor else None
    if engagement is not None and "institution" in engagement.models:
        # a prison or other institution that holds or houses them, whatever groups are declared
        places.append(_INSTITUTION)
    found = WorkerRiskFact(
        missing=[],
        groups=sorted(set(groups)),
        high_risk_places=list(dict.fromkeys(places)),
    )
    if found.groups or found.high_risk_places:
        return found.model_copy(update={"vulnerable": True})
    if answered:
        return found.model_copy(update={"vulnerable": False})
    gap = f"{_GROUPS}: vulnerable groups among the workers, if any ([] if none)"
    return found.model_copy(update={"missing": [gap]})
