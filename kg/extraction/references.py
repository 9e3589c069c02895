"""Stage 3c: references that name an entity without its name.

Two kinds, both resolved to entities already known:

- descriptions: a registry line or product is often called by what it is rather than by its
  name ("its electrolyte plant in Thornton" for "Solid Power Thornton electrolyte plant"). Each
  such entity's name is split, with the matcher itself, into its owner (an organisation named
  in it), its proper words (places, model names) and its common words; a phrase around the
  same head noun that has the proper words and most common words, in an article that names the
  owner, refers to it.
- anaphors: "the company", "the Korean cell maker", "it", "the plant", "both companies" refer to
  the organisation or line most recently in the news of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.entities import EntityMatcher, Mention
from kg.extraction.lexicon import ORG_TYPES, Lexicon, category_of, words

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
POSSESSIVE = re.compile(r"\b(?:[Ii]ts|[Tt]he company's)\b")


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


def merge_mentions(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Add `extra` mentions, each replacing the mentions it overlaps (longer ones win ties)."""
    result = list(mentions)
    for new in sorted(extra, key=lambda m: -(m.end - m.start)):
        overlapping = [m for m in result if m.start < new.end and new.start < m.end]
        if any(
            (m.end - m.start) > (new.end - new.start) and m.origin not in ("chemistry", "term")
            for m in overlapping
        ):
            continue
        result = [m for m in result if m not in overlapping] + [new]
    return sorted(result, key=lambda m: m.start)


# --- anaphors

_ORG_NOUNS = (
    r"company|firm|carmaker|automaker|car maker|group|startup|start-up|maker|cell maker|battery maker|"
    r"supplier|licensee|licensor|developer|manufacturer|miner|venture|joint venture"
)
_LINE_NOUNS = (
    r"line|plant|factory|gigafactory|facility|site|project|effort|production line|pilot line|pilot plant"
)
_VEHICLE_NOUNS = r"car|sedan|vehicle|SUV|hatchback|crossover|model|coupe|pickup"
_PRODUCT_NOUNS = r"pack|cell|battery|cells|batteries"
_ORG_ANAPHOR = re.compile(
    rf"\b(?:[Tt]he|[Tt]his) (?:[\w.'-]+ ){{0,2}}?(?P<noun>{_ORG_NOUNS})\b(?![\w-])(?! (?:of|for|behind)\b)"
)
# a noun naming a role in an earlier relation: "the licensee" is whoever was licensed
ROLE_NOUNS = {
    "licensee": ("licensesTo", "o"),
    "licensor": ("licensesTo", "s"),
    "supplier": ("suppliesTo", "s"),
    "venture": ("jointVentureOf", "s"),
    "joint venture": ("jointVentureOf", "s"),
}
# nouns that cannot stand for a carmaker, and nouns that can only
_NOT_CARMAKER = frozenset(
    {"startup", "start-up", "cell maker", "battery maker", "supplier", "miner", "licensor"}
)
_ONLY_CARMAKER = frozenset({"carmaker", "automaker", "car maker"})
_PLURAL_ANAPHOR = re.compile(
    r"\b(?:[Bb]oth (?:companies|firms|carmakers|automakers|partners|groups)|[Tt]he two (?:companies|firms|"
    r"partners|groups|carmakers)|[Tt]he partners|[Tt]hese (?:companies|firms|startups|groups))\b"
)
_LINE_ANAPHOR = re.compile(rf"\b[Tt]he (?:new |[A-Z][a-z]+ )?(?P<noun>{_LINE_NOUNS})\b(?![\w-])")
_VEHICLE_ANAPHOR = re.compile(rf"\b[Tt]he (?:new |electric )?(?P<noun>{_VEHICLE_NOUNS})\b(?![\w-])")
# "this solid-state battery" too: the chemistry words describe the product already named
_PRODUCT_ANAPHOR = re.compile(
    rf"\b(?:[Tt]he (?P<noun>{_PRODUCT_NOUNS})|[Tt]his (?:[\w-]+ "
    rf"){{0,2}}?(?P<this>{_PRODUCT_NOUNS}))\b(?![\w-])"
)
_PRONOUN = re.compile(
    r"^(?:It|Its)\b|(?<=, )it\b(?= (?:said|says|added|will|has|is|was|plans))"
    r"|(?:(?<=\bwhere )|(?<=\bwhich )|(?<=\bthat )|(?<=\bwhen ))it\b"
    r"|(?:(?<=\bin )|(?<=\binto )|(?<=\bto )|(?<=\bfrom ))it\b(?! is)"
)


