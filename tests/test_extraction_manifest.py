"""The sources manifest as `kg ingest` edits it (kg/extraction/manifest.py)."""

import pytest
import yaml

from kg.errors import DataError
from kg.extraction.manifest import has_entries, replace_sha


def test_a_changed_article_gets_its_new_hash_in_place():
    old, new = "ab" * 32, "cd" * 32
    entries = [{"id": "a", "file": "a.txt", "sha256": old}, {"id": "b", "file": "b.txt", "sha256": old}]
    text = "# sources\n" + yaml.safe_dump(entries, sort_keys=False)
    changed = replace_sha(text, "b", new)
    assert yaml.safe_load(changed) == [entries[0], {**entries[1], "sha256": new}]
    assert changed.startswith("# sources\n")  # the rest of the text as it was


def test_an_empty_manifest_has_no_entries():
    assert not has_entries("# sources\n[]\n")
    assert has_entries("# sources\n- id: a\n  file: a.txt\n")


def test_a_quoted_hash_is_replaced_and_keeps_its_quotes():
    # YAML quotes a hash made only of digits; a curator may quote any hash
    digits, new = "1" * 64, "cd" * 32
    text = yaml.safe_dump([{"id": "a", "file": "a.txt", "sha256": digits}], sort_keys=False)
    assert f"'{digits}'" in text
    changed = replace_sha(text, "a", new)
    assert yaml.safe_load(changed)[0]["sha256"] == new
    assert f"'{new}'" in changed
    double = '- id: "b"\n  file: b.txt\n  sha256: "' + "ab" * 32 + '"  # checked 2026-01-02\n'
    assert yaml.safe_load(replace_sha(double, "b", new))[0]["sha256"] == new


def test_a_new_hash_of_digits_only_is_quoted():
    text = yaml.safe_dump([{"id": "a", "file": "a.txt", "sha256": "ab" * 32}], sort_keys=False)
    changed = replace_sha(text, "a", "7" * 64)
    assert yaml.safe_load(changed)[0]["sha256"] == "7" * 64  # a string, not an integer


def test_an_entry_it_cannot_find_is_an_error_not_a_silent_no_op():
    flow = "- {id: a, file: a.txt, sha256: " + "ab" * 32 + "}\n"
    with pytest.raises(DataError, match="cannot write the new SHA-256 of 'a'"):
        replace_sha(flow, "a", "cd" * 32)
    with pytest.raises(DataError):
        replace_sha("- id: other\n  sha256: " + "ab" * 32 + "\n", "a", "cd" * 32)
