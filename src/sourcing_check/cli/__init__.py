"""The command line: parse options, call the core, print, choose the exit code.

Each command family lives in its own module; this one assembles them under ``main`` and
turns an unexpected exception (a bug) into one line and exit code 3.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

import click

from sourcing_check import __version__
from sourcing_check.cli.assess import check, report, validate
from sourcing_check.cli.compare import compare
from sourcing_check.cli.diff import diff
from sourcing_check.cli.exit_codes import HELP, ExitCode
from sourcing_check.cli.files import NO_ROOM, write_hint
from sourcing_check.cli.forms import convert, init, schema
from sourcing_check.cli.guidelines import guidelines
from sourcing_check.cli.reference import reference

_ARGS = "sourcing_check.args"
#: The limit on open files reached (a batch's workers): the user's to fix, not a bug.
_NO_FILES = (
    "cannot open another file",
    "the limit on open files is reached: raise it ('ulimit -n 1024'), or pass fewer --jobs",
)


class _Main(click.Group):
    """The top group: a bug becomes one line and exit 3, naming the SHA-256 of the files
    given, the traceback only with --debug; Ctrl-C one line and exit 130."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep the command line's arguments, for the line a bug prints."""
        ctx.meta[_ARGS] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            # Ctrl-C: what was being written is removed on the way out; 130, never 1 (a verdict)
            click.echo("interrupted: nothing written", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            # the reader went away (e.g. '| head'): stop quietly, as a killed pipe would
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(128 + 13)
        except OSError as exc:
            # standard output on a full disk (files name themselves where they are written),
            # or the limit on open files reached: the user's to fix, not a bug
            if exc.errno in NO_ROOM:
                what, hint = "cannot write its output", write_hint(exc)
            elif exc.errno in (errno.EMFILE, errno.ENFILE):
                what, hint = _NO_FILES
            else:
                self._bug(ctx, exc)
                return None
            click.echo(f"sourcing-check {ctx.invoked_subcommand}: {what}: {exc.strerror}", err=True)
            click.echo(f"    hint: {hint}", err=True)
            sys.exit(ExitCode.BAD_INPUT)
        except Exception as exc:  # the one place a bug is caught: reported, never hidden
            self._bug(ctx, exc)

    def _bug(self, ctx: click.Context, exc: Exception) -> None:
        """Report a bug in one line and exit 3 (with --debug, raise it: the traceback)."""
        if ctx.params.get("debug"):
            raise exc
        from sourcing_check.cli.bug_report import given_files, output_flags, report_line

        name = ctx.invoked_subcommand or ctx.info_name or "sourcing-check"
        files = given_files(ctx.meta.get(_ARGS, []), output_flags(self))
        click.echo(report_line(name, exc, files), err=True)
        sys.exit(ExitCode.INTERNAL)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]}, epilog=HELP)
@click.version_option(__version__, prog_name="sourcing-check")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def main(debug: bool) -> None:
    """Check how data-enrichment work is sourced against the PAI Data Enrichment Sourcing
    Guidelines: validate vendor questionnaires and project plans, assess them, and
    produce a scored report with a remediation checklist."""


for command in (
    init,
    convert,
    validate,
    check,
    report,
    compare,
    diff,
    schema,
    guidelines,
    reference,
):
    main.add_command(command)
