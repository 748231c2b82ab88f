"""Built-in catalogue data: the 39 bodies of seed 000 Annex 1, other publishers met in the
catalogue, and the Chinese code families (GB, GB/T, GB/Z, sector codes, DBnn, T/, Q/)."""

from __future__ import annotations

# (no, code, name_zh, name_en, kind, country, website) — seed 000, 附件1, in its order.
ANNEX1_BODIES = [
    (
        1,
        "ISO",
        "国际标准化组织",
        "International Organization for Standardization",
        "international",
        "",
        "https://www.iso.org",
    ),
    (
        2,
        "IEC",
        "国际电工委员会",
        "International Electrotechnical Commission",
        "international",
        "",
        "https://www.iec.ch",
    ),
    (
        3,
        "ITU",
        "国际电信联盟",
        "International Telecommunication Union",
        "international",
        "",
        "https://www.itu.int",
    ),
    (
        4,
        "BIPM",
        "国际计量局",
        "International Bureau of Weights and Measures",
        "international",
        "",
        "https://www.bipm.org",
    ),
    (
        5,
        "BISFA",
        "国际人造纤维标准化局",
        "International Bureau for the Standardisation of Man-Made Fibres",
        "international",
        "",
        "https://www.bisfa.org",
    ),
    (
        6,
        "CAC",
        "国际食品法典委员会",
        "Codex Alimentarius Commission",
        "international",
        "",
        "https://www.fao.org/fao-who-codexalimentarius",
    ),
    (
        7,
        "CIE",
        "国际照明委员会",
        "International Commission on Illumination",
        "international",
        "",
        "https://cie.co.at",
    ),
    (
        8,
        "CIMAC",
        "国际内燃机理事会",
        "International Council on Combustion Engines",
        "international",
        "",
        "https://www.cimac.com",
    ),
    (
        9,
        "CISPR",
        "国际无线电干扰特别委员会",
        "International Special Committee on Radio Interference",
        "international",
        "",
        "https://www.iec.ch/emc",
    ),
    (
        10,
        "FAO",
        "联合国粮食及农业组织",
        "Food and Agriculture Organization of the United Nations",
        "international",
        "",
        "https://www.fao.org",
    ),
    (
        11,
        "FIATA",
        "国际货运代理协会联合会",
        "International Federation of Freight Forwarders Associations",
        "international",
        "",
        "https://fiata.org",
    ),
    (
        12,
        "FID",
        "国际信息与文献联合会",
        "International Federation for Information and Documentation",
        "international",
        "",
        "",
    ),
    (13, "GS1", "国际物品编码协会", "GS1", "international", "", "https://www.gs1.org"),
    (
        14,
        "IACS",
        "国际船级社协会",
        "International Association of Classification Societies",
        "international",
        "",
        "https://iacs.org.uk",
    ),
    (
        15,
        "IAF",
        "国际认可论坛",
        "International Accreditation Forum",
        "international",
        "",
        "https://iaf.nu",
    ),
    (
        16,
        "IIW",
        "国际焊接学会",
        "International Institute of Welding",
        "international",
        "",
        "https://iiwelding.org",
    ),
    (
        17,
        "ILAC",
        "国际实验室认可合作组织",
        "International Laboratory Accreditation Cooperation",
        "international",
        "",
        "https://ilac.org",
    ),
    (
        18,
        "ILO",
        "国际劳工组织",
        "International Labour Organization",
        "international",
        "",
        "https://www.ilo.org",
    ),
    (
        19,
        "IMO",
        "国际海事组织",
        "International Maritime Organization",
        "international",
        "",
        "https://www.imo.org",
    ),
    (
        20,
        "IUPAC",
        "国际理论与应用化学联合会",
        "International Union of Pure and Applied Chemistry",
        "international",
        "",
        "https://iupac.org",
    ),
    (
        21,
        "IWTO",
        "国际毛纺组织",
        "International Wool Textile Organisation",
        "international",
        "",
        "https://iwto.org",
    ),
    (
        22,
        "OIE",
        "国际兽医局",
        "World Organisation for Animal Health (OIE/WOAH)",
        "international",
        "",
        "https://www.woah.org",
    ),
    (
        23,
        "OIML",
        "国际法制计量组织",
        "International Organization of Legal Metrology",
        "international",
        "",
        "https://www.oiml.org",
    ),
    (
        24,
        "OIV",
        "国际葡萄与葡萄酒局",
        "International Organisation of Vine and Wine",
        "international",
        "",
        "https://www.oiv.int",
    ),
    (
        25,
        "UPU",
        "万国邮政联盟",
        "Universal Postal Union",
        "international",
        "",
        "https://www.upu.int",
    ),
    (
        26,
        "WCO",
        "国际海关组织",
        "World Customs Organization",
        "international",
        "",
        "https://www.wcoomd.org",
    ),
    (
        27,
        "WHO",
        "世界卫生组织",
        "World Health Organization",
        "international",
        "",
        "https://www.who.int",
    ),
    (
        28,
        "WIPO",
        "世界知识产权组织",
        "World Intellectual Property Organization",
        "international",
        "",
        "https://www.wipo.int",
    ),
    (
        29,
        "WMO",
        "世界气象组织",
        "World Meteorological Organization",
        "international",
        "",
        "https://wmo.int",
    ),
    (
        30,
        "AATCC",
        "美国纺织化学师与印染师协会",
        "American Association of Textile Chemists and Colorists",
        "foreign-advanced",
        "US",
        "https://www.aatcc.org",
    ),
    (
        31,
        "API",
        "美国石油协会",
        "American Petroleum Institute",
        "foreign-advanced",
        "US",
        "https://www.api.org",
    ),
    (
        32,
        "ASME",
        "美国机械工程师协会",
        "American Society of Mechanical Engineers",
        "foreign-advanced",
        "US",
        "https://www.asme.org",
    ),
    (
        33,
        "ASTM",
        "美国材料试验协会",
        "ASTM International",
        "foreign-advanced",
        "US",
        "https://www.astm.org",
    ),
    (
        34,
        "IEEE",
        "美国电子电气工程师学会",
        "Institute of Electrical and Electronics Engineers",
        "foreign-advanced",
        "US",
        "https://www.ieee.org",
    ),
    (
        35,
        "UL",
        "美国保险商试验所",
        "UL Standards & Engagement",
        "foreign-advanced",
        "US",
        "https://ulse.org",
    ),
    (
        36,
        "CEN",
        "欧洲标准化委员会",
        "European Committee for Standardization",
        "regional",
        "",
        "https://www.cencenelec.eu",
    ),
    (
        37,
        "CENELEC",
        "欧洲电工委员会",
        "European Committee for Electrotechnical Standardization",
        "regional",
        "",
        "https://www.cencenelec.eu",
    ),
    (
        38,
        "ETSI",
        "欧洲电信标准学会",
        "European Telecommunications Standards Institute",
        "regional",
        "",
        "https://www.etsi.org",
    ),
    (
        39,
        "BSI",
        "英国标准协会",
        "British Standards Institution",
        "national",
        "GB",
        "https://www.bsigroup.com",
    ),
]

