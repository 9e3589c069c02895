"""Stage 3b: discover organisations, vehicles, lines and programmes the registry does not know.

A capitalised name becomes a candidate only with a cue that says what it is:

    company-suffix   "Aurelion Lithium Co., Ltd.", "Sulfera GmbH", "Acme Inc."
    industry-word    a last word such as Motor, Energy, Lithium, Group, Battery, Materials
    descriptor       a noun before it: "startup Veyra", "battery maker Hanul", "the fund Nordhafen"
    apposition       a noun after it: "Sulfera, a startup backed by ..."
    modifier         "-backed" and "-based": "Tamsin-backed startup", "Boston-based Coldwater"
    model-name       a model name after its maker: "Tamsin Rove hatchback", "Acme Z5"
    facility         a plant or line named by its place: "pilot plant in Chengdu", "its Yokohama plant"
    programme        a name ending in Programme, Initiative, Fund, Act, Plan, Strategy, Alliance

Candidates are proposals for review (data/pending/entities.yaml), never silent additions.
Names are given in the article's own spelling; `key` groups the variants of one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.extraction import literals
from kg.extraction.entities import Mention
from kg.extraction.lexicon import EntityInfo, name_key

_CAP_WORD = r"(?:[A-Z][\w'&.-]*[\w]|[A-Z]|[A-Z]?\d[\w-]*)"
_NAME = rf"{_CAP_WORD}(?:[ ](?:&[ ]|of[ ]|de[ ]|i[ ])?{_CAP_WORD}){{0,4}}"
_LEGAL = (
    r"Co\.,? ?Ltd\.?|Co\., ?Limited|Company Limited|Ltd\.?|Limited|Inc\.?|Incorporated|Corp\.?|"
    r"Corporation|GmbH|AG|SE|S\.A\.|SpA|S\.p\.A\.|LLC|L\.L\.C\.|plc|PLC|N\.V\.|B\.V\.|K\.K\.|AB|ASA|Oy"
)
_LEGAL_SUFFIX = re.compile(rf"(?P<name>{_NAME}),? (?P<suffix>{_LEGAL})(?![\w])")
# industry words that end a company's name, and the role they suggest
# fmt: off
INDUSTRY_WORDS: dict[str, str] = {
    "Motor": "Automaker", "Motors": "Automaker", "Auto": "Automaker", "Automotive": "Automaker",
    "Automobile": "Automaker", "Cars": "Automaker", "Mobility": "Automaker", "Energy": "BatteryMaker",
    "Battery": "BatteryMaker", "Batteries": "BatteryMaker", "Cells": "BatteryMaker",
    "Power": "BatteryMaker", "Storage": "BatteryMaker", "Lithium": "MiningCompany",
    "Mining": "MiningCompany", "Resources": "MiningCompany", "Materials": "MaterialSupplier",
    "Chemical": "MaterialSupplier", "Chemicals": "MaterialSupplier", "Equipment": "EquipmentMaker",
    "Machinery": "EquipmentMaker", "Intelligent": "EquipmentMaker", "Institute": "ResearchInstitute",
    "University": "ResearchInstitute", "Academy": "ResearchInstitute", "Laboratory": "ResearchInstitute",
    "Labs": "ResearchInstitute", "Ministry": "GovernmentBody", "Commission": "GovernmentBody",
    "Agency": "GovernmentBody", "Alliance": "Consortium", "Consortium": "Consortium",
    "Association": "Consortium", "Group": "Company", "Holdings": "Company", "Technology": "Company",
    "Technologies": "Company", "Tech": "Company", "Industries": "Company", "Solutions": "Company",
    "Systems": "Company", "Electric": "Company", "Ventures": "Company", "Capital": "Company",
    "Partners": "Company",
}
# fmt: on
_INDUSTRY = re.compile(rf"(?P<name>{_NAME} (?:New )?(?:{'|'.join(INDUSTRY_WORDS)}))(?![\w-])")
# nouns that introduce a company's name, and the role they suggest
# fmt: off
DESCRIPTORS: dict[str, str] = {
    "startup": "Company", "start-up": "Company", "company": "Company", "firm": "Company",
    "group": "Company", "fund": "Company", "investor": "Company", "venture": "Company", "unit": "Company",
    "arm": "Company", "subsidiary": "Company", "developer": "Company", "rival": "Company",
    "partner": "Company", "licensee": "Company", "licensor": "Company", "carmaker": "Automaker",
    "automaker": "Automaker", "car maker": "Automaker", "EV maker": "Automaker",
    "battery maker": "BatteryMaker", "battery-maker": "BatteryMaker", "cell maker": "BatteryMaker",
    "cell-maker": "BatteryMaker", "battery manufacturer": "BatteryMaker", "maker": "Company",
    "manufacturer": "Company", "supplier": "MaterialSupplier", "miner": "MiningCompany",
    "chemicals group": "MaterialSupplier", "materials group": "MaterialSupplier", "producer": "Company",
}
# fmt: on
_DESCRIPTOR = re.compile(
    rf"\b(?P<descriptor>{'|'.join(sorted((re.escape(d) for d in DESCRIPTORS), key=len, reverse=True))})"
    rf" (?P<name>{_NAME})"
)
_APPOSITION = re.compile(
    rf"(?P<name>{_NAME}), (?:a|an|the) (?:[\w-]+ ){{0,3}}?"
    rf"(?P<descriptor>{'|'.join(sorted((re.escape(d) for d in DESCRIPTORS), key=len, reverse=True))})\b"
)
_MODIFIER = re.compile(rf"(?P<name>{_CAP_WORD}(?:[ ]{_CAP_WORD}){{0,2}})-(?P<kind>backed|funded)\b")
_AFTER_MODIFIER = re.compile(
    rf"-(?:based|backed|owned|funded|headquartered) (?:[a-z][\w-]* ){{0,3}}?(?P<name>{_NAME})"
)
_PROGRAMME = re.compile(
    rf"(?P<name>(?:the )?{_NAME} (?:Programme|Program|Initiative|Fund|Act|Plan|Strategy|Scheme|"
    rf"Project|Platform|Alliance|Consortium|Mission))(?![\w-])"
)
_VEHICLE_NOUNS = (
    r"sedan|saloon|SUV|crossover|hatchback|pickup|pick-up|truck|taxi|coupe|coupé|wagon|van|bus|"
    r"minivan|MPV|roadster|supercar|concept car|concept|model|car|prototype|EV"
)
_MODEL = re.compile(
    rf"^(?:'s)? (?P<model>[A-Z0-9][\w-]*(?: [A-Z0-9][\w-]*){{0,2}})(?P<noun> (?:{_VEHICLE_NOUNS})\b)?"
)
_FACILITY_NOUNS = (
    r"pilot line|pilot plant|production line|demonstration line|plant|factory|gigafactory|facility|works|line"
)
_FACILITY_IN = re.compile(
    rf"\b(?P<phrase>(?:[a-z0-9][\w.-]* ){{0,3}}?(?P<noun>{_FACILITY_NOUNS})) (?:(?:of its own|of their "
    rf"own) )?"
    rf"(?:for (?:its |their )?[\w-]+(?: [\w-]+){{0,3}} )?"
    rf"(?:in|at) (?:its |their |the )?(?:[a-z-]+ ){{0,2}}?(?P<place>{_NAME})"
)
_PLACE_FACILITY = re.compile(
    rf"\b(?:its|their|the|a|an)(?: new)? (?P<place>{_NAME})(?: [a-z-]+){{0,2}} (?P<noun>{_FACILITY_NOUNS})\b"
)
# fmt: off
NOT_NAMES = frozenset([
    "The", "A", "An", "This", "That", "These", "Those", "Its", "It", "Their", "His", "Her", "Our", "Your",
    "We", "They", "He", "She", "In", "On", "At", "By", "For", "With", "From", "Under", "Over", "After",
    "Before", "As", "But", "And", "Or", "If", "When", "While", "Since", "Both", "Neither", "None", "Most",
    "Some", "Many", "Several", "Each", "Every", "All", "Other", "Others", "Another", "Such", "Chief", "Mr",
    "Ms", "Mrs", "Dr", "Read", "More", "New", "Last", "Next", "Today", "Tomorrow", "Yesterday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Under",
    "Unlike", "Like", "Analysts", "Investors", "Engineers", "Shares", "Prices", "Deliveries", "Sales",
    "Output", "Experts", "Officials", "Why", "How", "What", "Who", "Where", "Timeline", "Electrolyte",
    "Electrolytes", "Battery", "Batteries", "Cell", "Cells", "Solid", "Energy", "State", "Nevertheless",
    "However", "Meanwhile", "Moreover", "Furthermore", "Also", "Still", "Yet", "Then", "Thus", "Therefore",
    "Instead", "Besides", "Although", "Though", "Despite", "Overall", "Currently", "Previously", "Finally",
    "First", "Second", "Third", "Government", "Federal",
])
# fmt: on


@dataclass
class Candidate:
    """A name the registry does not know, with the cue that says what it is."""

    name: str
    types: tuple[str, ...]
    cue: str
    confidence: float
    start: int = 0  # span in the sentence's clean text
    end: int = 0
    aliases: list[str] = field(default_factory=list)
    place: str | None = None  # for facilities: the place entity they are in
    owner: str | None = None  # for facilities and vehicles: the operator or maker

    @property
    def key(self) -> str:
        return name_key(strip_legal_suffix(self.name))


def strip_legal_suffix(name: str) -> str:
    return re.sub(rf",? (?:{_LEGAL})$", "", name).strip()


def headline_case(text: str) -> bool:
    """Is `text` written in title case, as headlines are (most longer words capitalised)?"""
    if text.rstrip().endswith((".", "!", "?", '"')):
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


_ANY_CAPITAL_AFTER_START = re.compile(r"(?<=.)[A-Z]")

# A test for the words each pattern cannot match without (literals.py): many times faster than the
# pattern, which tries a name at every capital letter, and false for most sentences.
_HAS_WORDS = {
    pattern: literals.needs(pattern)
    for pattern in (
        _LEGAL_SUFFIX,
        _INDUSTRY,
        _MODIFIER,
        _AFTER_MODIFIER,
        _DESCRIPTOR,
        _APPOSITION,
        _PROGRAMME,
        _FACILITY_IN,
        _PLACE_FACILITY,
    )
}


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, or at once nothing when the text lacks a word the pattern needs."""
    return pattern.finditer(text) if _HAS_WORDS[pattern](text) else iter(())


