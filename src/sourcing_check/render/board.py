"""What the board report adds to the findings: the verdict's reasons in words, who acts on
what, answers still needed by input section, and what was met."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from decimal import Decimal

from sourcing_check.models.facts import WageLine
from sourcing_check.models.results import Assessment, FileRef, Finding
from sourcing_check.render.views import decisive, needed_answers, ordered

#: Who acts on a finding, by the requirement's scope.
WHO_ACTS = {"vendor": "Vendor", "project": "AI team"}
_SHOWN_TITLES = 3
#: The input and section of an answer's pointer in an item still needed.
_ANSWER = re.compile(r"(?:^|: )/(?P<input>vendor|project)/(?P<section>\w+)")


def lowest_line(a: Assessment) -> WageLine | None:
    """The worker location lowest against what decides it: its shortfall where it has one (a
    minimum wage above the living wage, observed earnings, pay at most a share of the living
    wage while answers are missing), else its living wage. Locations neither computed nor
    shown short are left out."""
    lines = [
        line
        for fact in (a.facts.project_wage, a.facts.vendor_wage)
        if fact is not None
        for line in fact.locations
        if line.ratio is not None or decisive(line.shortfall)
    ]
    return min(lines, key=_decisive, default=None)


def _uncompared(a: Assessment) -> dict[str, tuple[str, ...]]:
    """Each location whose pay is neither compared nor shown short, with what it lacks (the
    first line's, where the project pay and the vendor's rates both lack it)."""
    lacking: dict[str, tuple[str, ...]] = {}
    for fact in (a.facts.project_wage, a.facts.vendor_wage):
        for line in fact.locations if fact is not None else []:
            if line.ratio is None and not decisive(line.shortfall):
                lacking.setdefault(line.place, tuple(line.missing))
    return lacking


def _not_compared(a: Assessment, which: str) -> str | None:
    """Why some pay is left out of the lowest pay, in words: 'Pay is not compared with a
    living wage in VE (living-wage benchmark for VE: none in the living-wage table), so
    ``which`` ...', places grouped by what they lack: a place whose pay was worked out but has
    no benchmark is not said to lack its pay."""
    by_gap: dict[tuple[str, ...], list[str]] = {}
    for place, missing in _uncompared(a).items():
        by_gap.setdefault(missing, []).append(place)
    if not by_gap:
        return None
    said = [
        _listed(places) + (f" ({'; '.join(missing)})" if missing else "")
        for missing, places in by_gap.items()
    ]
    return (
        f"Pay is not compared with a living wage in {'; in '.join(said)}, so {which} (the pay "
        "per location shows what is missing)."
    )


def _listed(places: list[str], shown: int = 4) -> str:
    """'VE', 'VE and LB', 'A, B, C, D and 2 more'."""
    if len(places) <= shown:
        return " and ".join([", ".join(places[:-1]), places[-1]]) if len(places) > 1 else places[0]
    return f"{', '.join(places[:shown])} and {len(places) - shown} more"


def lowest_text(line: WageLine | None) -> str:
    """The lowest pay in a few words: '125.9% in KE (Nairobi)', or what decides it: 'at most
    64.6% in UG (Kampala)', 'observed ...', '... of the minimum wage in ...'."""
    if line is None:
        return "not computed"
    short = line.shortfall
    if short is not None and decisive(short) and _decisive(line) == short.ratio:
        how = {"observed_earnings": "observed ", "computed": ""}.get(short.basis, "at most ")
        what = "" if short.against == "living_wage" else " of the minimum wage"
        return f"{how}{short.ratio_text}{what} in {line.place}"
    return f"{line.ratio_text} in {line.place}"


def _decisive(line: WageLine) -> Decimal:
    """The ratio that decides a computed line: its shortfall's, else its own."""
    if line.shortfall is not None:
        return min(line.shortfall.ratio, line.ratio or line.shortfall.ratio)
    return line.ratio or Decimal(0)


def _titles(findings: Sequence[Finding]) -> str:
    shown = "; ".join(f.title for f in findings[:_SHOWN_TITLES])
    more = len(findings) - _SHOWN_TITLES
    return shown + (f"; and {more} more" if more > 0 else "")


