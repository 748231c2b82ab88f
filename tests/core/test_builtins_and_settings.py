"""Built-in data from the seeds, settings helpers, and the README documenting every setting."""

from __future__ import annotations

import re

import pytest

from stdlink.env import REPO_ROOT, ConfigError, env_bool, env_int


@pytest.mark.django_db
def test_builtin_regions_and_roles():
    from stdlink.core.models import Region, Role

    cities = list(Region.objects.filter(level="city").values_list("name_zh", flat=True))
    assert len(cities) == 11 and "杭州市" in cities and "丽水市" in cities
    assert set(Role.objects.values_list("code", flat=True)) >= {
        "province_admin",
        "city_officer",
        "city_viewer",
        "county_officer",
        "unit_user",
    }


@pytest.mark.django_db
def test_annex1_bodies_are_built_in():
    from stdlink.catalog.models import Body

    annex = list(
        Body.objects.filter(annex1=True).order_by("annex1_no").values_list("annex1_no", "code")
    )
    assert len(annex) == 39
    assert annex[0] == (1, "ISO") and annex[22] == (23, "OIML") and annex[-1] == (39, "BSI")


@pytest.mark.django_db
def test_chinese_code_families_are_built_in():
    from stdlink.catalog.models import CodeFamily

    natures = dict(
        CodeFamily.objects.filter(code__in=["GB", "GB/T", "GB/Z"]).values_list("code", "nature")
    )
    assert natures == {"GB": "mandatory", "GB/T": "recommended", "GB/Z": "guidance"}
    assert CodeFamily.objects.filter(code="T/", scope="social-group").exists()
    assert CodeFamily.objects.filter(code="Q/", scope="enterprise").exists()
    # every sector code in both natures, and every province's local codes (DB33 = Zhejiang)
    assert CodeFamily.objects.filter(scope="sector").count() >= 2 * 66
    assert CodeFamily.objects.get(code="QB/T").name_zh == "轻工推荐性行业标准"
    assert CodeFamily.objects.get(code="DB33/T").name_zh == "浙江省推荐性地方标准"


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("true", True), ("off", False), ("", False), ("No", False)]
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_helpers_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ConfigError, match="X_FLAG"):
        env_bool("X_FLAG")
    with pytest.raises(ConfigError, match="X_INT"):
        env_int("X_INT", 1)


def test_every_setting_is_documented_in_readme():
    """datasette-style: a variable read from the environment must be in README.md."""
    sources = [REPO_ROOT / "stdlink" / "settings.py", REPO_ROOT / "stdlink" / "env.py"]
    names = set()
    for path in sources:
        names |= set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', path.read_text()))
        names |= set(re.findall(r'environ\.get\(\s*"([A-Z_]+)"', path.read_text()))
    readme = (REPO_ROOT / "README.md").read_text()
    assert names, "no settings found"
    undocumented = sorted(n for n in names if f"`{n}`" not in readme)
    assert undocumented == []
