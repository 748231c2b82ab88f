"""URNs in and out: RFC 5141 ``urn:iso:std:…`` and the IEC ``urn:iec:std:…`` form.

ISO URNs carry no publication year (RFC 5141), only supplement years; drafts are encoded as
``stage-draft`` (pubid v1) on output, and every stage spelling met in the wild is read
(``stage-draft.v2``, ``stage-40.00``, ``:DIS``, ``:CD.2``).
"""

from __future__ import annotations

import re

from .model import Identifier, ParseError, Supplement

_ISO_TYPES = {
    "tr",
    "ts",
    "pas",
    "guide",
    "iwa",
    "isp",
    "tta",
    "r",
    "data",
    "dir",
    "srd",
    "ca",
    "od",
}
_SUPP = {"amd": "amd", "cor": "cor", "sup": "suppl", "add": "add", "ext": "ext"}
_STAGE_CODE_TO_ABBR = {
    "00.00": "PWI",
    "10.00": "NP",
    "10.99": "AWI",
    "20.00": "AWI",
    "20.20": "WD",
    "29.00": "PreCD",
    "30.00": "CD",
    "40.00": "DIS",
    "50.00": "FDIS",
    "60.00": "PRF",
}
_ABBR_TOKENS = {
    "NP",
    "AWI",
    "PWI",
    "WD",
    "CD",
    "DIS",
    "FDIS",
    "PRF",
    "FDAM",
    "DAM",
    "FCD",
    "DCOR",
    "FDCOR",
    "PRECD",
}


def _stage(tok: str) -> tuple[str | None, str | None, bool]:
    """Return (stage abbr, iteration, consumed) for a URN stage token."""
    t = tok
    it = None
    if t.startswith("stage-"):
        t = t[6:]
        if ".v" in t:
            t, it = t.split(".v", 1)
        if t == "draft":
            return "DIS", it, True
        if re.fullmatch(r"\d\d\.\d\d", t):
            if t.startswith(("90", "95", "60.60")):
                return None, it, True
            return _STAGE_CODE_TO_ABBR.get(t, "DIS" if t < "60" else None), it, True
        return t.upper(), it, True
    base, _, it2 = t.partition(".")
    if base.upper() in _ABBR_TOKENS:
        return base.upper(), it2 or None, True
    return None, None, False


def parse_urn(s: str) -> Identifier:
    low = s.lower()
    if low.startswith("urn:iso:std:"):
        return _parse_iso(s)
    if low.startswith("urn:iec:std:"):
        return _parse_iec(s)
    if low.startswith("urn:iec:working-document:"):
        return _parse_iec_wdoc(s)
    if low.startswith("urn:iso:doc:"):
        raise ParseError(s, 12, "an ISO document URN of a supported form")
    raise ParseError(s, 4, "'iso:std:' or 'iec:std:'")