def discover(text: str, mentions: list[Mention], entities: dict[str, EntityInfo]) -> list[Candidate]:
    """Candidates named in one sentence, outside the spans of known mentions.

    In a title-case line (a headline) every word looks like a name, so only the least ambiguous
    cues (company suffixes, modifiers, descriptors) are used there.
    """
    if not _ANY_CAPITAL_AFTER_START.search(text):
        return []  # no capitalised word past the first: no name to find
    # generic chemistry words may sit inside a name ("Ostrel Lithium"); names may not
    taken = [(m.start, m.end) for m in mentions if m.category != "chem"]
    headline = headline_case(text)
    found: list[Candidate] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def add(candidate: Candidate) -> None:
        name = _trim(candidate.name)
        if not name or not _plausible(name):
            return
        offset = candidate.name.find(name)
        candidate.start += max(offset, 0)
        candidate.end = candidate.start + len(name)
        candidate.name = name
        if free(candidate.start, candidate.end):
            found.append(candidate)
            taken.append((candidate.start, candidate.end))

    for m in _finditer(_LEGAL_SUFFIX, text):
        suffix = re.sub(r"^Co\.,? ?Ltd\.?$", "Co., Ltd.", m.group("suffix"))
        full = f"{m.group('name')} {suffix}"
        role = _role_of(m.group("name"))
        candidate = Candidate(full, roles(role), "company-suffix", 0.85, m.start(), m.end())
        candidate.aliases.append(m.group("name"))
        add(candidate)
    for m in _finditer(_INDUSTRY, text) if not headline else ():
        add(
            Candidate(
                m.group("name"), roles(_role_of(m.group("name"))), "industry-word", 0.75, m.start(), m.end()
            )
        )
    for m in _finditer(_MODIFIER, text):
        if free(m.start("name"), m.end("name")):
            add(
                Candidate(
                    m.group("name"),
                    ("Company",),
                    f"{m.group('kind')}-modifier",
                    0.6,
                    m.start(),
                    m.end("name"),
                )
            )
    for m in _finditer(_AFTER_MODIFIER, text):
        add(Candidate(m.group("name"), ("Company",), "based-modifier", 0.7, m.start("name"), m.end("name")))
    for m in _finditer(_DESCRIPTOR, text):
        role = DESCRIPTORS.get(m.group("descriptor"), "Company")
        role = _role_of(m.group("name"), role)
        add(Candidate(m.group("name"), roles(role), "descriptor", 0.7, m.start("name"), m.end("name")))
    for m in _finditer(_APPOSITION, text):
        role = _role_of(m.group("name"), DESCRIPTORS.get(m.group("descriptor"), "Company"))
        add(Candidate(m.group("name"), roles(role), "apposition", 0.7, m.start("name"), m.end("name")))
    for m in _finditer(_PROGRAMME, text) if not headline else ():
        name = re.sub(r"^the ", "", m.group("name"))
        kind = "Consortium" if name.endswith(("Platform", "Alliance", "Consortium")) else "Policy"
        add(Candidate(name, (kind,), "programme", 0.7, m.end() - len(name), m.end()))
    found.extend(_vehicles(text, mentions, entities, free))
    return found