# Other publishers whose records are in the catalogue or that identifiers name.
OTHER_BODIES = [
    (
        "JIS",
        "日本工业标准（日本工业标准调查会）",
        "Japanese Industrial Standards (JISC)",
        "national",
        "JP",
        "https://www.jisc.go.jp",
    ),
    (
        "ECMA",
        "欧洲计算机制造商协会",
        "Ecma International",
        "regional",
        "",
        "https://ecma-international.org",
    ),
    (
        "IHO",
        "国际海道测量组织",
        "International Hydrographic Organization",
        "international",
        "",
        "https://iho.int",
    ),
    (
        "IALA",
        "国际航标协会",
        "International Association of Marine Aids to Navigation and Lighthouse Authorities",
        "international",
        "",
        "https://www.iala.int",
    ),
    (
        "NIST",
        "美国国家标准与技术研究院",
        "National Institute of Standards and Technology",
        "national",
        "US",
        "https://www.nist.gov",
    ),
    (
        "ANSI",
        "美国国家标准学会",
        "American National Standards Institute",
        "national",
        "US",
        "https://www.ansi.org",
    ),
    (
        "GOST",
        "俄罗斯国家标准",
        "Euro-Asian Council for Standardization / Rosstandart",
        "national",
        "RU",
        "",
    ),
    (
        "CCSDS",
        "空间数据系统咨询委员会",
        "Consultative Committee for Space Data Systems",
        "international",
        "",
        "https://public.ccsds.org",
    ),
    (
        "DIN",
        "德国标准化学会",
        "Deutsches Institut für Normung",
        "national",
        "DE",
        "https://www.din.de",
    ),
    (
        "SAC",
        "国家标准化管理委员会",
        "Standardization Administration of China",
        "national",
        "CN",
        "https://www.sac.gov.cn",
    ),
]

