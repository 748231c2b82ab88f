"""BSI: BS, PD, PAS, DD, BSI Flex, National Annexes, and the adoptions BS EN / BS ISO / PD CEN/TS.

Structured parse for the standard shapes (``BS EN ISO 13485:2016+A11:2021``); BSI's many
historical designations (``BS 2782-10:Method 1006:1978``, ``BS SP 13; 14; 15 and 16:1949``)
are kept verbatim after the prefix, as the upstream suites do, so they still round-trip and
key consistently.  Translation phrases are normalised (``SPANISH TRANSLATION`` → ``(Spanish)``)
and 2-digit national-annex amendment years expanded.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement
from . import cen, generic

HEAD_RE = re.compile(
    r"^(?P<pre>DISC )?(?P<pub>BSI Flex|Flex|BS|PD|PAS|DD|Handbook|TS|NA|PP|BIP)(?=[\s\d+]|$)\s?"
)
WRAP_RE = re.compile(
    r"(?P<wrap>(?:EN|HD|CEN/TS|CEN/TR|CLC/TS|CLC/TR|CEN ISO/TS)\s)?"
    r"(?P<pubs>ISO/IEC/IEEE|ISO/IEC|ISO/ASTM|ISO|IEC/IEEE|IEC|CISPR|CECC)?"
    r"(?:(?P<tsep>[/ ])(?P<prf>PRF )?(?P<type>TR|TS|PAS|Guide|SRD|DIS|FDIS))?\s?"
)
TAIL_RE = re.compile(
    r"(?P<number>\d+[A-Z]?)(?:-(?P<part>\d+)(?:-(?P<sub>\d+(?:-\d+)*))?)?(?::(?P<year>\d{4})(?:-(?P<month>\d\d))?)?"
)
# a supplement year may be written with two digits ("+A1:15"); it is kept as written
SUPP_RE = re.compile(r"(?P<sep>[/+])(?P<tok>A|C|AC)(?P<num>\d+)?(?::(?P<year>\d{4}|\d{2}))?")
# documents BSI issues without a standard's prefix: stand-alone amendment slips
# ("AMD 12345", "(AMD 12345)", "AMD Corrigendum 12345"), drafts ("Draft BS 1234", "DBS 1234")
# and supplements written before their base ("Supplement No. 1 (1970) to BS 1234:1965");
# they are kept as written, with the number and year read from them
LOOSE_RE = re.compile(
    r"^(?:\(AMD (?:Corrigendum )?\d+\)|AMD (?:Corrigendum )?\d+|(?:Draft BS|DBS) \d+\S*"
    r"|Supplement No\. \d+ \(\d{4}\) to (?:BS|PD|DD) \S+)$"
)
VER_RE = re.compile(r"\s?v(?P<v>\d+\.\d+)")
TRANS_RE = re.compile(
    r"\s(?:\((?P<l1>[A-Z][a-z]+)(?: version| translation| Translation)?\)|(?P<l2>[A-Z]+) TRANSLATION"
    r"|- (?P<l3>[A-Z][a-z]+) (?:translation|version))$"
)
ED_RE = re.compile(r"\s?ED\s?(?P<ed>\d+(?:\.\d+)?)")
NA_RE = re.compile(r"^NA(?P<supps>(?:\+A\d+:\d{2,4})*) to (?P<target>.+)$")


def parse(s: str) -> Identifier:
    if LOOSE_RE.match(s):
        return generic.verbatim("BSI", None, s, s, 0)
    na = NA_RE.match(s)
    if na:
        target = parse(na.group("target"))
        supps = []
        for x in re.finditer(r"\+A(\d+):(\d{2,4})", na.group("supps")):
            y = x.group(2)
            if len(y) == 2:
                y = ("20" if int(y) < 50 else "19") + y
            supps.append(Supplement(type="a", number=x.group(1), year=y, consolidated=True))
        return Identifier(
            body="BSI",
            publisher="NA",
            type="na",
            number=target.number,
            supplements=tuple(supps),
            adopted=(target,),
            raw=s,
        )
    if " + " in s or "+BS " in s:
        members = tuple(parse(p) for p in re.split(r"\s?\+\s?(?=BS |PD |PAS )", s))
        return Identifier(
            body="BSI",
            publisher="BS",
            type="bundle",
            number=members[0].number,
            adopted=members,
            raw=s,
        )
    h = HEAD_RE.match(s)
    if not h:
        raise ParseError(s, 0, "a BSI prefix (BS, PD, PAS, DD, BSI Flex …)", "BSI")
    pub = h.group("pub")
    if pub == "Flex":
        pub = "BSI Flex"
    pos = h.end()
    w = WRAP_RE.match(s, pos)
    adopted: tuple[Identifier, ...] = ()
    wrap = None
    stage = None
    if w and (w.group("wrap") or w.group("pubs")):
        wrap = (w.group("wrap") or "").strip() or None
        if w.group("pubs"):
            typ = w.group("type")
            if typ in ("DIS", "FDIS"):
                stage, typ = typ, None
            pubs = w.group("pubs").split("/")
            # the adopted document keeps its own body's house style: "PD IEC TR 80002-3",
            # "PD CISPR TR 16-4-5" (IEC), "BS ISO/PAS 5643" (ISO); the proof stage of an ISO
            # draft is not part of the BSI designation ("BS ISO/PRF PAS 5643" → "BS ISO/PAS 5643")
            iec_style = pubs[0] in ("IEC", "CISPR")
            tsep = " " if iec_style or typ == "SRD" else "/"
            adopted = (
                Identifier(
                    body="IEC" if pubs[0] == "IEC" else "ISO",
                    publisher=pubs[0],
                    copublishers=tuple(pubs[1:]),
                    type=(typ or "").lower() or None,
                    stage=stage,
                    number="",
                    flags=("tsep-space",) if tsep == " " else (),
                ),
            )
        pos = w.end()
    t = TAIL_RE.match(s, pos)
    end_ok = False
    if t:
        p2 = t.end()
        supps = []
        while True:
            sm = SUPP_RE.match(s, p2)
            if not sm:
                break
            supps.append(
                Supplement(
                    type=sm.group("tok").lower(),
                    number=sm.group("num"),
                    year=sm.group("year"),
                    consolidated=sm.group("sep") == "+",
                )
            )
            p2 = sm.end()
        version = None
        edition = None
        em = ED_RE.match(s, p2)
        if em:
            edition = em.group("ed")
            p2 = em.end()
        vm = VER_RE.match(s, p2)
        if vm:
            version = vm.group("v")
            p2 = vm.end()
        lang = None
        tm = TRANS_RE.match(s, p2)
        if tm:
            lang = (tm.group("l1") or tm.group("l2") or tm.group("l3")).capitalize()
            p2 = tm.end()
        exc = s.startswith(" ExComm", p2)
        if exc:
            p2 += 7
        end_ok = p2 == len(s)
    if not end_ok:
        rest = s[h.end() :]
        return generic.verbatim("BSI", ((h.group("pre") or "") + pub), rest, s, h.end())
    if adopted:
        ad = adopted[0]
        adopted = (
            Identifier(
                body=ad.body,
                publisher=ad.publisher,
                copublishers=ad.copublishers,
                type=ad.type,
                stage=ad.stage,
                number=t.group("number"),
                part=t.group("part"),
                flags=ad.flags,
            ),
        )
    flags = tuple(
        x for x in (("excomm" if exc else None), ("disc" if h.group("pre") else None)) if x
    )
    part, sub = t.group("part"), t.group("sub")
    if wrap and sub:
        # an adopted European document keeps its multi-level part whole ("BS EN 1991-1-1":
        # part "1-1", as pubid-bsi's AdoptedEuropeanNorm); BSI's own documents split it
        part, sub = f"{part}-{sub}", None
    return Identifier(
        body="BSI",
        publisher=pub,
        number=t.group("number"),
        part=part,
        subpart=sub,
        year=t.group("year"),
        month=t.group("month"),
        supplements=tuple(supps),
        adopted=adopted,
        adoption=wrap,
        edition=edition,
        version=version,
        languages=(lang,) if lang else (),
        flags=flags,
        raw=s,
    )


def parse_dc(s: str) -> Identifier:
    """BSI drafts for public comment: ``yy/nnnnnnnn DC``."""
    yy, num = s[:-3].split("/")
    return Identifier(body="BSI", publisher=None, type="dc", series=yy, number=num, raw=s)


def render(ident: Identifier, profile: str = "default") -> str:
    if ident.type == "dc":
        return f"{ident.series}/{ident.number} DC"
    if ident.type == "verbatim":
        return generic.render_verbatim(ident)
    if ident.type == "na":
        out = "NA"
        for sup in ident.supplements:
            out += f"+A{sup.number}:{sup.year}"
        return out + " to " + render(ident.adopted[0])
    if ident.type == "bundle":
        return " + ".join(render(m) for m in ident.adopted)
    out = ("DISC " if "disc" in ident.flags else "") + (ident.publisher or "BS") + " "
    if ident.adoption:
        out += ident.adoption + " "
    if ident.adopted:
        ad = ident.adopted[0]
        head = cen.adopted_head(ad)
        if ad.stage:
            head += "/" + ad.stage
        out += head + " "
    out += ident.number
    if ident.part:
        out += "-" + ident.part
        if ident.subpart:
            out += "-" + ident.subpart
    if ident.year:
        out += ":" + ident.year
        if ident.month:
            out += "-" + ident.month
    for sup in ident.supplements:
        out += ("+" if sup.consolidated else "/") + sup.type.upper() + (sup.number or "")
        if sup.year:
            out += ":" + sup.year
    if ident.edition:
        out += " ED" + ident.edition
    if ident.version:
        out += (" " if ident.publisher != "BSI Flex" else " ") + "v" + ident.version
    if ident.languages:
        out += f" ({ident.languages[0]})"
    if "excomm" in ident.flags:
        out += " ExComm"
    return out
