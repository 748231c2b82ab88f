"""The fixed search-quality set: realistic queries, each with the standard that should come first.

Used by bench/search_quality.py (MRR and recall@10 over the full catalogue) and by
tests/search/test_ranking.py (the queries whose expected standard is in the test fixture).
Kinds: `id` identifiers in many spellings, `near` slightly wrong identifiers, `en` English
keywords, `zh` Chinese keywords against the Chinese records, `tc` committee codes.
The expected identifier is written as the catalogue stores it. For a work ("ISO 9001") it is
the current edition; a query naming an edition expects that edition. Where IEC publishes the
current text as a consolidated version ("IEC 60335-1:2020+AMD1:2025 CSV") that is the expected
answer (the latest full text); redline and commented versions (RLV, CMV) never are.
"""

from __future__ import annotations

from typing import NamedTuple


class Q(NamedTuple):
    text: str
    expected: str
    kind: str


_ID = [
    # ISO 9001 in every spelling people use
    ("ISO 9001", "ISO 9001:2015"),
    ("iso 9001", "ISO 9001:2015"),
    ("iso9001", "ISO 9001:2015"),
    ("ISO9001", "ISO 9001:2015"),
    ("ISO 9001:2015", "ISO 9001:2015"),
    ("iso 9001 2015", "ISO 9001:2015"),
    ("ISO9001-2015", "ISO 9001:2015"),
    ("ISO-9001", "ISO 9001:2015"),
    ("ＩＳＯ　９００１", "ISO 9001:2015"),
    ("ISO 9001:2008", "ISO 9001:2008"),
    ("iso 9001:2000", "ISO 9001:2000"),
    ("9001", "ISO 9001:2015"),
    ("ISO 9001:2015/Amd 1:2024", "ISO 9001:2015/Amd 1:2024"),
    ("ISO 14001", "ISO 14001:2015"),
    ("iso14001", "ISO 14001:2015"),
    ("14001", "ISO 14001:2015"),
    ("ISO 14001:2004", "ISO 14001:2004"),
    ("ISO/IEC 27001", "ISO/IEC 27001:2022"),
    ("iso/iec 27001:2022", "ISO/IEC 27001:2022"),
    ("ISO/IEC 27001:2013", "ISO/IEC 27001:2013"),
    ("27001", "ISO/IEC 27001:2022"),
    ("ISO/IEC 27002", "ISO/IEC 27002:2022"),
    ("ISO 45001", "ISO 45001:2018"),
    ("iso45001", "ISO 45001:2018"),
    ("ISO 13485", "ISO 13485:2016"),
    ("ISO 13485:2003", "ISO 13485:2003"),
    ("13485", "ISO 13485:2016"),
    ("ISO 14971", "ISO 14971:2019"),
    ("ISO 19011", "ISO 19011:2018"),
    ("ISO 22000", "ISO 22000:2018"),
    ("ISO 31000", "ISO 31000:2018"),
    ("ISO 50001", "ISO 50001:2018"),
    ("ISO/IEC 17025", "ISO/IEC 17025:2017"),
    ("ISO 26000", "ISO 26000:2010"),
    ("ISO 9000", "ISO 9000:2015"),
    ("ISO 9004", "ISO 9004:2018"),
    ("ISO 22301", "ISO 22301:2019"),
    ("ISO 3166-1", "ISO 3166-1:2020"),
    ("ISO 8601-1", "ISO 8601-1:2019"),
    ("ISO 4217", "ISO 4217:2015"),
    ("ISO 10993-1", "ISO 10993-1:2018"),
    ("ISO 12100", "ISO 12100:2010"),
    ("ISO 15189", "ISO 15189:2022"),
    ("ISO/IEC 20000-1", "ISO/IEC 20000-1:2018"),
    ("IEC 60335-1", "IEC 60335-1:2020+AMD1:2025 CSV"),
    ("iec60335-1", "IEC 60335-1:2020+AMD1:2025 CSV"),
    ("IEC 62133-2", "IEC 62133-2:2017+AMD1:2021 CSV"),
    ("IEC 62368-1", "IEC 62368-1:2023"),
    ("IEC 62304", "IEC 62304:2006+AMD1:2015 CSV"),
    ("IEC 60529", "IEC 60529:1989+AMD1:1999+AMD2:2013 CSV"),
    ("IEC 61508-1", "IEC 61508-1:2010"),
    # Chinese codes
    ("GB 9706.1-2020", "GB 9706.1-2020"),
    ("GB 9706.1", "GB 9706.1-2020"),
    ("gb9706.1", "GB 9706.1-2020"),
    ("GB/T 42061-2022", "GB/T 42061-2022"),
    ("GB/T 42061", "GB/T 42061-2022"),
    ("gb/t 42061", "GB/T 42061-2022"),
    ("GBT 42061", "GB/T 42061-2022"),
    ("GB/T42061-2022", "GB/T 42061-2022"),
    ("YY/T 0316", "YY/T 0316-2016"),
    ("YY/T0316-2016", "YY/T 0316-2016"),
    ("yy/t 0316", "YY/T 0316-2016"),
    ("GB 41918", "GB 41918-2022"),
    ("GB 19083-2023", "GB 19083-2023"),
    ("GB/T 16886.1", "GB/T 16886.1-2022"),
    ("YY 9706.102-2021", "YY 9706.102-2021"),
    ("GB 15810", "GB 15810-2019"),
]

