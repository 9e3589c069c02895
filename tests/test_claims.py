"""Claims files: what they accept, and the one-line errors for what they do not."""

from pathlib import Path

import pytest

from kg.claims import Measurement, MilestoneFact, Relation, load_claims, load_claims_file
from kg.errors import DataError

LOCATOR = "  span: [0, 10]\n  sha256: " + "a" * 64 + "\n"


def claims_file(tmp_path: Path, *claims: str, sentence: int = 3) -> Path:
    path = tmp_path / "t.yaml"
    body = "".join(f"  - {c}\n" for c in claims)
    path.write_text(f"source: t\nsentences:\n- sentence: {sentence}\n{LOCATOR}  claims:\n{body}")
    return path


def test_the_three_kinds_of_fact(tmp_path):
    path = claims_file(
        tmp_path,
        "{s: acme, p: suppliesTo, o: beta}",
        '{s: acme-cell, quantity: GravimetricEnergyDensity, value: 400, comparator: ">", unit: Wh/kg}',
        "{s: acme, milestone: MassProduction, from: 2027, to: 2030, status: Planned, by: jo}",
    )
    relation, quantity, milestone = (c.fact for c in load_claims_file(path))
    assert relation == Relation("acme", "suppliesTo", "beta")
    assert isinstance(quantity, Measurement)
    assert (quantity.value, quantity.comparator, quantity.unit) == (400, ">", "Wh/kg")
    assert isinstance(milestone, MilestoneFact)
    assert (milestone.start_year, milestone.end_year, milestone.status) == (2027, 2030, "Planned")
    assert load_claims_file(path)[2].attributed_to == "jo"


def test_every_claim_carries_its_locator(tmp_path):
    (claim,) = load_claims_file(claims_file(tmp_path, "{s: a, p: partnersWith, o: b}"))
    assert (claim.locator.source, claim.locator.sentence) == ("t", 3)
    assert (claim.locator.start, claim.locator.end) == (0, 10)
    assert claim.method == "Curated" and claim.modality == "Explicit"


def test_claim_ids_are_stable_and_depend_on_the_fact(tmp_path):
    first = load_claims_file(claims_file(tmp_path, "{s: a, p: partnersWith, o: b}"))[0].id
    again = load_claims_file(claims_file(tmp_path, "{s: a, p: partnersWith, o: b}"))[0].id
    other = load_claims_file(claims_file(tmp_path, "{s: a, p: partnersWith, o: c}"))[0].id
    assert first == again != other
    assert first.startswith("t-s003-")


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        ("{s: a, p: partnersWith}", "needs 'o'"),
        ("{s: a, quantity: DrivingRange, value: 5}", "needs 'unit'"),
        ("{s: a, quantity: DrivingRange, unit: km}", "needs 'value'"),
        ("{s: a, quantity: DrivingRange, min: 9, max: 5, unit: km}", "greater than max"),
        ("{s: a, quantity: DrivingRange, value: lots, unit: km}", "not a number"),
        ("{s: a, quantity: DrivingRange, value: 5, unit: km, comparator: '!'}", "not one of"),
        ("{s: a, milestone: MassProduction, year: 2027, status: Soon}", "not one of"),
        ("{s: a, milestone: MassProduction, from: 2030, to: 2027, status: Planned}", "after to"),
        ("{s: a, milestone: MassProduction, year: 27, status: Planned}", "not a year"),
        ("{s: a, p: partnersWith, o: b, colour: red}", "unknown key"),
        ("{s: a, p: partnersWith, o: b, modality: Rumoured}", "not one of"),
        ("{s: a}", "needs 'p'"),
    ],
)
def test_malformed_claims_are_refused_with_their_place(tmp_path, claim, message):
    with pytest.raises(DataError, match=message) as error:
        load_claims_file(claims_file(tmp_path, claim))
    assert "t.yaml: sentence 3, claim 1" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_missing_locator_says_how_to_fill_it(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("source: t\nsentences:\n- sentence: 1\n  claims:\n  - {s: a, p: partnersWith, o: b}\n")
    with pytest.raises(DataError, match="kg locate"):
        load_claims_file(path)


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("source: t\nsentences:\n- sentence: [1\n")
    with pytest.raises(DataError, match=r"t\.yaml:\d+:\d+: invalid YAML"):
        load_claims_file(path)


def test_the_same_fact_twice_for_one_sentence_is_refused(tmp_path):
    claims_file(tmp_path, "{s: a, p: partnersWith, o: b}", "{s: a, p: partnersWith, o: b}")
    with pytest.raises(DataError, match="listed twice"):
        load_claims(tmp_path)


def test_a_milestone_may_be_undated(tmp_path):
    (claim,) = load_claims_file(
        claims_file(tmp_path, "{s: a, milestone: PilotProduction, status: TrialProduction}")
    )
    assert (claim.fact.start_year, claim.fact.end_year, claim.fact.on_date) == (None, None, None)
