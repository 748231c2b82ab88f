"""Subscription matching and risk grading: table-driven on the pure engine, then through the
service with stored rows (alerts stored once, with their reason)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from stdlink.tbt import matching
from stdlink.tbt.data.risk_rules import RULES

TODAY = date(2026, 12, 6)
RULE_ROWS = [matching.Rule(*r) for r in RULES]


def note(**kw):
    base = dict(
        id=1,
        symbol="G/TBT/N/USA/1",
        members={"USA"},
        hs=[("950300", False)],
        ics=["97.200.50"],
        objectives=["health_safety"],
        measure_type="technical_regulation",
        stage="draft",
        status="open",
        comment_deadline=date(2026, 12, 18),
        text="Toy safety requirements 玩具安全要求",
    )
    base.update(kw)
    return matching.NotificationFacts(**base)


def sub(**kw):
    base = dict(id=7, subscriber="unit")
    base.update(kw)
    return matching.SubscriptionSpec(**base)


@pytest.mark.parametrize(
    "s, n, level",
    [
        (sub(hs=["9503"]), note(), "hs4"),
        (sub(hs=["950300"]), note(), "hs6"),
        (sub(hs=["95030089"]), note(), "hs6"),  # a national tariff line matches by six digits
        (sub(hs=["95"]), note(), "hs2"),
        (sub(hs=["9503"]), note(hs=[("95", False)]), "hs2"),  # chapter notified
        (sub(hs=["9504"]), note(), None),  # another heading of the same chapter
        (
            sub(hs=["9503"]),
            note(hs=[("950300", True)]),
            "ics",
        ),  # HS inferred from ICS counts as ICS
        (sub(ics=["97.200"]), note(hs=[]), "ics"),
        (sub(ics=["97.190"]), note(hs=[]), None),
        (sub(ics=["97"]), note(hs=[]), "ics"),
        (sub(keywords=["玩具"]), note(hs=[], ics=[]), "keyword"),
        (sub(keywords=["toy safety"]), note(hs=[], ics=[]), "keyword"),
        (sub(keywords=["电池"]), note(hs=[], ics=[]), None),
        (sub(hs=["9503"], members={"KEN"}), note(), None),  # market filter
        (sub(hs=["9503"], members={"USA", "CAN"}), note(), "hs4"),
        (sub(members={"USA"}), note(), "member"),
        (sub(hs=["9503"], objectives=["environment"]), note(), None),
        (sub(hs=["9503"], keywords=["玩具"]), note(), "hs4"),  # strongest level wins
    ],
)
def test_match_level(s, n, level):
    m = matching.match_one(s, n)
    assert (m.level if m else None) == level


def test_index_finds_what_match_one_finds():
    subs = [
        sub(id=i, hs=[code])
        for i, code in enumerate(["95", "9503", "950300", "9504", "8517"], start=1)
    ]
    subs.append(sub(id=9, keywords=["玩具"]))
    idx = matching.Index(subs)
    for n in (note(), note(hs=[("95", False)]), note(hs=[("851713", False)], text="phone")):
        want = {s.id for s in subs if matching.match_one(s, n)}
        assert {m.subscription_id for m in idx.match(n)} == want


@pytest.mark.parametrize(
    "s, n, grade, words",
    [
        (
            sub(hs=["950300"]),
            note(),
            "red",
            [
                "HS6 match on your product",
                "mandatory technical regulation",
                "health and safety objective",
                "comment period open",
                "12 days left",
            ],
        ),
        (
            sub(hs=["95"]),
            note(
                measure_type="standard", objectives=["quality"], comment_deadline=date(2027, 3, 1)
            ),
            "green",
            ["HS2 chapter match on your product", "voluntary standard", "comment period open"],
        ),
        (
            sub(hs=["9503"]),
            note(comment_deadline=date(2027, 3, 1)),
            "yellow",
            [
                "HS4 match on your product",
                "mandatory technical regulation",
                "health and safety objective",
                "comment period open",
            ],
        ),
        (
            sub(hs=["9503"], export_value={"USA": 2_000_000}),
            note(comment_deadline=date(2027, 3, 1)),
            "red",
            [
                "HS4 match on your product",
                "mandatory technical regulation",
                "health and safety objective",
                "comment period open",
                "exports of USD 2,000,000 to this market",
            ],
        ),
        (
            sub(hs=["950300"]),
            note(status="adopted", comment_deadline=date(2026, 1, 1)),
            "yellow",
            [
                "HS6 match on your product",
                "mandatory technical regulation",
                "health and safety objective",
                "measure adopted",
            ],
        ),
    ],
)
def test_grade(s, n, grade, words):
    m = matching.match_one(s, n)
    g = matching.grade(m, n, s, RULE_ROWS, TODAY)
    assert g.grade == grade
    assert g.reason("en") == f"{grade}: " + ", ".join(words)
    assert g.reason("zh").startswith({"red": "红", "yellow": "黄", "green": "绿"}[grade])


def test_rules_are_data():
    rules = [r for r in RULE_ROWS if r.factor != "grade"] + [
        matching.Rule("grade", "red", 40),
        matching.Rule("grade", "yellow", 20),
    ]
    s, n = (
        sub(hs=["95"]),
        note(measure_type="standard", objectives=[], comment_deadline=date(2027, 3, 1)),
    )
    assert matching.grade(matching.match_one(s, n), n, s, rules, TODAY).grade == "yellow"


# -- through the service -----------------------------------------------------------------------


@pytest.fixture
def toy_notification(db, shared_data, reference, committed):
    from stdlink.tbt.parsers import parse_pasted
    from stdlink.tbt.services.imports import import_records
    from stdlink.tbt.services.reference import import_countries

    import_countries(shared_data / "reference/countries/countries_iso_zh_wto_bri.csv")
    distributed = date.today() - timedelta(days=12)
    text = (
        f"世界贸易组织\nG/TBT/N/KEN/9999\n分发日期：{distributed.isoformat()}\n技术性贸易壁垒委员会\n通报\n\n"
        "1. 通报成员：肯尼亚\n2. 负责机构：肯尼亚标准局\n3. 通报依据的条款：TBT 2.9.2\n"
        "4. 覆盖的产品：玩具 HS编码：9503.0089\n5. 通报标题，页数和使用语言：玩具安全技术法规草案（英语）\n"
        "6. 内容简述：规定了玩具中铅、镉的限量，引用 EN 71-3 和 ISO 8124-1。\n7. 目的和理由，如是紧急措施，说明紧急问题的性质：保护人类健康或安全\n"
        "10. 意见反馈截止日期：自通报之日起30天\n"
    )

    def run():
        with committed():
            import_records(parse_pasted(text, reference=reference))

    return run


def test_import_matches_and_stores_graded_alert(toy_notification, personas):
    from stdlink.core.models import AuditLog
    from stdlink.tbt.models import Alert, Subscription

    s = Subscription.objects.create(
        owner=personas.reader_a, name="toys to BRI", hs_codes=["9503"], groups=["BRI"]
    )
    Subscription.objects.create(owner=personas.user_b, name="phones", hs_codes=["8517"])
    toy_notification()
    [a] = Alert.objects.all()
    assert a.subscription == s and a.level == "hs4" and a.grade == "red"
    assert a.reason_en == (
        "red: HS4 match on your product, mandatory technical regulation, health and safety objective, comment period open, 18 days left"
    )
    assert a.reason_zh.startswith("红：HS4 品目与您的产品一致")
    assert AuditLog.objects.filter(model__icontains="alert", object_id=str(a.pk)).exists()
    from stdlink.notify.models import Notification as Inbox

    [inbox] = Inbox.objects.filter(recipient=personas.reader_a)
    assert (
        inbox.kind == "tbt.alert"
        and "G/TBT/N/KEN/9999" in inbox.subject
        and "18 days left" in inbox.body
    )
    toy_notification()  # importing again sends nothing new
    assert Alert.objects.count() == 1 and Inbox.objects.count() == 1


def test_reminder_before_deadline(toy_notification, personas):
    from stdlink.tbt.models import Alert, Subscription
    from stdlink.tbt.services.matching import send_reminders

    Subscription.objects.create(
        owner=personas.reader_a, name="toys", hs_codes=["95"], remind_days=5
    )
    toy_notification()
    assert send_reminders(today=date(2026, 12, 18)) == []
    [r] = send_reminders(today=date(2026, 12, 19))  # deadline 2026-12-24
    assert r.kind == "reminder" and r.reason_en.startswith(
        "Comment deadline reminder: 5 days left (2026-12-24)"
    )
    assert send_reminders(today=date(2026, 12, 19)) == []
    assert Alert.objects.count() == 2


def test_match_cli_json(toy_notification, personas, capsys):
    import json

    from stdlink.cli import main
    from stdlink.tbt.models import Subscription

    Subscription.objects.create(owner=personas.reader_a, name="toys", keywords=["玩具安全"])
    toy_notification()
    assert main(["tbt", "match", "--json"]) == 0
    [a] = json.loads(capsys.readouterr().out)
    assert (a["symbol"], a["level"], a["subscriber"]) == ("G/TBT/N/KEN/9999", "keyword", "reader_a")
    assert a["reason"].split(":")[0] in {"red", "yellow", "green"}


def test_index_equals_match_one_on_random_cases():
    import random

    rng = random.Random(7)
    codes = [
        "95",
        "9503",
        "950300",
        "95030089",
        "9504",
        "950440",
        "85",
        "8516",
        "851679",
        "2009",
        "200911",
    ]
    ics = ["97.200.50", "97.200", "13.220.10", "67.080.10"]
    subs = []
    for i in range(200):
        subs.append(
            sub(
                id=i,
                hs=rng.sample(codes, rng.randint(0, 2)),
                ics=rng.sample(ics, rng.randint(0, 1)),
                members=set(rng.sample(["USA", "KEN", "EU"], rng.randint(0, 1))),
                objectives=rng.sample(["health_safety", "quality"], rng.randint(0, 1)),
                keywords=rng.sample(["玩具", "juice"], rng.randint(0, 1)) if i % 4 == 0 else [],
            )
        )
    idx = matching.Index(subs)
    for j in range(150):
        n = note(
            id=j,
            members={rng.choice(["USA", "KEN", "EU", "JPN"])},
            hs=[(c[:10], rng.random() < 0.2) for c in rng.sample(codes, rng.randint(0, 3))],
            ics=rng.sample(ics, rng.randint(0, 2)),
            objectives=rng.sample(["health_safety", "quality", "environment"], rng.randint(0, 2)),
            text=rng.choice(["玩具安全要求", "fruit juice labelling", "其他"]),
        )
        want = {(s.id, m.level) for s in subs if (m := matching.match_one(s, n))}
        got = {(m.subscription_id, m.level) for m in idx.match(n)}
        assert got == want, n