_NEAR = [
    ("ISO 90001", "ISO 9001:2015"),
    ("ISO 9001:2016", "ISO 9001:2015"),
    ("ISO 27001", "ISO/IEC 27001:2022"),
    ("ISO 17025", "ISO/IEC 17025:2017"),
    ("ISO 140001", "ISO 14001:2015"),
    ("ISO 45001:2019", "ISO 45001:2018"),
    ("GB 9706.1-2021", "GB 9706.1-2020"),
    ("ISO 134855", "ISO 13485:2016"),
    ("IEC 60335-1:2021", "IEC 60335-1:2020+AMD1:2025 CSV"),
    ("ISO 31000:2019", "ISO 31000:2018"),
]

_EN = [
    ("quality management systems requirements", "ISO 9001:2015"),
    ("quality management requirements", "ISO 9001:2015"),
    ("quality management systems fundamentals and vocabulary", "ISO 9000:2015"),
    (
        "quality management quality of an organization guidance to achieve sustained success",
        "ISO 9004:2018",
    ),
    ("environmental management systems requirements with guidance for use", "ISO 14001:2015"),
    ("environmental management systems requirements", "ISO 14001:2015"),
    ("information security management systems requirements", "ISO/IEC 27001:2022"),
    ("information security cybersecurity and privacy protection controls", "ISO/IEC 27002:2022"),
    ("occupational health and safety management systems", "ISO 45001:2018"),
    (
        "medical devices quality management systems requirements for regulatory purposes",
        "ISO 13485:2016",
    ),
    ("application of risk management to medical devices", "ISO 14971:2019"),
    ("guidelines for auditing management systems", "ISO 19011:2018"),
    ("food safety management systems", "ISO 22000:2018"),
    ("risk management guidelines", "ISO 31000:2018"),
    ("energy management systems requirements with guidance for use", "ISO 50001:2018"),
    ("competence of testing and calibration laboratories", "ISO/IEC 17025:2017"),
    ("guidance on social responsibility", "ISO 26000:2010"),
    ("business continuity management systems requirements", "ISO 22301:2019"),
    ("medical laboratories requirements for quality and competence", "ISO 15189:2022"),
    (
        "safety of machinery general principles for design risk assessment and risk reduction",
        "ISO 12100:2010",
    ),
    ("codes for the representation of names of countries", "ISO 3166-1:2020"),
    ("codes for the representation of currencies", "ISO 4217:2015"),
    ("date and time representations for information interchange", "ISO 8601-1:2019"),
    (
        "biological evaluation of medical devices evaluation and testing within a risk management "
        "process",
        "ISO 10993-1:2018",
    ),
    ("service management system requirements", "ISO/IEC 20000-1:2018"),
    (
        "household and similar electrical appliances safety general requirements",
        "IEC 60335-1:2020+AMD1:2025 CSV",
    ),
    ("lithium battery safety", "IEC 62133-2:2017+AMD1:2021 CSV"),
    (
        "secondary cells and batteries lithium systems portable applications",
        "IEC 62133-2:2017+AMD1:2021 CSV",
    ),
    (
        "audio video information and communication technology equipment safety requirements",
        "IEC 62368-1:2023",
    ),
    ("medical device software life cycle processes", "IEC 62304:2006+AMD1:2015 CSV"),
    ("degrees of protection provided by enclosures", "IEC 60529:1989+AMD1:1999+AMD2:2013 CSV"),
    (
        "functional safety of electrical electronic programmable electronic safety-related systems "
        "general requirements",
        "IEC 61508-1:2010",
    ),
    ("quality management systems", "ISO 9001:2015"),
    ("environmental management", "ISO 14001:2015"),
    ("information security management", "ISO/IEC 27001:2022"),
    ("occupational health safety", "ISO 45001:2018"),
    ("medical devices quality management", "ISO 13485:2016"),
    ("risk management medical devices", "ISO 14971:2019"),
    ("auditing management systems", "ISO 19011:2018"),
    ("social responsibility", "ISO 26000:2010"),
    ("business continuity", "ISO 22301:2019"),
    ("country codes", "ISO 3166-1:2020"),
    ("currency codes", "ISO 4217:2015"),
    ("testing calibration laboratories", "ISO/IEC 17025:2017"),
    ("medical laboratories quality competence", "ISO 15189:2022"),
    ("machinery safety risk assessment", "ISO 12100:2010"),
    ("energy management", "ISO 50001:2018"),
    ("food safety", "ISO 22000:2018"),
    ("Quality Management Systems — Requirements", "ISO 9001:2015"),
    ("requirements for quality management systems", "ISO 9001:2015"),
]

