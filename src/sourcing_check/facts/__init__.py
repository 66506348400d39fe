"""Derived facts: named pure functions over the answers, each showing its working.

Every fact returns a JSON-ready mapping with the values rules read, a ``missing`` list naming
each input it lacked, and (for the wage) ``steps`` (label, formula, value) so a report can
show the arithmetic. Money is computed with Decimal and only rounded for display.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.context import q as _q
from sourcing_check.facts.wage import project_wage, vendor_wage

__all__ = ["FACTS", "FACT_KEYS", "Context", "Inputs", "derive"]


def pricing(inputs: Inputs, ctx: Context) -> dict[str, Any] | None:
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
        return {"missing": missing}
    assert pilot.p75_minutes is not None
    return {
        "missing": [],
        "estimate_minutes": _q(pay.minutes_per_task),
        "p75_minutes": _q(pilot.p75_minutes),
        "estimate_covers_p75": pay.minutes_per_task >= pilot.p75_minutes,
    }


def languages(inputs: Inputs, ctx: Context) -> dict[str, Any] | None:
    """Which of the task's languages the instructions are not available in."""
    project = inputs.project
    if project is None:
        return None
    task_languages = project.task.languages if project.task else []
    given = project.instructions.languages if project.instructions else []
    missing = []
    if not task_languages:
        missing.append("/project/task/languages: the languages the task needs")
    if not given:
        missing.append("/project/instructions/languages: the languages of the instructions")
    if missing:
        return {"missing": missing}
    have = {language.casefold() for language in given}
    uncovered = [language for language in task_languages if language.casefold() not in have]
    return {"missing": [], "uncovered": uncovered, "covered": not uncovered}


FactFunction = Callable[[Inputs, Context], dict[str, Any] | None]

#: The fact registry: name -> function. Rules read facts at ``/facts/<name>/...``.
FACTS: dict[str, FactFunction] = {
    "vendor_wage": vendor_wage,
    "project_wage": project_wage,
    "pricing": pricing,
    "languages": languages,
}

#: The top-level keys each fact may produce, for linting rule pointers.
FACT_KEYS: dict[str, frozenset[str]] = {
    "vendor_wage": frozenset(
        {"locations", "missing", "lowest_ratio", "lowest", "max_benchmark_age_years"}
    ),
    "project_wage": frozenset(
        {"locations", "missing", "lowest_ratio", "lowest", "max_benchmark_age_years"}
    ),
    "pricing": frozenset({"missing", "estimate_minutes", "p75_minutes", "estimate_covers_p75"}),
    "languages": frozenset({"missing", "uncovered", "covered"}),
}


def derive(inputs: Inputs, ctx: Context) -> dict[str, Any]:
    """Compute every fact that applies to ``inputs``."""
    facts = {}
    for name, function in FACTS.items():
        value = function(inputs, ctx)
        if value is not None:
            facts[name] = value
    return facts
