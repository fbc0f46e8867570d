"""The curation log: one verdict per record; a moved record's verdict is the one in the file it joined."""

from __future__ import annotations

from atlas import curation


def _write(folder, name, text):
    (folder / "curation").mkdir(exist_ok=True)
    (folder / "curation" / name).write_text(text, encoding="utf-8")


def test_a_moved_record_takes_the_verdict_of_the_file_it_joined(tmp_path):
    _write(tmp_path, "a.yaml", "- {id: rec-one, verdict: moved, words: w, change: moved to b}\n"
                               "- {id: rec-two, verdict: kept, words: w}\n")
    _write(tmp_path, "b.yaml", "- {id: rec-one, verdict: changed, words: w, change: label}\n")
    log, problems = curation.load(tmp_path)
    assert problems == [] and {k: v.verdict for k, v in log.items()} == {"rec-one": "changed", "rec-two": "kept"}


def test_a_record_logged_twice_otherwise_is_named(tmp_path):
    _write(tmp_path, "a.yaml", "- {id: rec-one, verdict: kept, words: w}\n")
    _write(tmp_path, "b.yaml", "- {id: rec-one, verdict: kept, words: w}\n"
                               "- {id: rec-two, verdict: removed, words: w}\n")  # removed without saying why
    log, problems = curation.load(tmp_path)
    assert [(p.record, p.field) for p in problems] == [("rec-one", "id"), ("[1]", "(entry)")]
    assert list(log) == ["rec-one"]
