"""The curated data searched as a journalist would: the Hefei fibre figure by its number or its words."""

from __future__ import annotations

import pytest

from atlas import filters


@pytest.mark.parametrize("query", ["1147", "1,147 km", "quantum fibre"])
def test_the_hefei_network_figure_is_found_alone(data, query):
    view = filters.apply(data, filters.Filter(q=query))
    assert list(view.metrics["id"]) == ["fibre-laid-hefei-quantum-metropolitan-area"]
