"""The built-in risk rules (loaded into tbt.RiskRule rows after every migrate; edit the rows to
change the grading). Points add up; the grade is the first threshold the total reaches.

Documented in docs/decisions/0016-tbt-risk-rules.md.
"""

# (factor, value, points, label_zh, label_en)
RULES = [
    ("level", "hs6", 40, "HS6 编码与您的产品一致", "HS6 match on your product"),
    ("level", "hs4", 30, "HS4 品目与您的产品一致", "HS4 match on your product"),
    ("level", "hs2", 15, "HS2 章与您的产品一致", "HS2 chapter match on your product"),
    ("level", "ics", 15, "ICS 分类一致", "ICS match"),
    ("level", "keyword", 10, "关键词匹配", "keyword match"),
    ("level", "member", 5, "您关注的市场", "a market you follow"),
    (
        "measure_type",
        "technical_regulation",
        20,
        "强制性技术法规",
        "mandatory technical regulation",
    ),
    (
        "measure_type",
        "conformity_assessment",
        15,
        "合格评定程序",
        "conformity assessment procedure",
    ),
    ("measure_type", "standard", 5, "自愿性标准", "voluntary standard"),
    ("objective", "health_safety", 10, "健康与安全目的", "health and safety objective"),
    ("objective", "environment", 5, "环境保护目的", "environmental objective"),
    ("objective", "animal_plant", 5, "动植物保护目的", "animal or plant health objective"),
    ("stage", "open", 15, "评议期内", "comment period open"),
    ("stage", "adopted", 5, "措施已通过", "measure adopted"),
    ("deadline_days", "15", 15, "评议截止临近", "deadline near"),
    ("deadline_days", "30", 10, "评议截止将至", "deadline within 30 days"),
    ("export_value", "1000000", 15, "对该市场出口额大", "large exports to this market"),
    ("export_value", "100000", 10, "对该市场有出口", "exports to this market"),
    ("export_value", "1", 5, "对该市场有少量出口", "some exports to this market"),
    ("grade", "red", 85, "红色预警", "red"),
    ("grade", "yellow", 50, "黄色预警", "yellow"),
]
