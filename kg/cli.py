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
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), envvar="SSB_KG_HOME",
              help="Project folder holding data/, ontology/ and exports/.")
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
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
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


def _require_corpus(corpus: Path | None) -> Path:
    if corpus is None:
        raise click.ClickException("no corpus: pass --corpus DIR or set SSB_KG_CORPUS")
    return corpus