_ZH = [
    ("质量管理体系", "GB/T 42061-2022"),
    ("医疗器械 质量管理体系", "GB/T 42061-2022"),
    ("质量管理体系 法规要求", "GB/T 42061-2022"),
    ("医用电气设备 安全", "GB 9706.1-2020"),
    ("医用电气设备 基本安全和基本性能的通用要求", "GB 9706.1-2020"),
    ("医疗器械 风险管理", "GB/T 42062-2022"),
    ("生物安全柜", "GB 41918-2022"),
    ("医用防护口罩", "GB 19083-2023"),
    ("医用一次性防护服", "GB 19082-2023"),
    ("一次性使用无菌注射器", "GB 15810-2019"),
    ("一次性使用输液器", "GB 8368-2018"),
    ("静脉输液针", "GB 18671-2009"),
    ("重力输血", "GB 8369.1-2019"),
    ("传统型血袋", "GB 14232.1-2020"),
    ("含铜宫内节育器 技术要求", "GB 11236-2021"),
    ("手术刀片 刀柄", "GB 8662-2006"),
    ("医疗器械生物学评价 风险管理过程中的评价与试验", "GB/T 16886.1-2022"),
    ("皮肤致敏试验", "GB/T 16886.10-2024"),
    ("全身毒性试验", "GB/T 16886.11-2021"),
    ("制造商提供信息的符号", "YY/T 0466.1-2023"),
    ("重症护理呼吸机", "GB 9706.212-2020"),
    ("手术无影灯", "YY 9706.241-2020"),
    ("高强度超声治疗", "YY 9706.262-2021"),
    ("乳腺X射线摄影设备", "GB 9706.245-2020"),
    ("介入操作X射线设备", "GB 9706.243-2021"),
    ("医用诊断X射线管组件", "GB 9706.228-2020"),
    ("牙科设备 基本安全", "GB 9706.260-2020"),
    ("眼科A型超声测量仪", "YY/T 0107-2024"),
    ("双能X射线骨密度仪", "YY/T 0724-2021"),
    ("银汞合金胶囊", "YY/T 0715-2009"),
    ("脑电生物反馈仪", "YY/T 0903-2013"),
    ("肺炎支原体抗体检测试剂盒", "YY/T 1225-2014"),
    ("人工智能医疗器械 数据标注", "YY/T 1833.3-2022"),
    ("一次性使用无菌直肠导管", "YY/T 0488-2004"),
    ("平衡测试训练系统", "YY/T 1410-2016"),
    ("牙科镊", "YY/T 1284-2024"),
    ("心肺转流系统 离心泵", "YY 1412-2016"),
    ("医用透明质酸钠凝胶", "YY/T 0308-2015"),
    ("生物芯片基本术语", "YY/T 0692-2008"),
    ("尿液有形成分分析仪", "YY/T 0996-2015"),
    ("超声骨组织手术设备刀具", "YY/T 1853-2022"),
    ("骨科手术导航设备", "YY/T 1901-2023"),
    ("健康软件 产品安全", "GB/T 42984.1-2023"),
    ("锐器伤害保护", "GB/T 42063-2022"),
    ("锻造高氮不锈钢", "GB 4234.9-2023"),
    ("输卵管结扎环", "GB/T 44875-2024"),
    ("牙科学 一体式手柄牙线", "GB/T 41426-2022"),
    ("心血管植入物 可吸收植入物", "GB/T 44138-2024"),
]

