"""Descriptions: a registry line, product, vehicle or policy called by what it is, not by its name.

"its electrolyte plant in Thornton" is the "Solid Power Thornton electrolyte plant". Each such
entity's name is split, with the matcher itself, into its owner (an organisation named in it),
its proper words (places, model names) and its common words; a phrase around the same head noun
that has the proper words and most common words, in an article that names the owner, refers to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extraction.entities import EntityMatcher, Mention
from kg.extraction.lexicon import Lexicon, words

_HEADS = frozenset(
    [
        "line",
        "plant",
        "factory",
        "gigafactory",
        "facility",
        "battery",
        "cell",
        "pack",
        "guideline",
        "standard",
        "subsidy",
        "strategy",
        "plan",
        "prototype",
    ]
)
# words that may stand inside a description without being part of the name
_FILLERS = frozenset({"production", "pilot", "main", "new", "first", "high", "capacity"})
_STOP = frozenset(
    ["the", "a", "an", "of", "for", "and", "in", "at", "its", "their", "s", "to", "with", "new"]
)
_WINDOW = 8  # words either side of the head noun in which a description's common words must appear
_PROPER_WINDOW = 12  # and its proper words (places, names)
_POLICY_HEADS = frozenset(
    {
        "grant",
        "subsidy",
        "plan",
        "guideline",
        "standard",
        "strategy",
        "initiative",
        "program",
        "scheme",
        "act",
        "fund",
        "focus",
    }
)
# nouns that make the word before them a modifier rather than the head of its phrase
_COMPOUND = frozenset(
    {
        "production",
        "line",
        "material",
        "sector",
        "industry",
        "technology",
        "equipment",
        "market",
        "maker",
        "manufacturer",
        "supply",
        "chain",
        "research",
        "development",
        "r",
        "d",
        "pack",
        "system",
        "plant",
        "factory",
        "company",
        "startup",
        "era",
        "field",
        "solution",
        "trend",
        "cell",
        "battery",
        "anode",
        "cathode",
        "separator",
        "module",
        "platform",
        "program",
        "project",
        "demand",
        "cost",
        "price",
    }
)
_ORDINARY = frozenset(
    {"national", "federal", "state", "european", "global", "new", "first", "solid", "all", "semi"}
)
# a line may be called by any facility noun: "the new project in Beijing" is the Beijing facility
_FACILITY = frozenset({"line", "plant", "factory", "gigafactory", "facility", "site", "project", "works"})


@dataclass(frozen=True)
class Description:
    """How a registry entity may be described: head noun, owners, proper and common words."""

    entity: str
    category: str
    head: str
    owners: frozenset[str]
    proper: frozenset[str]
    common: frozenset[str]
    places: frozenset[str] = frozenset()  # places its name holds ("Guangdong ..."), however named


def descriptions(lexicon: Lexicon, matcher: EntityMatcher) -> list[Description]:
    """Descriptions of the registry's lines, products, vehicles and policies whose names say what they are."""
    # the names of organisations and places, to find them inside other names ("GAC ... line")
    known: dict[tuple[str, ...], str] = {}
    for name in lexicon.names:
        if lexicon.category(name.entity) in ("org", "place") and name.origin != "candidate":
            known.setdefault(tuple(k for _, _, k in words(name.text)), name.entity)
    found = []
    for info in lexicon.entities.values():
        if info.category not in ("line", "product", "policy", "vehicle") or info.pending:
            continue
        name_words = words(info.name)
        keys = [k for _, _, k in name_words]
        heads = [
            i for i, k in enumerate(keys) if k in (_POLICY_HEADS if info.category == "policy" else _HEADS)
        ]
        if not heads:
            continue
        head = heads[0] if info.category == "policy" else heads[-1]
        if info.category != "policy" and head != len(name_words) - 1:
            continue
        owners, places, covered = set(), set(), set()
        for n in range(5, 0, -1):  # longest names first
            for i in range(len(keys) - n + 1):
                entity = known.get(tuple(keys[i : i + n]))
                span = set(range(i, i + n))
                if entity and not covered & span and head not in span:
                    (owners if lexicon.category(entity) == "org" else places).add(entity)
                    covered |= span
        chem_words = {
            i
            for i, (s, _, _) in enumerate(name_words)
            for m in matcher.find(info.name)
            if m.category == "chem" and m.start <= s < m.end
        }
        proper, common = set(), set()
        for i, (start, _, key) in enumerate(name_words):
            if i == head or i in covered or key in _STOP:
                continue
            capital = info.name[start].isupper() and not (i == 0 and (i in chem_words or key in _ORDINARY))
            (proper if capital or key.isdigit() else common).add(key)
        if owners or proper or places or len(common) >= 3:
            found.append(
                Description(
                    info.id,
                    info.category,
                    keys[head],
                    frozenset(owners),
                    frozenset(proper),
                    frozenset(common),
                    frozenset(places),
                )
            )
    return found