def facilities(text: str, mentions: list[Mention], entities: dict[str, EntityInfo]) -> list[Candidate]:
    """Plants and lines named by their place ("pilot plant in Chengdu", "its Yokohama plant")."""
    places = {(m.start, m.end): m.entity for m in mentions if m.category == "place"}
    found = []
    for pattern in (_FACILITY_IN, _PLACE_FACILITY):
        for m in _finditer(pattern, text):
            place = places.get((m.start("place"), m.start("place") + len(_trim(m.group("place")))))
            if place is None:
                continue
            noun = m.group("noun")
            phrase = m.group("phrase") if "phrase" in m.groupdict() else noun
            words = [w for w in phrase.split() if w.lower() in _FACILITY_WORDS]
            label = " ".join(words) if words else noun
            if any(c.place == place for c in found):
                continue  # "a pilot line of its own at its Yokohama plant" is one facility
            found.append(
                Candidate(
                    f"{entities[place].name} {label}",
                    ("ProductionLine",),
                    "facility",
                    0.6,
                    m.start("noun") if "phrase" not in m.groupdict() else m.start("phrase"),
                    m.end(),
                    place=place,
                )
            )
    return found


# fmt: off
_FACILITY_WORDS = frozenset([
    "pilot", "demonstration", "production", "electrolyte", "cell", "battery", "line", "plant", "factory",
    "gigafactory", "facility", "works",
])
# fmt: on