_TC = [
    ("ISO/TC 176", "ISO 9001:2015"),
    ("ISO/TC 176/SC 2", "ISO 9001:2015"),
    ("iso/tc176", "ISO 9001:2015"),
    ("ISO/TC 207", "ISO 14001:2015"),
    ("ISO/TC 283", "ISO 45001:2018"),
    ("ISO/TC 301", "ISO 50001:2018"),
    ("ISO/TC 210 quality management", "ISO 13485:2016"),
    ("ISO/TC 210 risk management", "ISO 14971:2019"),
    ("ISO/TC 292 business continuity management systems requirements", "ISO 22301:2019"),
    (
        "ISO/IEC JTC 1/SC 27 information security management systems requirements",
        "ISO/IEC 27001:2022",
    ),
    ("ISO/TC 176 requirements", "ISO 9001:2015"),
    ("IEC/TC 61 household appliances general requirements", "IEC 60335-1:2020+AMD1:2025 CSV"),
]

QUERIES: list[Q] = (
    [Q(t, e, "id") for t, e in _ID]
    + [Q(t, e, "near") for t, e in _NEAR]
    + [Q(t, e, "en") for t, e in _EN]
    + [Q(t, e, "zh") for t, e in _ZH]
    + [Q(t, e, "tc") for t, e in _TC]
)

#: Extra queries for the speed workload only (no single right answer): broad words, mixed
#: language, hostile text.
WORKLOAD_EXTRA = [
    "safety",
    "requirements",
    "management",
    "电气",
    "医疗器械",
    "test methods",
    "ISO",
    "IEC 60601",
    "ITU-T G.711",
    "ETSI EN 300 328",
    "IEEE 802.11",
    "JIS Q 9001",
    "vocabulary",
    '"quality" OR NEAR(a b)',
    "information technology security techniques",
    "road vehicles",
    "photovoltaic",
    "electric vehicle charging",
    "cybersecurity",
    "semiconductor devices",
    "dentistry",
    "sterilization",
    "X射线",
    "牙科学",
    "超声",
]


