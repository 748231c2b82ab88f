"""Benchmark of TBT import and matching (issue 13).

    .venv/bin/python bench/tbt.py [--notifications 10000] [--subscriptions 1000]

Into a fresh SQLite database in a temporary directory:
1. parses the 66 dev forms and the ePing export once, then generates N notifications by varying
   their symbols, distribution dates and HS codes (seeded, reproducible), classifies them and
   stores them with the real importer (batches of 1,000); prints notifications/s;
2. creates S subscriptions (HS at every level from the generated codes, ICS, markets and
   country groups, objectives, keywords) and runs the matching the "tbt.match" job runs (load
   facts, index, match, grade) for all N notifications against all S subscriptions; prints
   matches/s and the total time (target: under 60 s on the shared 2-core machine);
3. stores the alerts of the first 20 notifications (the write path of the job: alert row, audit
   row, notify() with its inbox row and delivery job) and prints alerts/s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--notifications", type=int, default=10_000)
    ap.add_argument("--subscriptions", type=int, default=1_000)
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="stdlink-bench-tbt-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["STDLINK_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stdlink.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from stdlink.env import data_dir
    from stdlink.tbt.classify import enrich
    from stdlink.tbt.classify.reference import load
    from stdlink.tbt.models import Notification, Subscription
    from stdlink.tbt.parsers import parse_path
    from stdlink.tbt.services import matching as svc
    from stdlink.tbt.services.imports import import_records
    from stdlink.tbt.services.reference import import_countries

    call_command("migrate", verbosity=0)
    data = data_dir()
    import_countries(data / "reference/countries/countries_iso_zh_wto_bri.csv")
    ref = load(data)
    dev = data / "tbt-dev"
    templates = [
        r for f in sorted((dev / "forms").glob("*.txt")) for r in parse_path(f, enrich=False)
    ]
    templates += parse_path(dev / "eping-export-dev.xlsx", enrich=False)
    templates = [t for t in templates if t.symbol.startswith("G/TBT/N/")]
    hs6_pool = sorted({hs for lst in ref.ics_to_hs.values() for hs in lst})
    rng = random.Random(13)
    today = date.today()

    # 1. generate and import
    records = []
    for i in range(args.notifications):
        t = templates[i % len(templates)]
        member = t.symbol.split("/")[3]
        r = type(t)(**{k: getattr(t, k) for k in t.__dataclass_fields__})
        r.symbol = f"G/TBT/N/{member}/{100000 + i}"
        r.related_symbols = []
        dist = today - timedelta(days=rng.randint(0, 400))
        r.distribution_date = dist.isoformat()
        r.comment_deadline = (
            "自通报之日起60天" if i % 2 else (dist + timedelta(days=60)).isoformat()
        )
        codes = rng.sample(hs6_pool, rng.randint(1, 3))
        r.hs_codes = [c[:4] + "." + c[4:] + ("00" if rng.random() < 0.3 else "") for c in codes]
        records.append(enrich(r, ref))
    t0 = time.perf_counter()
    for i in range(0, len(records), 1000):
        import_records(records[i : i + 1000])
    t_import = time.perf_counter() - t0
    n = Notification.objects.count()
    print(f"import: {n} notifications in {t_import:.1f} s = {n / t_import:.0f} notifications/s")

    # 2. subscriptions and matching
    owner = get_user_model().objects.create_user("bench", password="x")
    # mostly products (HS6, HS4), some whole chapters
    code_pool = [c for r in records for h in r.hs for c in [h.hs6] * 6 + [h.hs4] * 3 + [h.hs2] if c]
    ics_pool = sorted({i.code for r in records for i in r.ics})
    groups = ["BRI", "EU", "ASEAN", "GCC", "EAC", "RCEP"]
    kw_pool = ["玩具", "食品", "电池", "toys", "cement", "能源效率", "标签", "化妆品"]
    subs = []
    for i in range(args.subscriptions):
        s = Subscription(
            owner=owner, name=f"s{i}", hs_codes=rng.sample(code_pool, rng.randint(1, 3))
        )
        if i % 10 == 0 and ics_pool:
            s.ics_codes = [rng.choice(ics_pool)]
        if i % 5 == 0:
            s.groups = [rng.choice(groups)]
        if i % 10 == 1:
            s.keywords = [rng.choice(kw_pool)]
        if i % 7 == 0:
            s.export_values = {"USA": rng.choice([5e4, 5e5, 5e6])}
        subs.append(s)
    Subscription.objects.bulk_create(subs)
    t0, c0 = time.perf_counter(), time.process_time()
    alerts = svc.compute(Notification.objects.all(), Subscription.objects.all())
    t_match, c_match = time.perf_counter() - t0, time.process_time() - c0
    pairs = n * args.subscriptions
    print(
        f"match: {n} x {args.subscriptions} = {pairs:,} pairs in {t_match:.1f} s; "
        f"{len(alerts):,} graded matches = {len(alerts) / t_match:,.0f} matches/s "
        f"({pairs / t_match:,.0f} pairs/s); CPU time of this process {c_match:.1f} s"
    )
    print(f"load average (1, 5, 15 min): {os.getloadavg()}")
    grades = {g: sum(1 for a in alerts if a["grade"] == g) for g in ("red", "yellow", "green")}
    print(f"grades: {grades}")

    # 3. the write path for the first 1,000 notifications
    first = set(Notification.objects.order_by("pk").values_list("pk", flat=True)[:20])
    subset = [a for a in alerts if a["notification_id"] in first]
    t0 = time.perf_counter()
    svc.store(subset)
    t_store = time.perf_counter() - t0
    print(
        f"store: {len(subset):,} alerts in {t_store:.1f} s = {len(subset) / t_store:,.0f} alerts/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
