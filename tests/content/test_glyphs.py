"""The map's label glyphs: committed, current, readable by MapLibre's format, and holding every name drawn."""

from __future__ import annotations

import pytest

from atlas import charts, store
from atlas.store import ROOT
from fonts import glyphs


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if not byte & 0x80:
            return value, at


def _fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """A protocol-buffer message as (field number, value) pairs: varints as ints, length-delimited as bytes."""
    out, at = [], 0
    while at < len(data):
        key, at = _read_varint(data, at)
        if key & 7 == 0:
            value, at = _read_varint(data, at)
        else:
            size, at = _read_varint(data, at)
            value, at = data[at:at + size], at + size
        out.append((key >> 3, value))
    return out


def _unzigzag(value: int) -> int:
    return value >> 1 if value % 2 == 0 else -(value >> 1) - 1


@pytest.fixture(scope="module")
def regular() -> dict[int, dict]:
    data = (ROOT / "static" / "glyphs" / charts.LABEL_FONT / "0-255.pbf").read_bytes()
    [(number, stack)] = _fields(data)
    assert number == 1
    parts = _fields(stack)
    assert parts[0] == (1, charts.LABEL_FONT.encode()) and parts[1] == (2, b"0-255")
    found = {}
    for number, raw in parts[2:]:
        assert number == 3
        fields = dict(_fields(raw))
        found[fields[1]] = fields
    return found


def test_glyphs_have_the_size_maplibre_expects(regular):
    a = regular[ord("A")]
    assert len(a[2]) == (a[3] + 2 * glyphs.BORDER) * (a[4] + 2 * glyphs.BORDER)
    assert 10 < a[4] < 24 and 0 < a[7] < 24, "a capital at 24 px"
    assert -24 < _unzigzag(a[6]) < 0, "top is measured down from the ascender"
    assert max(a[2]) > 191 > min(a[2]), "inside above the 0.75 edge, outside below"
    assert regular[ord(" ")][7] > 0 and 2 not in regular[ord(" ")], "a space advances and has no bitmap"


def test_every_name_the_map_draws_has_a_glyph(regular):
    data = store.load()
    names = [*data.provinces["name_en"], *data.cases["city"]]
    missing = sorted({c for name in names for c in str(name) if ord(c) not in regular})
    assert not missing, f"characters without a map glyph: {missing}; extend fonts/glyphs.BLOCKS and `make glyphs`"


def test_the_committed_glyphs_are_what_the_build_writes(tmp_path):
    for path in glyphs.build(tmp_path):
        committed = ROOT / "static" / "glyphs" / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: run `make glyphs`"
