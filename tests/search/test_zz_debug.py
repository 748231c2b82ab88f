import pytest

from stdlink.search import interface
from stdlink.search.cli import explain_table
from stdlink.search.interface import SearchQuery, search

pytestmark = pytest.mark.django_db


def test_dbg(cat_db):
    for on in (False, True):
        interface.SEMANTIC = on
        interface.invalidate_cache()
        for q in ["household and similar electrical appliances safety general requirements", "black tea"]:
            res = search(SearchQuery(q=q, per_page=6))
            print("\n##", on, q, res.total, res.relaxed)
            print(explain_table(res.hits))
            print([h.match for h in res.hits])
