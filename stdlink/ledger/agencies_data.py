"""Built-in agency registry: the bodies named in the seed policy documents, with aliases.

Pure data (no Django): the parser resolves names against it, and `stdlink.ledger.builtins` loads it
into `Agency` / `AgencyAlias` after every migrate.

Each entry: canonical name (as the current official short form is usually written in State Council
and Zhejiang documents), English name, level, kind, aliases. Aliases include full names,
abbreviations and *former* names of the same body after a renaming (省质监局 → 省市场监管局,
农业部 → 农业农村部). Bodies that were split or merged into several successors keep their own
entry, because a task assigned to them cannot be attributed to one successor without reading it.
Traditional-script forms need not be listed: lookups convert to simplified script first.
"""

from __future__ import annotations

from typing import NamedTuple


class AgencySpec(NamedTuple):
    name: str
    name_en: str
    level: str  # national | provincial | municipal | collective
    kind: str  # ministry | commission | bureau | office | institution | organisation | local |
    #            collective
    aliases: tuple[str, ...] = ()
    former: tuple[str, ...] = ()


NATIONAL: list[AgencySpec] = [
    AgencySpec(
        "市场监管总局（国家标准委）",
        "SAMR (SAC)",
        "national",
        "bureau",
        (
            "市场监管总局（标准委）",
            "市场监管总局",
            "国家市场监督管理总局",
            "国家标准委",
            "标准委",
            "国家标准化管理委员会",
            "国家市场监管总局",
            "市场监管总局（国家标准化管理委员会）",
        ),
        ("质检总局", "国家质检总局", "国家质量监督检验检疫总局"),
    ),
    AgencySpec(
        "中央网信办",
        "Cyberspace Administration",
        "national",
        "office",
        ("国家网信办", "中央网络安全和信息化委员会办公室", "国家互联网信息办公室"),
    ),
    AgencySpec(
        "国家发展改革委",
        "NDRC",
        "national",
        "commission",
        ("国家发展和改革委员会", "发展改革委", "国家发改委", "发改委"),
    ),
    AgencySpec(
        "科技部", "Ministry of Science and Technology", "national", "ministry", ("科学技术部",)
    ),
    AgencySpec("工业和信息化部", "MIIT", "national", "ministry", ("工信部",)),
    AgencySpec("公安部", "Ministry of Public Security", "national", "ministry"),
    AgencySpec("民政部", "Ministry of Civil Affairs", "national", "ministry"),
    AgencySpec(
        "住房城乡建设部",
        "Ministry of Housing and Urban-Rural Development",
        "national",
        "ministry",
        ("住房和城乡建设部", "住建部"),
        ("建设部",),
    ),
    AgencySpec("交通运输部", "Ministry of Transport", "national", "ministry"),
    AgencySpec(
        "农业农村部",
        "Ministry of Agriculture and Rural Affairs",
        "national",
        "ministry",
        (),
        ("农业部",),
    ),
    AgencySpec("商务部", "Ministry of Commerce", "national", "ministry"),
    AgencySpec(
        "国家卫生健康委",
        "National Health Commission",
        "national",
        "commission",
        ("卫生健康委", "国家卫生健康委员会", "国家卫健委", "卫健委"),
        ("国家卫生计生委", "卫生计生委"),
    ),
    AgencySpec(
        "应急管理部", "Ministry of Emergency Management", "national", "ministry", ("应急部",)
    ),
    AgencySpec(
        "人民银行", "People's Bank of China", "national", "bank", ("中国人民银行", "人行", "央行")
    ),
    AgencySpec(
        "国务院国资委",
        "SASAC",
        "national",
        "commission",
        ("国资委", "国务院国有资产监督管理委员会"),
    ),
    AgencySpec(
        "全国工商联",
        "All-China Federation of Industry and Commerce",
        "national",
        "organisation",
        ("中华全国工商业联合会",),
    ),
    AgencySpec("教育部", "Ministry of Education", "national", "ministry"),
    AgencySpec("中国科学院", "Chinese Academy of Sciences", "national", "institution", ("中科院",)),
    AgencySpec(
        "中国工程院", "Chinese Academy of Engineering", "national", "institution", ("工程院",)
    ),
    AgencySpec("国家知识产权局", "CNIPA", "national", "bureau", ("知识产权局",)),
    AgencySpec(
        "银保监会",
        "CBIRC",
        "national",
        "commission",
        ("中国银保监会", "中国银行保险监督管理委员会"),
    ),
    AgencySpec(
        "证监会", "CSRC", "national", "commission", ("中国证监会", "中国证券监督管理委员会")
    ),
    AgencySpec("国家铁路局", "National Railway Administration", "national", "bureau"),
    AgencySpec("国家邮政局", "State Post Bureau", "national", "bureau"),
    AgencySpec(
        "自然资源部", "Ministry of Natural Resources", "national", "ministry", (), ("国土资源部",)
    ),
    AgencySpec(
        "生态环境部",
        "Ministry of Ecology and Environment",
        "national",
        "ministry",
        (),
        ("环境保护部", "环保部"),
    ),
    AgencySpec("水利部", "Ministry of Water Resources", "national", "ministry"),
    AgencySpec("国家能源局", "National Energy Administration", "national", "bureau"),
    AgencySpec("国家统计局", "National Bureau of Statistics", "national", "bureau", ("统计局",)),
    AgencySpec("中国气象局", "China Meteorological Administration", "national", "bureau"),
    AgencySpec(
        "国家林草局",
        "National Forestry and Grassland Administration",
        "national",
        "bureau",
        ("国家林业和草原局", "林草局"),
        ("国家林业局",),
    ),
    AgencySpec(
        "国管局", "Government Offices Administration", "national", "bureau", ("国家机关事务管理局",)
    ),
    AgencySpec(
        "国家乡村振兴局",
        "National Rural Revitalisation Administration",
        "national",
        "bureau",
        (),
        ("国务院扶贫办",),
    ),
    AgencySpec(
        "国务院办公厅", "General Office of the State Council", "national", "office", ("国办",)
    ),
    AgencySpec(
        "国家粮食和储备局",
        "National Food and Strategic Reserves Administration",
        "national",
        "bureau",
        ("国家粮食和物资储备局", "粮食和储备局"),
    ),
    AgencySpec("财政部", "Ministry of Finance", "national", "ministry"),
    AgencySpec(
        "文化和旅游部", "Ministry of Culture and Tourism", "national", "ministry", ("文旅部",)
    ),
    AgencySpec(
        "体育总局", "General Administration of Sport", "national", "bureau", ("国家体育总局",)
    ),
    AgencySpec(
        "广电总局",
        "National Radio and Television Administration",
        "national",
        "bureau",
        ("国家广播电视总局", "国家广电总局"),
    ),
    AgencySpec("国家文物局", "National Cultural Heritage Administration", "national", "bureau"),
    AgencySpec(
        "国家中医药局",
        "National Administration of Traditional Chinese Medicine",
        "national",
        "bureau",
        ("国家中医药管理局", "中医药局"),
    ),
    AgencySpec(
        "国家药监局",
        "National Medical Products Administration",
        "national",
        "bureau",
        ("国家药品监督管理局", "药监局"),
    ),
    AgencySpec(
        "税务总局", "State Taxation Administration", "national", "bureau", ("国家税务总局",)
    ),
    AgencySpec(
        "人力资源社会保障部",
        "Ministry of Human Resources and Social Security",
        "national",
        "ministry",
        ("人力资源和社会保障部", "人社部"),
    ),
    AgencySpec(
        "国家国际发展合作署",
        "China International Development Cooperation Agency",
        "national",
        "bureau",
        ("国际发展合作署",),
    ),
    AgencySpec("外交部", "Ministry of Foreign Affairs", "national", "ministry"),
    AgencySpec("海关总署", "General Administration of Customs", "national", "bureau"),
    AgencySpec(
        "中国科协",
        "China Association for Science and Technology",
        "national",
        "organisation",
        ("中国科学技术协会",),
    ),
]

