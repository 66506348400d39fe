"""Options shared by the commands that assess ('check', 'report'), gathered into Settings."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # options are declared at import: the core is imported when a command runs
    from sourcing_check.render import Renderer
    from sourcing_check.run import Settings

F = TypeVar("F", bound=Callable[..., Any])


class DateParam(click.ParamType):  # type: ignore[type-arg]  # generic in newer click
    """A date written YYYY-MM-DD, refused in the words a date inside a file is ('2026-11-31':
    not a real calendar date; click's own said it did not match '%Y-%m-%d')."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.datetime):
            return value
        text = str(value).strip()
        if len(text) != 10 or text[4] + text[7] != "--" or not text.replace("-", "").isdigit():
            self.fail(f"{value!r}: write the date as YYYY-MM-DD, e.g. 2026-11-24", param, ctx)
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is not a real calendar date (YYYY-MM-DD)", param, ctx)


DATE = DateParam()

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

_TABLE_OPTIONS = [
    click.option(
        "--living-wages",
        type=click.Path(path_type=Path),
        multiple=True,
        help="A living-wage table (YAML or CSV) whose rows add to the bundled table and "
        "override its rows with the same id or place; repeatable.",
    ),
    click.option(
        "--minimum-wages",
        type=click.Path(path_type=Path),
        multiple=True,
        help="A minimum-wage table (floors) added to the bundled one, by id or place; repeatable.",
    ),
    click.option(
        "--rates",
        type=click.Path(path_type=Path),
        multiple=True,
        help="A currency-rates table (YAML) whose rates add to and override the bundled ones; "
        "repeatable.",
    ),
    click.option(
        "--price-index",
        type=click.Path(path_type=Path),
        multiple=True,
        help="A price-index table whose country series replace the bundled ones; repeatable.",
    ),
    click.option(
        "--only-given-tables",
        is_flag=True,
        help="Use the tables given instead of the bundled ones of their kind (not added to them).",
    ),
]

_OPTIONS = [
    click.option(
        "--guidelines",
        type=click.Path(path_type=Path),
        help="Guideline framework directory [default: the bundled PAI framework].",
    ),
    *_TABLE_OPTIONS,
    click.option(
        "--profile",
        "profiles",
        multiple=True,
        metavar="FILE|NAME",
        help="Tailor the framework with a profile: a file, or a bundled profile by name "
        "(strict-harmful-content, crowd-platform-requester). Repeatable: applied in order, "
        "after those a project plan names.",
    ),
    click.option(
        "--date",
        "date_",
        type=DATE,
        help="Assessment date, YYYY-MM-DD [default: today]; fixes benchmark and rate ages.",
    ),
    allow_outside_option,
]


@dataclass(frozen=True)
class Tables:
    """The table options as given."""

    living_wages: tuple[Path, ...] = ()
    minimum_wages: tuple[Path, ...] = ()
    rates: tuple[Path, ...] = ()
    price_index: tuple[Path, ...] = ()
    only_given_tables: bool = False


def _gathered(command: Callable[..., Any]) -> Callable[..., Any]:
    """The command, called with its table options gathered into one ``tables`` argument."""

    @functools.wraps(command)
    def call(**options: Any) -> Any:
        tables = Tables(**{name: options.pop(name) for name in Tables.__dataclass_fields__})
        return command(tables=tables, **options)

    return call


def settings_options(command: F) -> F:
    """Add the options that choose what an assessment is computed from (the table options
    reach the command as one ``tables: Tables``)."""
    wrapped = _gathered(command)
    for option in reversed(_OPTIONS):
        wrapped = option(wrapped)
    return wrapped  # type: ignore[return-value]


def table_options(command: F) -> F:
    """Add the options that choose the reference tables (as one ``tables: Tables``)."""
    wrapped = _gathered(command)
    for option in reversed(_TABLE_OPTIONS):
        wrapped = option(wrapped)
    return wrapped  # type: ignore[return-value]


def settings_from(
    guidelines: Path | None,
    tables: Tables,
    date_: Any,
    allow_outside: tuple[Path, ...] = (),
    profiles: tuple[str, ...] = (),
) -> Settings:
    """Settings from the options, with the bundled defaults for what is not given."""
    from sourcing_check.run import Settings

    defaults = Settings()
    date: dt.date = date_.date() if date_ else defaults.date
    return Settings(
        guidelines=guidelines or defaults.guidelines,
        living_wages=tables.living_wages,
        minimum_wages=tables.minimum_wages,
        rates=tables.rates,
        price_index=tables.price_index,
        only_given_tables=tables.only_given_tables,
        date=date,
        allow_outside=allow_outside,
        profiles=profiles,
    )


def format_option(renderers: dict[str, Renderer]) -> Callable[[F], F]:
    """``--format``, its choices and their descriptions taken from a renderer table."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(renderers)),
        default="text",
        help="Output format: "
        + "; ".join(f"{name}: {r.description}" for name, r in renderers.items())
        + ". [default: text, or the format the suffix of -o FILE names, e.g. FILE.md]",
    )


class OutputPath(click.Path):
    """A file a command writes; '-' is standard output, as in most command-line tools (it was
    a file named '-'), written in place like /dev/stdout."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "-":
            return STDOUT
        return super().convert(value, param, ctx)


#: Where '-' writes: this process's standard output, wherever it leads.
STDOUT = Path("/dev/stdout")
#: The type of every option naming a file to write.
OUTPUT = OutputPath()


def output_option(needed_for: str = "") -> Callable[[F], F]:
    """``-o/--output``: write to a file (atomically) instead of standard output."""
    return click.option(
        "-o",
        "--output",
        type=OUTPUT,
        help="Write the output to this file (atomically) instead of standard output"
        + (f"; needed for {needed_for}." if needed_for else "."),
    )
