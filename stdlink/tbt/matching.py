"""Subscription matching and risk grading, Django-free (the service feeds it stored rows).

Match levels, strongest first: HS6 > HS4 > HS2 > ICS > keyword (> member only). A subscription's
HS code (any level) matches a notification's code when one is a prefix of the other, at the
shorter length (national tariff lines count by their first six digits); an HS code inferred from
ICS counts as an ICS match. Members and country groups (Belt and Road, EU, ASEAN, GCC, EAC, RCEP)
restrict a subscription to those markets; objectives restrict it to those objectives. Keywords
(zh or en) go through the search analyser (jieba words and bigram pieces), so 玩具安全 finds
"玩具的安全要求".

Risk is graded from rules stored as data (``tbt.RiskRule`` rows, seeded from
``stdlink/tbt/data/risk_rules.py``): each factor that applies adds its points; the grade is the
first threshold the total reaches. Every alert carries the factors it was graded on, in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LEVELS = ("hs6", "hs4", "hs2", "ics", "keyword", "member")
LEVEL_WORDS = {
    "hs6": ("HS6 编码与您的产品一致", "HS6 match on your product"),
    "hs4": ("HS4 品目与您的产品一致", "HS4 match on your product"),
    "hs2": ("HS2 章与您的产品一致", "HS2 chapter match on your product"),
    "ics": ("ICS 分类与您关注的领域一致", "ICS match on your field"),
    "keyword": ("关键词匹配", "keyword match"),
    "member": ("您关注的市场", "a market you follow"),
}


@dataclass
class NotificationFacts:
    id: int
    symbol: str
    members: set[str]
    hs: list[tuple[str, bool]]  # (digits, inferred)
    ics: list[str]
    objectives: list[str]
    measure_type: str = ""
    stage: str = "draft"
    status: str = "open"
    comment_deadline: date | None = None
    text: str = ""
    _tokens: set[str] | None = None

    def tokens(self) -> set[str]:
        if self._tokens is None:
            from stdlink.search.segment import index_text

            ws, ps = index_text(self.text)
            self._tokens = set(ws.split()) | set(ps.split())
        return self._tokens


@dataclass
class SubscriptionSpec:
    id: int
    subscriber: str
    hs: list[str] = field(default_factory=list)
    ics: list[str] = field(default_factory=list)
    members: set[str] = field(default_factory=set)  # members and expanded groups
    objectives: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    export_value: dict[str, float] = field(default_factory=dict)  # market iso3 → yearly USD
    _terms: list | None = None

    def terms(self) -> list:
        if self._terms is None:
            from stdlink.search.segment import query_terms

            self._terms = [(kw, query_terms(kw)) for kw in self.keywords if kw.strip()]
        return self._terms


@dataclass
class Match:
    subscription_id: int
    notification_id: int
    level: str
    reason_zh: str
    reason_en: str
    detail: str  # the codes or keyword that matched


def _hs_level(sub: str, note: str) -> str | None:
    a, b = sub[:6], note[:6]
    n = min(len(a), len(b))
    if n < 2 or a[:n] != b[:n]:
        return None
    return "hs6" if n >= 6 else "hs4" if n >= 4 else "hs2"


def _ics_match(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def match_one(sub: SubscriptionSpec, n: NotificationFacts) -> Match | None:
    if sub.members and not (sub.members & n.members):
        return None
    if sub.objectives and not (set(sub.objectives) & set(n.objectives)):
        return None
    best: tuple[int, str, str] | None = None  # (rank, level, detail)

    def consider(level: str, detail: str):
        nonlocal best
        rank = LEVELS.index(level)
        if best is None or rank < best[0]:
            best = (rank, level, detail)

    for code in sub.hs:
        for digits, inferred in n.hs:
            lvl = _hs_level(code, digits)
            if lvl:
                consider(
                    "ics" if inferred else lvl,
                    f"HS {code} ~ {digits}" + (" (inferred from ICS)" if inferred else ""),
                )
    for code in sub.ics:
        for ics in n.ics:
            if _ics_match(code, ics):
                consider("ics", f"ICS {code} ~ {ics}")
    if (best is None or best[0] > LEVELS.index("keyword")) and sub.keywords:
        toks = n.tokens()
        for kw, terms in sub.terms():
            if terms and all(any(all(t in toks for t in alt) for alt in term) for term in terms):
                consider("keyword", kw)
                break
    if best is None and sub.members and not (sub.hs or sub.ics or sub.keywords):
        consider("member", ", ".join(sorted(sub.members & n.members)))
    if best is None:
        return None
    _, level, detail = best
    zh, en = LEVEL_WORDS[level]
    return Match(sub.id, n.id, level, zh, en, detail)


class Index:
    """Subscriptions indexed by HS prefix and ICS top group, so a notification is compared only
    with the subscriptions that can match it (plus the keyword and market-only ones)."""

    def __init__(self, subs: list[SubscriptionSpec]):
        self.subs = {s.id: s for s in subs}
        self.by_hs: dict[str, set[int]] = {}
        self.by_ics: dict[str, set[int]] = {}
        self.always: set[int] = set()
        for s in subs:
            for code in s.hs:
                self.by_hs.setdefault(code[:6], set()).add(s.id)
            for code in s.ics:
                self.by_ics.setdefault(code[:2], set()).add(s.id)
            if s.keywords or (s.members and not (s.hs or s.ics)):
                self.always.add(s.id)

    def candidates(self, n: NotificationFacts) -> set[int]:
        out = set(self.always)
        for digits, _ in n.hs:
            d = digits[:6]
            for k in (d[:2], d[:4], d[:6]):
                out |= self.by_hs.get(k, set())
            if len(d) < 6:  # a chapter or heading notified: every subscription below it
                for key, ids in self.by_hs.items():
                    if key.startswith(d):
                        out |= ids
        for ics in n.ics:
            out |= self.by_ics.get(ics[:2], set())
        return out

    def match(self, n: NotificationFacts) -> list[Match]:
        out = []
        for sid in sorted(self.candidates(n)):
            m = match_one(self.subs[sid], n)
            if m:
                out.append(m)
        return out


# -- risk grading -----------------------------------------------------------------------------


@dataclass
class Rule:
    factor: str  # level | measure_type | objective | stage | deadline_days | export_value | grade
    value: str  # "hs6", "technical_regulation", "health_safety", "open", "15" (≤ days), "1000000" (≥ USD), "red"
    points: int
    label_zh: str = ""
    label_en: str = ""


@dataclass
class Grade:
    grade: str  # red | yellow | green
    score: int
    factors: list[tuple[str, str, int]]  # (zh, en, points)

    GRADE_WORDS = {"red": ("红", "red"), "yellow": ("黄", "yellow"), "green": ("绿", "green")}

    def reason(self, lang: str = "en") -> str:
        zh, en = self.GRADE_WORDS[self.grade]
        words = [f[0] if lang == "zh" else f[1] for f in self.factors]
        head = zh if lang == "zh" else en
        sep = "；" if lang == "zh" else ", "
        return f"{head}{'：' if lang == 'zh' else ': '}{sep.join(words)}"


def grade(
    match: Match, n: NotificationFacts, sub: SubscriptionSpec, rules: list[Rule], today: date
) -> Grade:
    factors: list[tuple[str, str, int]] = []
    score = 0

    def add(rule: Rule, zh: str | None = None, en: str | None = None):
        nonlocal score
        score += rule.points
        factors.append((zh or rule.label_zh, en or rule.label_en, rule.points))

    by = {}
    for r in rules:
        by.setdefault(r.factor, []).append(r)
    for r in by.get("level", []):
        if r.value == match.level:
            add(r)
    for r in by.get("measure_type", []):
        if r.value == n.measure_type:
            add(r)
    for r in by.get("objective", []):
        if r.value in n.objectives:
            add(r)
            break  # the strongest objective rule listed first counts once
    open_ = n.status == "open" and (n.comment_deadline is None or n.comment_deadline >= today)
    stage = "open" if open_ else ("adopted" if n.status == "adopted" else "closed")
    for r in by.get("stage", []):
        if r.value == stage:
            add(r)
    if open_ and n.comment_deadline:
        left = (n.comment_deadline - today).days
        for r in sorted(by.get("deadline_days", []), key=lambda r: int(r.value)):
            if left <= int(r.value):
                add(r, f"评议截止还剩 {left} 天", f"{left} days left")
                break
    value = sum(v for iso3, v in sub.export_value.items() if iso3 in n.members)
    if value:
        for r in sorted(by.get("export_value", []), key=lambda r: -float(r.value)):
            if value >= float(r.value):
                add(
                    r,
                    f"对该市场出口额 {value:,.0f} 美元",
                    f"exports of USD {value:,.0f} to this market",
                )
                break
    thresholds = sorted(((int(r.points), r.value) for r in by.get("grade", [])), reverse=True)
    result = "green"
    for points, name in thresholds:
        if score >= points:
            result = name
            break
    return Grade(result, score, factors)
