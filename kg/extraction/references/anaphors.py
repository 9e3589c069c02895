"""Anaphors and sentence subjects: who "the company", "the plant", "it" or "both companies" is.

An anaphor refers to the organisation, line, vehicle or product most recently in the news of the
article; "the company" and "it" to the organisation the article was last about, the subject of a
sentence (`sentence_subject`).
"""

from __future__ import annotations

import re

from kg.extraction.entities import Mention
from kg.extraction.lexicon import ORG_TYPES, category_of, words

# "its" and "the company's" name a possessor: the organisation the sentence or article is about
POSSESSIVE = re.compile(r"\b(?:[Ii]ts|[Tt]he company's)\b")

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
# what _PRONOUN cannot match without ("It" opening the sentence, else a space before "it"): found far
# faster than its lookbehinds are tried at every position, and missing from most sentences
_SPACE_IT = re.compile(r" it\b")


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
    for m in _PRONOUN.finditer(text) if text.startswith("It") or _SPACE_IT.search(text) else ():
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
