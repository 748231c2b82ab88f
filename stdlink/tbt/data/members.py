"""Built-in facts about WTO members and country groups (not in the reference countries file).

Names as WTO documents and Chinese translations write them, mapped to ISO alpha-3; the European
Union notifies as one member (code "EU", ePing id U918). Groups are membership lists as of 2025.
"""

# Display names for WTO members whose notification name differs from the country file's.
WTO_NAMES = {
    "EU": ("欧盟", "European Union"),
    "TWN": ("台澎金马单独关税区", "Chinese Taipei"),
    "HKG": ("中国香港", "Hong Kong, China"),
    "MAC": ("中国澳门", "Macao, China"),
}

# The EU is not in ISO 3166; it is a WTO member in its own right.
EU_ROW = {
    "iso3": "EU",
    "iso2": "EU",
    "iso_numeric": "",
    "name_en": "European Union",
    "name_zh": "欧盟",
    "wto_member": True,
    "bri": False,
    "eping_member_id": "U918",
}

# Extra spellings → alpha-3 (keys compared after simplification, casefold, spaces removed).
ALIASES = {
    # zh
    "欧盟": "EU",
    "欧洲联盟": "EU",
    "欧洲共同体": "EU",
    "欧共体": "EU",
    "台澎金马单独关税区": "TWN",
    "台湾、澎湖、金门及马祖单独关税区": "TWN",
    "中国台北": "TWN",
    "阿拉伯联合酋长国": "ARE",
    "美国": "USA",
    "美利坚合众国": "USA",
    "英国": "GBR",
    "韩国": "KOR",
    "大韩民国": "KOR",
    "俄罗斯": "RUS",
    "俄罗斯联邦": "RUS",
    "越南": "VNM",
    "老挝": "LAO",
    "坦桑尼亚": "TZA",
    "坦桑尼亚联合共和国": "TZA",
    "沙特": "SAU",
    "沙特阿拉伯王国": "SAU",
    "中国香港": "HKG",
    "中国澳门": "MAC",
    "多米尼加": "DOM",
    "土耳其": "TUR",
    "土耳其共和国": "TUR",
    "伊朗": "IRN",
    "叙利亚": "SYR",
    "玻利维亚": "BOL",
    "委内瑞拉": "VEN",
    "摩尔多瓦": "MDA",
    "刚果(金)": "COD",
    "刚果民主共和国": "COD",
    "刚果(布)": "COG",
    "刚果共和国": "COG",
    "北马其顿": "MKD",
    "吉尔吉斯": "KGZ",
    "吉尔吉斯共和国": "KGZ",
    "捷克共和国": "CZE",
    "斯洛伐克共和国": "SVK",
    "中华人民共和国": "CHN",
    "新西兰": "NZL",
    "乌克兰": "UKR",
    "中华台北": "TWN",
    "越南社会主义共和国": "VNM",
    "阿拉伯埃及共和国": "EGY",
    "大不列颠及北爱尔兰联合王国": "GBR",
    "欧洲经济共同体": "EU",
    # en
    "european union": "EU",
    "european communities": "EU",
    "chinese taipei": "TWN",
    "separate customs territory of taiwan, penghu, kinmen and matsu": "TWN",
    "taiwan": "TWN",
    "united states": "USA",
    "united states of america": "USA",
    "usa": "USA",
    "korea": "KOR",
    "korea, republic of": "KOR",
    "republic of korea": "KOR",
    "viet nam": "VNM",
    "vietnam": "VNM",
    "russia": "RUS",
    "russian federation": "RUS",
    "türkiye": "TUR",
    "turkey": "TUR",
    "tanzania": "TZA",
    "united republic of tanzania": "TZA",
    "hong kong, china": "HKG",
    "macao, china": "MAC",
    "kingdom of saudi arabia": "SAU",
    "saudi arabia, kingdom of": "SAU",
    "kyrgyz republic": "KGZ",
    "moldova, republic of": "MDA",
    "republic of moldova": "MDA",
    "bolivia, plurinational state of": "BOL",
    "venezuela, bolivarian republic of": "VEN",
    "lao people's democratic republic": "LAO",
    "the gambia": "GMB",
    "uae": "ARE",
    "united kingdom": "GBR",
    "iran": "IRN",
    "socialist republic of viet nam": "VNM",
    "united kingdom of great britain and northern ireland": "GBR",
    "european economic community": "EU",
    "korea, rep.": "KOR",
    "republic of türkiye": "TUR",
    "türkiye, republic of": "TUR",
    # WTO's names of members whose ISO short name differs
    "czech republic": "CZE",
    "slovak republic": "SVK",
    "uk": "GBR",
}

# Formal styles around a short name ("Kingdom of Bahrain", "State of Qatar", "The Philippines",
# "Egypt, Arab Republic of", "巴林王国", "阿曼苏丹国", "卡塔尔国"): tried, in order, only when the
# whole name is not known; what is left must itself be a known name.
FORMAL_PREFIXES = (
    "the",
    "kingdom of",
    "kingdom of the",
    "state of",
    "sultanate of",
    "principality of",
    "republic of",
    "republic of the",
    "arab republic of",
    "islamic republic of",
    "federal republic of",
    "federative republic of",
    "democratic republic of",
    "people's republic of",
    "socialist republic of",
    "united republic of",
    "plurinational state of",
    "bolivarian republic of",
    "hashemite kingdom of",
    "commonwealth of",
    "grand duchy of",
)
FORMAL_SUFFIXES_EN = (
    ", kingdom of",
    ", state of",
    ", republic of",
    ", arab republic of",
    ", islamic republic of",
    ", the",
)
FORMAL_SUFFIXES_ZH = (
    "苏丹国",
    "王国",
    "联合共和国",
    "共和国",
    "联邦",
    "大公国",
    "公国",
    "国",
)

# Country groups for subscriptions and statistics ("BRI" is computed from the countries file).
GROUPS = {
    "EU": (
        "欧盟",
        "European Union",
        "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL "
        "PRT ROU SVK SVN ESP SWE EU",
    ),
    "ASEAN": ("东盟", "ASEAN", "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM"),
    "GCC": ("海湾合作委员会", "Gulf Cooperation Council", "ARE BHR SAU OMN QAT KWT"),
    "EAC": ("东非共同体", "East African Community", "BDI KEN RWA TZA UGA SSD COD SOM"),
    "RCEP": (
        "区域全面经济伙伴关系协定",
        "RCEP",
        "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM CHN JPN KOR AUS NZL",
    ),
    "MERCOSUR": ("南方共同市场", "MERCOSUR", "ARG BRA PRY URY"),
}

# Group names written as a notifying member ("BRAZIL/MERCOSUR", "海湾合作委员会") → group key.
GROUP_ALIASES = {
    "mercosur": "MERCOSUR",
    "南方共同市场": "MERCOSUR",
    "east african community": "EAC",
    "eac": "EAC",
    "东非共同体": "EAC",
    "gulf cooperation council": "GCC",
    "gcc": "GCC",
    "海湾合作委员会": "GCC",
    "海合会": "GCC",
}
