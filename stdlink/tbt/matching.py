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


_LEVEL_BY_LEN = {2: "hs2", 3: "hs2", 4: "hs4", 5: "hs4", 6: "hs6"}
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


class Index:
    """Subscriptions indexed by HS code and prefix and by ICS group, so a notification is
    compared only with the subscriptions that can match it, and the HS level comes straight
    from the index. Gives the same result as :func:`match_one` on every subscription (tested)."""

    def __init__(self, subs: list[SubscriptionSpec]):
        self.subs = {s.id: s for s in subs}
        self.by_hs: dict[str, list[tuple[int, str]]] = {}  # code[:6] → (sid, code)
        self.under: dict[str, list[tuple[int, str]]] = {}  # proper prefix → longer sub codes
        self.by_ics: dict[str, set[int]] = {}
        self.keyword: list[int] = []
        self.market_only: list[int] = []
        for s in subs:
            for code in s.hs:
                c = code[:6]
                if len(c) < 2:
                    continue
                self.by_hs.setdefault(c, []).append((s.id, code))
                for k in range(2, len(c)):
                    self.under.setdefault(c[:k], []).append((s.id, code))
            for code in s.ics:
                self.by_ics.setdefault(code[:2], set()).add(s.id)
            if s.keywords:
                self.keyword.append(s.id)
            if s.members and not (s.hs or s.ics or s.keywords):
                self.market_only.append(s.id)

    def candidates(self, n: NotificationFacts) -> set[int]:
        """Every subscription that could match ``n``."""
        out = set(self.keyword) | set(self.market_only)
        for digits, _ in n.hs:
            d = digits[:6]
            for k in {d[:2], d[:4], d[:6]}:
                out.update(sid for sid, _ in self.by_hs.get(k, ()))
            out.update(sid for sid, _ in self.under.get(d, ()))
        for ics in n.ics:
            out |= self.by_ics.get(ics[:2], set())
        return out

    def match(self, n: NotificationFacts) -> list[Match]:
        best: dict[int, tuple[int, str, str]] = {}

        def consider(sid: int, level: str, detail: str) -> None:
            rank = _RANK[level]
            cur = best.get(sid)
            if cur is None or rank < cur[0]:
                best[sid] = (rank, level, detail)

        for digits, inferred in n.hs:
            d = digits[:6]
            seen_keys = set()
            for length in (2, 4, 6):
                key = d[:length]
                if len(key) < 2 or key in seen_keys:
                    continue
                seen_keys.add(key)
                lvl = "ics" if inferred else _LEVEL_BY_LEN[len(key)]
                rank = _RANK[lvl]
                for sid, code in self.by_hs.get(key, ()):
                    cur = best.get(sid)
                    if cur is None or rank < cur[0]:
                        best[sid] = (rank, lvl, ("hs", code, digits, inferred))
            # the notified code is shorter than the subscribed one (a chapter or heading notified)
            lvl = "ics" if inferred else _LEVEL_BY_LEN.get(len(d), "hs2")
            rank = _RANK[lvl]
            for sid, code in self.under.get(d, ()):
                cur = best.get(sid)
                if cur is None or rank < cur[0]:
                    best[sid] = (rank, lvl, ("hs", code, digits, inferred))
        if n.ics:
            for top in {c[:2] for c in n.ics}:
                for sid in self.by_ics.get(top, ()):
                    cur = best.get(sid)
                    if cur is not None and cur[0] <= _RANK["ics"]:
                        continue
                    for code in self.subs[sid].ics:
                        hit = next((i for i in n.ics if _ics_match(code, i)), None)
                        if hit:
                            consider(sid, "ics", f"ICS {code} ~ {hit}")
                            break
        if self.keyword:
            toks = None
            for sid in self.keyword:
                if sid in best:
                    continue
                sub = self.subs[sid]
                if sub.members and not (sub.members & n.members):
                    continue
                toks = toks if toks is not None else n.tokens()
                for kw, terms in sub.terms():
                    if terms and all(
                        any(all(t in toks for t in alt) for alt in term) for term in terms
                    ):
                        consider(sid, "keyword", kw)
                        break
        for sid in self.market_only:
            common = self.subs[sid].members & n.members
            if common:
                consider(sid, "member", ", ".join(sorted(common)))
        out = []
        for sid in sorted(best):
            sub = self.subs[sid]
            if sub.members and not (sub.members & n.members):
                continue
            if sub.objectives and not (set(sub.objectives) & set(n.objectives)):
                continue
            _, level, detail = best[sid]
            if isinstance(detail, tuple):
                _, code, digits, inferred = detail
                detail = f"HS {code} ~ {digits}" + (" (inferred from ICS)" if inferred else "")
            zh, en = LEVEL_WORDS[level]
            out.append(Match(sid, n.id, level, zh, en, detail))
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


