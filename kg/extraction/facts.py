"""Comparing facts: one key per fact whatever file, sentence or wording it came from.

Used to tell whether an extracted fact is one the project already has (ingest), and whether it
is one the curators recorded (evaluation). A symmetric relation has one key for both orders;
a figure is its subject, kind, unit and numbers (comparator and reference year aside); a
milestone is its subject, kind and years or day (status aside, which articles word loosely).
"""

from __future__ import annotations

from decimal import Decimal

from kg.claims import Fact, Measurement, MilestoneFact, Relation

SYMMETRIC = frozenset({"partnersWith", "coDevelopsWith", "complements"})


def fact_key(fact: Fact) -> tuple:
    if isinstance(fact, Relation):
        s, o = fact.subject, fact.object
        if fact.predicate in SYMMETRIC and s > o:
            s, o = o, s
        return ("relation", s, fact.predicate, o)
    if isinstance(fact, Measurement):
        return (
            "quantity",
            fact.subject,
            fact.kind,
            fact.unit,
            _n(fact.value),
            _n(fact.lower),
            _n(fact.upper),
        )
    return ("milestone", fact.subject, fact.kind, fact.start_year, fact.end_year)


def fact_type(fact: Fact) -> str:
    """The relation, or hasQuantity / hasMilestone: the unit evaluation reports by."""
    if isinstance(fact, Relation):
        return fact.predicate
    return "hasQuantity" if isinstance(fact, Measurement) else "hasMilestone"


def fact_text(fact: Fact) -> str:
    """A short readable form, for review lists and evaluation reports."""
    if isinstance(fact, Relation):
        return f"{fact.subject} {fact.predicate} {fact.object}"
    if isinstance(fact, Measurement):
        from kg.graph import quantity_label

        return f"{fact.subject} {fact.kind} {quantity_label(fact)}"
    assert isinstance(fact, MilestoneFact)
    when = (
        fact.on_date
        or "-".join(str(y) for y in (fact.start_year, fact.end_year) if y is not None)
        or "undated"
    )
    about = f" ({fact.concerns})" if fact.concerns else ""
    return f"{fact.subject} {fact.kind} {when} {fact.status}{about}"


def _n(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")