def describe(
    text: str,
    mentions: list[Mention],
    table: list[Description],
    owners_here: set[str],
    owners_in_article: dict[str, int],
) -> list[Mention]:
    """Mentions of described entities in `text`; they replace the mentions they cover.

    A description needs its head noun and its proper words near it. A product also needs all its
    common words right before the head ("its all-solid-state EV batteries"); a line or policy
    most of them (all but a quarter) nearby, unless a proper word already singles it out. Its
    owner must be named in the sentence, or for a line anywhere in the article (the article
    naming it most wins a tie). A line may be called by another facility noun ("the project in
    Beijing") only when a proper word names it.
    """
    tokens = words(text)
    keys = [k for _, _, k in tokens]
    found: list[Mention] = []
    products = [m for m in mentions if m.category == "product"]
    places_here = {m.entity for m in mentions if m.category == "place"}
    for i, key in enumerate(keys):
        if key not in _HEADS and key not in _POLICY_HEADS and key not in _FACILITY:
            continue
        if key in _HEADS and any(0 <= tokens[i][0] - m.end <= 30 for m in products):
            continue  # "its 21700 cylindrical solid-state battery": the product is named already
        glued = i + 1 < len(keys) and not text[tokens[i][1] : tokens[i + 1][0]].strip()
        if glued and keys[i + 1] in _COMPOUND and key not in _POLICY_HEADS:
            continue  # "battery production line", "battery materials": the head comes later
        near = set(keys[max(0, i - _WINDOW) : i + _WINDOW + 1])
        wide = set(keys[max(0, i - _PROPER_WINDOW) : i + _PROPER_WINDOW + 1])
        before = set(keys[max(0, i - 4) : i])
        best: tuple[float, Description] | None = None
        for d in table:
            synonym = d.category == "line" and d.head in _FACILITY and key in _FACILITY and d.head != key
            if not (d.head == key or (synonym and (d.proper or d.places))) or not d.proper <= wide:
                continue
            if not d.places <= places_here:
                continue
            if d.category == "product":
                share = 1.0 if d.common <= before else 0.0
            else:
                share = len(d.common & near) / len(d.common) if d.common else 1.0
            singled_out = d.proper or d.places or (d.category == "policy" and d.owners & owners_here)
            if share < 0.75 and not singled_out:
                continue
            # a line may be described far from its owner's name; a product or policy may not
            owner_missing = d.owners and not d.owners & owners_here
            if owner_missing and (d.category != "line" or not d.owners & set(owners_in_article)):
                continue
            named_most = max((owners_in_article.get(o, 0) for o in d.owners), default=0)
            score = (
                (len(d.proper) + len(d.places)) * 2
                + share
                + (1 if d.owners & owners_here else 0)
                + min(named_most, 5) * 0.1
            )
            if best is None or score > best[0]:
                best = (score, d)
        if best is None:
            continue
        words_of = best[1].proper | best[1].common | _FILLERS
        start = i
        while start > 0 and i - start < _WINDOW and keys[start - 1] in words_of:
            start -= 1
        found.append(Mention(tokens[start][0], tokens[i][1], best[1].entity, best[1].category, "description"))
    return found
