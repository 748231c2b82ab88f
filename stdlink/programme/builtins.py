"""Built-in programme data, loaded after every migrate (idempotent): the Zhejiang counties, the
2020–2022 action plan (seed 000) with its phases and every target including the Annex 4 split by
city, the 2025 pilot's KPI targets (seed 003), and the subsidy rule of seed 000 (amounts unset)."""

from __future__ import annotations

import datetime as dt

D = dt.date

SEED000 = "浙市监函〔2020〕132号"
SEED003 = "浙江省国家标准化创新发展试点工作方案（2023）"

# code: (name_zh, name_en, document, start, end, monthly_reporting)
PROGRAMMES = {
    "zj-intl-2020-2022": (
        "浙江省实施标准国际化专项行动计划（2020年-2022年）",
        "Zhejiang standards internationalisation action plan 2020–2022",
        SEED000,
        D(2020, 6, 1),
        D(2022, 12, 31),
        True,
    ),
    "zj-pilot-2023-2025": (
        "浙江省国家标准化创新发展试点工作方案",
        "Zhejiang national standardisation innovation pilot (to 2025)",
        SEED003,
        D(2023, 1, 1),
        D(2025, 12, 31),
        False,
    ),
}

PHASES = {
    "zj-intl-2020-2022": [
        ("调查摸底", "Survey", D(2020, 6, 1), D(2020, 9, 30)),
        ("树立示范", "Set examples", D(2020, 10, 1), D(2020, 12, 31)),
        ("持续推进", "Keep advancing", D(2021, 1, 1), D(2022, 6, 30)),
        ("总结提高", "Review and improve", D(2022, 7, 1), D(2022, 12, 31)),
    ],
    "zj-pilot-2023-2025": [
        ("第一阶段：启动部署", "Phase 1: launch", D(2023, 1, 1), D(2023, 12, 31)),
        ("第二阶段：全面深化", "Phase 2: deepen", D(2024, 1, 1), D(2024, 12, 31)),
        ("第三阶段：总结提升", "Phase 3: consolidate", D(2025, 1, 1), D(2025, 12, 31)),
    ],
}

END2022 = D(2022, 12, 31)
END2025 = D(2025, 12, 31)
# (code, zh, en, value, comparator, unit, deadline, region code or None, metric)
TARGETS = {
    "zj-intl-2020-2022": [
        (
            "A1",
            "新增主导制（修）订国际标准和国外先进标准",
            "New international and foreign advanced standards led",
            40,
            "gte",
            "项",
            END2022,
            None,
            "projects_led_published",
        ),
        (
            "A2",
            "新制定外文版“浙江制造”团体标准",
            'New foreign-language "Zhejiang Made" group standards',
            100,
            "gte",
            "项",
            END2022,
            None,
            "foreign_language_group_standards",
        ),
        (
            "A3",
            "新承担国际标准化技术组织秘书处",
            "New international TC/SC secretariats",
            2,
            "gte",
            "个",
            END2022,
            None,
            "new_secretariats",
        ),
        (
            "A4",
            "建设“标准国际化示范单位”",
            "Standards-internationalisation demonstration units",
            50,
            "gte",
            "家",
            END2022,
            None,
            "designations:demonstration",
        ),
        (
            "A5",
            "建设“标准国际化试点单位”",
            "Standards-internationalisation pilot units",
            100,
            "gte",
            "家",
            END2022,
            None,
            "designations:pilot",
        ),
        (
            "A6",
            "建设“标准国际化培育基地”",
            "Standards-internationalisation cultivation bases",
            10,
            "gte",
            "家",
            END2022,
            None,
            "designations:cultivation",
        ),
        (
            "A7",
            "培养和引进国际标准化组织注册专家",
            "Experts registered with international standards bodies",
            20,
            "gte",
            "名",
            D(2020, 12, 31),
            None,
            "registered_experts",
        ),
    ],
    "zj-pilot-2023-2025": [
        (
            "B1",
            "建设城市标准化试点",
            "City standardisation pilots",
            20,
            "gte",
            "个",
            END2025,
            None,
            "",
        ),
        (
            "B2",
            "新增入驻浙江的国际和全国标准化技术组织",
            "New international and national TCs hosted in Zhejiang",
            3,
            "gte",
            "个",
            END2025,
            None,
            "",
        ),
        (
            "B3",
            "牵头和参与制修订国际标准",
            "International standards led or co-developed",
            30,
            "gte",
            "项",
            END2025,
            None,
            "projects_published",
        ),
        ("B4", "牵头制定国家标准", "National standards led", 300, "gte", "项", END2025, None, ""),
        (
            "B5",
            "认定高质量、高效益“浙江标准”",
            '"Zhejiang Standards" recognised',
            200,
            "gte",
            "项",
            END2025,
            None,
            "",
        ),
        (
            "B6",
            "累计发布“浙江制造”标准",
            '"Zhejiang Made" standards published (cumulative)',
            4000,
            "gte",
            "项",
            END2025,
            None,
            "",
        ),
        (
            "B7",
            "进入国家级企业标准“领跑者”榜单",
            'National enterprise-standard "forerunner" entries',
            50,
            "gte",
            "项",
            END2025,
            None,
            "",
        ),
        (
            "B8",
            "地方标准平均制定周期",
            "Average drafting cycle of local standards",
            15,
            "lte",
            "个月",
            END2025,
            None,
            "",
        ),
        (
            "B9",
            "共性关键技术和应用类科技计划项目形成标准研究成果的比率",
            "Share of key-technology research projects producing standards",
            60,
            "gte",
            "%",
            END2025,
            None,
            "",
        ),
    ],
}
# Seed 000, Annex 4: new international and foreign advanced standards led, per city (total 40).
ANNEX4 = [
    ("330100", 16),
    ("330200", 6),
    ("330300", 3),
    ("330500", 2),
    ("330400", 2),
    ("330600", 2),
    ("330700", 4),
    ("330800", 1),
    ("330900", 1),
    ("331000", 2),
    ("331100", 1),
]

