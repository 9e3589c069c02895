"""The `kg` command: parse options, call one core function, print the result.

Heavy libraries are imported inside the commands, so `kg --help` stays instant.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli_errors import Group
from kg.cli_extraction import evaluate, ingest, review
from kg.cli_options import (
    absolute_iri,
    checked_output,
    corpus_option,
    endpoint_option,
    finite_seconds,
    format_option,
    graph_option,
    limit_option,
    offset_option,
    options_given,
    require_corpus,
    sources_option,
    split_param,
    timeout_option,
)
from kg.errors import quoted


@click.group(cls=Group)
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

    corpus_dir = require_corpus(resolve_corpus(corpus))
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

    corpus_dir = require_corpus(resolve_corpus(corpus))
    sources = load_sources(project.sources_file)
    for path, changed in fill_locators(list(files), sources, corpus_dir).items():
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
    type=click.Choice(["turtle", "ntriples", "jsonld", "trig", "graphml", "gexf", "csv"]),
    default="turtle",
    show_default=True,
    help="Output format: RDF (turtle, ntriples, jsonld, trig) or the view's network (graphml, gexf, csv).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (default: exports/ssb-kg.<ext>); for csv, a folder (default: exports/ssb-kg-csv/).",
)
@click.pass_obj
def export(project, format_name: str, output: Path | None) -> None:
    """Write the graph in a standard RDF format, or its network for Gephi, Cytoscape and spreadsheets.

    graphml, gexf and csv hold the nodes and edges that `kg view` draws, with their attributes and
    sources; csv writes nodes.csv and edges.csv into a folder.
    """
    output = checked_output(project, output)
    if format_name in ("graphml", "gexf", "csv"):
        from kg.graph_exports import export_graph as export_network

        for path in export_network(project, format_name, output):
            click.echo(f"wrote {path}")
        return
    if output is not None and output.is_dir():
        raise click.ClickException(f"{output} is a folder; give a file name")
    from kg.build import export as export_graph

    click.echo(f"wrote {export_graph(project, format_name, output)}")


@cli.command()
@click.pass_obj
def stats(project) -> None:
    """Count the graph's nodes by class and its facts by relation."""
    from kg.engine import select
    from kg.questions import get_question
    from kg.store import open_store
    from kg.terminal import print_table

    store = open_store(project)
    for name in ("class-counts", "relation-counts"):
        question = get_question(name)
        print_table(question.title, select(store, question.sparql))


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
@format_option
@sources_option
@endpoint_option
@graph_option
@timeout_option
@limit_option
@offset_option
@click.pass_obj
def query(
    project,
    name: str | None,
    params: tuple[str, ...],
    list_questions: bool,
    format_name: str,
    with_sources: bool,
    endpoint: str | None,
    graph: str | None,
    timeout: float | None,
    limit: int | str | None,
    offset: int,
) -> None:
    """Ask the graph a named question (kg query --list shows them).

    A question that lists the corpus (articles, most-connected ...) answers a page at a time:
    --offset for the next page, --limit all for the whole listing.
    """
    from kg.asking import ask_question
    from kg.questions import given_parameters, load_questions
    from kg.terminal import print_answer, print_page_note

    if list_questions or not name:
        from kg.catalogue import LIST_FORMATS, catalogue_json, catalogue_lines

        # the listing takes nothing else: `--list --limit 3` or `--list partners` printing the
        # whole list would look like an answer that ignored what was asked
        context = click.get_current_context()
        ignored = ([quoted(name)] if name else []) + options_given(context, "list_questions", "format_name")
        if ignored:
            given = ", ".join(ignored)
            raise click.UsageError(
                f"listing the questions takes nothing else (given: {given}); name one to ask it"
            )
        if format_name not in LIST_FORMATS:
            raise click.UsageError(f"the list of questions is a table or json, not {format_name}")
        listing = catalogue_json() if format_name == "json" else "\n".join(catalogue_lines()) + "\n"
        click.echo(listing, nl=False)
        return
    given = given_parameters(split_param(p) for p in params)
    answer = ask_question(project, name, given, endpoint, graph, with_sources, timeout, limit, offset)
    question = load_questions()[name]
    print_answer(answer, format_name, question.title)
    if question.paging is not None:
        print_page_note(answer, question.paging, offset, format_name)


