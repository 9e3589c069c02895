"""The canonical text form of a claims file: one line per fact, sentences in order.

Used by `kg locate` and by extraction, so that hand-curated and machine-written files look
alike and diff cleanly.
"""

from __future__ import annotations

from typing import Any

_SENTENCE_KEYS = ("sentence", "span", "sha256", "claims")
_CLAIM_KEY_ORDER = (
    "s",
    "p",
    "o",
    "quantity",
    "milestone",
    "value",
    "min",
    "max",
    "comparator",
    "unit",
    "year",
    "from",
    "to",
    "date",
    "status",
    "about",
    "modality",
    "by",
    "note",
    "confidence",
    "rule",
)


class _Flow(dict):
    """A mapping written on one line."""


class _FlowList(list):
    """A list written on one line."""


def dump_claims_document(document: dict[str, Any]) -> str:
    import yaml

    # libyaml's emitter when PyYAML has it: the same text, many times faster
    # (ingest writes a claims file per article)
    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    Dumper.add_representer(
        _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
    )
    Dumper.add_representer(
        _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
    )

    sentences = []
    for entry in sorted(document.get("sentences") or [], key=lambda e: e["sentence"]):
        out: dict[str, Any] = {k: entry[k] for k in _SENTENCE_KEYS if k in entry}
        if "span" in out:
            out["span"] = _FlowList(out["span"])
        out["claims"] = [_canonical_claim(c) for c in entry.get("claims") or []]
        sentences.append(out)
    head = {k: v for k, v in document.items() if k != "sentences"}
    body = yaml.dump(
        {**head, "sentences": sentences},
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1000,
        default_flow_style=False,
    )
    return body


def _canonical_claim(claim: dict[str, Any]) -> _Flow:
    ordered = _Flow((k, claim[k]) for k in _CLAIM_KEY_ORDER if k in claim)
    ordered.update((k, v) for k, v in claim.items() if k not in ordered)
    return ordered
