"""The exit-code policy, in one place: what each code means and when ``check`` gives 1."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by every command's module, so it imports no model
    from sourcing_check.models.results import VerdictValue


class ExitCode(enum.IntEnum):
    """Process exit codes, documented in ``--help`` and the README."""

    OK = 0
    VERDICT = 1  # also: 'diff' found a regression
    BAD_INPUT = 2
    INTERNAL = 3
    INTERRUPTED = 128 + 2  # Ctrl-C (SIGINT), as a shell reports it


#: ``--fail-on`` choices: the best verdict that still makes the exit code 1 (None: never).
FAIL_ON: dict[str, VerdictValue | None] = {
    "not-approved": "not_approved",
    "information-needed": "information_needed",
    "conditions": "approved_with_conditions",
    "never": None,
}

HELP = (
    "Exit codes: 0 success (for 'check': every verdict better than --fail-on); "
    "1 some verdict at or below --fail-on (for 'diff': something regressed); "
    "2 bad input or usage, nothing written; "
    "3 internal error (a bug: please report it with the SHA-256 of the input files it "
    "prints; --debug shows the traceback); 130 interrupted (Ctrl-C), nothing written."
)


def verdict_exit_code(verdicts: Iterable[VerdictValue], fail_on: str) -> ExitCode:
    """OK when every verdict is better than the ``fail_on`` threshold, else VERDICT."""
    from sourcing_check.models.results import VERDICT_ORDER

    threshold = FAIL_ON[fail_on]
    if threshold is None:
        return ExitCode.OK
    limit = VERDICT_ORDER.index(threshold)
    worst = max((VERDICT_ORDER.index(v) for v in verdicts), default=0)
    return ExitCode.VERDICT if worst >= limit else ExitCode.OK
