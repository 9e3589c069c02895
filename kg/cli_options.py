"""The options several `kg` commands share, and the checks of what they are given."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import click

from kg.errors import quoted


class FolderPath(click.Path):
    """A folder's path, and never an empty one: Path("") is the current folder, so `--corpus ''`
    (an unset shell variable) would have read every .txt file there."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path: name a folder", param, ctx)
        return super().convert(value, param, ctx)


corpus_option = click.option(
    "--corpus",
    type=FolderPath(file_okay=False, path_type=Path),
    help="Folder of the source articles (default: the SSB_KG_CORPUS setting).",
)
format_option = click.option(
    "--format",
    "format_name",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples"]),
    default="table",
    show_default=True,
    help="table: readable; csv/tsv/json/xml: SPARQL 1.1 results; turtle/ntriples: for CONSTRUCT/DESCRIBE.",
)
endpoint_option = click.option(
    "--endpoint", metavar="URL", help="Ask a SPARQL 1.1 endpoint instead of the built graph."
)


def absolute_iri(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A named graph's IRI, checked here: the endpoint would refuse 'a b' with a message of its own."""
    if value is None:
        return None
    import pyoxigraph as ox

    try:
        ox.NamedNode(value)
    except ValueError:
        example = "http://example.org/g"
        raise click.BadParameter(f"{quoted(value)} is not an absolute IRI, e.g. {example}") from None
    return value


graph_option = click.option(
    "--graph",
    metavar="IRI",
    callback=absolute_iri,
    help="With --endpoint: the named graph to query (default-graph-uri).",
)


def finite_seconds(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):  # FloatRange lets nan through
        raise click.BadParameter("a number of seconds, such as 30")
    return value


timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    callback=finite_seconds,
    metavar="SECONDS",
    help="Give up on a query that takes longer (default: wait; Ctrl-C stops it any time).",
)


class PageNumber(click.ParamType):
    """A page's limit or offset, read as the endpoint reads it (`kg.pages.page_number`)."""

    def number(self, value, param, ctx) -> int | None:  # type: ignore[no-untyped-def]
        from kg.errors import KGError
        from kg.pages import page_number

        try:
            return page_number(str(value))
        except KGError as exc:  # a number of more digits than any page has
            self.fail(str(exc), param, ctx)


class PageLimit(PageNumber):
    """A page's size: a whole number from 1, or "all" for the whole listing."""

    name = "N|all"

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if value is None or isinstance(value, int):
            return value
        if str(value).strip().lower() == "all":
            return "all"
        number = self.number(value, param, ctx)
        if number is None:
            self.fail(f"{quoted(value)} is neither a whole number nor 'all'", param, ctx)
        if number < 1:
            self.fail(f"a page holds at least 1 row, not {number}", param, ctx)
        return number


class WholeNumber(PageNumber):
    """0, 1, 2 ... written in ASCII digits, as the endpoint takes it (int() also reads "1_0" and
    other scripts' digits, which a page's offset should not)."""

    name = "N"

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if isinstance(value, int):
            return value
        number = self.number(value, param, ctx)
        if number is None:
            self.fail(f"{quoted(value)} is not a whole number (0, 1, 2 ...)", param, ctx)
        return number


limit_option = click.option(
    "--limit",
    type=PageLimit(),
    default=None,
    help="A listing question's page size, or 'all' for the whole listing (default: its own page).",
)
offset_option = click.option(
    "--offset",
    type=WholeNumber(),
    default=0,
    metavar="N",
    help="Skip the first N of a listing question's articles, companies... (the next page).",
)
sources_option = click.option(
    "--with-sources", is_flag=True, help="Add each row's sources (article, sentence, publisher, date)."
)


def split_param(text: str) -> tuple[str, str]:
    """`-p key=value` as (key, value)."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise click.ClickException(f"parameter {quoted(text)} is not KEY=VALUE")
    return key.strip(), value.strip()


def require_corpus(corpus: Path | None) -> Path:
    """The corpus folder, for the commands that cannot work without one."""
    if corpus is None:
        raise click.ClickException("no corpus: pass --corpus DIR or set SSB_KG_CORPUS")
    return corpus


def options_given(ctx: click.Context, *besides: str) -> list[str]:
    """The options the user wrote on the command line (not their defaults), as `--name`,
    leaving out the parameters named in `besides`."""
    from click.core import ParameterSource

    return [
        max(param.opts, key=len)
        for param in ctx.command.params
        if isinstance(param, click.Option)
        and param.name not in besides
        and ctx.get_parameter_source(param.name) is ParameterSource.COMMANDLINE
    ]


def checked_output(project: Any, output: Path | None) -> Path | None:
    """`-o` of `kg export` and `kg view`, refused inside data/ and ontology/: an export written
    there would replace the project's own sources (`-o data/sources.yaml`) or join them."""
    if output is None:
        return None
    real = Path(os.path.realpath(output))
    for inputs in (project.data, project.ontology):
        if real == Path(os.path.realpath(inputs)) or Path(os.path.realpath(inputs)) in real.parents:
            raise click.ClickException(f"{output} is inside {inputs}, the project's inputs: write elsewhere")
    return output
