"""CEN / CENELEC deliverables and the national adoptions built on them (BSI lives in bsi.py).

Shape::

    [pr|Fpr] (EN|ENV|HD|CWA|CR|CEN/TS|CEN/TR|CLC/TS|CEN/CLC Guide …) [ISO|IEC|ISO/IEC [TR|TS]]
        nnnn[-p[-s]][:yyyy] {(/|+)(A|AC|C|IS)n[:yyyy]}

An adopted international document ("EN ISO 13485:2016") is kept as a relation in
``adopted`` — the EN is its own publication with its own year and corrigenda — so that
matching can walk from BS EN ISO to EN ISO to ISO (identifiers-reference.md §5).
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement

HEAD_RE = re.compile(
    r"^(?P<stage>pr|Fpr|FPR|PR)?(?P<pub>(?:CEN/CLC|CEN-CLC|CEN|CLC|CENELEC)(?:/| )(?:TS|TR|Guide|GUIDE|CWA)"
    r"|EN/CLC/TS|EN/CLC/TR|EN|ENV|HD|CWA|CR|CEN/CLC Guide|CEN Guide|CLC Guide"
    # CEN's adoption of an ISO/IEC deliverable that is not an EN: "CEN ISO/TS 17665-2"
    r"|(?:CEN|CLC)(?= (?:ISO|IEC)[/ ](?:TS|TR)))(?=[\s\d]|$)\s?"
)
ADOPT_RE = re.compile(
    r"(?P<pubs>ISO/IEC/IEEE|ISO/IEC|ISO/ASTM|ISO|IEC/IEEE|IEC)(?:(?P<tsep>[/ ])(?P<type>TR|TS|PAS|Guide))?\s"
)
TAIL_RE = re.compile(
    r"(?P<number>\d+[A-Z]?)(?:-(?P<part>\d+[A-Z]?(?:-\d+)*))?(?::(?P<year>\d{4}))?"
)
ED_RE = re.compile(r"\s?ED\s?(?P<ed>\d+(?:\.\d+)?)(?=$|[/+])")
SUPP_RE = re.compile(r"(?P<sep>[/+])(?P<tok>AC|A|C|IS)(?P<num>\d*)(?::(?P<year>\d{4}))?")
_TYPES = {"EN": None, "ENV": "env", "HD": "hd", "CWA": "cwa", "CR": "cr"}


def parse(s: str) -> Identifier:
    h = HEAD_RE.match(s)
    if not h:
        raise ParseError(s, 0, "a CEN/CENELEC deliverable (EN, prEN, HD, CEN/TS …)", "CEN")
    pub = h.group("pub").replace("CEN-CLC", "CEN/CLC").replace("GUIDE", "Guide")
    pos = h.end()
    adopted: tuple[Identifier, ...] = ()
    a = ADOPT_RE.match(s, pos)
    if a:
        pubs = a.group("pubs").split("/")
        adopted = (
            Identifier(
                body="IEC" if pubs[0] == "IEC" else "ISO",
                publisher=pubs[0],
                copublishers=tuple(pubs[1:]),
                type=(a.group("type") or "").lower() or None,
                number="",
                flags=("tsep-space",) if a.group("tsep") == " " else (),
            ),
        )
        pos = a.end()
    t = TAIL_RE.match(s, pos)
    if not t:
        raise ParseError(s, pos, "a document number", "CEN")
    pos = t.end()
    supps = []
    edition = None
    while pos < len(s):
        em = ED_RE.match(s, pos)
        if em and edition is None:  # "EN 50131-1:2006 ED2" (catalogue style), kept as written
            edition = em.group("ed")
            pos = em.end()
            continue
        sm = SUPP_RE.match(s, pos)
        if not sm:
            raise ParseError(s, pos, "'/A1:yyyy', '+A1:yyyy', '/AC:yyyy' or the end", "CEN")
        supps.append(
            Supplement(
                type=sm.group("tok").lower(),
                number=sm.group("num") or None,
                year=sm.group("year"),
                consolidated=sm.group("sep") == "+",
            )
        )
        pos = sm.end()
    if adopted:
        ad = adopted[0]
        adopted = (
            Identifier(
                body=ad.body,
                publisher=ad.publisher,
                copublishers=ad.copublishers,
                type=ad.type,
                number=t.group("number"),
                part=t.group("part"),
                flags=ad.flags,
            ),
        )
    if (
        not adopted
        and pub == "EN"
        and not t.group("year")
        and len(t.group("number")) == 5
        and t.group("number")[0] == "6"
    ):
        # Since 2018 CENELEC designates identical IEC adoptions "EN IEC 6xxxx"; an undated
        # reference to EN 6xxxx is the IEC-derived document (pubid v2 convention).
        adopted = (
            Identifier(body="IEC", publisher="IEC", number=t.group("number"), part=t.group("part")),
        )
    stage = h.group("stage")
    if stage:
        stage = "Fpr" if stage.lower() == "fpr" else "pr"
    typ = _TYPES.get(pub, pub.split("/")[-1].split(" ")[-1].lower())
    return Identifier(
        body="CEN",
        publisher=pub,
        type=typ,
        stage=stage,
        number=t.group("number"),
        part=t.group("part"),
        year=t.group("year"),
        supplements=tuple(supps),
        adopted=adopted,
        edition=edition,
        raw=s,
    )


def adopted_head(ad: Identifier) -> str:
    head = "/".join([ad.publisher or "", *ad.copublishers])
    if ad.type:
        sep = " " if "tsep-space" in ad.flags else "/"
        head += sep + {"guide": "Guide"}.get(ad.type, ad.type.upper())
    return head


def render_core(ident: Identifier) -> str:
    out = ""
    if ident.adopted:
        out += adopted_head(ident.adopted[0]) + " "
    out += ident.number
    if ident.part:
        out += "-" + ident.part
    if ident.year:
        out += ":" + ident.year
    for sup in ident.supplements:
        out += ("+" if sup.consolidated else "/") + sup.type.upper() + (sup.number or "")
        if sup.year:
            out += ":" + sup.year
    if ident.edition and ident.body == "CEN":
        out += " ED" + ident.edition
    return out


def render(ident: Identifier, profile: str = "default") -> str:
    return f"{ident.stage or ''}{ident.publisher} {render_core(ident)}"