def anaphors(
    text: str,
    mentions: list[Mention],
    recent: dict[str, list[str]],
    types: dict[str, tuple[str, ...]],
    owned: dict[str, dict[str, str]] | None = None,
) -> list[Mention]:
    """Mentions for anaphors in `text`, resolved against `recent` (what the article named, latest last).

    `owned` maps an organisation to its registry products by head noun ("battery", "cell").

    "the company" is the organisation the article was last about (the last sentence subject);
    "the startup" or "the cell maker" is the last one named that such a noun can describe;
    a role noun ("the licensee") is whoever took that role in an earlier relation.
    """
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:  # chemistry words may be covered: an anaphor says more
        return not any(m.start < end and start < m.end and m.category != "chem" for m in mentions + found)

    def followed_by_name(end: int) -> bool:
        return any(m.start in (end + 1, end + 2) for m in mentions)

    def fits(entity: str, noun: str) -> bool:
        carmaker = "Automaker" in types.get(entity, ())
        return not ((noun in _NOT_CARMAKER and carmaker) or (noun in _ONLY_CARMAKER and not carmaker))

    orgs = recent.get("org", [])
    subjects = [s for s in recent.get("subject", []) if s in types and _is_org(types[s])]
    for m in _PLURAL_ANAPHOR.finditer(text):
        distinct = list(dict.fromkeys(reversed(orgs)))[:2]
        if len(distinct) == 2 and free(*m.span()):
            found.append(Mention(m.start(), m.end(), "+".join(reversed(distinct)), "org", "anaphor"))
    for m in _ORG_ANAPHOR.finditer(text):
        start, end = m.span("noun")
        noun = m.group("noun")
        role = ROLE_NOUNS.get(noun)
        target = recent.get(role[0] + "." + role[1], [])[-1:] if role else []
        if not target and subjects and fits(subjects[-1], noun):
            target = subjects[-1:]
        target = target or [o for o in orgs if fits(o, noun)][-1:]
        if target and free(start, end) and not followed_by_name(end):
            found.append(Mention(start, end, target[-1], "org", "anaphor"))
    for pattern, category in (
        (_LINE_ANAPHOR, "line"),
        (_VEHICLE_ANAPHOR, "vehicle"),
        (_PRODUCT_ANAPHOR, "product"),
    ):
        targets = recent.get(category, [])
        for m in pattern.finditer(text):
            start, end = m.span("noun") if m.group("noun") else (m.start(), m.end("this"))
            target = targets[-1] if targets else None
            if category == "product" and owned:
                # "this battery", just after a company's news, is that company's battery if it has one
                subject = (recent.get("subject") or [None])[-1]
                noun = m.group("noun") or m.group("this")
                target = (owned.get(subject) or {}).get(words(noun)[0][2], target)
            if target and free(start, end) and not followed_by_name(end):
                found.append(Mention(start, end, target, category, "anaphor"))
    for m in _PRONOUN.finditer(text):
        own = (
            sentence_subject(text[: m.start()], [x for x in mentions if x.end <= m.start()])
            if m.start()
            else None
        )
        target = [own] if own else recent.get("subject", [])
        if target and free(*m.span()):
            entity = target[-1]
            found.append(
                Mention(m.start(), m.end(), entity, _category_of_types(types.get(entity, ())), "anaphor")
            )
    return found


def _is_org(types: tuple[str, ...]) -> bool:
    return not ORG_TYPES.isdisjoint(types)


def _category_of_types(types: tuple[str, ...]) -> str:
    return category_of(types) if types else "org"


# --- the subject of a sentence

_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:by|from|with|to|of|for|like|in|at|as|include|including|and)\s*|'s\s*)$"
)


def sentence_subject(text: str, mentions: list[Mention]) -> str | None:
    """The organisation a sentence is about: its first one that is not a modifier or an object."""
    for m in mentions:
        if m.category != "org" or "+" in m.entity:
            continue
        if text[m.end : m.end + 1] == "-" or text[m.end : m.end + 2] == "'s":
            continue  # "Tamsin-backed ...", "Skarven's supplier ..."
        if _NOT_SUBJECT_BEFORE.search(text[max(0, m.start - 12) : m.start]):
            continue
        return m.entity
    return None
