"""The heart of the dataset: every quote is in its document, and every value is written in its quote."""

from __future__ import annotations

import pytest

from atlas import fidelity, store

DATA = store.load()
RECORDS = [("metric", row) for _, row in DATA.metrics.iterrows()] + [
    ("event", row) for _, row in DATA.events.iterrows()]


def _name(record) -> str:
    kind, row = record
    return f"{kind}:{row['case_id'] or 'national'}:{row.get('label', row.get('title'))}"[:90]


@pytest.fixture(scope="module")
def documents(seeds):
    return {row.source_id: seeds / row.seed for row in DATA.sources.itertuples()}


@pytest.mark.parametrize("record", RECORDS, ids=[_name(r) for r in RECORDS])
def test_quote_is_verbatim_in_its_document(record, documents):
    _, row = record
    assert fidelity.quote_in_document(row["quote"], documents[row["source_id"]]), row["quote"]


@pytest.mark.parametrize("record", [r for r in RECORDS if r[0] == "metric"],
                         ids=[_name(r) for r in RECORDS if r[0] == "metric"])
def test_value_is_written_in_its_quote(record):
    _, row = record
    assert fidelity.value_in_quote(row["value"], row["quote"]), (row["value"], row["quote"])


def test_the_audit_of_the_whole_dataset_is_clean(data, seeds):
    assert [str(p) for p in fidelity.audit(data, seeds)] == []


@pytest.mark.parametrize(("value", "quote"), [
    (1147, "laying 1,147 kilometers of network fiber"),
    (1147, "laying 1147 kilometers"),
    (350, "an industrial added value of 350 billion yuan"),
    (87.3, "reached 87.3%"),
    (8, "covering eight core nodes"),
    (2, "ranks the Shenzhen-Hong Kong-Guangzhou cluster second globally"),
    (0.25, "decreased by nearly a quarter"),
    (54, "grew by 54.0%"),
])
def test_value_check_accepts_the_ways_a_text_writes_a_number(value, quote):
    assert fidelity.value_in_quote(value, quote)


@pytest.mark.parametrize(("value", "quote"), [
    (1148, "laying 1,147 kilometers"),       # a typo in the value
    (60, "over 600 enterprises"),            # a prefix of a bigger number
    (600, "over 60 enterprises"),
    (87, "reached 87.3%"),                   # a rounded value
    (3.5, "350 billion yuan"),               # a converted value
    (1, "ranks second globally"),
])
def test_value_check_rejects_numbers_that_are_not_written(value, quote):
    assert not fidelity.value_in_quote(value, quote)


def test_quote_check_folds_only_whitespace_and_curly_quotes(seeds):
    report = seeds / "000_6943a3907bd88911.txt"
    assert fidelity.quote_in_document('the "Jiuzhang 3" quantum computing\n prototype with 255 photons', report)
    assert not fidelity.quote_in_document("the Jiuzhang 3 quantum computing prototype with 255 photons", report)
    assert not fidelity.quote_in_document("gathering more than 60 enterprises", report)


def test_audit_reports_a_paraphrased_quote_and_a_wrong_value(data_copy, seeds):
    path = data_copy / "cases" / "05-02-anhui-quantum.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("laying 1,147 kilometers of network fiber", "laying about 1,147 km of fibre")
    text = text.replace("value: 159\n", "value: 160\n")
    path.write_text(text, encoding="utf-8")
    problems = {(p.field, p.record.split(" ")[0]) for p in fidelity.audit(store.load(data_copy), seeds)}
    assert ("quote", "metrics[3]") in problems
    assert ("value", "metrics[5]") in problems
