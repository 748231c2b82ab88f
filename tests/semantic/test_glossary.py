"""Offline Chinese ↔ English for standards titles (glossary over CC-CEDICT)."""

from __future__ import annotations

import pytest

from stdlink.semantic.glossary import pairs_from_adoption, terms, to_chinese, to_english


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("茶叶", "tea"),
        ("电动玩具 安全", "electric toys safety"),
        ("医疗器械 质量管理体系", "medical devices quality management systems"),
        ("ISO 9001 质量管理", "ISO 9001 quality management"),
        ("锂离子电池", "lithium-ion batteries"),
        ("冰箱", "refrigerating appliances"),  # the glossary wins over CC-CEDICT
        ("自行车", "bicycle"),  # CC-CEDICT where the glossary has nothing
        ("quality", "quality"),
        ("", ""),
    ],
)
def test_to_english(zh, en):
    assert to_english(zh) == en


def test_terms_for_query_help():
    assert terms("茶叶") == [("茶叶", "tea")]
    assert ("玩具", "toys") in terms("儿童玩具")


@pytest.mark.parametrize(
    ("en", "zh", "min_coverage"),
    [
        ("Quality management systems - Requirements", "质量管理体系 要求", 1.0),
        ("Black tea - Definition and basic requirements", "红茶 定义和基本要求", 1.0),
        ("Electric toys - Safety", "电动玩具 安全", 1.0),
        (
            "Road vehicles - Functional safety - Part 1: Vocabulary",
            "道路车辆 功能安全 第1部分",
            0.8,
        ),
    ],
)
def test_to_chinese(en, zh, min_coverage):
    text, coverage = to_chinese(en)
    assert text.startswith(zh)
    assert coverage >= min_coverage


def test_to_chinese_keeps_unknown_words_and_reports_coverage():
    text, coverage = to_chinese("Plastics - Determination of tensile properties")
    assert "tensile" in text and coverage < 0.6


@pytest.mark.parametrize(
    ("zh", "en", "pairs"),
    [
        (
            "医疗器械 质量管理体系 用于法规的要求",
            "Medical devices - Quality management systems - Requirements for regulatory purposes",
            [
                ("医疗器械", "medical devices"),
                ("质量管理体系", "quality management systems"),
                ("用于法规的要求", "requirements for regulatory purposes"),
            ],
        ),
        ("质量管理体系 要求", "Quality management systems", []),  # elements differ
        ("茶叶", "Tea", []),  # one element: nothing to align
    ],
)
def test_pairs_from_adoption(zh, en, pairs):
    assert pairs_from_adoption(zh, en) == pairs


def test_add_terms_extends_the_glossary_without_overriding_it(monkeypatch):
    from stdlink.semantic import glossary as g

    monkeypatch.setattr(g, "_EXTRA", {})
    g.glossary.cache_clear()
    g._english_index.cache_clear()
    try:
        assert to_english("用于法规的要求") != "requirements for regulatory purposes"
        assert g.add_terms([("用于法规的要求", "requirements for regulatory purposes")]) == 1
        assert g.add_terms([("茶叶", "tea leaves")]) == 1  # built-in 茶叶 = tea still wins
        assert to_english("用于法规的要求") == "requirements for regulatory purposes"
        assert to_english("茶叶") == "tea"
        assert to_chinese("Requirements for regulatory purposes")[0] == "用于法规的要求"
    finally:
        g._EXTRA.clear()
        g.glossary.cache_clear()
        g._english_index.cache_clear()


@pytest.mark.parametrize(
    ("zh", "part"),
    [
        ("一次性使用输血器 第1部分：重力输血式", "Part 1:"),
        ("医用电气设备 第2-37部分：超声诊断", "Part 2-37:"),
        ("外科植入物 第 3 部分 金属", "Part 3:"),
    ],
)
def test_part_structure_is_rendered_as_in_english_titles(zh, part):
    """第N部分： is a standard's part, "Part N:" — not CC-CEDICT's 第 (an examination rank): for
    search's English words and tracking's title similarity alike."""
    english = to_english(zh)
    assert part in english
    assert "imperial" not in english and "examination" not in english


def test_titles_without_parts_are_unchanged_by_the_part_rule():
    assert "Part" not in to_english("牙科学 牙科银汞合金")
