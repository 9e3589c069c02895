"""The facts found, in the claims-file form (data/README.md): one dict per claim.

Numbers are written as integers when they are whole, so that a fact extracted from "400 Wh/kg"
is the same fact (and claim id) as the curated `value: 400`. A symmetric relation is written in
one order, so the same fact found twice in a sentence is one claim.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kg.extraction.milestones import FoundMilestone
from kg.extraction.quantities import FoundQuantity
from kg.extraction.relations import SYMMETRIC, FoundRelation


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def relation_claim(r: FoundRelation) -> dict[str, Any]:
    claim: dict[str, Any] = {"s": r.subject, "p": r.predicate, "o": r.object}
    if r.modality != "Explicit":
        claim["modality"] = r.modality
    claim.update(confidence=round(r.confidence, 2), rule=r.rule)
    return claim


def quantity_claim(q: FoundQuantity) -> dict[str, Any]:
    claim: dict[str, Any] = {"s": q.subject, "quantity": q.kind}
    if q.value is not None:
        claim["value"] = number(q.value)
    if q.lower is not None:
        claim["min"] = number(q.lower)
    if q.upper is not None:
        claim["max"] = number(q.upper)
    if q.comparator != "=":
        claim["comparator"] = q.comparator
    claim.update(unit=q.unit, confidence=round(q.confidence, 2), rule=q.rule)
    return claim


def milestone_claim(m: FoundMilestone) -> dict[str, Any]:
    claim: dict[str, Any] = {"s": m.subject, "milestone": m.kind}
    if m.on_date is not None:
        claim["date"] = m.on_date
    elif m.start_year is not None and m.start_year == m.end_year:
        claim["year"] = m.start_year
    else:
        if m.start_year is not None:
            claim["from"] = m.start_year
        if m.end_year is not None:
            claim["to"] = m.end_year
    claim["status"] = m.status
    if m.concerns and m.concerns != m.subject:
        claim["about"] = m.concerns
    if m.note:
        claim["note"] = m.note
    claim.update(confidence=round(m.confidence, 2), rule=m.rule)
    return claim


def unique(facts: list[dict]) -> list[dict]:
    """One claim per fact (the most confident), in a stable order."""
    best: dict[tuple, dict] = {}
    for fact in facts:
        if fact.get("p") in SYMMETRIC and fact["s"] > fact["o"]:
            fact = {**fact, "s": fact["o"], "o": fact["s"]}
        key = tuple(
            sorted(
                (k, str(v)) for k, v in fact.items() if k not in ("confidence", "rule", "modality", "note")
            )
        )
        if key not in best or best[key]["confidence"] < fact["confidence"]:
            best[key] = fact
    return sorted(best.values(), key=lambda f: tuple(sorted((k, str(v)) for k, v in f.items())))