SUBSIDY_POLICY = (
    "zj-2020-proposal",
    "zj-intl-2020-2022",
    "国际标准和国外先进标准提案省财政专项补助",
    "Provincial subsidy for accepted international-standard proposals",
    f"{SEED000} 四（二）：提案被采纳后预拨部分，标准正式发布后全额发放剩余补助",
)


def load_programmes() -> None:
    from stdlink.core.models import Region
    from stdlink.programme.models import Phase, Programme, SubsidyPolicy, Target

    cities = {r.code: r for r in Region.objects.filter(level="city")}
    for code, (zh, en, doc, start, end, monthly) in PROGRAMMES.items():
        programme, _ = Programme.objects.update_or_create(
            code=code,
            defaults={
                "name_zh": zh,
                "name_en": en,
                "document": doc,
                "start": start,
                "end": end,
                "monthly_reporting": monthly,
                "builtin": True,
            },
        )
        for order, (pzh, pen, pstart, pend) in enumerate(PHASES[code], start=1):
            Phase.objects.update_or_create(
                programme=programme,
                order=order,
                defaults={"name_zh": pzh, "name_en": pen, "start": pstart, "end": pend},
            )
        rows = list(TARGETS[code])
        if code == "zj-intl-2020-2022":
            for city, value in ANNEX4:
                name = cities[city].name_zh if city in cities else city
                rows.append(
                    (
                        f"A1-{city}",
                        f"{name}新增主导制（修）订国际标准和国外先进标准（附件4）",
                        f"New international and foreign advanced standards led: "
                        f"{cities[city].name_en if city in cities else city} (Annex 4)",
                        value,
                        "gte",
                        "项",
                        END2022,
                        city,
                        "projects_led_published",
                    )
                )
        for order, (tcode, zh_, en_, value, cmp_, unit, deadline, region, metric) in enumerate(
            rows, start=1
        ):
            Target.objects.update_or_create(
                programme=programme,
                code=tcode,
                defaults={
                    "description_zh": zh_,
                    "description_en": en_,
                    "value": value,
                    "comparator": cmp_,
                    "unit_zh": unit,
                    "deadline": deadline,
                    "region": cities.get(region) if region else None,
                    "metric": metric,
                    "order": order,
                    "source": doc,
                    "builtin": True,
                },
            )
    pcode, prog, zh, en, source = SUBSIDY_POLICY
    # get_or_create: the amounts are entered by the province and must survive a re-load.
    SubsidyPolicy.objects.get_or_create(
        code=pcode,
        defaults={
            "programme": Programme.objects.get(code=prog),
            "name_zh": zh,
            "name_en": en,
            "source": source,
            "builtin": True,
            "lead_only": True,
        },
    )


def load() -> None:
    from stdlink.programme.counties import load_builtin

    load_builtin()
    load_programmes()
