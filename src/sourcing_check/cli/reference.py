"""The 'reference' commands: list the reference tables in use, or export one as CSV.

The core is imported when a command runs, so that ``--help`` stays light; the table names are
written out here (a test keeps them equal to ``reference.listing.TABLES``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from sourcing_check.cli.options import Tables, output_option, settings_from, table_options
from sourcing_check.cli.problems import stop
from sourcing_check.errors import InputError, Problem

if TYPE_CHECKING:
    from sourcing_check.reference.lookup import Reference

#: The tables, by the name the command line uses.
TABLE_NAMES = ("living-wages", "minimum-wages", "rates", "price-index")

_COUNTRY = click.option(
    "--country", help="Only this country (ISO 3166-1 alpha-2, e.g. KE); rates: its currencies."
)


@click.group()
def reference() -> None:
    """Show the reference tables (bundled, plus those given), or export one as CSV."""


def _loaded(tables: Tables, country: str | None) -> tuple[Reference, str | None]:
    """The tables in use, and the country checked; print the problems and exit 2 otherwise."""
    from sourcing_check.models.iso_codes import COUNTRIES
    from sourcing_check.run import load_reference_tables

    code = country.upper() if country else None
    if country is not None and code not in COUNTRIES:
        from sourcing_check.models.iso_names import code_hint, named

        found = named("country", country)
        hint = code_hint(*found) if found else ""
        message = f"{country!r} is not an ISO 3166-1 alpha-2 code, e.g. KE"
        stop([Problem("--country", message, hint=hint)])
    try:
        return load_reference_tables(settings_from(None, tables, None)), code
    except InputError as exc:
        stop(exc.problems)


def _columns(headers: list[str], rows: list[list[str]]) -> str:
    """Rows in columns as wide as their widest cell (the last column left ragged)."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    lines = []
    for row in [headers, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


@reference.command("list")
@click.argument("table", required=False, type=click.Choice(TABLE_NAMES))
@_COUNTRY
@table_options
def reference_list(table: str | None, country: str | None, tables: Tables) -> None:
    """List the rows of TABLE (every table when none is named), with the places for which no
    figure was found."""
    from sourcing_check.reference.listing import summary

    loaded, code = _loaded(tables, country)
    for name in [table] if table else list(TABLE_NAMES):
        headers, rows = summary(loaded, name, code)
        if not table:
            click.echo(f"\n{name}")
        click.echo(_columns(headers, rows) if rows else "(no rows)")


@reference.command("export")
@click.argument("table", type=click.Choice(TABLE_NAMES))
@_COUNTRY
@output_option()
@table_options
def reference_export(table: str, country: str | None, output: Path | None, tables: Tables) -> None:
    """Export TABLE as CSV, every field of every row (a living-wage export can be edited and
    given back with --living-wages)."""
    from sourcing_check.cli.files import refuse_overwriting, say_written, write_or_stop
    from sourcing_check.reference.listing import export

    loaded, code = _loaded(tables, country)
    refuse_overwriting([output], settings_from(None, tables, None).tables_read())
    text = export(loaded, table, code)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_or_stop([(output, text)])
        say_written(output)
