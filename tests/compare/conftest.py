"""Compare fixtures: the dev pair's texts (real data) and a stored comparison in region A."""

from __future__ import annotations

import pytest


@pytest.fixture
def dev_pair(shared_data) -> tuple[str, str]:
    base = shared_data / "compare-dev"
    return (
        (base / "textile.zh.txt").read_text(encoding="utf-8"),
        (base / "textile.en.txt").read_text(encoding="utf-8"),
    )


@pytest.fixture
def comparison_a(personas, dev_pair):
    from stdlink.compare.services import DocumentInput, create_comparison

    zh, en = dev_pair
    return create_comparison(
        acting_user=personas.editor_a,
        region=personas.region_a,
        title="婴幼儿针织服装 对标",
        product_field="纺织品",
        doc_a=DocumentInput("textile.zh.txt", "txt", zh, code="T/ZZB 2101—2024"),
        doc_b=DocumentInput("textile.en.txt", "txt", en, code="RS-TX 12:2022"),
    )
