"""The answers each derived fact is computed from, so that a form can say which requirements
need an answer even when they read it through a fact (the living-wage requirements read the
wage fact, which reads the pay rates, fees, unpaid time and rejection policy).

Each entry names a subtree of the inputs: an answer is one of a fact's inputs when it is at
or below one of these pointers. ``tests/test_fact_inputs.py`` removes each answer of every
bundled example in turn and checks that no fact changes for an answer not declared here.
"""

from __future__ import annotations

from sourcing_check.facts.unpaid_time import ACTIVITIES

_TIME_PAID = tuple(f"/vendor/pay/time_paid/{key}" for key in ACTIVITIES)
_VENDOR_TERMS = (
    "/vendor/pay/fee_share_percent",
    "/vendor/pay/living_wage_benchmark",
    "/vendor/rejection/rejected_work_paid",
    "/vendor/rejection/expected_rate_percent",
)
_PILOT_TIMES = (
    "/project/pilot/status",
    "/project/pilot/p75_minutes",
    "/project/pilot/median_minutes",
)

#: Fact name (as under ``/facts/``) -> the answers it is computed from.
FACT_INPUTS: dict[str, tuple[str, ...]] = {
    "vendor_wage": ("/vendor/pay/rates", *_TIME_PAID, *_VENDOR_TERMS),
    "project_wage": (
        "/project/pay",
        "/project/workers/locations",
        *_PILOT_TIMES,
        "/project/rejection/rejected_work_paid",
        "/project/rejection/expected_rate_percent",
        *_TIME_PAID,
        *_VENDOR_TERMS,
    ),
    "pricing": ("/project/pay/minutes_per_task", "/project/pilot/p75_minutes"),
    "languages": ("/project/task/languages", "/project/instructions/languages"),
    "price": (
        "/project/sourcing/price",
        "/project/sourcing/price_hours_per_period",
        "/project/workers/locations",
        "/project/pay/minutes_per_task",
        *_PILOT_TIMES,
    ),
    "worker_risk": (
        "/project/workers/vulnerable_groups",
        "/project/workers/locations",
        "/vendor/workforce/vulnerable_groups",
        "/vendor/workforce/locations",
        "/vendor/engagement/models",
    ),
    "unpaid_time": ("/vendor/pay/rates", *_TIME_PAID),
    "ethics_timing": (
        "/project/reviews/ethics/date",
        "/project/reviews/ethics/decision",
        "/project/project/planned_start",
    ),
    "pilot_timing": (
        "/project/pilot/status",
        "/project/pilot/date",
        "/project/project/planned_start",
    ),
}


#: Facts made from a few answers, which the findings that read them quote (located, like the
#: answers a check reads); the wage, price and risk facts are traced in the pay table's
#: working and the worker-risk list instead.
QUOTED = frozenset({"pilot_timing", "ethics_timing", "pricing", "languages"})


def quoted_inputs(pointer: str) -> tuple[str, ...]:
    """The answers a finding quotes for a pointer into a fact it reads: those of a fact in
    ``QUOTED``; () otherwise."""
    parts = pointer.split("/")
    return inputs_of(pointer) if len(parts) > 2 and parts[2] in QUOTED else ()


def inputs_of(pointer: str) -> tuple[str, ...]:
    """The answers a pointer into the facts (``/facts/vendor_wage/lowest_ratio``) rests on;
    () for a pointer into the answers."""
    if not pointer.startswith("/facts/"):
        return ()
    return FACT_INPUTS.get(pointer.split("/")[2], ())