# (code, prefix, scope, nature, name_zh, name_en, issuer_zh)
CN_FAMILIES = [
    (
        "GB",
        "GB",
        "national",
        "mandatory",
        "强制性国家标准",
        "mandatory national standard",
        "国家市场监督管理总局（国家标准化管理委员会）",
    ),
    (
        "GB/T",
        "GB",
        "national",
        "recommended",
        "推荐性国家标准",
        "recommended national standard",
        "国家市场监督管理总局（国家标准化管理委员会）",
    ),
    (
        "GB/Z",
        "GB",
        "national",
        "guidance",
        "国家标准化指导性技术文件",
        "national standardization guidance document",
        "国家市场监督管理总局（国家标准化管理委员会）",
    ),
    ("T/", "T", "social-group", "", "团体标准", "group (association) standard", "社会团体"),
    ("Q/", "Q", "enterprise", "", "企业标准", "enterprise standard", "企业"),
]


def _sector_and_local_families() -> list[tuple]:
    """Sector (QB/T, FZ/T ...) and local (DB33, DB33/T ...) families from the pubid code tables."""
    from stdlink.pubid import cn_codes

    rows = []
    for prefix, (industry, administration) in sorted(cn_codes.SECTOR.items()):
        label = industry or prefix
        rows.append(
            (
                prefix,
                prefix,
                "sector",
                "mandatory",
                f"{label}行业标准",
                f"{prefix} sector standard",
                administration,
            )
        )
        rows.append(
            (
                f"{prefix}/T",
                prefix,
                "sector",
                "recommended",
                f"{label}推荐性行业标准",
                f"{prefix}/T recommended sector standard",
                administration,
            )
        )
    for code, province in sorted(cn_codes.REGIONS.items()):
        rows.append(
            (
                f"DB{code}",
                "DB",
                "local",
                "mandatory",
                f"{province}地方标准",
                f"DB{code} local standard",
                "",
            )
        )
        rows.append(
            (
                f"DB{code}/T",
                "DB",
                "local",
                "recommended",
                f"{province}推荐性地方标准",
                f"DB{code}/T recommended local standard",
                "",
            )
        )
    return rows


def load() -> None:
    from stdlink.catalog.models import Body, CodeFamily

    for no, code, zh, en, kind, country, web in ANNEX1_BODIES:
        Body.objects.update_or_create(
            code=code,
            defaults={
                "name_zh": zh,
                "name_en": en,
                "kind": kind,
                "country": country,
                "website": web,
                "annex1": True,
                "annex1_no": no,
                "builtin": True,
            },
        )
    for code, zh, en, kind, country, web in OTHER_BODIES:
        Body.objects.update_or_create(
            code=code,
            defaults={
                "name_zh": zh,
                "name_en": en,
                "kind": kind,
                "country": country,
                "website": web,
                "builtin": True,
            },
        )
    sac = Body.objects.get(code="SAC")
    for code, prefix, scope, nature, zh, en, issuer in CN_FAMILIES + _sector_and_local_families():
        CodeFamily.objects.update_or_create(
            code=code,
            defaults={
                "prefix": prefix,
                "scope": scope,
                "nature": nature,
                "name_zh": zh,
                "name_en": en,
                "issuer_zh": issuer,
                "body": sac if scope == "national" else None,
            },
        )

    from stdlink.catalog import ics_names

    ics_names.apply()  # ICS rows imported before the names were built in