def _parse_iso(s: str) -> Identifier:
    toks = s.split(":")[3:]
    if not toks or not toks[0]:
        raise ParseError(s, 12, "publishers (iso, iso-iec ...)")
    pubs = [p.upper() if p != "iecex" else "IECEx" for p in toks[0].split("-")]
    i = 1
    typ = None
    if i < len(toks) and toks[i].lower() in _ISO_TYPES:
        typ = toks[i].lower()
        i += 1
    if i >= len(toks) or not re.fullmatch(r"[0-9A-Za-z]+", toks[i] or ""):
        raise ParseError(s, len(":".join(s.split(":")[: 3 + i])) + 1, "a document number")
    number = toks[i]
    i += 1
    part = sub = stage = it = ed = None
    langs: tuple[str, ...] = ()
    all_parts = False
    supps: list[Supplement] = []
    pending_stage: tuple[str | None, str | None] | None = None
    while i < len(toks):
        t = toks[i]
        if t.startswith("-") and part is None and not supps:
            bits = t[1:].split("-")
            part = bits[0]
            sub = "-".join(bits[1:]) or None
            i += 1
            continue
        st, sit, ok = _stage(t)
        if ok:
            if supps or (i + 1 < len(toks) and toks[i + 1].lower() in _SUPP):
                pending_stage = (st, sit)
            else:
                stage, it = st, sit
            i += 1
            continue
        if t.startswith("ed-"):
            ed = t[3:]
            i += 1
            continue
        if t.lower() in _SUPP:
            stype = _SUPP[t.lower()]
            num = year = sit2 = None
            i += 1
            if i < len(toks) and toks[i].isdigit():
                v = toks[i]
                i += 1
                if i < len(toks) and toks[i].startswith("v"):
                    year = v if len(v) == 4 else None
                    num = toks[i][1:] if year else v
                    if "." in (num or ""):
                        num, sit2 = num.split(".", 1)
                    i += 1
                else:
                    num = v
            sst = pending_stage[0] if pending_stage else None
            if pending_stage and pending_stage[1]:
                sit2 = pending_stage[1]
            pending_stage = None
            supps.append(Supplement(type=stype, number=num, year=year, stage=sst, iteration=sit2))
            continue
        if t == "ser":
            all_parts = True
            i += 1
            continue
        if re.fullmatch(r"[a-z]{2,5}(,[a-z]{2,5})*", t):
            langs = tuple(t.split(","))
            i += 1
            continue
        raise ParseError(s, len(":".join(s.split(":")[: 3 + i])) + 1, "a URN component")
    publisher = pubs[0]
    if typ == "iwa" and pubs == ["ISO"]:
        publisher = None
    return Identifier(
        body="IEC" if publisher == "IEC" else "ISO",
        publisher=publisher,
        copublishers=tuple(pubs[1:]),
        type=typ,
        stage=stage,
        iteration=it,
        number=number,
        part=part,
        subpart=sub,
        edition=ed,
        languages=langs,
        all_parts=all_parts,
        supplements=tuple(supps),
        raw=s,
    )


_IEC_VAPS = {"csv", "rlv", "exv", "cmv", "pac", "prv"}
_V1_TOKEN_RE = re.compile(r"^(?:-|stage-|ed-)|^v\d+(?:\.\d+)?$")


def _parse_iec_wdoc(s: str) -> Identifier:
    """``urn:iec:working-document:100:3590:stage-cdv`` (pubid-iec v1) → 100/3590/CDV."""
    toks = s.split(":")[3:]
    if len(toks) < 3 or not toks[-1].lower().startswith("stage-"):
        raise ParseError(s, len(s), "committee, number and 'stage-<type>'")
    tc = "/".join(toks[:-2]).replace("-", "/").upper()
    return Identifier(
        body="IEC",
        type="wdoc",
        series=tc,
        number=toks[-2].upper(),
        stage=toks[-1][6:].upper(),
        raw=s,
    )


def _parse_iec_v1(s: str, toks: list[str]) -> Identifier:
    """The pubid-iec v1 IEC URN: ISO's RFC 5141 layout plus the year and the VAP
    (``urn:iec:std:iec:60335:-1:2010:csv:amd:2013:v1``)."""
    from dataclasses import replace

    year = vap = None
    rest = []
    for j, t in enumerate(toks):
        nxt = toks[j + 1] if j + 1 < len(toks) else ""
        if (
            year is None
            and j >= 2
            and re.fullmatch(r"(?:1[89]|20)\d\d", t)
            and not nxt.startswith("v")
            and not (rest and rest[-1].lower() in _SUPP)
        ):
            year = t
        elif t.lower() in _IEC_VAPS and vap is None:
            vap = t.upper()
        else:
            rest.append(t)
    ident = _parse_iso("urn:iso:std:" + ":".join(rest))
    supps = ident.supplements
    if vap == "CSV":  # the amendments of a consolidated version are merged into it
        # (the URN lists them newest first; the identifier oldest first)
        supps = tuple(
            sorted(
                (replace(x, consolidated=True) for x in supps),
                key=lambda x: (x.year or "", int(x.number) if (x.number or "").isdigit() else 0),
            )
        )
    pub = ident.publisher or "IEC"
    return replace(
        ident,
        body="IEC" if pub in ("IEC", "CISPR", "IECEE", "IECEX", "IECQ", "IECRE") else "ISO",
        year=year,
        vap=vap,
        supplements=supps,
        raw=s,
    )


