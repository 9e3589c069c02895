"""`kg build` and `kg export`: load the inputs, build the graph, check it, write the exports.

Nothing is written unless every check passes: a bad datum, a locator that no longer matches
its article, or a SHACL violation leaves the previous exports exactly as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import DataError, ValidationError
from kg.project import Project


@dataclass(frozen=True)
class Assembled:
    """The built graph in two parts, and what went into it."""

    vocabulary: Graph
    data: Graph
    sources: int
    entities: int
    claims: int
    inferred: Graph = field(default_factory=Graph)  # what the ontology entails (kg/inference.py)


@dataclass(frozen=True)
class BuildResult:
    assembled: Assembled
    written: list[Path]
    locators_checked: int | None  # claims whose locator was checked; None without a corpus
    warnings: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        a = self.assembled
        return len(a.vocabulary) + len(a.data) + len(a.inferred)


def assemble(project: Project, corpus: Path | None = None) -> tuple[Assembled, int | None]:
    """Load and check every input, and build the graph (nothing is written)."""
    from kg.claims import load_claims
    from kg.graph import Vocabulary, build_graph
    from kg.inference import infer
    from kg.locators import verify_locators
    from kg.ontology import load_vocabulary
    from kg.registry import load_registry
    from kg.sources import load_sources

    sources = load_sources(project.sources_file)
    registry = load_registry(project.entities_file)
    claims = load_claims(project.claims_dir)
    vocabulary = load_vocabulary(project.ontology)
    data = build_graph(sources, registry, claims, Vocabulary.from_graph(vocabulary))
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
    inferred = infer(vocabulary, data)
    assembled = Assembled(vocabulary, data, len(sources), len(registry), len(claims), inferred)
    return assembled, checked


def validate_assembled(project: Project, assembled: Assembled) -> None:
    from kg.ontology import load_shapes
    from kg.validation import validate

    report = validate(assembled.data, assembled.vocabulary, load_shapes(project.ontology))
    if not report.conforms:
        raise ValidationError(
            f"the graph violates the SHACL shapes ({len(report.violations)} violation(s)); "
            f"exports left unchanged:\n{report.summary()}",
            report.summary(limit=1000),
        )


def build(project: Project, corpus: Path | None = None) -> BuildResult:
    """Build, validate and write `exports/ssb-kg.ttl`, atomically."""
    from kg.atomic import write_all_atomic
    from kg.exports import BASENAME, serialize

    assembled, checked = assemble(project, corpus)
    validate_assembled(project, assembled)
    target = project.exports / f"{BASENAME}.ttl"
    write_all_atomic({target: serialize(assembled.vocabulary, assembled.data, "turtle", assembled.inferred)})
    return BuildResult(assembled, [target], checked)


def export(project: Project, format_name: str, output: Path | None = None) -> Path:
    """Write the validated graph in one standard format (default path: exports/ssb-kg.<ext>)."""
    from kg.atomic import write_atomic
    from kg.exports import BASENAME, FORMATS, serialize

    if format_name not in FORMATS:
        raise DataError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    assembled, _ = assemble(project)
    validate_assembled(project, assembled)
    target = output or project.exports / f"{BASENAME}.{FORMATS[format_name].extension}"
    write_atomic(target, serialize(assembled.vocabulary, assembled.data, format_name, assembled.inferred))
    return target
