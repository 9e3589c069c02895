"""Stage 4, relations: sentence-level patterns, with the right direction and types."""

import pytest

from kg.extraction.relations import find_relations

from .extraction_helpers import lexicon, matcher


def relations(text: str) -> set[tuple[str, str, str]]:
    found = find_relations(text, matcher().find(text), lexicon().entities)
    return {(r.subject, r.predicate, r.object) for r in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honda has teamed up with Nissan on solid-state cells.", ("honda", "partnersWith", "nissan")),
        ("QuantumScape agreed to license its separator to Nissan.", ("quantumscape", "licensesTo", "nissan")),
        ("Honda makes cells under a licence from Solid Power.", ("solid-power", "licensesTo", "honda")),
        ("Ford has invested 20 million dollars in Solid Power.", ("ford", "investsIn", "solid-power")),
        ("The BMW-backed developer Skarven Cells grew.", ("bmw", "investsIn", "skarven-cells")),
        (
            "Idemitsu Kosan will supply sulfide electrolyte to Honda.",
            ("idemitsu-kosan", "suppliesTo", "honda"),
        ),
        (
            "Nissan will source its electrolyte from Idemitsu Kosan.",
            ("idemitsu-kosan", "suppliesTo", "nissan"),
        ),
        ("Skarven Cells is betting on the halide route.", ("skarven-cells", "pursuesRoute", "halide")),
        (
            "Hanmi Solid Materials, a joint venture of Hanul Energy and Mitsuya Chemical, grew.",
            ("hanmi-solid-materials", "jointVentureOf", "hanul-energy"),
        ),
        (
            "PowerCo, the battery unit of Volkswagen Group, hires.",
            ("powerco", "subsidiaryOf", "volkswagen-group"),
        ),
        (
            "Ingrid Solberg, chief executive of Skarven Cells, spoke.",
            ("ingrid-solberg", "affiliatedWith", "skarven-cells"),
        ),
        ("Seoul-based SK On will grow.", ("sk-on", "locatedIn", "seoul")),
        ("The Lumen S7 is powered by the Cirrus pack.", ("lumen-s7", "poweredBy", "cirrus-battery")),
        ("Honda developed roll pressing in-house.", ("honda", "develops", "roll-pressing")),
        (
            "Qiantang Motor manufactures the Lumen S7 in China.",
            ("qiantang-motor", "manufactures", "lumen-s7"),
        ),
        (
            "Halide electrolytes pair well with high-nickel cathodes.",
            ("halide", "complements", "high-nickel-ternary-cathode"),
        ),
        ("Honda and Nissan will jointly develop sulfide cells.", ("honda", "coDevelopsWith", "nissan")),
        (
            "The Hanmi Ulsan electrolyte plant will make halide electrolyte.",
            ("hanmi-ulsan-plant", "produces", "halide"),
        ),
        (
            "Hanmi Solid Materials runs the Hanmi Ulsan electrolyte plant.",
            ("hanmi-solid-materials", "operates", "hanmi-ulsan-plant"),
        ),
        ("The QSE-5 uses the Cobra separator process.", ("qse-5", "usesProcess", "cobra-process")),
        ("The Kestrel cell is based on a sulfide electrolyte.", ("kestrel-cell", "usesChemistry", "sulfide")),
        ("Sulfide electrolytes require lithium.", ("sulfide", "requiresMaterial", "lithium")),
        (
            "The Federal grant for the Sulfera pilot plant was awarded by BMWK.",
            ("sulfera-pilot-grant", "issuedBy", "bmwk"),
        ),
        (
            "The Federal grant for the Sulfera pilot plant supports Sulfera.",
            ("sulfera-pilot-grant", "supports", "sulfera"),
        ),
        (
            "Germany has launched the Federal grant for the Sulfera pilot plant.",
            ("sulfera-pilot-grant", "appliesIn", "germany"),
        ),
        (
            "SK On will take part in the Hanmi Ulsan electrolyte plant.",
            ("sk-on", "participatesIn", "hanmi-ulsan-plant"),
        ),
    ],
)
def test_a_pattern_gives_the_relation(text, expected):
    assert expected in relations(text)


def test_supply_direction_follows_the_wording_not_the_order():
    assert relations("Honda buys cells from SK On.") == {("sk-on", "suppliesTo", "honda")}
    assert ("honda", "suppliesTo", "sk-on") in relations("Honda sells cells to SK On.")


def test_a_list_of_subjects_gives_one_relation_each():
    found = relations("Honda, Nissan and BMW are focusing on the sulfide route.")
    assert {
        ("honda", "pursuesRoute", "sulfide"),
        ("nissan", "pursuesRoute", "sulfide"),
        ("bmw", "pursuesRoute", "sulfide"),
    } <= found


def test_relations_the_ontology_forbids_are_not_proposed():
    # a place cannot supply, a chemistry cannot be operated, a company is not powered by anything
    assert relations("Seoul will supply cells to Honda.") == set()
    assert ("honda", "operates", "sulfide") not in relations("Honda operates a sulfide line.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vehicle's chemistry is poweredBy, a product's usesChemistry (data/README.md, Conventions)
        ("The Lumen S7 runs on semi-solid cells.", {("lumen-s7", "poweredBy", "semi-solid")}),
        (
            "The Meridian Arc is based on a lithium-metal anode.",
            {("meridian-arc", "poweredBy", "lithium-metal-anode")},
        ),
        # developing a chemistry is R&D (develops); betting on it is a route (pursuesRoute)
        ("Hanul Energy is developing halide electrolytes.", {("hanul-energy", "develops", "halide")}),
        ("Hanul Energy bets on halide electrolytes.", {("hanul-energy", "pursuesRoute", "halide")}),
    ],
)
def test_relations_follow_the_data_conventions(text, expected):
    assert relations(text) == expected


def test_no_relation_without_a_cue():
    assert relations("Honda and Nissan reported results on Tuesday.") == set()


def test_every_relation_of_the_graph_has_a_pattern():
    from kg.extraction.relation_rules import RULES
    from kg.graph import RELATIONS

    emitted = {predicate for rule in RULES for predicate, *_ in rule.emits}
    assert not RELATIONS - emitted, sorted(RELATIONS - emitted)