def _parse_iec(s: str) -> Identifier:
    from .bodies import iso

    toks = s.split(":")[3:]
    if len(toks) < 2:
        raise ParseError(s, len(s), "publisher and number")
    if toks[1].lower() in _ISO_TYPES | {"srd", "ca", "od"} or any(
        _V1_TOKEN_RE.search(t) for t in toks[2:]
    ):
        return _parse_iec_v1(s, toks)
    pubs = toks[0].upper().replace("-", "/")
    numpart = toks[1]
    year = toks[2] if len(toks) > 2 and toks[2] else None
    typ = toks[3] if len(toks) > 3 and toks[3] else None
    lang = toks[5] if len(toks) > 5 and toks[5] else None
    text = f"{pubs} {(typ.upper() + ' ') if typ else ''}{numpart}"
    if year:
        text += ":" + year
    ident = iso.parse(text)
    from dataclasses import replace

    rest = toks[6:]
    supps = list(ident.supplements)
    j = 0
    while j < len(rest):
        if rest[j] in ("amd", "cor", "ish") and j + 2 < len(rest):
            supps.append(Supplement(type=rest[j], number=rest[j + 1], year=rest[j + 2] or None))
            j += 3
        else:
            j += 1
    return replace(ident, languages=(lang,) if lang else (), supplements=tuple(supps), raw=s)


def to_urn(ident: Identifier) -> str | None:
    if ident.body == "ISO" and ident.type not in ("ndoc", "dir"):
        return _iso_urn(ident)
    if ident.body == "IEC":
        return _iec_urn(ident)
    return None


def _iso_urn(i: Identifier) -> str:
    pubs = [p.lower() for p in ([i.publisher] if i.publisher else ["iso"]) + list(i.copublishers)]
    out = ["urn:iso:std", "-".join(pubs)]
    if i.type and i.type != "is":
        out.append(i.type)
    out.append(i.number)
    if i.part:
        out.append("-" + i.part + (("-" + i.subpart) if i.subpart else ""))
    if i.stage and i.stage != "PRF" or (i.stage == "PRF" and i.type == "iwa"):
        out.append("stage-draft" + (f".v{i.iteration}" if i.iteration else ""))
    elif i.stage == "PRF":
        out.append("stage-60.00")
    if i.edition:
        out.append("ed-" + i.edition)
    for sup in i.supplements:
        if sup.stage:
            out.append("stage-draft")
        out.append({"suppl": "sup"}.get(sup.type, sup.type))
        if sup.year:
            out.append(sup.year)
            if sup.number:
                out.append("v" + sup.number + (f".{sup.iteration}" if sup.iteration else ""))
        elif sup.number:
            out.append(sup.number)
            out.append("v1")
    if i.languages:
        out.append(",".join(i.languages))
    if i.all_parts:
        out.append("ser")
    return ":".join(out)


def _iec_urn(i: Identifier) -> str:
    if i.type == "wdoc":
        tc = (i.series or "").replace("/", "-").lower()
        return f"urn:iec:working-document:{tc}:{i.number.lower()}:stage-{(i.stage or '').lower()}"
    pubs = "-".join(p.lower() for p in [i.publisher or "iec", *i.copublishers])
    num = i.number + (("-" + i.part) if i.part else "") + (("-" + i.subpart) if i.subpart else "")
    year = i.year or ("--" if i.undated else "")
    typ = i.type if i.type and i.type != "is" else ""
    out = f"urn:iec:std:{pubs}:{num}:{year}:{typ}:{(i.vap or '').lower()}:{','.join(i.languages)}"
    for sup in i.supplements:
        out += f"::{sup.type}:{sup.number or ''}:{sup.year or ''}"
    return out
