"""The `kg` command: parse options, call one core function, print the result.

Heavy libraries are imported inside the commands, so `kg --help` stays instant.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import KGError


class _Group(click.Group):
    """Turns every KGError into a one-line message and exit status 1, with no traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except KGError as exc:
            raise click.ClickException(str(exc)) from None


corpus_option = click.option(
    "--corpus",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the source articles (default: the SSB_KG_CORPUS setting).",
)


@click.group(cls=_Group)
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="SSB_KG_HOME",
    help="Project folder holding data/, ontology/ and exports/.",
)
@click.version_option(package_name="ssb-kg")
@click.pass_context
def cli(ctx: click.Context, home: Path | None) -> None:
    """ssb-kg: a knowledge graph of the solid-state battery industry."""
    from kg.project import find_project

    ctx.obj = find_project(home)


@cli.command()
@click.argument("source_id")
@corpus_option
@click.pass_obj
def sentences(project, source_id: str, corpus: Path | None) -> None:
    """List the sentences of one article with their index, span and hash (for curators)."""
    from kg.locators import article_sentences
    from kg.sources import load_sources, resolve_corpus

    corpus_dir = _require_corpus(resolve_corpus(corpus))
    sources = load_sources(project.sources_file)
    if source_id not in sources:
        raise click.ClickException(f"unknown source {source_id!r}; known: {', '.join(sorted(sources))}")
    text, found = article_sentences(corpus_dir, sources[source_id])
    for s in found:
        click.echo(f"[{s.index}] {s.start}..{s.end} {s.sha256(text)[:12]}  {s.text(text)}")


@cli.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@corpus_option
@click.pass_obj
def locate(project, files: tuple[Path, ...], corpus: Path | None) -> None:
    """Fill in span and SHA-256 of each sentence entry of claims FILES from its index."""
    from kg.locators import fill_locators
    from kg.sources import load_sources, resolve_corpus

    corpus_dir = _require_corpus(resolve_corpus(corpus))
    sources = load_sources(project.sources_file)
    for path in files:
        changed = fill_locators(path, sources, corpus_dir)
        click.echo(f"{path}: {changed} locator(s) updated")


@cli.command()
@corpus_option
@click.pass_obj
def build(project, corpus: Path | None) -> None:
    """Build the graph from data/, validate it, and write exports/ssb-kg.ttl.

    With a corpus, every sentence locator is checked against the articles first.
    """
    from kg.build import build as build_graph
    from kg.sources import resolve_corpus

    corpus_dir = resolve_corpus(corpus)
    result = build_graph(project, corpus_dir)
    a = result.assembled
    click.echo(
        f"built {result.triples} triples: {a.sources} sources, {a.entities} entities, {a.claims} claims"
    )
    if result.locators_checked is None:
        click.echo("locators not checked: no corpus (pass --corpus DIR or set SSB_KG_CORPUS)")
    else:
        click.echo(f"all {result.locators_checked} locators match the articles in {corpus_dir}")
    click.echo("the graph conforms to the SHACL shapes")
    for path in result.written:
        click.echo(f"wrote {path}")


@cli.command()
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["turtle", "ntriples", "jsonld", "trig"]),
    default="turtle",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: exports/ssb-kg.<ext>).",
)
@click.pass_obj
def export(project, format_name: str, output: Path | None) -> None:
    """Write the graph (vocabulary and data) in a standard RDF format."""
    from kg.build import export as export_graph

    click.echo(f"wrote {export_graph(project, format_name, output)}")


@cli.command()
@click.pass_obj
def stats(project) -> None:
    """Count the graph's nodes by class and its facts by relation."""
    from kg.engine import open_graph, select
    from kg.exports import BASENAME
    from kg.questions import get_question

    store = open_graph(project.exports / f"{BASENAME}.ttl")
    for name in ("class-counts", "relation-counts"):
        question = get_question(name)
        _print_table(question.title, select(store, question.sparql))


@cli.command()
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind a parameter of the question (repeatable).",
)
@click.option("--list", "list_questions", is_flag=True, help="List the named questions.")
@click.pass_obj
def query(project, name: str | None, params: tuple[str, ...], list_questions: bool) -> None:
    """Ask the graph a named question."""
    from kg.engine import open_graph, select
    from kg.exports import BASENAME
    from kg.questions import get_question, load_questions

    if list_questions or not name:
        for question in load_questions().values():
            args = " ".join(f"[-p {p.name}=...]" for p in question.parameters)
            click.echo(f"{question.name:28} {question.title} {args}".rstrip())
        return
    question = get_question(name)
    bindings = dict(_split_param(p) for p in params)
    known = {p.name for p in question.parameters}
    unknown = set(bindings) - known
    if unknown:
        raise click.ClickException(
            f"unknown parameter(s) {', '.join(sorted(unknown))} for {name}; "
            f"it takes: {', '.join(sorted(known)) or 'none'}"
        )
    store = open_graph(project.exports / f"{BASENAME}.ttl")
    _print_table(question.title, select(store, question.sparql, bindings))


def _split_param(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise click.ClickException(f"parameter {text!r} is not KEY=VALUE")
    return key.strip(), value.strip()


def _print_table(title: str, table) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    from kg.engine import term_text

    rich_table = RichTable(title=title, title_justify="left")
    for column in table.columns:
        rich_table.add_column(column)
    for row in table.rows:
        rich_table.add_row(*(term_text(v) for v in row))
    console = Console(width=max(Console().width, 160))
    console.print(rich_table)
    console.print(f"{len(table.rows)} row(s)")


def _require_corpus(corpus: Path | None) -> Path:
    if corpus is None:
        raise click.ClickException("no corpus: pass --corpus DIR or set SSB_KG_CORPUS")
    return corpus


if __name__ == "__main__":
    cli()
