"""The trail behind each curated quote, read from its document: the sentence holds the quote, and a case's
figure from the report stands in that case's section."""

from __future__ import annotations

from atlas.fidelity import normalise


def test_every_quote_has_its_sentence_and_section(data, seeds):
    records = [*data.metrics.itertuples(), *data.events.itertuples()]
    assert {r.id for r in records} == set(data.trails), "every record was found in its document"
    for record in records:
        assert normalise(record.quote) in data.trails[record.id].sentence, record.id
    sections = dict(zip(data.cases["case_id"], data.cases["section"], strict=True))
    misplaced = {r.id: data.trails[r.id].section for r in data.metrics.itertuples()
                 if r.case_id and r.source_id == "xinhua-report" and data.trails[r.id].section != sections[r.case_id]}
    assert misplaced == {}
