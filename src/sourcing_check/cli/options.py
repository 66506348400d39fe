"""Options shared by the commands that assess ('check', 'report'), gathered into Settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # options are declared at import: the core is imported when a command runs
    from sourcing_check.render import Renderer
    from sourcing_check.run import Settings

F = TypeVar("F", bound=Callable[..., Any])

#: ``--allow-outside``: places outside a plan's directory that the plan may name.
allow_outside_option = click.option(
    "--allow-outside",
    "allow_outside",
    multiple=True,
    metavar="PATH",
    type=click.Path(path_type=Path),
    help="Let a plan name a file under PATH (a file or directory) as well as under its own "
    "directory. Repeatable.",
)

_OPTIONS = [
    click.option(
        "--guidelines",
        type=click.Path(path_type=Path),
        help="Guideline framework directory [default: the bundled PAI framework].",
    ),
    click.option(
        "--living-wages",
        type=click.Path(path_type=Path),
        help="Living-wage table, YAML or CSV [default: the bundled starter table].",
    ),
    click.option(
        "--rates",
        type=click.Path(path_type=Path),
        help="Currency-rates table (YAML) [default: the bundled table].",
    ),
    click.option(
        "--date",
        "date_",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Assessment date, YYYY-MM-DD [default: today]; fixes benchmark ages.",
    ),
    allow_outside_option,
]


def settings_options(command: F) -> F:
    """Add the options that choose what an assessment is computed from."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def settings_from(
    guidelines: Path | None,
    living_wages: Path | None,
    rates: Path | None,
    date_: Any,
    allow_outside: tuple[Path, ...] = (),
) -> Settings:
    """Settings from the options, with the bundled defaults for what is not given."""
    from sourcing_check.run import Settings

    defaults = Settings()
    date: dt.date = date_.date() if date_ else defaults.date
    return Settings(
        guidelines=guidelines or defaults.guidelines,
        living_wages=living_wages or defaults.living_wages,
        rates=rates or defaults.rates,
        date=date,
        allow_outside=allow_outside,
    )


def format_option(renderers: dict[str, Renderer]) -> Callable[[F], F]:
    """``--format``, its choices and their descriptions taken from a renderer table."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(renderers)),
        default="text",
        show_default=True,
        help="Output format: "
        + "; ".join(f"{name}: {r.description}" for name, r in renderers.items())
        + ".",
    )


def output_option(needed_for: str = "") -> Callable[[F], F]:
    """``-o/--output``: write to a file (atomically) instead of standard output."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        help="Write the output to this file (atomically) instead of standard output"
        + (f"; needed for {needed_for}." if needed_for else "."),
    )