class RuleSet:
    """Rules grouped once; the notification's own factors are computed once per notification."""

    def __init__(self, rules: list[Rule]):
        self.by: dict[str, list[Rule]] = {}
        for r in rules:
            self.by.setdefault(r.factor, []).append(r)
        self.level = {r.value: r for r in self.by.get("level", [])}
        self.deadline = sorted(self.by.get("deadline_days", []), key=lambda r: int(r.value))
        self.export = sorted(self.by.get("export_value", []), key=lambda r: -float(r.value))
        self.thresholds = sorted(
            ((int(r.points), r.value) for r in self.by.get("grade", [])), reverse=True
        )

    def base(self, n: NotificationFacts, today: date) -> tuple[int, tuple]:
        """(points, factors) that depend on the notification only: its own risk, the same for
        every subscriber (cached on the facts object)."""
        key = (id(self), today)
        cached = n.__dict__.get("_base")
        if cached and cached[0] == key:
            return cached[1]
        factors: list[tuple[str, str, int]] = []
        for r in self.by.get("measure_type", []):
            if r.value == n.measure_type:
                factors.append((r.label_zh, r.label_en, r.points))
        for r in self.by.get("objective", []):
            if r.value in n.objectives:
                factors.append((r.label_zh, r.label_en, r.points))
                break  # the strongest objective rule listed first counts once
        open_ = n.status == "open" and (n.comment_deadline is None or n.comment_deadline >= today)
        stage = "open" if open_ else ("adopted" if n.status == "adopted" else "closed")
        for r in self.by.get("stage", []):
            if r.value == stage:
                factors.append((r.label_zh, r.label_en, r.points))
        if open_ and n.comment_deadline:
            left = (n.comment_deadline - today).days
            for r in self.deadline:
                if left <= int(r.value):
                    factors.append((f"评议截止还剩 {left} 天", f"{left} days left", r.points))
                    break
        result = (sum(f[2] for f in factors), tuple(factors))
        n.__dict__["_base"] = (key, result)
        return result

    def grade_name(self, score: int) -> str:
        for points, name in self.thresholds:
            if score >= points:
                return name
        return "green"


_RULESETS: dict[int, tuple[list, RuleSet]] = {}


def _ruleset(rules) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    hit = _RULESETS.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = (rules, RuleSet(rules))
        _RULESETS.clear()
        _RULESETS[id(rules)] = hit
    return hit[1]


def grade(match: Match, n: NotificationFacts, sub: SubscriptionSpec, rules, today: date) -> Grade:
    """Grade one match: the match level, the notification's own factors (measure type,
    objective, stage, deadline nearness) and the subscriber's exports to the notifying market."""
    rs = _ruleset(rules)
    factors: list[tuple[str, str, int]] = []
    score = 0
    lvl = rs.level.get(match.level)
    if lvl:
        factors.append((lvl.label_zh, lvl.label_en, lvl.points))
        score += lvl.points
    base_points, base_factors = rs.base(n, today)
    factors.extend(base_factors)
    score += base_points
    if sub.export_value:
        value = sum(v for iso3, v in sub.export_value.items() if iso3 in n.members)
        if value:
            for r in rs.export:
                if value >= float(r.value):
                    factors.append(
                        (
                            f"对该市场出口额 {value:,.0f} 美元",
                            f"exports of USD {value:,.0f} to this market",
                            r.points,
                        )
                    )
                    score += r.points
                    break
    return Grade(rs.grade_name(score), score, factors)
