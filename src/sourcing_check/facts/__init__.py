"""Derived facts: named pure functions over the answers, each showing its working.

Every fact returns a frozen model (models/facts.py) with the values rules read, a ``missing``
list naming each input it lacked, and (for the wage) ``steps`` (label, formula, value) so a
report can show the arithmetic. Money is computed with Decimal and only rounded for display.
"""

from __future__ import annotations

from collections.abc import Callable

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.facts.ethics_timing import ethics_timing
from sourcing_check.facts.languages import languages
from sourcing_check.facts.pilot_timing import pilot_timing
from sourcing_check.facts.price import price
from sourcing_check.facts.pricing import pricing
from sourcing_check.facts.risk import worker_risk
from sourcing_check.facts.unpaid_time import unpaid_time
from sourcing_check.facts.wage import project_wage, vendor_wage
from sourcing_check.models.facts import Fact, Facts, fact_keys

__all__ = ["FACTS", "FACT_KEYS", "Context", "Inputs", "derive"]


FactFunction = Callable[[Inputs, Context], Fact | None]

#: The fact registry: name -> function, one per field of ``Facts``. Rules read facts at
#: ``/facts/<name>/...``.
FACTS: dict[str, FactFunction] = {
    "vendor_wage": vendor_wage,
    "project_wage": project_wage,
    "pricing": pricing,
    "languages": languages,
    "price": price,
    "worker_risk": worker_risk,
    "unpaid_time": unpaid_time,
    "pilot_timing": pilot_timing,
    "ethics_timing": ethics_timing,
}

#: The top-level keys each fact may produce, for linting rule pointers: read from the models.
FACT_KEYS: dict[str, frozenset[str]] = fact_keys()


def derive(inputs: Inputs, ctx: Context) -> Facts:
    """Compute every fact that applies to ``inputs``."""
    facts = {}
    for name, function in FACTS.items():
        value = function(inputs, ctx)
        if value is not None:
            facts[name] = value
    return Facts.model_validate(facts)
