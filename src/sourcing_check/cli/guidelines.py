"""The 'guidelines' commands: list, show, lint and document a framework.

Each command imports the framework loader and renderers when it runs (fast ``--help``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sourcing_check.cli.exit_codes import ExitCode
from sourcing_check.cli.files import refuse_overwriting, say_written, write_or_stop
from sourcing_check.cli.options import OUTPUT
from sourcing_check.cli.problems import stop
from sourcing_check.errors import CODES, InputError
from sourcing_check.resources import default_framework_dir

if TYPE_CHECKING:
    from sourcing_check.rules.framework import Framework

_framework_option = click.option(
    "--guidelines",
    "directory",
    type=click.Path(path_type=Path),
    help="Framework directory [default: the bundled PAI framework].",
)


@click.group()
def guidelines() -> None:
    """List, show, lint and document guideline frameworks."""


def _framework_or_exit(directory: Path | None) -> Framework:
    from sourcing_check.rules.framework import load_framework

    try:
        return load_framework(directory or default_framework_dir())
    except InputError as exc:
        stop(exc.problems)


@guidelines.command("list")
@_framework_option
def guidelines_list(directory: Path | None) -> None:
    """List every requirement: id, level, scope and title."""
    framework = _framework_or_exit(directory)
    meta = framework.meta
    click.echo(f"{meta.title} {meta.version}: {len(framework.rules)} requirements")
    for guideline in meta.guidelines:
        click.echo(f"\n{guideline.title}")
        for rule in framework.rules:
            req = rule.requirement
            if req.guideline == guideline.id:
                click.echo(f"  {req.id:<10} {req.level:<6} {req.scope:<7} {req.title}")


@guidelines.command("show")
@click.argument("requirement_id")
@_framework_option
def guidelines_show(requirement_id: str, directory: Path | None) -> None:
    """Show one requirement: why, how it is checked, how to fix it, its source."""
    import difflib

    from sourcing_check.render.catalogue import render_rule

    framework = _framework_or_exit(directory)
    rule = framework.rule(requirement_id)
    if rule is None:  # 'pai-1.1' is PAI-1.1: ids differ by more than case nowhere
        cased = {r.requirement.id.casefold(): r for r in framework.rules}
        rule = cased.get(requirement_id.strip().casefold())
    if rule is None:
        close = difflib.get_close_matches(
            requirement_id, [r.requirement.id for r in framework.rules], n=3
        )
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        click.echo(f"no requirement {requirement_id!r}{hint}", err=True)
        sys.exit(ExitCode.BAD_INPUT)
    click.echo(render_rule(framework, rule), nl=False)


@guidelines.command("lint")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--codes", "list_codes", is_flag=True, help="List the codes lint reports, and exit.")
@click.option(
    "--profile",
    "profiles",
    multiple=True,
    metavar="FILE|NAME",
    help="Also lint a profile against the framework (a file, or a bundled profile by name); "
    "repeatable, applied in order.",
)
def guidelines_lint(directory: Path | None, list_codes: bool, profiles: tuple[str, ...]) -> None:
    """Check a framework directory strictly: unknown keys, duplicate ids, invalid predicates,
    unknown answer or fact paths, undeclared parameters, missing source or remediation; and
    each profile given: unknown requirements or parameters, values of the wrong kind,
    conflicting changes, and its added requirements as a framework's.

    Exit 0 when sound, 2 with FILE:LINE:COL: CODE MESSAGE lines otherwise.
    """
    from sourcing_check.rules.framework import build_framework
    from sourcing_check.rules.lint import LINT_CODE_PREFIXES

    if list_codes:
        for prefix in LINT_CODE_PREFIXES:
            for code, summary in CODES.items():
                if code.startswith(prefix):
                    click.echo(f"{code}  {summary}")
        return
    target = directory or default_framework_dir()
    framework, problems = build_framework(target)
    if problems or framework is None:
        stop(problems)
    click.echo(f"{target}: {len(framework.rules)} requirements, no problems")
    from sourcing_check.decisions.profiles import tailor
    from sourcing_check.run import load_profiles

    try:
        for loaded in load_profiles(profiles):
            framework = tailor(framework, [loaded])
            changes = len(framework.profiles[-1].changes)
            click.echo(f"{loaded.document.name}: {changes} changes, no problems")
    except InputError as exc:
        stop(exc.problems)


@guidelines.command("docs")
@_framework_option
@click.option(
    "-o",
    "--output",
    type=OUTPUT,
    help="Write to this file instead of standard output (e.g. docs/guidelines.md).",
)
def guidelines_docs(directory: Path | None, output: Path | None) -> None:
    """Generate the Markdown catalogue of requirements from the YAML."""
    from sourcing_check.render.catalogue import render_catalogue
    from sourcing_check.rules.framework import FRAMEWORK_FILE, requirement_files

    folder = directory or default_framework_dir()
    text = render_catalogue(_framework_or_exit(folder))
    if output is not None:
        refuse_overwriting([output], [folder / FRAMEWORK_FILE, *requirement_files(folder)])
        write_or_stop([(output, text)])
        say_written(output)
    else:
        click.echo(text, nl=False)