PROVINCIAL: list[AgencySpec] = [
    AgencySpec(
        "省市场监管局",
        "Zhejiang Administration for Market Regulation",
        "provincial",
        "bureau",
        ("浙江省市场监督管理局", "省市场监督管理局", "浙江省市场监管局"),
        ("省质监局", "浙江省质量技术监督局", "省质量技术监督局", "浙江省质监局"),
    ),
    AgencySpec(
        "省发展改革委",
        "Zhejiang Development and Reform Commission",
        "provincial",
        "commission",
        ("浙江省发展和改革委员会", "省发改委", "省发展和改革委员会"),
    ),
    AgencySpec(
        "省经信厅",
        "Zhejiang Department of Economy and Information Technology",
        "provincial",
        "department",
        ("浙江省经济和信息化厅", "省经济和信息化厅"),
        ("省经信委", "省经济和信息化委员会"),
    ),
    AgencySpec(
        "省商务厅", "Zhejiang Department of Commerce", "provincial", "department", ("浙江省商务厅",)
    ),
    AgencySpec(
        "省科技厅",
        "Zhejiang Department of Science and Technology",
        "provincial",
        "department",
        ("浙江省科学技术厅", "省科学技术厅"),
    ),
    AgencySpec("省交通运输厅", "Zhejiang Department of Transport", "provincial", "department"),
    AgencySpec("省财政厅", "Zhejiang Department of Finance", "provincial", "department"),
    AgencySpec("省教育厅", "Zhejiang Department of Education", "provincial", "department"),
    AgencySpec("省民政厅", "Zhejiang Department of Civil Affairs", "provincial", "department"),
    AgencySpec("省公安厅", "Zhejiang Department of Public Security", "provincial", "department"),
    AgencySpec(
        "省人力社保厅",
        "Zhejiang Department of Human Resources and Social Security",
        "provincial",
        "department",
        ("浙江省人力资源和社会保障厅", "省人力资源社会保障厅"),
    ),
    AgencySpec(
        "省政府办公厅",
        "General Office of the Zhejiang Provincial Government",
        "provincial",
        "office",
        ("浙江省人民政府办公厅", "省人民政府办公厅"),
    ),
    AgencySpec(
        "省编办",
        "Zhejiang Commission Office for Public Sector Reform",
        "provincial",
        "office",
        ("省编办（省跑改办）", "省委编办"),
    ),
    AgencySpec("省跑改办", "Zhejiang 'Run at Most Once' Reform Office", "provincial", "office"),
    AgencySpec(
        "省地方金融监管局",
        "Zhejiang Local Financial Supervision Bureau",
        "provincial",
        "bureau",
        ("省地方金融监督管理局",),
        ("省金融办", "省政府金融办"),
    ),
    AgencySpec(
        "省卫生健康委",
        "Zhejiang Health Commission",
        "provincial",
        "commission",
        ("省卫健委",),
        ("省卫生计生委", "省卫生和计划生育委员会"),
    ),
    AgencySpec(
        "省食品药品监管局",
        "Zhejiang Food and Drug Administration (former)",
        "provincial",
        "bureau",
        ("省食品药品监督管理局",),
    ),
    AgencySpec(
        "省药监局",
        "Zhejiang Medical Products Administration",
        "provincial",
        "bureau",
        ("浙江省药品监督管理局",),
    ),
    AgencySpec(
        "省生态环境厅",
        "Zhejiang Department of Ecology and Environment",
        "provincial",
        "department",
        (),
        ("省环保厅", "省环境保护厅"),
    ),
    AgencySpec(
        "省住房城乡建设厅",
        "Zhejiang Department of Housing and Urban-Rural Development",
        "provincial",
        "department",
        ("省建设厅", "省住房和城乡建设厅"),
    ),
    AgencySpec(
        "省文化和旅游厅",
        "Zhejiang Department of Culture and Tourism",
        "provincial",
        "department",
        ("省文旅厅",),
        ("省文化厅", "省旅游局"),
    ),
    AgencySpec(
        "省自然资源厅",
        "Zhejiang Department of Natural Resources",
        "provincial",
        "department",
        (),
        ("省国土资源厅",),
    ),
    AgencySpec(
        "省测绘与地理信息局",
        "Zhejiang Bureau of Surveying and Geoinformation (former)",
        "provincial",
        "bureau",
        ("省测绘局",),
    ),
    AgencySpec(
        "省海洋与渔业局",
        "Zhejiang Ocean and Fisheries Bureau (former)",
        "provincial",
        "bureau",
        ("省海洋渔业局",),
    ),
    AgencySpec(
        "省海港委", "Zhejiang Seaport Commission", "provincial", "commission", ("省海港委员会",)
    ),
    AgencySpec("省气象局", "Zhejiang Meteorological Bureau", "provincial", "bureau"),
    AgencySpec(
        "省农业农村厅",
        "Zhejiang Department of Agriculture and Rural Affairs",
        "provincial",
        "department",
        (),
        ("省农业厅",),
    ),
    AgencySpec("省农办", "Zhejiang Rural Work Office", "provincial", "office", ("省委农办",)),
    AgencySpec(
        "省外侨办",
        "Zhejiang Foreign and Overseas Chinese Affairs Office (former)",
        "provincial",
        "office",
    ),
    AgencySpec("杭州海关", "Hangzhou Customs", "provincial", "bureau"),
    AgencySpec("宁波海关", "Ningbo Customs", "provincial", "bureau"),
    AgencySpec(
        "人行杭州中心支行",
        "PBOC Hangzhou Central Sub-branch",
        "provincial",
        "bank",
        ("中国人民银行杭州中心支行",),
    ),
    AgencySpec("浙江银监局", "Zhejiang Banking Regulatory Bureau (former)", "provincial", "bureau"),
    AgencySpec("浙江证监局", "CSRC Zhejiang Bureau", "provincial", "bureau"),
    AgencySpec(
        "浙江保监局", "Zhejiang Insurance Regulatory Bureau (former)", "provincial", "bureau"
    ),
    AgencySpec(
        "省标准化研究院",
        "Zhejiang Institute of Standardization",
        "provincial",
        "institution",
        ("浙江省标准化研究院",),
    ),
]

