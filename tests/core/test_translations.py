"""zh-Hans first: every app's catalogue is fully translated and its compiled .mo is current."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from stdlink.env import REPO_ROOT

PO_FILES = sorted((REPO_ROOT / "stdlink").glob("**/locale/zh_Hans/LC_MESSAGES/django.po"))


def test_there_are_catalogues():
    assert len(PO_FILES) >= 3


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_catalogue_complete_and_compiled(po_path: Path):
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {po_path}: {untranslated[:10]}"
    assert fuzzy == [], f"fuzzy in {po_path}: {fuzzy[:10]}"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"compile with: msgfmt -o {mo_path} {po_path}"
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "")
        for e in polib.mofile(str(mo_path))
    }
    for entry in po.translated_entries():
        got = compiled.get((entry.msgctxt, entry.msgid))
        want = entry.msgstr or entry.msgstr_plural.get(0, "")
        assert got == want, f"{mo_path} is stale for {entry.msgid!r}: recompile"
