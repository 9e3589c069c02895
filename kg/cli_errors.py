"""How the `kg` commands report errors: in one line each, with no traceback.

A core function raises KGError with the message a user should read; the group turns it, an error
of the file system and every usage error into that one line ("Error: ..."), and an exit status
of 1 (an error) or 2 (a usage error), as click does.
"""

from __future__ import annotations

import click

from kg.errors import KGError


class UsageLine(click.UsageError):
    """A usage error as one line, as every other error here: with no context, click prints no
    usage block and no "Try ... --help" line before it, so the line names the command's help."""

    def __init__(self, error: click.UsageError, command_path: str) -> None:
        super().__init__(f"{error.format_message()} (see: {command_path} --help)")


# how click (from 8.2) shows a group's help when it is given no command (`kg`): no error to reword
_HELP_FOR_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", UsageLine)


class Command(click.Command):
    """A command whose own usage errors (an unknown option, an option with no value) are one line."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[override]
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except (UsageLine, _HELP_FOR_NO_ARGS):
            raise
        except click.UsageError as exc:
            # why: click's parser raises some of these with no context, so the path is made here
            path = " ".join(part for part in (parent.command_path if parent else "", info_name) if part)
            raise UsageLine(exc, path) from None


class Group(Command, click.Group):
    """A group (`kg`, `kg review`) that turns every KGError, and an error of the file system (a
    full disk, a folder that cannot be written), into a one-line message and exit status 1, with
    no traceback. Usage errors are one line too: its own (`kg --bogus`), its commands', and those
    their callbacks raise."""

    command_class = Command

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (UsageLine, _HELP_FOR_NO_ARGS):
            raise
        except click.UsageError as exc:
            raise UsageLine(exc, (exc.ctx or ctx).command_path) from None
        except KGError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            raise  # `kg query ... | head`: click ends quietly, as a command in a pipe should
        except OSError as exc:
            where = "".join(f": {name}" for name in (exc.filename, exc.filename2) if name)
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None
