"""Agency name resolution against the built-in registry (`stdlink.ledger.agencies_data`).

Lookups normalise the name first (simplified script, full-width brackets, no spaces), so
市場監管總局(國家標準委), 市场监管总局（国家标准委） and 国家标准委 all give the same canonical
name. A name damaged beyond repair by an encoding artefact (U+FFFD inside) is matched as a
wildcard when exactly one registry name fits. Unknown names are returned as written (cleaned),
never dropped; `resolve()` says whether the name was known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from stdlink.ledger.agencies_data import AGENCIES, AgencySpec
from stdlink.ledger.parser.clean import to_simplified


def normalise_name(name: str) -> str:
    name = to_simplified(name.strip())
    name = name.replace("(", "（").replace(")", "）").replace("〔", "").replace("〕", "")
    name = re.sub(r"\s+", "", name)
    return name.strip("，,、；;。：:")


class AgencyRegistry:
    def __init__(self, specs: Iterable[AgencySpec]) -> None:
        self.specs: dict[str, AgencySpec] = {}
        self.index: dict[str, str] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: AgencySpec) -> None:
        self.specs[spec.name] = spec
        for alias in (spec.name, *spec.aliases, *spec.former):
            self.index.setdefault(normalise_name(alias), spec.name)

    def add_alias(self, alias: str, canonical: str) -> None:
        self.index[normalise_name(alias)] = canonical

    def lookup(self, name: str) -> str | None:
        """The canonical name for `name`, or None when unknown."""
        key = normalise_name(name)
        if not key:
            return None
        if key in self.index:
            return self.index[key]
        if "\ufffd" in key:
            pattern = re.compile(
                "^" + "".join(".{1,3}" if c == "\ufffd" else re.escape(c) for c in key) + "$"
            )
            hits = {canon for alias, canon in self.index.items() if pattern.match(alias)}
            if len(hits) == 1:
                return hits.pop()
        # 省编办（省跑改办）-style: the body outside the brackets.
        outer = re.sub(r"（[^（）]*）", "", key)
        if outer != key and outer in self.index:
            return self.index[outer]
        # Full formal names: 中华人民共和国商务部 → 商务部.
        if key.startswith("中华人民共和国") and key[7:] in self.index:
            return self.index[key[7:]]
        # Zhejiang bodies written with the province name: 浙江省商务厅 → 省商务厅.
        if key.startswith("浙江省") and "省" + key[3:] in self.index:
            return self.index["省" + key[3:]]
        # A leading character garbled by an encoding artefact (seed 001: 〔國家發 → 〔呓发):
        # the rest of a long name still identifies exactly one body.
        if len(key) >= 5:
            for same in (lambda a: a == key[1:], lambda a: a[1:] == key[1:]):
                hits = {
                    canon for alias, canon in self.index.items() if len(alias) >= 4 and same(alias)
                }
                if len(hits) == 1:
                    return hits.pop()
        return None

    def resolve(self, name: str) -> tuple[str, bool]:
        """(canonical or cleaned name, known?)."""
        canonical = self.lookup(name)
        if canonical is not None:
            return canonical, True
        return normalise_name(name), False

    def is_collective(self, canonical: str) -> bool:
        spec = self.specs.get(canonical)
        return spec is not None and spec.level == "collective"

    def level(self, canonical: str) -> str | None:
        spec = self.specs.get(canonical)
        return spec.level if spec else None

    def names_with(self, char: str) -> list[str]:
        """Aliases containing `char` (used to keep 各市、县（市、区）… whole when splitting)."""
        return sorted((a for a in self.index if char in a), key=len, reverse=True)


@lru_cache(maxsize=1)
def default_registry() -> AgencyRegistry:
    return AgencyRegistry(AGENCIES)