@cli.command()
@click.argument("text", metavar="QUERY")
@format_option
@sources_option
@endpoint_option
@graph_option
@timeout_option
@click.pass_obj
def sparql(
    project,
    text: str,
    format_name: str,
    with_sources: bool,
    endpoint: str | None,
    graph: str | None,
    timeout: float | None,
) -> None:
    """Run any SPARQL query: kg sparql 'SELECT ...' or kg sparql @file.rq.

    The project's prefixes (ssb:, id:, chem:, rdfs: ...) need no PREFIX lines.
    """
    from kg.asking import ask_sparql
    from kg.terminal import print_answer

    print_answer(ask_sparql(project, text, endpoint, graph, with_sources, timeout), format_name, "")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=7879, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port)."
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    callback=finite_seconds,
    help="Seconds a query may run.",
)
@click.option(
    "--max-rows",
    default=10000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (or triples) an answer may have.",
)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Query worker processes."
)
@click.option(
    "--in-memory",
    is_flag=True,
    help="Hold the graph in each worker's memory: faster, about 0.4 GB per worker per million triples.",
)
@click.pass_obj
def serve(
    project, host: str, port: int, timeout: float, max_rows: int, workers: int, in_memory: bool
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint, with a page of examples."""
    from kg.serve import serve as run_server

    run_server(project, host, port, timeout, max_rows, workers, announce=click.echo, in_memory=in_memory)


@cli.command()
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://localhost:7878/store.",
)
@click.option(
    "--graph",
    metavar="IRI",
    callback=absolute_iri,
    help="Named graph to replace (default: the default graph).",
)
@click.pass_obj
def push(project, endpoint: str, graph: str | None) -> None:
    """Load the built graph into a triplestore (SPARQL 1.1 Graph Store Protocol PUT)."""
    from kg.exports import BASENAME
    from kg.remote import push as push_graph
    from kg.remote import shown

    sent = push_graph(project.exports / f"{BASENAME}.ttl", endpoint, graph)
    into = f"graph {graph}" if graph else "default graph"
    click.echo(f"pushed {sent} bytes of Turtle to {shown(endpoint)} ({into})")


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output HTML file (default: exports/view.html).",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in the web browser.")
@click.option(
    "--preset",
    type=click.Choice(["full", "partnerships", "supply-chain"]),
    default="full",
    show_default=True,
    help="full graph, partnership network, or supply chain from raw material to vehicle.",
)
@click.option(
    "--relations",
    metavar="LIST",
    help="Comma-separated relation groups (partnership,supply,chemistry,production,vehicle,policy) "
    "or relation names (suppliesTo,...).",
)
@click.option(
    "--since", type=int, metavar="YEAR", help="Only facts reported in YEAR or later (undated kept)."
)
@click.option("--focus", metavar="ENTITY", help="Only the neighbourhood of ENTITY (id, name or alias).")
@click.option(
    "--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Steps around --focus."
)
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also save a PNG of the page as headless Chromium draws it (needs playwright and chromium).",
)
@click.pass_obj
def view(
    project,
    output: Path | None,
    open_page: bool,
    preset: str,
    relations: str | None,
    since: int | None,
    focus: str | None,
    depth: int,
    screenshot: Path | None,
) -> None:
    """Write the graph as one interactive HTML page that works offline (default: exports/view.html)."""
    from kg.selection import Selection
    from kg.view import write_view

    names = tuple(r.strip() for r in (relations or "").split(",") if r.strip())
    result = write_view(
        project, checked_output(project, output), Selection(preset, names, since, focus, depth)
    )
    click.echo(f"wrote {result.path}: {result.nodes} nodes, {result.edges} edges ({result.preset})")
    if screenshot:
        from kg.browser import screenshot as take_screenshot

        take_screenshot(result.path, screenshot)
        click.echo(f"wrote {screenshot}")
    if open_page:
        import webbrowser

        webbrowser.open(result.path.resolve().as_uri())


# the commands that grow the graph from articles live in their own module
cli.add_command(ingest)
cli.add_command(review)
cli.add_command(evaluate)


if __name__ == "__main__":
    cli()
