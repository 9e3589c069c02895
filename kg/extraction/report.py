"""What `kg ingest`, `kg review` and `kg eval` print: rich tables and one-line summaries."""

from __future__ import annotations

from kg.extraction.evaluation import Evaluation
from kg.extraction.ingest import IngestReport
from kg.extraction.review import Pending, ReviewResult
from kg.terminal import literal


def _console():
    from kg.terminal import console

    return console(140, highlight=False)


def _candidates_table(title: str, candidates: list[dict]):
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in ("id", "name", "types", "confidence", "cues", "sources"):
        table.add_column(column)
    for c in candidates:
        table.add_row(
            *literal(
                c["id"],
                c["name"],
                ", ".join(c["types"]),
                f"{c.get('confidence', 0):.2f}",
                ", ".join(c.get("cues") or ()),
                ", ".join(c.get("sources") or ()),
            )
        )
    return table


def print_ingest(report: IngestReport) -> None:
    from rich.table import Table

    console = _console()
    for refused in report.refused:
        console.print(f"skipped {refused}", markup=False)
    table = Table(title="Ingested articles", title_justify="left")
    for column in (
        "file",
        "source",
        "status",
        "proposed",
        "confirmed",
        "suppressed",
        "kept",
        "retired",
        "candidates",
    ):
        table.add_column(
            column,
            justify="right"
            if column in ("proposed", "confirmed", "suppressed", "kept", "retired")
            else "left",
        )
    for o in report.outcomes:
        table.add_row(
            *literal(
                o.file,
                o.source,
                o.status,
                str(o.proposed),
                str(o.confirmed),
                str(o.suppressed),
                str(o.kept),
                str(o.retired),
                ", ".join(o.candidates),
            )
        )
    console.print(table)
    if report.new_candidates:
        console.print(_candidates_table("New candidate entities (kg review)", report.new_candidates))
    extracted = len(report.extracted)
    console.print(
        f"{extracted} article(s) extracted, {len(report.outcomes) - extracted} unchanged; "
        f"{len(report.new_candidates)} new entities, {report.total('proposed')} new claims to review, "
        f"{report.total('confirmed')} already in the project, {report.total('suppressed')} rejected before, "
        f"{report.total('retired')} retired; {len(report.refused)} skipped",
        markup=False,
    )


def print_pending(items: Pending) -> None:
    from rich.table import Table

    console = _console()
    if items.candidates:
        console.print(_candidates_table("Candidate entities", items.candidates))
    if items.claims:
        from kg.extraction.facts import fact_text

        table = Table(title="Pending claims", title_justify="left")
        for column in ("id", "confidence", "fact", "modality", "rule"):
            table.add_column(column)
        for p in items.claims:
            c = p.claim
            table.add_row(
                *literal(c.id, f"{float(c.confidence or 0):.2f}", fact_text(c.fact), c.modality, c.rule or "")
            )
        console.print(table)
    console.print(f"{len(items.claims)} pending claim(s), {len(items.candidates)} candidate(s)", markup=False)


def print_decision(verb: str, result: ReviewResult) -> None:
    console = _console()
    for line in result.skipped:
        console.print(line, markup=False)
    console.print(
        f"{verb} {len(result.claims)} claim(s) and {len(result.candidates)} candidate(s)", markup=False
    )


def print_evaluation(result: Evaluation, show: int) -> None:
    from rich.table import Table

    console = _console()
    table = Table(
        title=f"Extraction against the curated claims of {len(result.articles)} article(s)",
        title_justify="left",
    )
    for column in ("relation", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "relation" else "right")

    def row(name, score, style=None):
        table.add_row(
            name,
            str(score.tp),
            str(score.fp),
            str(score.fn),
            f"{score.precision:.2f}",
            f"{score.recall:.2f}",
            f"{score.f1:.2f}",
            style=style,
        )

    for name in sorted(k for k in result.per_type if k not in ("hasQuantity", "hasMilestone")):
        row(name, result.per_type[name])
    row("relations (all)", result.relations, "bold")
    row("relations, same sentence", result.relations_by_sentence)
    row("figures (hasQuantity)", result.quantities, "bold")
    row("milestones (hasMilestone)", result.milestones, "bold")
    console.print(table)
    console.print(
        f"entity recall {result.entity_recall:.2f} ({result.entities_found}/{result.entities_total}); "
        f"relation precision {result.relations.precision:.2f}, recall {result.relations.recall:.2f}, "
        f"F1 {result.relations.f1:.2f}; {result.about_candidates} fact(s) about new candidates not scored",
        markup=False,
    )
    for title, items in (
        ("missed", result.misses),
        ("false positives", result.false_positives),
        ("entities not recognised", result.missed_entities),
    ):
        if items and show:
            console.print(f"{title} ({len(items)}, first {min(show, len(items))}):", markup=False)
            for source, text in items[:show]:
                console.print(f"  {source}: {text}", markup=False)