def _vehicles(text, mentions, entities, free) -> list[Candidate]:
    """Model names right after a carmaker's name: "Tamsin Rove hatchback", "Acme Z5"."""
    found = []
    for mention in mentions:
        info = entities.get(mention.entity)
        if info is None or not ({"Automaker"} & set(info.types) or mention.origin == "candidate-auto"):
            continue
        m = _MODEL.match(text[mention.end :])
        if not m:
            continue
        model = m.group("model")
        words = model.split()
        while words and (words[-1] in NOT_NAMES or re.fullmatch(_VEHICLE_NOUNS, words[-1], re.I)):
            words.pop()
        if not words or words[0] in NOT_NAMES:
            continue
        model = " ".join(words)
        has_digit = any(c.isdigit() for c in model)
        if not (has_digit or m.group("noun")):
            continue
        start = mention.end + m.start("model")
        if not free(start, start + len(model)):
            continue
        name = (
            model
            if text[mention.end : mention.end + 2] == "'s"
            else f"{text[mention.start : mention.end]} {model}"
        )
        candidate = Candidate(
            name, ("Vehicle",), "model-name", 0.75, start, start + len(model), owner=mention.entity
        )
        candidate.aliases.append(model)
        found.append(candidate)
    return found


def _role_of(name: str, default: str = "Company") -> str:
    """The role the words of a name suggest ("Qilu Battery Group" makes batteries), else `default`."""
    for word in reversed(name.split()):
        role = INDUSTRY_WORDS.get(word)
        if role and role != "Company":
            return role
    return default


def roles(role: str) -> tuple[str, ...]:
    """The classes a role stands for: a lithium company both mines and supplies materials."""
    return ("MiningCompany", "MaterialSupplier") if role == "MiningCompany" else (role,)


def _trim(name: str) -> str:
    """Drop leading words that are not part of a name ("The", "Its") and trailing punctuation."""
    name = name.strip(" ,;:'\"")
    if name.endswith(".") and not re.search(r"\b(?:Ltd|Inc|Co|Corp|S\.A|N\.V|B\.V|K\.K|L\.L\.C)\.$", name):
        name = name[:-1]
    words = name.split(" ")
    modified = [i for i, w in enumerate(words) if _MODIFIER_WORD.search(w)]
    if modified:  # "Tamsin-backed Veyra Energy": the name starts after the modifier
        words = words[modified[-1] + 1 :]
    while words and (words[0] in NOT_NAMES or words[0].endswith("'s")):
        words.pop(0)
    return " ".join(words).strip(" ,;:'\"")


_MODIFIER_WORD = re.compile(r"-(?:based|backed|owned|funded|led|headquartered)$")


def _plausible(name: str) -> bool:
    words = name.split()
    if not words or all(w in NOT_NAMES for w in words):
        return False
    if len(words) == 1 and (len(name) < 3 or name.isdigit()):
        return False
    if words[0][0].isdigit():
        return False  # "1 Disruption of ...": a numbered heading
    return any(c.isalpha() and c.isupper() for c in name)
