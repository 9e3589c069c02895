"""The sources manifest as `kg ingest` edits it (kg/extraction/manifest.py)."""

import yaml

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
