"""`stdlink demo`: a plausible, clearly marked demo data set across the 11 cities, so that a
newcomer sees a living dashboard. Every record is flagged `is_demo` and its name starts with
【演示】; `stdlink demo --clear` removes exactly those records and the demo users."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from stdlink.programme.models.base import DEMO_PREFIX
from stdlink.programme.uscc import check_char

DEMO_USERS = [
    # username, role, region, unit (index into the Hangzhou demo units) or None
    ("demo_province", "province_admin", "330000", None),
    ("demo_hz_officer", "city_officer", "330100", None),
    ("demo_hz_viewer", "city_viewer", "330100", None),
    ("demo_nb_officer", "city_officer", "330200", None),
    ("demo_unit", "unit_user", "330100", 0),
]
KINDS = [
    "enterprise",
    "enterprise",
    "enterprise",
    "university",
    "institute",
    "association",
    "testing",
]
WORDS = [
    "智能装备",
    "新材料",
    "生命健康",
    "数字安防",
    "电子商务",
    "茶叶",
    "海洋技术",
    "纺织印染",
    "汽车零部件",
    "家用电器",
    "光伏",
    "五金工具",
    "泵阀",
    "小商品",
]
SUFFIX = {
    "enterprise": "股份有限公司",
    "university": "大学标准化研究院",
    "institute": "研究院",
    "association": "行业协会",
    "testing": "检验检测有限公司",
}
TITLES = ["{w}通用技术要求", "{w}测试方法", "{w}术语", "{w}性能评价指南", "{w}安全要求"]
# (committee, kind, since, city): the three held in Zhejiang (seed 000) and two new ones.
SECRETARIATS = [
    ("ISO/TC 321", "tc", dt.date(2016, 9, 1), "330100", "电子商务交易保障"),
    ("ISO/TC 34/SC 8", "sc", dt.date(2008, 1, 1), "330100", "茶叶"),
    ("ISO/TC 8/SC 13", "sc", dt.date(2016, 1, 1), "330100", "海洋技术"),
    ("ISO/TC 45/SC 5", "sc", dt.date(2021, 9, 1), "330200", "演示：新承担"),
    ("IEC/TC 129/WG 3", "convenor", dt.date(2022, 3, 1), "330700", "演示：召集人"),
]


def _uscc(region_code: str, i: int) -> str:
    body = f"91{region_code}{i:09d}"
    return body + check_char(body)


def _months(start: dt.date, end: dt.date):
    m = start.replace(day=1)
    while m <= end:
        yield m
        m = (m.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


@transaction.atomic
def create(out=print) -> bool:
    from stdlink.catalog.models import Body
    from stdlink.core.models import Region
    from stdlink.programme.builtins import ANNEX4
    from stdlink.programme.models import (
        Achievement,
        Contact,
        Designation,
        Expert,
        ExpertRegistration,
        GroupStandardTranslation,
        MonthlyReport,
        Programme,
        Project,
        Secretariat,
        SubsidyPayment,
        SubsidyPolicy,
        Survey,
        Unit,
    )

    if Unit.objects.filter(is_demo=True).exists():
        out("演示数据已存在 / demo data already present (stdlink demo --clear removes it)")
        _users(out)
        return False
    rnd = random.Random(2020)
    prog = Programme.objects.get(code="zj-intl-2020-2022")
    policy = SubsidyPolicy.objects.filter(code="zj-2020-proposal").first()
    bodies = {b.code: b for b in Body.objects.filter(annex1=True)}
    iso = bodies["ISO"]
    target = dict(ANNEX4)
    today = dt.date.today()
    units_by_city: dict[str, list] = {}
    n = 0
    for city in Region.objects.filter(level="city").order_by("code"):
        counties = list(city.children.all()) or [city]
        units = []
        for i in range(3 + target.get(city.code, 1) // 2):
            n += 1
            kind = KINDS[i % len(KINDS)]
            county = counties[i % len(counties)]
            word = WORDS[(n * 5) % len(WORDS)]
            unit = Unit.objects.create(
                name=f"{DEMO_PREFIX}{county.name_zh}{word}{SUFFIX[kind]}",
                kind=kind,
                region=county,
                uscc=_uscc(county.code, n),
                address=f"{city.name_zh}{county.name_zh}",
                is_demo=True,
            )
            Contact.objects.create(
                unit=unit,
                name=f"{DEMO_PREFIX}联系人{n}",
                position="标准化主管",
                mobile=f"138{n:08d}",
                email=f"demo{n}@example.com",
                is_demo=True,
            )
            units.append((unit, word))
        units_by_city[city.code] = units
        # Projects: about 60–110 % of the city's Annex 4 target published, more in the pipeline.
        goal = target.get(city.code, 1)
        published = max(0, round(goal * rnd.uniform(0.6, 1.1)))
        for j in range(published + 3):
            unit, word = units[j % len(units)]
            stage = (
                "published" if j < published else rnd.choice(["proposal", "accepted", "cd", "dis"])
            )
            proposed = dt.date(2020, rnd.randint(6, 12), rnd.randint(1, 28))
            accepted = proposed + dt.timedelta(days=rnd.randint(60, 200))
            pub = min(accepted + dt.timedelta(days=rnd.randint(300, 600)), dt.date(2022, 12, 20))
            body = iso if j % 4 else bodies[rnd.choice(["IEC", "ITU", "ASTM", "IEEE"])]
            p = Project.objects.create(
                unit=unit,
                title=f"{DEMO_PREFIX}{TITLES[j % len(TITLES)].format(w=word)}",
                body=body,
                committee_code="ISO/TC 321" if word == "电子商务" else "",
                reference=f"{body.code}/NP {30000 + n * 10 + j}",
                role="lead" if j % 5 else "participant",
                stage=stage,
                proposed_on=proposed,
                accepted_on=accepted if stage != "proposal" else None,
                published_on=pub if stage == "published" else None,
                subsidy_policy=policy,
                is_demo=True,
            )
            if policy and policy.amount and stage != "proposal" and p.role == "lead":
                SubsidyPayment.objects.create(
                    project=p,
                    kind="advance",
                    is_demo=True,
                    amount=policy.amount * (policy.advance_ratio or 0),
                    paid_on=accepted + dt.timedelta(days=30),
                )
        for j in range(max(2, goal * 2 + rnd.randint(0, 3))):
            unit, word = units[j % len(units)]
            GroupStandardTranslation.objects.create(
                unit=unit,
                code=f"T/ZZB {n * 100 + j}-2021",
                title_zh=f"{DEMO_PREFIX}{word}",
                language=rnd.choice(["en", "en", "en", "es", "fr", "ru"]),
                title_translated=f"[DEMO] {word} specification",
                published_on=dt.date(2021, 1, 1) + dt.timedelta(days=rnd.randint(0, 700)),
                is_demo=True,
            )
        for j, (unit, word) in enumerate(units[:2]):
            e = Expert.objects.create(
                unit=unit, name=f"{DEMO_PREFIX}专家{n}{j}", field=word, is_demo=True
            )
            ExpertRegistration.objects.create(
                expert=e,
                body=iso,
                committee_code="ISO/TC 321" if j else "ISO/TC 34/SC 8",
                position="注册专家",
                registered_on=dt.date(2020, rnd.randint(6, 12), 1),
                is_demo=True,
            )
        for j, (unit, _word) in enumerate(units):
            kind = ["demonstration", "pilot", "pilot", "cultivation"][j % 4]
            Designation.objects.create(
                unit=unit,
                kind=kind,
                year=2020 + j % 2,
                batch="首批",
                criteria_note=f"{DEMO_PREFIX}符合行动计划所列条件",
                is_demo=True,
            )
        # Monthly reports for every month of the plan up to last month.
        months = list(_months(prog.start, min(prog.end, today)))
        for k, month in enumerate(months):
            last = k >= len(months) - 2
            roll = rnd.random()
            if roll < 0.04 and not last:
                continue  # a missing month shows as overdue
            state = "accepted" if roll > 0.1 else rnd.choice(["submitted", "returned", "draft"])
            report = MonthlyReport.objects.create(
                region=city,
                month=month,
                programme=prog,
                state=state,
                is_demo=True,
                comments=f"{DEMO_PREFIX}本月报送",
                submission_count=0 if state == "draft" else 1,
                review_comment="请补充成果佐证材料" if state == "returned" else "",
            )
            if k % 3:
                continue
            unit, word = units[k % len(units)]
            filed = state != "draft"
            Survey.objects.create(
                unit=unit,
                month=month,
                unit_name=unit.name,
                address=unit.address,
                contact="张工",
                position="标准化主管",
                mobile="13800000000",
                email="demo@example.com",
                innovation=f"{word}关键技术突破",
                proposed_standards=TITLES[k % len(TITLES)].format(w=word),
                committee="ISO/TC 321" if word == "电子商务" else "",
                secretariat_intent="有意向" if k % 2 else "",
                is_demo=True,
                state="submitted" if filed else "draft",
                monthly_report=report if filed else None,
            )
            Achievement.objects.create(
                unit=unit,
                month=month,
                unit_name=unit.name,
                address=unit.address,
                contact="李工",
                mobile="13900000000",
                email="demo@example.com",
                results=f"主导制定{word}国际标准提案获立项",
                main_content="以科技创新成果转化为标准",
                promotion_willing="愿意",
                hosting_willing="愿意接待",
                is_demo=True,
                state="submitted" if filed else "draft",
                monthly_report=report if filed else None,
                typical_case=state == "accepted" and k % 6 == 0,
            )
    for code, kind, since, city, title in SECRETARIATS:
        unit, _w = units_by_city[city][0]
        Secretariat.objects.create(
            unit=unit,
            kind=kind,
            body=bodies.get(code.split("/")[0], iso),
            committee_code=code,
            title=f"{DEMO_PREFIX}{title}",
            established_on=since,
            is_demo=True,
        )
    out(
        f"已创建演示数据 / demo data created: {Unit.objects.filter(is_demo=True).count()} units, "
        f"{Project.objects.filter(is_demo=True).count()} projects, "
        f"{MonthlyReport.objects.filter(is_demo=True).count()} monthly reports"
    )
    _users(out)
    return True


def _users(out) -> None:
    from django.contrib.auth import get_user_model

    from stdlink.core.models import Membership, Region, Role
    from stdlink.programme.models import Unit

    User = get_user_model()
    hz_units = list(
        Unit.objects.filter(is_demo=True, region__path__startswith="330000/330100/").order_by("pk")
    )
    for username, role, region, unit_index in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            out(f"  {username}: 已存在 / exists (password unchanged)")
            continue
        password = demo_password(username)
        user = User.objects.create_user(username=username, password=password)
        Membership.objects.create(
            user=user,
            role=Role.objects.get(code=role),
            region=Region.objects.get(code=region),
            unit_id=hz_units[unit_index].pk if unit_index is not None and hz_units else None,
        )
        out(f"  {username} ({role} @ {region}): password {password}")


def demo_password(username: str) -> str:
    """The demo user's password, derived from the deployment's secret key: never stored, and
    printed again by `stdlink demo --show-users` (another deployment gets other passwords)."""
    import base64
    import hashlib
    import hmac

    from django.conf import settings

    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"stdlink-demo:{username}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest)[:12].decode()


def show_users(out=print, *, reset: bool = False) -> int:
    """Print the demo users and their passwords; with ``reset``, first set each password back
    to its demo value. A password the user has changed is not shown. Returns how many users."""
    from django.contrib.auth import get_user_model

    from stdlink.core.models import Membership

    User = get_user_model()
    n = 0
    for username, role, region, _unit in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        n += 1
        password = demo_password(username)
        if reset:
            user.set_password(password)
            user.save(update_fields=["password"])
        membership = Membership.objects.filter(user=user).select_related("role", "region").first()
        where = f"{membership.role.code} @ {membership.region.code}" if membership else role
        if user.check_password(password):
            out(f"  {username} ({where}): password {password}")
        else:
            out(
                f"  {username} ({where}): 密码已修改，不显示 / password changed since, not shown "
                "(stdlink demo --show-users --reset-passwords sets the demo password again)"
            )
    if not n:
        out("没有演示用户 / no demo users (run: stdlink demo)")
    return n


@transaction.atomic
def clear(out=print) -> int:
    from django.contrib.auth import get_user_model

    from stdlink.programme.models import (
        Achievement,
        Contact,
        Designation,
        Expert,
        ExpertRegistration,
        GroupStandardTranslation,
        MonthlyReport,
        Project,
        Secretariat,
        SubsidyPayment,
        Survey,
        Unit,
    )

    total = 0
    for model in (
        Designation,
        SubsidyPayment,
        Survey,
        Achievement,
        MonthlyReport,
        ExpertRegistration,
        Expert,
        GroupStandardTranslation,
        Secretariat,
        Project,
        Contact,
        Unit,
    ):
        n, _ = model.objects.filter(is_demo=True).delete()
        total += n
    users = get_user_model().objects.filter(username__in=[u[0] for u in DEMO_USERS])
    users.delete()
    out(f"已删除演示数据 / demo data removed ({total} rows)")
    return total
