"""The `kg` commands that grow the graph from articles: ingest, review, eval (kg/extraction/).

Registered on the `kg` group by kg/cli.py; like it, they parse options, call one core function
and print, importing the extraction code only when they run.
"""

from __future__ import annotations

import math
from pathlib import Path

import click

from kg.cli_errors import Command, Group
from kg.cli_options import corpus_option, require_corpus


@click.command(cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to extract with (at most one per core).",
)
@click.pass_obj
def ingest(project, paths: tuple[Path, ...], jobs: int) -> None:
    """Extract facts from the articles at PATHS (files or folders) and propose them for review."""
    from kg.extraction.ingest import ingest as ingest_articles
    from kg.extraction.report import print_ingest

    print_ingest(ingest_articles(project, list(paths), jobs))


@click.group(cls=Group, invoke_without_command=True)
@click.option("--source", help="Only what this article proposes.")
@click.option("--min-confidence", type=float, help="Only what is at least this confident.")
@click.pass_context
def review(ctx: click.Context, source: str | None, min_confidence: float | None) -> None:
    """List pending claims and candidates; accept, reject or merge them (see the subcommands)."""
    if ctx.invoked_subcommand is None:
        from kg.extraction.report import print_pending
        from kg.extraction.review import pending

        print_pending(pending(ctx.obj, source, min_confidence))


@review.command("accept")
@click.argument("ids", nargs=-1)
@click.option("--min-confidence", type=float, help="Accept everything at least this confident.")
@click.option("--all", "everything", is_flag=True, help="Accept everything pending.")
@click.pass_obj
def review_accept(project, ids: tuple[str, ...], min_confidence: float | None, everything: bool) -> None:
    """Accept claims and candidates (by id, by confidence, or all): they join the graph at the next build."""
    from kg.extraction.report import print_decision
    from kg.extraction.review import accept

    only_one_way(ids, min_confidence, everything)
    print_decision("accepted", accept(project, ids, min_confidence, everything))


@review.command("reject")
@click.argument("ids", nargs=-1)
@click.option("--max-confidence", type=float, help="Reject everything less confident than this.")
@click.option("--all", "everything", is_flag=True, help="Reject everything pending.")
@click.pass_obj
def review_reject(project, ids: tuple[str, ...], max_confidence: float | None, everything: bool) -> None:
    """Reject claims and candidates; re-ingesting never proposes them again."""
    from kg.extraction.report import print_decision
    from kg.extraction.review import reject

    only_one_way(ids, max_confidence, everything)
    print_decision("rejected", reject(project, ids, max_confidence, everything))


def only_one_way(ids: tuple[str, ...], confidence: float | None, everything: bool) -> None:
    """Ids, a confidence or --all: `--all SOME-ID` decided everything and ignored the id."""
    if everything and (ids or confidence is not None):
        raise click.UsageError("--all decides everything pending: give it without ids or a confidence")
    if confidence is not None and not math.isfinite(confidence):
        raise click.UsageError(f"a confidence is a number from 0 to 1, not {confidence}")


@review.command("merge")
@click.argument("candidate")
@click.argument("entity")
@click.pass_obj
def review_merge(project, candidate: str, entity: str) -> None:
    """Record that CANDIDATE is another name of the registry's ENTITY."""
    from kg.extraction.report import print_decision
    from kg.extraction.review import merge

    print_decision("merged", merge(project, candidate, entity))


@click.command("eval", cls=Command)
@corpus_option
@click.option(
    "--min-confidence", type=float, default=0.0, show_default=True, help="Ignore less confident facts."
)
@click.option(
    "--show",
    type=click.IntRange(min=0),
    default=40,
    show_default=True,
    help="Misses and false positives listed.",
)
@click.pass_obj
def evaluate(project, corpus: Path | None, min_confidence: float, show: int) -> None:
    """Compare extraction with the curated claims: precision, recall, F1, entity recall."""
    from kg.extraction.evaluation import evaluate as run_evaluation
    from kg.extraction.report import print_evaluation
    from kg.sources import resolve_corpus

    print_evaluation(run_evaluation(project, require_corpus(resolve_corpus(corpus)), min_confidence), show)
