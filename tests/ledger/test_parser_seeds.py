"""Table-driven tests of the parser on the five seed documents.

The EXPECTED tables were written by reading the seed texts (not by running the parser):
task number → lead agencies, co-responsible agencies, registry names. Conventions (see
docs/decisions/0006): a clause without 牵头 makes its first listed agency the lead; the placeholder
各有关部门(和单位) is co-responsible, never lead; 004's "以下均需地方人民政府负责，不再列出" makes
地方人民政府 co-responsible for every later task.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.ledger.conftest import parsed_seed

S = "市场监管总局（国家标准委）"
LOCAL = "地方人民政府"
ALL = "各有关部门"
NDRC = "国家发展改革委"
MIIT = "工业和信息化部"
MOHURD = "住房城乡建设部"
CAC = "中央网信办"

# ---------------------------------------------------------------- seed 004 (国市监标技发〔2022〕64号)
SEED_004 = {
    "一": ([S], [NDRC, MIIT, "科技部", "商务部", "农业农村部", LOCAL]),
    "二": (["科技部", S], ["教育部", "中国科学院", "中国工程院", "国家知识产权局", LOCAL]),
    "三": ([S, MIIT], [ALL, LOCAL]),
    "四": (
        [NDRC],
        [
            "交通运输部",
            "商务部",
            "人民银行",
            S,
            "银保监会",
            "证监会",
            "国家铁路局",
            "国家邮政局",
            LOCAL,
        ],
    ),
    "五": ([MIIT], [S, LOCAL]),
    "六": ([MIIT, "科技部", S], [ALL, CAC, "国家药监局", LOCAL]),
    "七": ([MIIT, S], [ALL, LOCAL]),
    "八": ([CAC], [NDRC, MIIT, "自然资源部", S, MOHURD, "国家能源局", LOCAL]),
    "九": (
        [S, NDRC],
        [
            CAC,
            MIIT,
            "自然资源部",
            "生态环境部",
            MOHURD,
            "交通运输部",
            "水利部",
            "农业农村部",
            "国家能源局",
            "国家统计局",
            "中国气象局",
            "国家林草局",
            "国管局",
            LOCAL,
        ],
    ),
    "十": (["生态环境部"], ["自然资源部", "水利部", "中国气象局", "国家林草局", S, MIIT, LOCAL]),
    "十一": (["自然资源部"], ["水利部", MOHURD, S, "农业农村部", MIIT, LOCAL]),
    "十二": (["农业农村部", "国家乡村振兴局", MOHURD, S], [ALL, LOCAL]),
    "十三": (["国务院办公厅", NDRC, "民政部", "国管局", S, MOHURD, MIIT], [ALL, LOCAL]),
    "十四": (
        [CAC, "应急管理部", "公安部", "国家卫生健康委", S],
        [MOHURD, "交通运输部", "水利部", "国家粮食和储备局", "国家铁路局", MIIT, LOCAL],
    ),
    "十五": ([S, NDRC, "财政部"], [ALL, LOCAL]),
    "十六": (
        ["民政部", "商务部", S, "国家卫生健康委"],
        [ALL, "文化和旅游部", "体育总局", "广电总局", "国家文物局", "国家中医药局", LOCAL],
    ),
    "十七": ([S], [MIIT, "国家卫生健康委", "农业农村部", MOHURD, LOCAL]),
    "十八": ([NDRC], ["商务部", "科技部", S, "外交部", MIIT, "人民银行", MOHURD, LOCAL]),
    "十九": ([S], [ALL, LOCAL]),
    "二十": (
        [NDRC, "国家国际发展合作署"],
        ["科技部", "商务部", S, "外交部", MOHURD, "国务院国资委", "国家粮食和储备局", LOCAL],
    ),
    "二十一": (
        [S],
        [
            "外交部",
            "科技部",
            MIIT,
            "民政部",
            "商务部",
            MOHURD,
            "中国科学院",
            "中国工程院",
            "全国工商联",
            "中国科协",
            LOCAL,
        ],
    ),
    "二十二": ([S], ["应急管理部", "公安部", "税务总局", ALL, LOCAL]),
    "二十三": ([S, "民政部"], ["中国科协", LOCAL]),
    "二十四": ([S], [ALL, LOCAL]),
    "二十五": ([S], [ALL, LOCAL]),
    "二十六": ([S], [ALL, LOCAL]),
    "二十七": ([], [ALL, LOCAL]),
    "二十八": ([], [ALL, LOCAL]),
    "二十九": ([S], [NDRC, "科技部", MIIT, "国家统计局", LOCAL]),
    "三十": (["教育部"], [S, "人力资源社会保障部", LOCAL]),
    "三十一": (["财政部"], ["人力资源社会保障部", "人民银行", "银保监会", LOCAL]),
    "三十二": ([S], ["国务院国资委", "国家统计局", LOCAL]),
    "三十三": ([CAC], ["广电总局", S, LOCAL]),
}


def test_seed_004_header():
    doc = parsed_seed("004")
    assert doc.doc_number == "国市监标技发〔2022〕64号"
    assert doc.title == "关于印发贯彻实施《国家标准化发展纲要》行动计划的通知"
    assert doc.issued == dt.date(2022, 7, 6)
    assert doc.level == "national"
    assert len(doc.issuers) == 16
    assert doc.issuers[:2] == [S, CAC]
    assert {"应急管理部", "国家卫生健康委", "全国工商联"} <= set(doc.issuers)
    assert doc.unknown_agencies == []


def test_seed_004_has_33_tasks_in_order():
    doc = parsed_seed("004")
    assert [t.number for t in doc.tasks] == list(SEED_004)
    assert doc.tasks[31].heading == "加强督促检查"
    assert "建立本行动计划工作台账" in doc.tasks[31].text
    # The closing paragraph is not part of task 三十三.
    assert "各地区各有关部门要高度重视" not in doc.tasks[-1].text


@pytest.mark.parametrize(("number", "lead", "co"), [(k, *v) for k, v in SEED_004.items()])
def test_seed_004_agencies(number, lead, co):
    task = next(t for t in parsed_seed("004").tasks if t.number == number)
    assert task.leads == lead
    assert sorted(task.cos) == sorted(co)


def test_seed_004_inheritance_and_deadline():
    doc = parsed_seed("004")
    first, second = doc.tasks[0], doc.tasks[1]
    assert not any(c.inherited for c in first.clauses)
    inherited = [c for c in second.clauses if c.inherited]
    assert inherited and inherited[0].cos == [LOCAL]
    assert "以下均需地方人民政府负责" in inherited[0].raw
    # "明确2023年年底前重点工作": every task is due by the end of 2023.
    assert doc.default_deadline.end == dt.date(2023, 12, 31)
    assert all(t.deadline.end == dt.date(2023, 12, 31) and t.deadline_inherited for t in doc.tasks)


def test_seed_004_multi_clause_task():
    task = parsed_seed("004").tasks[5]  # 六: four clauses
    own = [c for c in task.clauses if not c.inherited]
    assert [c.leads for c in own] == [[MIIT, "科技部", S], [MIIT], [S], [MIIT]]
    assert [c.lead_by_convention for c in own] == [False, False, True, False]


# ---------------------------------------------------------------- seed 001 (traditional script)
SEED_001 = {
    "五.(二十一)": (
        [S],
        [
            CAC,
            "外交部",
            NDRC,
            "教育部",
            "科技部",
            MIIT,
            "民政部",
            "商务部",
            "国家知识产权局",
            "国家国际发展合作署",
            "全国工商联",
        ],
    ),
    "五.(二十二)": ([S], ["外交部", NDRC, "商务部", "国务院国资委", "国家国际发展合作署"]),
    "五.(二十三)": ([S, MIIT, "农业农村部"], [ALL]),
    "五.(二十四)": ([S, MIIT], [ALL]),
    "五.(二十五)": (
        [S],
        ["外交部", NDRC, "科技部", MIIT, "商务部", "海关总署", "国家国际发展合作署", "全国工商联"],
    ),
    "六.(二十六)": ([S, "民政部"], [ALL, "中国科协", "全国工商联"]),
    "六.(二十七)": ([S], [ALL]),
    "六.(二十八)": ([S, NDRC], [ALL, "科技部", MIIT, "商务部", "国家统计局", "全国工商联"]),
    "六.(二十九)": ([S], [ALL]),
    "七.(三十)": ([S, "科技部", "商务部", "中国工程院"], [ALL]),
    "七.(三十一)": ([S], [ALL]),
    "七.(三十二)": ([S], [ALL]),
    "七.(三十三)": (["教育部"], ["人力资源社会保障部", S]),
    "八.(三十四)": ([NDRC], [S]),
    "八.(三十五)": ([S], [ALL]),
}


def test_seed_001_tasks():
    doc = parsed_seed("001")
    assert [t.number for t in doc.tasks] == list(SEED_001)
    assert [s.heading for s in doc.sections] == [
        "实施标准国际化跃升工程",
        "深化标准化改革创新",
        "夯实标准化发展基础",
        "组织实施",
    ]
    assert doc.level == "national"
    assert doc.unknown_agencies == []


@pytest.mark.parametrize(("number", "lead", "co"), [(k, *v) for k, v in SEED_001.items()])
def test_seed_001_agencies(number, lead, co):
    task = next(t for t in parsed_seed("001").tasks if t.number == number)
    assert task.leads == lead
    assert sorted(task.cos) == sorted(co)


@pytest.mark.parametrize(
    ("number", "clause_leads"),
    [
        ("六.(二十六)", [[S], [S, "民政部"]]),
        ("六.(二十八)", [[S], [NDRC]]),
    ],
)
def test_seed_001_two_clause_tasks(number, clause_leads):
    task = next(t for t in parsed_seed("001").tasks if t.number == number)
    assert [c.leads for c in task.clauses] == clause_leads


def test_seed_001_cleaned():
    doc = parsed_seed("001")
    text = doc.text
    for artefact in ("(fā)", "（guān）", "?!", "發", "關"):
        assert artefact not in text
    assert "拓展国际标准化合作伙伴关系" in doc.tasks[0].heading
    assert "深入参与碳达峰碳中和" in doc.tasks[3].text
    assert "（ISO）" in doc.tasks[2].text  # legitimate parentheses stay


@pytest.mark.parametrize(
    ("number", "indicator", "comparator", "value", "unit"),
    [
        ("五.(二十五)", "国际标准转化率", ">=", "85", "%"),
        (
            "五.(二十五)",
            "全国专业标准化技术委员会与国际标准组织技术机构一致性程度",
            ">=",
            "90",
            "%",
        ),
        ("六.(二十七)", "新立项国家标准平均制定周期", "<=", "18", "个月"),
        ("七.(三十一)", "设立国家标准验证点", ">=", "50", "个"),
    ],
)
def test_seed_001_kpis(number, indicator, comparator, value, unit):
    kpis = [
        (k.task_number, k.indicator, k.comparator, k.value, k.unit) for k in parsed_seed("001").kpis
    ]
    assert (number, indicator, comparator, Decimal(value), unit) in kpis


# ---------------------------------------------------------------- seed 002 (（责任单位：…）)
MSA = "省市场监管局"
SEED_002 = {
    "三.(一).1": (["省经信厅"], ["省科技厅", "省发展改革委", "省商务厅", MSA]),
    "三.(一).2": (["省商务厅"], ["省交通运输厅", "杭州海关", "宁波海关", MSA]),
    "三.(一).3": (
        ["省地方金融监管局"],
        ["人行杭州中心支行", "浙江银监局", "浙江证监局", "浙江保监局", MSA],
    ),
    "三.(一).4": (["省卫生健康委"], ["省食品药品监管局", "省民政厅", MSA]),
    "三.(一).5": (["省政府办公厅"], ["省编办", "省发展改革委", MSA]),
    "三.(一).6": (["省发展改革委"], ["省生态环境厅", MSA, "省商务厅", "省住房城乡建设厅"]),
    "三.(一).7": (["省文化和旅游厅"], ["省教育厅", MSA]),  # 省文化厅 + 省旅游局, since merged
    "三.(一).8": (["省住房城乡建设厅"], ["省自然资源厅", "省测绘与地理信息局", MSA]),
    "三.(一).9": (["省海洋与渔业局"], ["省海港委", "省经信厅", "省气象局", MSA]),
    "三.(一).10": (
        ["省发展改革委"],
        ["省人力社保厅", "省民政厅", "省卫生健康委", "省公安厅", "省食品药品监管局", MSA],
    ),
    "三.(二).1": ([MSA], ["省全面实施标准化战略领导小组成员单位"]),
    "三.(二).2": (
        [MSA],
        ["省经信厅", "省发展改革委", "省农办", "省商务厅", "省科技厅", "省食品药品监管局"],
    ),
    "三.(二).3": ([MSA], ["省科技厅", "省商务厅", "省人力社保厅"]),
    "三.(三).1": ([MSA], ["省发展改革委", "省经信厅", "省商务厅"]),
    "三.(三).2": ([MSA], ["省发展改革委", "省经信厅", "省商务厅", "省食品药品监管局"]),
    "三.(三).3": ([MSA], ["省商务厅", "省发展改革委", "省外侨办"]),
}


def test_seed_002_tasks():
    doc = parsed_seed("002")
    numbers = [t.number for t in doc.tasks]
    assert numbers == [
        "一",
        "二.(一)",
        "二.(二)",
        "二.(三)",
        "二.(四)",
        *SEED_002,
        "四.(一)",
        "四.(二)",
        "四.(三)",
    ]
    # Other documents' numbers cited in the preamble are not this document's number.
    assert doc.doc_number == ""
    assert doc.level == "provincial"
    assert doc.unknown_agencies == []


@pytest.mark.parametrize(("number", "lead", "co"), [(k, *v) for k, v in SEED_002.items()])
def test_seed_002_agencies(number, lead, co):
    task = next(t for t in parsed_seed("002").tasks if t.number == number)
    assert task.leads == lead
    assert sorted(task.cos) == sorted(co)
    assert len(task.clauses) == 1 and task.clauses[0].lead_by_convention
    assert "责任单位" in task.clauses[0].raw


def test_seed_002_target():
    doc = parsed_seed("002")
    task = next(t for t in doc.tasks if t.number == "三.(二).2")
    assert task.deadline.end == dt.date(2020, 12, 31)
    assert [(k.indicator, k.value, k.unit, k.year) for k in task.kpis] == [
        ("完成重点消费品标准比对工作", Decimal(100), "个", 2020)
    ]


# ---------------------------------------------------------------- seed 000 (浙市监函〔2020〕132号)
SEED_000 = [
    ("一", "主要目标", dt.date(2022, 12, 31)),
    ("二.(一)", "主导制定一批国际标准和国外先进标准", dt.date(2022, 12, 31)),
    ("二.(二)", "积极承担国际标准化技术组织秘书处工作", dt.date(2022, 12, 31)),
    ("二.(三)", "大力推动采用国际标准和国外先进标准", dt.date(2022, 12, 31)),
    ("二.(四)", "有效加强国际标准化合作与交流", dt.date(2022, 12, 31)),
    ("二.(五)", "加快树立一批标准国际化示范、试点单位和培育基地", dt.date(2022, 12, 31)),
    ("二.(六)", "不断提升标准国际化支撑服务能力", dt.date(2020, 12, 31)),
    ("三.(一)", "调查摸底（2020年6月-9月）", dt.date(2020, 9, 30)),
    ("三.(二)", "树立示范（2020年10月-12月）", dt.date(2020, 12, 31)),
    ("三.(三)", "持续推进（2021年1月-2022年6月）", dt.date(2022, 6, 30)),
    ("三.(四)", "总结提高（2022年7月-12月）", dt.date(2022, 12, 31)),
    ("四.(一)", "加强组织领导", dt.date(2022, 12, 31)),
    ("四.(二)", "加大政策激励", dt.date(2022, 12, 31)),
    ("四.(三)", "加大宣传力度", dt.date(2022, 12, 31)),
    ("四.(四)", "按时报送信息", dt.date(2022, 12, 31)),
]


def test_seed_000_header():
    doc = parsed_seed("000")
    assert doc.doc_number == "浙市监函〔2020〕132号"
    assert doc.issuers == ["省市场监管局"]
    assert doc.level == "provincial"
    assert doc.title.startswith("浙江省市场监督管理局关于印发《浙江省实施标准国际化专项行动计划")
    # Annex lists ("2. 参与标准国际化工作需求调查表", table rows) are not tasks.
    assert len(doc.tasks) == len(SEED_000)


@pytest.mark.parametrize(("number", "heading", "due"), SEED_000)
def test_seed_000_tasks(number, heading, due):
    task = next(t for t in parsed_seed("000").tasks if t.number == number)
    assert task.heading == heading
    assert task.deadline.end == due


@pytest.mark.parametrize(
    ("number", "text", "start", "end"),
    [
        ("三.(一)", "2020年6月-9月", dt.date(2020, 6, 1), dt.date(2020, 9, 30)),
        ("三.(二)", "2020年10月-12月", dt.date(2020, 10, 1), dt.date(2020, 12, 31)),
        ("三.(三)", "2021年1月-2022年6月", dt.date(2021, 1, 1), dt.date(2022, 6, 30)),
        ("三.(四)", "2022年7月-12月", dt.date(2022, 7, 1), dt.date(2022, 12, 31)),
    ],
)
def test_seed_000_phases(number, text, start, end):
    task = next(t for t in parsed_seed("000").tasks if t.number == number)
    assert (task.deadline.text, task.deadline.start, task.deadline.end, task.deadline.kind) == (
        text,
        start,
        end,
        "period",
    )
    assert not task.deadline_inherited


def test_seed_000_targets():
    kpis = {(k.indicator, k.comparator, k.value, k.unit, k.year) for k in parsed_seed("000").kpis}
    assert ("新增主导制（修）订国际标准和国外先进标准", ">=", Decimal(40), "项", 2022) in kpis
    assert ("建设“标准国际化示范单位”", ">=", Decimal(50), "家", 2022) in kpis
    assert ("培养和引进国际标准化组织注册专家", ">=", Decimal(20), "名", 2020) in kpis
    # "已累计主导制定国际标准 24 项" is a past figure, not a target.
    assert not any(k[2] == 24 for k in kpis)


# ---------------------------------------------------------------- seed 003 (KPI targets to 2025)
SEED_003_KPIS = [
    ("建设城市标准化试点", ">=", "20", "个"),
    ("新增入驻浙江的国际和全国标准化技术组织", ">=", "3", "个"),
    ("牵头和参与制修订国际标准", ">=", "30", "项"),
    ("牵头制定国家标准", ">=", "300", "项"),
    ("认定高质量、高效益“浙江标准”", ">=", "200", "项"),
    ("累计发布“浙江制造”标准", ">=", "4000", "项"),
    ("培育进入国家级企业标准“领跑者”榜单", "=", "50", "项"),
    ("地方标准平均制定周期", "<=", "15", "个月"),
    ("共性关键技术和应用类科技计划项目形成标准研究成果的比率", ">=", "60", "%"),
]


def test_seed_003_kpis():
    doc = parsed_seed("003")
    got = [(k.indicator, k.comparator, k.value, k.unit, k.year, k.task_number) for k in doc.kpis]
    assert got == [(i, c, Decimal(v), u, 2025, None) for i, c, v, u in SEED_003_KPIS]


def test_seed_003_phases():
    doc = parsed_seed("003")
    assert doc.title == "涉及科技、环境、民生等多方面 浙江持续推进国家标准化创新发展试点工作"
    assert doc.issuers == ["省政府办公厅"]
    assert [(t.heading, t.deadline.end) for t in doc.tasks] == [
        ("第一阶段（2023年）", dt.date(2023, 12, 31)),
        ("第二阶段（2024年）", dt.date(2024, 12, 31)),
        ("第三阶段（2025年）", dt.date(2025, 12, 31)),
    ]
    assert "建德市融媒体中心" not in doc.tasks[-1].text
