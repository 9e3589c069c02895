"""`kg build` and `kg export`: load the inputs, build the graph, check it, write the exports.

Nothing is written unless every check passes: a bad datum, a locator that no longer matches
its article, or a SHACL violation leaves the previous exports exactly as they were.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import DataError, KGError, ValidationError
from kg.exports import GraphParts
from kg.project import Project


@dataclass(frozen=True)
class Assembled:
    """The built graph in three parts (sorted N-Triples lines), and what went into it."""

    vocabulary: Graph  # the ontology, chemistry scheme and units (small: rdflib is fine here)
    parts: GraphParts  # vocabulary, data, what the ontology entails, the data's VoID description
    sources: int
    entities: int
    claims: int

    @cached_property
    def data(self) -> Graph:
        """The asserted data as an rdflib Graph (for small graphs: tests, review, JSON-LD)."""
        return _graph(self.parts.data)

    @cached_property
    def inferred(self) -> Graph:
        return _graph(self.parts.inferred)

    @cached_property
    def description(self) -> Graph:
        return _graph(self.parts.description)


@dataclass(frozen=True)
class BuildResult:
    assembled: Assembled
    written: list[Path]
    locators_checked: int | None  # claims whose locator was checked; None without a corpus
    warnings: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return len(self.assembled.parts)


@dataclass(frozen=True)
class Asserted:
    """The checked inputs as RDF, before inference: what the SHACL shapes validate."""

    vocabulary: Graph
    vocabulary_lines: list[str]
    data_lines: list[str]
    sources: int
    entities: int
    claims: int

    def entailed(self) -> Assembled:
        """The whole graph: with what the ontology entails (kg/inference.py) and the data's
        description (kg/description.py) added."""
        parts = _parts(self.vocabulary_lines, self.data_lines)
        return Assembled(self.vocabulary, parts, self.sources, self.entities, self.claims)


def assert_inputs(project: Project, corpus: Path | None = None) -> tuple[Asserted, int | None]:
    """Load and check every input and turn it into RDF (nothing is written)."""
    from kg.claims import load_claims
    from kg.graph import Vocabulary, build_triples
    from kg.locators import verify_locators
    from kg.ontology import load_vocabulary
    from kg.registry import load_registry
    from kg.sources import load_sources

    sources = load_sources(project.sources_file)
    registry = load_registry(project.entities_file)
    claims = load_claims(project.claims_dir)
    vocabulary = load_vocabulary(project.ontology)
    data = build_triples(sources, registry, claims, Vocabulary.from_graph(vocabulary))
    checked = None
    if corpus is not None:
        problems = verify_locators(claims, sources, corpus)
        if problems:
            listing = "\n".join(f"  {p}" for p in problems[:20])
            more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise DataError(
                f"{len(problems)} locator(s) do not match the articles in {corpus}:\n{listing}{more}"
            )
        checked = len(claims)
    vocabulary_lines = _lines(vocabulary.serialize(format="nt", encoding="utf-8"))
    asserted = Asserted(vocabulary, vocabulary_lines, sorted(data), len(sources), len(registry), len(claims))
    return asserted, checked


def assemble(project: Project, corpus: Path | None = None) -> tuple[Assembled, int | None]:
    """Load and check every input, and build the graph (nothing is written)."""
    asserted, checked = assert_inputs(project, corpus)
    return asserted.entailed(), checked


def _parts(vocabulary: list[str], data: list[str]) -> GraphParts:
    """The four parts: the inference rules run on vocabulary + data in an in-memory pyoxigraph
    store, and the data's description."""
    import pyoxigraph as ox

    from kg.description import describe
    from kg.inference import infer_in_store

    store = ox.Store()
    store.bulk_load(_document(vocabulary) + _document(data), format=ox.RdfFormat.N_TRIPLES)
    inferred = sorted(f"{triple} ." for triple in infer_in_store(store))
    return GraphParts(vocabulary, data, inferred, describe(data))


def _lines(ntriples: bytes) -> list[str]:
    """N-Triples as sorted, unique lines in pyoxigraph's canonical form."""
    import pyoxigraph as ox

    return sorted({f"{t} ." for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)})


def _document(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _graph(lines: list[str]) -> Graph:
    graph = Graph()
    if lines:
        graph.parse(data=_document(lines), format="nt")
    return graph


def validate_assembled(project: Project, assembled: Assembled) -> None:
    """Raise ValidationError unless the vocabulary and data conform to the SHACL shapes."""
    _validate(project, assembled.parts.vocabulary, assembled.parts.data)


def _validate(project: Project, vocabulary: list[str], data: list[str]) -> None:
    from kg.ontology import load_shapes
    from kg.validation import validate_ntriples

    try:
        report = validate_ntriples(_document(vocabulary) + _document(data), load_shapes(project.ontology))
    except KGError:
        raise
    except Exception as error:  # the engine failing, not the data: still one line, and nothing replaced
        raise ValidationError(
            f"the SHACL check could not run ({type(error).__name__}: {error}); exports left unchanged"
        ) from error
    if not report.conforms:
        raise ValidationError(
            f"the graph violates the SHACL shapes ({len(report.violations)} violation(s)); "
            f"exports left unchanged:\n{report.summary()}",
            report.summary(limit=1000),
        )


def build(project: Project, corpus: Path | None = None) -> BuildResult:
    """Build, validate and write `exports/ssb-kg.ttl` and the query store, atomically."""
    from kg.atomic import write_all_atomic
    from kg.exports import BASENAME, turtle
    from kg.store import publish_store, stage_store

    asserted, checked = assert_inputs(project, corpus)
    target = project.exports / f"{BASENAME}.ttl"
    # why: the SHACL check runs on a second thread while the graph is completed, written as
    # Turtle and loaded into a staged store: pyshacl-turbo's engine releases the GIL, so both
    # cores work (a million triples: 62.3 -> 37.9 s; README, "Speed and scale"). Nothing is published
    # until the check has passed; a violation discards the staged store.
    validation = _Background(_validate, project, asserted.vocabulary_lines, asserted.data_lines)
    assembled = asserted.entailed()
    ntriples = assembled.parts.ntriples()
    text = turtle(ntriples)
    staged = stage_store(project, ntriples)  # the query store, loaded before anything is replaced
    try:
        validation.result()
        write_all_atomic({target: text})
    except BaseException:
        staged.discard()
        raise
    publish_store(project, staged, text, len(assembled.parts))
    return BuildResult(assembled, [target], checked)


class _Background:
    """A call on a daemon thread. Unlike a thread pool's worker, which the interpreter waits for at
    exit, it does not hold up a build that fails or is interrupted (Ctrl-C) while the call runs."""

    def __init__(self, function: Callable[..., None], *args: Any) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(function, args), name="shacl", daemon=True)
        self._thread.start()

    def _run(self, function: Callable[..., None], args: tuple) -> None:
        try:
            function(*args)
        except BaseException as error:  # handed to the caller of result()
            self._error = error

    def result(self) -> None:
        """Wait for the call; raise what it raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error


def export(project: Project, format_name: str, output: Path | None = None) -> Path:
    """Write the validated graph in one standard format (default path: exports/ssb-kg.<ext>)."""
    from kg.atomic import write_atomic
    from kg.exports import BASENAME, FORMATS, serialize

    if format_name not in FORMATS:
        raise DataError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    assembled, _ = assemble(project)
    validate_assembled(project, assembled)
    target = output or project.exports / f"{BASENAME}.{FORMATS[format_name].extension}"
    write_atomic(target, serialize(assembled.parts, format_name))
    return target