# Cross-lingual set: Chinese queries written from the seeds' fields (tea, toys, household
# appliances, medical devices, management systems, EMC, batteries, vehicles, codes) whose answer
# is an ISO/IEC work with no Chinese title, checked by hand against the real catalogue (the
# English title of the current edition is in the comment). A hit answers when its identifier
# is an edition, part or supplement of one of the works.
# (query, acceptable works, the first being the one meant)
CROSSLINGUAL: list[tuple[str, tuple[str, ...]]] = [
    # ISO 3720:2011 Black tea - Definition and basic requirements (and the other tea works)
    ("茶叶", ("ISO 3720", "ISO 11287", "ISO 3103", "ISO 6078", "ISO 1839")),
    ("红茶 定义和基本要求", ("ISO 3720",)),
    ("绿茶", ("ISO 11287",)),  # Green tea - Definition and basic requirements
    ("红茶 术语", ("ISO 6078",)),  # Black tea - Vocabulary
    ("茶 取样", ("ISO 1839",)),  # Tea - Sampling
    ("茶汤制备 感官评审", ("ISO 3103",)),  # Tea - Preparation of liquor for use in sensory tests
    ("电动玩具 安全", ("IEC 62115",)),  # Electric toys - Safety
    ("玩具安全 机械和物理性能", ("ISO 8124-1",)),  # Safety of toys - Part 1: mechanical ...
    ("玩具 燃烧性能", ("ISO 8124-2",)),  # Safety of toys - Part 2: Flammability
    ("家用电器 安全 通用要求", ("IEC 60335-1",)),  # Household ... Safety - Part 1: General
    ("电熨斗 安全要求", ("IEC 60335-2-3",)),  # Part 2-3: electric irons
    ("冰箱 制冰机 安全", ("IEC 60335-2-24",)),  # Part 2-24: refrigerating appliances, ice makers
    ("电池充电器 安全", ("IEC 60335-2-29",)),  # Part 2-29: battery chargers
    ("医疗器械 质量管理体系", ("ISO 13485",)),  # Medical devices - QMS - regulatory purposes
    ("医疗器械 风险管理", ("ISO 14971",)),  # Medical devices - Application of risk management
    ("医疗器械 生物学评价", ("ISO 10993",)),  # Biological evaluation of medical devices
    ("医学实验室 质量和能力要求", ("ISO 15189",)),  # Medical laboratories - quality, competence
    ("质量管理体系 要求", ("ISO 9001",)),  # Quality management systems - Requirements
    ("环境管理体系", ("ISO 14001",)),  # Environmental management systems - Requirements
    ("职业健康安全管理体系", ("ISO 45001",)),  # Occupational health and safety MS
    ("信息安全管理体系", ("ISO/IEC 27001",)),  # Information security management systems
    ("能源管理体系", ("ISO 50001",)),  # Energy management systems
    ("食品安全管理体系", ("ISO 22000",)),  # Food safety management systems
    ("反贿赂管理体系", ("ISO 37001",)),  # Anti-bribery management systems
    ("风险管理 指南", ("ISO 31000",)),  # Risk management - Guidelines
    ("电磁兼容 静电放电抗扰度试验", ("IEC 61000-4-2",)),  # EMC Part 4-2: ESD immunity test
    ("电磁兼容 浪涌抗扰度试验", ("IEC 61000-4-5",)),  # EMC Part 4-5: Surge immunity test
    ("便携式锂电池 安全要求", ("IEC 62133",)),  # Secondary cells ... portable ... Lithium
    (
        "电动汽车 锂离子动力电池",
        ("IEC 62660",),
    ),  # Secondary lithium-ion cells ... electric road vehicles
    ("外壳防护等级", ("IEC 60529",)),  # Degrees of protection provided by enclosures (IP Code)
    ("机械安全 风险评估", ("ISO 12100",)),  # Safety of machinery - Risk assessment
    ("道路车辆 功能安全", ("ISO 26262",)),  # Road vehicles - Functional safety
    ("检测和校准实验室能力", ("ISO/IEC 17025",)),  # competence of testing and calibration labs
    ("电动汽车 传导充电", ("IEC 61851",)),  # Electric vehicle conductive charging system
    ("货币代码", ("ISO 4217",)),  # Codes for the representation of currencies
    ("社会责任指南", ("ISO 26000",)),  # Guidance on social responsibility
]