def reasons_in_words(a: Assessment) -> list[str]:
    """Why the verdict is what it is, by requirement titles (not ids), with the lowest pay."""

    def chosen(level: str, *statuses: str) -> list[Finding]:
        return [f for f in ordered(a.findings) if f.level == level and f.status in statuses]

    reasons = []
    for found, words in (
        (chosen("must", "fail"), "must-level requirement{s} not met"),
        (chosen("must", "unanswered"), "must-level requirement{s} cannot be decided yet"),
        (chosen("should", "fail", "unanswered"), "should-level requirement{s} not met or open"),
        ([f for f in a.findings if f.status == "unverified"], "pass{es} not confirmed"),
    ):
        if found:
            plural = len(found) != 1
            label = words.format(s="s" if plural else "", es="es" if plural else "")
            reasons.append(f"{len(found)} {label}: {_titles(found)}.")
    waived = [f for f in ordered(a.findings) if f.status == "waived"]
    if waived:
        label = "requirement" if len(waived) == 1 else "requirements"
        reasons.append(f"{len(waived)} {label} waived by the board: {_titles(waived)}.")
    score = a.overall.score
    if score is not None and score < a.conditions_below_score:
        reasons.append(f"The overall score, {score}, is below {a.conditions_below_score}.")
    if not reasons or reasons == [r for r in reasons if "waived by the board" in r]:
        met = "met or waived" if waived else "met"
        reasons.insert(
            0,
            f"Every must- and should-level requirement that applies is {met}, and none lacks "
            "evidence it asks for.",
        )
    line = lowest_line(a)
    if line is not None and line.shortfall is not None and decisive(line.shortfall):
        reasons.append(line.shortfall.text)  # the figure that decides it, not the benchmark's
    elif line is not None:
        reasons.append(
            f"Lowest effective pay{_whose(a, line)}: {line.effective_hourly_text} an hour in "
            f"{line.place}, {line.ratio_text} of the living wage of "
            f"{line.living_wage_hourly_text} an hour{_benchmark_words(line)}."
        )
    which = "the lowest pay above leaves it out" if line is not None else "no pay is compared"
    left_out = _not_compared(a, which)
    if left_out:
        reasons.append(left_out)
    shown = line.shortfall if line is not None else None
    for fact in (a.facts.project_wage, a.facts.vendor_wage):
        short = fact.worst_shortfall if fact is not None else None
        if short is not None and short != shown and decisive(short):
            reasons.append(short.text)
            shown = short
    return reasons


def _whose(a: Assessment, line: WageLine) -> str:
    """' (project pay)' or ' (vendor rates)' where a report has both, as the wage section's
    headings name them; the two may differ for one place (the plan's own unpaid time)."""
    if a.facts.project_wage is None or a.facts.vendor_wage is None:
        return ""
    project = any(line is other for other in a.facts.project_wage.locations)
    return " (project pay)" if project else " (vendor rates)"


def _benchmark_words(line: WageLine) -> str:
    """' (Asia Floor Wage Alliance, 2024, brought forward to 2025 prices)': whose living
    wage, of which year."""
    bench = line.benchmark
    if bench is None:
        return ""
    later = f", brought forward to {bench.indexed_to} prices" if bench.indexed_to else ""
    return f" ({bench.publisher}, {bench.year}{later})"


def actions_by_who(a: Assessment) -> list[tuple[str, list[Finding]]]:
    """Failed and unverified findings, must first, grouped by who acts (vendor, AI team)."""
    todo = [f for f in ordered(a.findings) if f.status in ("fail", "unverified")]
    groups = [(who, [f for f in todo if f.scope == scope]) for scope, who in WHO_ACTS.items()]
    return [(who, group) for who, group in groups if group]


def needed_by_section(
    findings: Sequence[Finding],
) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
    """The answers still needed, grouped by the input section they belong to."""
    groups: dict[str, list[tuple[str, list[Finding]]]] = {}
    for item, waiting in needed_answers(findings):
        # an answer's pointer, at the start or after the place it is asked for ('FI: /project/...')
        answer = _ANSWER.search(item)
        if answer is not None:
            section = f"{answer['section'].replace('_', ' ').capitalize()} ({answer['input']})"
        else:
            section = "Reference data and figures"
        groups.setdefault(section, []).append((item, waiting))
    return list(groups.items())


def _common_folder(paths: list[str]) -> str:
    """The folder every path is in ('' if none, or if some are absolute and some not)."""
    if len(paths) < 2 or len({posixpath.isabs(p) for p in paths}) > 1:
        return ""
    return posixpath.commonpath(paths)


def files_by_folder(a: Assessment) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """The files read, grouped by role and folder so that each path fits on one line:
    ('guidelines: <bundled>/guidelines/x/', [('requirements/1-pay.yaml', sha256), ...]),
    or (None, [('project-plan: examples/plan.yaml', sha256)]) for a role's only file."""
    groups: dict[str, list[FileRef]] = {}
    for file in a.files:
        groups.setdefault(file.role, []).append(file)
    shown: list[tuple[str | None, list[tuple[str, str]]]] = []
    for role, files in groups.items():
        folder = _common_folder([f.path for f in files])
        if folder in [f.path for f in files]:
            folder = posixpath.dirname(folder)
        if not folder:
            shown.append((None, [(f"{role}: {f.path}", f.sha256) for f in files]))
        else:
            cut = len(folder) + 1
            shown.append((f"{role}: {folder}/", [(f.path[cut:], f.sha256) for f in files]))
    return shown


def files_compact(a: Assessment) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """``files_by_folder`` for a table of two files a row: a group of one file is named in
    full ('project-plan: examples/plan.yaml'), and such files share one group without a
    heading, so that a plan and its questionnaire fill one row, not four."""
    shown: list[tuple[str | None, list[tuple[str, str]]]] = []
    for heading, files in files_by_folder(a):
        if len(files) > 1:
            shown.append((heading, files))
            continue
        ((path, sha256),) = files
        named = (f"{heading or ''}{path}", sha256)
        if shown and shown[-1][0] is None:
            shown[-1][1].append(named)
        else:
            shown.append((None, [named]))
    return shown
