"""Throughput of `check` in-process: assessments per second against a parse+validate floor.

Builds N synthetic questionnaire + plan pairs as YAML files, then times (a) the floor: reading,
parsing and validating both files of every pair, and (b) the full job: the same loading plus
facts, evaluation of every requirement, scoring and verdict. Each is the best of 3 runs, in
wall time and in CPU time (``time.process_time``: on a shared machine the fairer figure).
Prints both and their ratio.

    python benchmarks/check_throughput.py [N]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sourcing_check.assess import assess
from sourcing_check.load.subject import load_input, load_subject
from sourcing_check.run import Settings, load_context

VENDOR = """\
kind: vendor-questionnaire
schema_version: 1
vendor: {{name: Synthetic Vendor {i}, jurisdictions: [KE]}}
engagement: {{models: [employees], subcontractors: [], all_subcontractors_disclosed: true}}
workforce: {{locations: [{{country: KE, share_percent: 60}}, {{country: IN, share_percent: 40}}]}}
pay:
  fee_share_percent: 0
  worker_share_of_client_price_percent: {share}
  rates:
    - {{country: KE, model: salaried, rate: {{amount: {kes}, currency: KES, period: month}},
       contracted_hours_per_period: 173, unpaid_hours_per_period: 0}}
    - {{country: IN, model: salaried, rate: {{amount: 30000, currency: INR, period: month}},
       contracted_hours_per_period: 173, unpaid_hours_per_period: 0}}
  payout: {{frequency: monthly, days_after_work: 30}}
  time_paid: {{searching_for_work: true, qualification_tests: true, training: true}}
rejection: {{rejected_work_paid: except_fraud, reasons_given: true, appeal_available: true,
            human_review_of_appeals: true}}
communication: {{channels: [forum], owner: {{name: Support}}, response_target_hours: 24,
                requester_identity_shown: true, grievance_route_independent: true,
                gag_clauses: false, change_notice_days: 14}}
harmful_content: {{handles_harmful_content: false}}
"""

PROJECT = """\
kind: project-plan
schema_version: 1
project: {{name: Synthetic project {i}, purpose: Evaluate answers,
          data_use_disclosed_to_workers: true}}
sourcing: {{vendor_questionnaire: vendor-{i}.yaml}}
task: {{type: evaluation, difficulty: medium, harmful_content: {{present: false}}}}
workers: {{population: vendor_workforce, vulnerable_groups: [],
          locations: [{{country: KE}}, {{country: IN}}], minimum_age: 18}}
pay: {{model: per_task, rate: {{amount: {rate}, currency: USD, period: task}}, minutes_per_task: 4,
      unpaid_minutes_per_task: 0.5, fee_share_percent: 0, top_up_when_underpaid: true}}
rejection: {{rejected_work_paid: except_fraud, reasons_given: true, appeal_available: true}}
pilot: {{status: completed, participants: 12, like_production_workers: true, median_minutes: 3.5,
        p75_minutes: 4, interrupted_sessions_excluded: true, feedback_gathered: true}}
instructions: {{verified_by: [pilot], purpose_stated: true, label_definitions: true,
               examples: true}}
communication: {{channels: [forum], owner: {{name: PM}}, response_target_hours: 24}}
"""


def build(directory: Path, count: int) -> list[Path]:
    """Write ``count`` synthetic pairs; return the plan paths."""
    plans = []
    for i in range(count):
        (directory / f"vendor-{i}.yaml").write_text(
            VENDOR.format(i=i, share=40 + i % 30, kes=40000 + 500 * (i % 50))
        )
        plan = directory / f"plan-{i}.yaml"
        plan.write_text(PROJECT.format(i=i, rate=f"0.{10 + i % 80:02d}"))
        plans.append(plan)
    return plans


REPEATS = 3


def _timed(job: Callable[[], None]) -> tuple[float, float]:
    """Wall and CPU seconds of ``job``."""
    started, cpu = time.perf_counter(), time.process_time()
    job()
    return time.perf_counter() - started, time.process_time() - cpu


def _best(job: Callable[[], None]) -> tuple[float, float]:
    """The least wall time and the least CPU time of ``REPEATS`` runs."""
    runs = [_timed(job) for _ in range(REPEATS)]
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


def _floor(plans: list[Path]) -> None:
    for plan in plans:
        load_input(plan)
        load_input(plan.with_name(plan.name.replace("plan-", "vendor-")))


def main() -> None:
    """Run the benchmark and print its figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    settings = Settings(date=dt.date(2026, 11, 24))
    started = time.perf_counter()
    basis = load_context(settings)
    framework, reference = basis.framework, basis.reference
    setup = time.perf_counter() - started

    def _full(plans: list[Path], verdicts: dict[str, int]) -> None:
        for plan in plans:
            a = assess(load_subject(plan), framework, reference, settings.date)
            verdicts[a.verdict.value] = verdicts.get(a.verdict.value, 0) + 1

    with tempfile.TemporaryDirectory() as tmp:
        plans = build(Path(tmp), count)
        floor, floor_cpu = _best(lambda: _floor(plans))
        verdicts: dict[str, int] = {}
        full, full_cpu = _best(lambda: _full(plans, verdicts))
        for key in verdicts:
            verdicts[key] //= REPEATS
    print(f"pairs assessed:            {count}  ({len(framework.rules)} requirements each)")
    print(f"framework + tables load:   {setup * 1000:.1f} ms (once per run)")
    print(f"floor (parse + validate):  {floor:.3f} s  = {count / floor:,.0f} pairs/s")
    print(f"full check:                {full:.3f} s  = {count / full:,.0f} assessments/s")
    print(f"ratio full / floor:        {full / floor:.2f}x")
    print(f"CPU floor, full:           {floor_cpu:.3f} s, {full_cpu:.3f} s")
    print(
        f"CPU per pair:              {floor_cpu / count * 1000:.2f} ms floor, "
        f"{full_cpu / count * 1000:.2f} ms full"
    )
    print(f"CPU ratio full / floor:    {full_cpu / floor_cpu:.2f}x")
    print(f"verdicts:                  {dict(sorted(verdicts.items()))}")


if __name__ == "__main__":
    main()