# Collective and placeholder responsibilities ("all relevant departments"). They are kept on the
# ledger (a task with only 各有关部门 is still somebody's job) but never become lead by convention.
COLLECTIVE: list[AgencySpec] = [
    AgencySpec(
        "地方人民政府",
        "Local people's governments",
        "collective",
        "local",
        ("地方各级人民政府", "各地人民政府", "地方政府"),
    ),
    AgencySpec(
        "各有关部门",
        "All relevant departments",
        "collective",
        "collective",
        ("有关部门", "各部门", "各有关部门和单位", "各相关部门", "各有关单位"),
    ),
    AgencySpec("各地区", "All regions", "collective", "collective", ("各地",)),
    AgencySpec(
        "各市、县（市、区）市场监管局",
        "City and county market regulation bureaus",
        "collective",
        "local",
        ("各市、县（市、区）市场监督管理局", "各市、县（市、区）局", "各级市场监管部门"),
    ),
    AgencySpec(
        "各市、县（市、区）人民政府",
        "City and county people's governments",
        "collective",
        "local",
        ("各市、县（市、区）政府", "各设区市人民政府", "各设区的市人民政府"),
    ),
    AgencySpec(
        "省全面实施标准化战略领导小组成员单位",
        "Member units of the provincial standardisation strategy leading group",
        "collective",
        "collective",
    ),
]

AGENCIES: list[AgencySpec] = NATIONAL + PROVINCIAL + COLLECTIVE
