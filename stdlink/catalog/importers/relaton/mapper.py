"""Relaton YAML document (v1 or v2) → neutral `Record`, handling every data quirk.

Pure Python (no Django): it runs in worker processes. Each check names the field path that
failed (`docid[0].id`, `date[2].value` ...) by raising `FieldError`.

Quirks handled here (see ../shared/docs/relaton-model.md and docs/decisions/0002):
- v1 `docid`/`docstatus`/`link`/`ext.editorialgroup` and v2 `docidentifier`/`status`/`source`/
  committee contributors;
- `doctype`, `ics`, `editorialgroup`, `structuredidentifier` at the top level instead of `ext`;
- every list field may be a scalar or a single mapping (`docid`, `date`, `script`, IHO);
- IHO editorial groups as a list of lists; identifiers without a publisher token (IHO `B-10`,
  ITU-T relation stubs `A.2 (11/2012)`);
- several primary identifiers (the first non-trademark one is the identifier, all are kept);
- one identifier shared by several editions (ECMA, IHO): uid = key + "#ED" + edition;
- ISO life-cycle relations (`obsoletes`/`updates`) whose direction is not literal: the raw type is
  kept and the corrected edge stored with `corrected=True`;
- ICS codes that YAML read as numbers (`01.120` → 1.12) are re-formatted;
- ISO 639-2 languages (eng, fra) normalised to ISO 639-1 for titles and languages.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from stdlink.catalog.importers.keys import distinct_key, identifier_keys
from stdlink.catalog.importers.record import CommitteeNode, Record, RelationRow, normalise_code

# --- source defaults -------------------------------------------------------------------------

#: source (file stem) → (default body code, identifier prefix tried when pubid fails)
SOURCE_DEFAULTS: dict[str, tuple[str, str]] = {
    "iso": ("ISO", "ISO"),
    "iec": ("IEC", "IEC"),
    "itu-t": ("ITU", "ITU-T"),
    "itu-r": ("ITU", "ITU-R"),
    "itu-r-legacy": ("ITU", "ITU-R"),
    "etsi": ("ETSI", "ETSI"),
    "cie": ("CIE", "CIE"),
    "bipm": ("BIPM", ""),
    "oiml": ("OIML", "OIML"),
    "ieee": ("IEEE", "IEEE"),
    "jis": ("JIS", "JIS"),
    "ecma": ("ECMA", "ECMA"),
    "iho": ("IHO", "IHO"),
    "iala": ("IALA", "IALA"),
    "nist": ("NIST", "NIST"),
    "ccsds": ("CCSDS", "CCSDS"),
    "gost": ("GOST", "GOST"),
}


def source_defaults(source: str) -> tuple[str, str]:
    if source in SOURCE_DEFAULTS:
        return SOURCE_DEFAULTS[source]
    base = source.split("-")[0].upper()
    return base, base


# Top-level keys of both generations (relaton-bib 1.x and the v2 model). Anything else is kept
# in `extra["unknown_fields"]` and reported as a warning.
KNOWN_FIELDS = frozenset(
    """
schema-version schema_version id title link source type docid docidentifier docnumber date
contributor edition version revdate language locale script abstract docstatus status copyright
relation place keyword series extent ext fetched formattedref doctype subdoctype ics
editorialgroup structuredidentifier validity note biblionote medium accesslocation license
classification size workgroup horizontal stagename flavor
""".split()
)

ISO639_2 = {
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "rus": "ru",
    "zho": "zh",
    "chi": "zh",
    "jpn": "ja",
    "ara": "ar",
    "por": "pt",
    "ita": "it",
    "fas": "fa",
    "per": "fa",
    "kor": "ko",
    "nld": "nl",
    "dut": "nl",
    "pol": "pl",
    "ces": "cs",
    "cze": "cs",
    "slk": "sk",
    "slo": "sk",
    "tur": "tr",
    "ukr": "uk",
    "srp": "sr",
    "hrv": "hr",
    "bul": "bg",
    "ron": "ro",
    "rum": "ro",
    "hun": "hu",
    "fin": "fi",
    "swe": "sv",
    "dan": "da",
    "nor": "no",
    "ell": "el",
    "gre": "el",
    "heb": "he",
    "vie": "vi",
    "tha": "th",
    "ind": "id",
    "msa": "ms",
    "may": "ms",
    "slv": "sl",
    "lit": "lt",
    "lav": "lv",
    "est": "et",
    "cat": "ca",
    "mon": "mn",
}

NON_CITABLE_ID_TYPES = {
    "URN",
    "urn",
    "iso-reference",
    "ISBN",
    "isbn",
    "DOI",
    "doi",
    "OIML-bulletin-url-slug",
    "BIPM-long",
}


class FieldError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# --- small helpers ---------------------------------------------------------------------------


def as_list(value: Any, field: str) -> list:
    """Relaton list fields may be a list, a single mapping or a scalar."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, bool):
        raise FieldError(field, "expected a list or a mapping, got a boolean")
    if isinstance(value, (dict, str, int, float, dt.date)):
        return [value]
    raise FieldError(field, f"expected a list or a mapping, got {type(value).__name__}")


def scalar_text(value: Any, field: str) -> str:
    """A text value: a string (numbers and dates are accepted as text), or `{content: ...}`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise FieldError(field, "expected text, got a boolean")
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, dict):
        if "content" in value:
            return scalar_text(value["content"], f"{field}.content")
        if "value" in value:
            return scalar_text(value["value"], f"{field}.value")
        raise FieldError(field, "expected text or {content: ...}")
    if isinstance(value, list):
        return scalar_text(value[0], f"{field}[0]") if value else ""
    raise FieldError(field, f"expected text, got {type(value).__name__}")


def mapping(value: Any, field: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FieldError(field, f"expected a mapping, got {type(value).__name__}")
    return value


def lang(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if not isinstance(value, str):
        return ""
    v = value.strip()
    return ISO639_2.get(v.lower(), v.lower())[:8]


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_date(value: Any, field: str) -> tuple[dt.date | None, str]:
    """(first day of the period, raw text with its precision). Raises on a non-date."""
    if value is None or value == "":
        return None, ""
    if isinstance(value, dt.datetime):
        return value.date(), value.date().isoformat()
    if isinstance(value, dt.date):
        return value, value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 2999:
        return dt.date(value, 1, 1), str(value)
    if not isinstance(value, str):
        raise FieldError(
            field, f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {type(value).__name__}"
        )
    m = _DATE_RE.match(value.strip())
    if not m:
        raise FieldError(field, f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return dt.date(y, mo, d), value.strip()[:32]
    except ValueError:
        raise FieldError(field, f"not a valid date: {value!r}") from None


_HTML_TAG = re.compile(r"<[^>]+>")


def _plain(text: str, fmt: str) -> str:
    if "html" in (fmt or "") or "<" in text and "</" in text:
        text = _HTML_TAG.sub("", text)
    return text.strip()


# --- ICS -------------------------------------------------------------------------------------

_ICS_RE = re.compile(r"^\d{2}(\.\d{3}(\.\d{2})?)?$")


def ics_code(value: Any, field: str) -> str:
    if isinstance(value, bool):
        raise FieldError(field, "expected an ICS code")
    if isinstance(value, int):
        return f"{value:02d}"
    if isinstance(value, float):  # YAML read 01.120 as 1.12
        return f"{value:07.3f}" if value >= 10 else f"{value:06.3f}"
    if isinstance(value, str):
        return value.strip()
    raise FieldError(field, f"expected an ICS code, got {type(value).__name__}")


# --- committees ------------------------------------------------------------------------------

_SEG_RE = re.compile(r"^([A-Za-z]+)\s*([0-9][\w.\-]*)?$")


def _node(code: str, name: str = "", secretariat: str = "") -> CommitteeNode:
    code, name = normalise_code(code), normalise_code(name)
    last = code.rsplit("/", 1)[-1].strip()
    m = _SEG_RE.match(last)
    kind, number = "", ""
    if m:
        kind = m[1].upper() if len(m[1]) <= 8 else ""
        number = (m[2] or "")[:24]
    is_zh = any("\u4e00" <= ch <= "\u9fff" for ch in name) and not any(
        "\u3040" <= ch <= "\u30ff" for ch in name
    )
    return CommitteeNode(
        code=code,
        kind=kind[:24],
        number=number,
        name_en="" if is_zh else name[:400],
        name_zh=name[:200] if is_zh else "",
        secretariat=secretariat[:128],
    )


def path_nodes(full: str, leaf_name: str = "", secretariat: str = "") -> list[CommitteeNode]:
    """ "ISO/TC 176/SC 2" → [ISO/TC 176, ISO/TC 176/SC 2] (name on the leaf only)."""
    segs = [s.strip() for s in full.split("/") if s.strip()]
    if len(segs) >= 2 and segs[1].upper().startswith("IEC JTC"):
        segs = [f"{segs[0]}/{segs[1]}", *segs[2:]]
        codes = [segs[0]]
        start = 1
    else:
        if len(segs) < 2:
            return [_node(full.strip(), leaf_name, secretariat)]
        codes = [f"{segs[0]}/{segs[1]}"]
        start = 2
    for s in segs[start:]:
        codes.append(f"{codes[-1]}/{s}")
    nodes = [_node(c) for c in codes]
    leaf = _node(codes[-1], leaf_name, secretariat)
    nodes[-1] = leaf
    return nodes


_COMMITTEE_PATH_RE = re.compile(r"^(TC|SC|SyC|PC|JTC|CIS|ACOS|ACEC|ACTAD|SMB|CAB|WG|SG)\b", re.I)


def v1_committees(eg: Any, body: str, source: str) -> list[list[CommitteeNode]]:
    paths: list[list[CommitteeNode]] = []
    if eg is None or eg == [] or eg == {}:
        return paths
    if isinstance(eg, list):  # ETSI [{name}], IHO [[{committee: {...}}]]
        flat: list = []
        for item in eg:
            flat.extend(item if isinstance(item, list) else [item])
        for i, item in enumerate(flat):
            f = f"editorialgroup[{i}]"
            item = mapping(item, f)
            if "committee" in item:
                c = item["committee"]
                if isinstance(c, str):
                    paths.append([_node(f"{body}/{c}")])
                    continue
                c = mapping(c, f"{f}.committee")
                abbr = scalar_text(c.get("abbreviation"), f"{f}.committee.abbreviation")
                name = scalar_text(c.get("name"), f"{f}.committee.name")
                node = _node(f"{body}/{abbr or name}", name)
                path = [node]
                wg = c.get("workgroup")
                for j, w in enumerate(as_list(wg, f"{f}.committee.workgroup")):
                    wt = scalar_text(
                        w.get("abbreviation") or w.get("name") if isinstance(w, dict) else w,
                        f"{f}.committee.workgroup[{j}]",
                    )
                    wn = (
                        scalar_text(w.get("name"), f"{f}.committee.workgroup[{j}].name")
                        if isinstance(w, dict)
                        else ""
                    )
                    if wt:
                        path = [node, _node(f"{node.code}/{wt}", wn)]
                paths.append(path)
            else:
                name = scalar_text(item.get("name"), f"{f}.name")
                if name:
                    paths.append([_node(f"{body}/{name}", name)])
        return paths
    eg = mapping(eg, "editorialgroup")
    secretariat = scalar_text(eg.get("secretariat"), "editorialgroup.secretariat")
    for group in ("technical_committee", "subcommittee", "workgroup"):
        for i, tc in enumerate(as_list(eg.get(group), f"editorialgroup.{group}")):
            f = f"editorialgroup.{group}[{i}]"
            if isinstance(tc, str):
                paths.append([_node(f"{body}/{tc}", tc)])
                continue
            tc = mapping(tc, f)
            ident = scalar_text(tc.get("identifier"), f"{f}.identifier")
            name = scalar_text(tc.get("name"), f"{f}.name")
            if ident:
                paths.append(
                    path_nodes(ident, name, secretariat if group == "technical_committee" else "")
                )
            elif name and re.match(r"^(ISO|IEC|CISPR)(/IEC)?\s*/?\s*(JTC|TC|SC|PC)\b", name):
                paths.append(path_nodes(name))  # IEC webstore: "ISO/IEC JTC 1/SC 27"
            elif name and _COMMITTEE_PATH_RE.match(name):  # IEC: name holds the path
                first = name.split("/")[0].split()[0].upper()
                prefix = body if first not in ("ISO", "IEC", "CISPR") else ""
                paths.append(path_nodes(f"{prefix}/{name}" if prefix else name))
            elif name:
                number = scalar_text(tc.get("number"), f"{f}.number")
                kind = scalar_text(tc.get("type"), f"{f}.type")
                if source == "iso" and number and kind:
                    paths.append(path_nodes(f"{body}/{kind} {number}", name))
                else:
                    paths.append([_node(f"{body}/{name}", name)])
    for i, c in enumerate(as_list(eg.get("committee"), "editorialgroup.committee")):  # IEEE
        name = scalar_text(c, f"editorialgroup.committee[{i}]")
        if name:
            paths.append([_node(f"{body}/{name}", name)])
    return paths


_SG_RE = re.compile(r"Study Group\s+(\w+)", re.I)
_ID_SPLIT_RE = re.compile(r"^([A-Za-z]+)\s*(\d[\w.\-]*)$")


def v2_committees(contributors: list, ext: dict, body: str) -> list[list[CommitteeNode]]:
    paths: list[list[CommitteeNode]] = []
    for i, c in enumerate(contributors):
        if not isinstance(c, dict):
            continue
        roles = as_list(c.get("role"), f"contributor[{i}].role")
        is_committee = False
        for r in roles:
            if isinstance(r, dict) and r.get("type") == "author":
                for d in as_list(r.get("description"), f"contributor[{i}].role.description"):
                    if scalar_text(d, f"contributor[{i}].role.description") == "committee":
                        is_committee = True
        if not is_committee:
            continue
        org = mapping(c.get("organization"), f"contributor[{i}].organization")
        abbr = scalar_text(org.get("abbreviation"), f"contributor[{i}].organization.abbreviation")
        prefix = abbr or body
        path: list[CommitteeNode] = []
        subs = as_list(org.get("subdivision"), f"contributor[{i}].organization.subdivision")
        for j, s in enumerate(subs):
            f = f"contributor[{i}].organization.subdivision[{j}]"
            s = mapping(s, f)
            names = as_list(s.get("name"), f"{f}.name")
            name = scalar_text(names[0], f"{f}.name[0]") if names else ""
            ident = ""
            ids = as_list(s.get("identifier"), f"{f}.identifier")
            if ids:
                ident = scalar_text(ids[0], f"{f}.identifier[0]")
                m = _ID_SPLIT_RE.match(ident)
                if m:
                    ident = f"{m[1]} {m[2]}"
            if not ident:
                ident = scalar_text(s.get("abbreviation"), f"{f}.abbreviation")
            if not ident and s.get("subtype") == "tsag":
                ident = "TSAG"
            if not ident:
                m = _SG_RE.search(name)
                if m:
                    ident = f"SG {m[1]}"
            if not ident and j == 0 and isinstance(ext.get("committee"), str):
                ident = ext["committee"]  # IALA: ext.committee VTS
            ident = ident or name
            if not ident:
                continue
            parent = path[-1].code if path else prefix
            path.append(_node(f"{parent}/{ident}", name))
        if path:
            paths.append(path)
    if not paths and isinstance(ext.get("committee"), str) and ext["committee"]:
        paths.append([_node(f"{body}/{ext['committee']}")])
    return paths


# --- status ----------------------------------------------------------------------------------

_WORD_STATUS = {
    "published": "current",
    "valid": "current",
    "in force": "current",
    "in-force": "current",
    "approved": "current",
    "active": "current",
    "joint": "current",
    "current": "current",
    "revised": "replaced",
    "replaced": "replaced",
    "superseded": "replaced",
    "withdrawn": "withdrawn",
    "withdrawal": "withdrawn",
    "inactive": "withdrawn",
    "obsolete": "withdrawn",
    "cancelled": "withdrawn",
    "draft": "draft",
    "under development": "draft",
    "upcoming": "upcoming",
}


def iso_stage_status(stage: str, substage: str) -> str:
    """ISO harmonized stage codes → normalised status (relaton-model.md §5)."""
    s, sub = int(stage), int(substage or 0)
    if sub == 98:
        return "withdrawn"  # project deleted / cancelled
    if s == 95:
        return "withdrawn" if sub == 99 else "current"  # 95.20/95.60: withdrawal pending
    if s == 90 or (s == 60 and sub == 60):
        return "current"
    if s == 60:
        return "upcoming"  # 60.00 under publication
    return "draft"


def map_status(stage: str, substage: str, ext: dict) -> str:
    if stage.isdigit() and len(stage) == 2 and (not substage or substage.isdigit()):
        return iso_stage_status(stage, substage)
    st = _WORD_STATUS.get(stage.strip().lower(), "unknown") if stage else "unknown"
    ieee = ext.get("standard_status")
    if isinstance(ieee, str) and st != "draft":
        st = _WORD_STATUS.get(ieee.lower(), st)
    return st


# --- relations -------------------------------------------------------------------------------

REL_TYPES = {
    "obsoletes": "replaces",
    "obsoletedBy": "replaced_by",
    "supersedes": "replaces",
    "supersededBy": "replaced_by",
    "hasSuccessor": "replaced_by",
    "successorOf": "replaces",
    "updates": "replaces",
    "updatedBy": "replaced_by",
    "amends": "amends",
    "amendedBy": "amended_by",
    "corrects": "corrects",
    "correctedBy": "corrected_by",
    "adoptedFrom": "adopts",
    "adoptedAs": "adopted_by",
    "partOf": "part_of",
    "hasPart": "has_part",
    "includedIn": "part_of",
    "includes": "has_part",
    "instanceOf": "instance_of",
    "hasInstance": "has_instance",
    "editionOf": "edition_of",
    "hasEdition": "has_edition",
    "translatedFrom": "translated_from",
    "complementOf": "complements",
    "hasManifestation": "manifestation",
    "identical": "equivalent",
    "equivalent": "equivalent",
}
_DEGREES = {"IDT", "MOD", "NEQ"}


def _supp_type(p) -> str:
    t = (p.supplements[-1].type or "").lower() if p is not None and p.supplements else ""
    return "cor" if t in ("cor", "c", "ac", "errata", "corr") else "amd"


def _year(p) -> int | None:
    y = getattr(p, "year", None) if p is not None else None
    return int(y) if isinstance(y, str) and y.isdigit() else None


def iso_edge(
    raw: str, rec_p, tgt_p, rec_key: str, tgt_key: str, rec_work: str = "", tgt_work: str = ""
) -> tuple[str, bool]:
    """Direction-correct edge for ISO life-cycle links → (type, corrected).

    - `obsoletes X`: X is a predecessor ("Previously": store `replaces`, literal) unless X is a
      draft while this record is not, or a later edition of the same work ("Will be replaced
      by": store `replaced_by`, corrected).
    - `updates X`: X amends/corrects this record (`amended_by`/`corrected_by`), or X is the
      same document ("Now confirmed": `related`), or X revises it (`replaced_by`); all
      corrected, except when this record is itself a supplement of X (`amends`/`corrects`).
    """
    if raw == "obsoletes":
        if rec_p is not None and tgt_p is not None:
            if tgt_p.stage and not rec_p.stage:
                return "replaced_by", True  # "Will be replaced by" a draft
            ty, ry = _year(tgt_p), _year(rec_p)
            if rec_work == tgt_work and ty and ry and ty > ry and not tgt_p.supplements:
                return "replaced_by", True
        return "replaces", False
    if raw == "updates":
        if rec_key == tgt_key:
            return "related", True  # "Now confirmed"
        if rec_p is not None and tgt_p is not None and rec_work == tgt_work:
            from stdlink.pubid import is_supplement_of

            try:
                if tgt_p.supplements and is_supplement_of(tgt_p, rec_p):
                    return ("corrected_by" if _supp_type(tgt_p) == "cor" else "amended_by"), True
                if rec_p.supplements and is_supplement_of(rec_p, tgt_p):
                    return ("corrects" if _supp_type(rec_p) == "cor" else "amends"), False
            except Exception:  # noqa: BLE001 - pubid comparison on odd ids
                pass
        return "replaced_by", True  # "Revised by"
    return REL_TYPES.get(raw, "related"), False


def relation_edge(
    source: str,
    raw: str,
    desc: str,
    rec_p,
    tgt_p,
    rec_key: str,
    tgt_key: str,
    rec_work: str = "",
    tgt_work: str = "",
) -> tuple[str, bool, str]:
    degree = desc.upper() if desc.upper() in _DEGREES else ""
    if source == "iso" and raw in ("obsoletes", "updates"):
        t, corrected = iso_edge(raw, rec_p, tgt_p, rec_key, tgt_key, rec_work, tgt_work)
        return t, corrected, degree
    if raw == "updates" and desc:
        d = desc.lower()
        if d.startswith("amend"):
            return "amends", False, degree
        if d.startswith("correct"):
            return "corrects", False, degree
        return "replaces", False, degree  # revises
    return REL_TYPES.get(raw, "related"), False, degree


def with_vap(uid: str, key: str, parsed) -> str:
    """IEC value-added products (`RLV` redline, `CMV` commented version) are products of their
    own, but the pubid exact key leaves the suffix out: keep them apart in the uid."""
    vap = getattr(parsed, "vap", None) if parsed is not None else None
    if isinstance(vap, str) and vap and not key.upper().endswith(vap.upper()):
        return f"{uid}#{vap.upper()}"
    return uid


def _edition_cmp(a: str, b: str) -> int:
    """Compare edition strings numerically ("5.1" > "5", "10" > "9"); 0 when not comparable."""

    def parts(x: str) -> tuple:
        return tuple(int(p) for p in re.findall(r"\d+", x))

    pa, pb = parts(a), parts(b)
    if not pa or not pb:
        return 0
    return (pa > pb) - (pa < pb)


# --- the mapping -----------------------------------------------------------------------------


def _identifiers(doc: dict) -> tuple[list[dict], str]:
    if "docidentifier" in doc:
        fname, key_name = "docidentifier", "content"
    else:
        fname, key_name = "docid", "id"
    items = as_list(doc.get(fname), fname)
    out = []
    for i, item in enumerate(items):
        f = f"{fname}[{i}]" if isinstance(doc.get(fname), list) else fname
        if not isinstance(item, dict):
            raise FieldError(f, f"expected a mapping with '{key_name}', got {type(item).__name__}")
        value = item.get(key_name, item.get("id", item.get("content")))
        if isinstance(value, (dict, list, bool)) or value is None:
            raise FieldError(f"{f}.{key_name}", "expected the identifier text")
        row = {"id": str(value).strip(), "type": str(item.get("type") or "")}
        for k in ("primary", "scope", "language", "script"):
            if item.get(k) not in (None, ""):
                row[k] = jsonable(item[k])
        out.append(row)
    if not out:
        raise FieldError(fname, "no identifier (docid / docidentifier is missing or empty)")
    return out, fname


def _pick_primary(ids: list[dict]) -> str:
    for row in ids:
        if row.get("primary") and row.get("scope") != "trademark" and row["id"]:
            return row["id"]
    for row in ids:
        if row["type"] not in NON_CITABLE_ID_TYPES and row["id"]:
            return row["id"]
    return ids[0]["id"]


def _stub_identifier(bib: dict, f: str) -> str:
    for fname, key_name in (("docid", "id"), ("docidentifier", "content")):
        if fname in bib:
            items = as_list(bib[fname], f"{f}.{fname}")
            rows = [i for i in items if isinstance(i, dict)]
            rows.sort(key=lambda r: not r.get("primary"))
            for r in rows:
                v = r.get(key_name, r.get("id", r.get("content")))
                if isinstance(v, (str, int, float)) and str(v).strip():
                    return str(v).strip()
    ref = bib.get("formattedref")
    if ref:
        return scalar_text(ref, f"{f}.formattedref").strip()
    return scalar_text(bib.get("id"), f"{f}.id").strip()


def map_document(
    doc: Any, *, source: str, index: int, locator: str, raw: bytes, content_hash: str
) -> Record:
    if not isinstance(doc, dict):
        raise FieldError(
            "(document)",
            "expected a mapping at the top level, got "
            f"{type(doc).__name__ if doc is not None else 'an empty document'}",
        )
    default_body, prefix = source_defaults(source)
    ext = mapping(doc.get("ext"), "ext")
    warnings: list[tuple[str, str]] = []
    extra: dict = {}
    fallbacks = 0

    # identifiers
    ids, id_field = _identifiers(doc)
    published_id = _pick_primary(ids)
    ident, key, work_key, publisher, pbody, parsed, fb = identifier_keys(published_id, prefix)
    if fb:
        fallbacks += 1
        warnings.append(
            (id_field, f"pubid cannot parse {published_id!r}: key by fallback normalisation")
        )
    if ident != published_id:
        extra["identifier_as_published"] = published_id
    extra["identifiers"] = ids

    # edition and uid (ECMA/IHO editions share an undated identifier)
    ed_raw = doc.get("edition")
    edition = scalar_text(ed_raw, "edition").strip()[:32]
    undated = parsed is None or not getattr(parsed, "year", None)
    base = distinct_key(ident, key)
    if base != key:
        extra["uid_from_identifier"] = True  # pubid's key would merge distinct documents
    uid = f"{base}#ED{edition.upper()}" if edition and undated else base
    uid = with_vap(uid, key, parsed)
    if uid != key:  # ECMA-269 edition 3 comes in 4 volumes: extent.locality volume n
        for loc in as_list(doc.get("extent"), "extent"):
            loc = loc.get("locality", loc) if isinstance(loc, dict) else None
            if (
                isinstance(loc, dict)
                and loc.get("type") == "volume"
                and loc.get("reference_from") not in (None, "")
            ):
                uid = f"{uid}#VOL{scalar_text(loc['reference_from'], 'extent.locality')}"
                break

    # titles (a title without a language takes the document's, when it has exactly one)
    doc_langs = [
        lang(x) for x in as_list(doc.get("language"), "language") if isinstance(x, str) and lang(x)
    ]
    only_lang = doc_langs[0] if len(doc_langs) == 1 else ""
    titles = []
    by_lang: dict[str, dict[str, str]] = {}
    for i, t in enumerate(as_list(doc.get("title"), "title")):
        f = f"title[{i}]"
        if isinstance(t, str):
            t = {"content": t}
        t = mapping(t, f)
        content = t.get("content")
        if isinstance(content, (dict, list, bool)):
            raise FieldError(f"{f}.content", f"expected text, got {type(content).__name__}")
        text = _plain(scalar_text(content, f"{f}.content"), scalar_text(t.get("format"), f))
        if not text:
            continue
        lg = lang(t.get("language")) or only_lang
        script = t.get("script")
        script = (script[0] if isinstance(script, list) and script else script) or ""
        ttype = scalar_text(t.get("type"), f"{f}.type") or "main"
        titles.append((lg, str(script)[:8], ttype[:16], text))
        by_lang.setdefault(lg, {}).setdefault(ttype, text)

    def full_title(parts: dict[str, str]) -> str:
        if "main" in parts:
            return parts["main"]
        composed = " - ".join(
            parts[k] for k in ("title-intro", "title-main", "title-part") if parts.get(k)
        )
        return composed or next(iter(parts.values()))

    title_en = full_title(by_lang["en"]) if "en" in by_lang else ""
    if not title_en and "" in by_lang:
        title_en = full_title(by_lang[""])
    title_zh = full_title(by_lang["zh"]) if "zh" in by_lang else ""
    title_other = title_other_lang = ""
    if not title_en and not title_zh and by_lang:
        title_other_lang, parts = next(iter(by_lang.items()))
        title_other = full_title(parts)
    elif "ja" in by_lang:
        title_other_lang, title_other = "ja", full_title(by_lang["ja"])

    # dates
    dates = []
    published = None
    firsts: dict[str, dt.date] = {}
    date_field = doc.get("date")
    for i, d in enumerate(as_list(date_field, "date")):
        f = f"date[{i}]" if isinstance(date_field, list) else "date"
        if not isinstance(d, dict):
            raise FieldError(f, f"expected a mapping {{type, value}}, got {type(d).__name__}")
        dtype = scalar_text(d.get("type"), f"{f}.type")[:24] or "published"
        if "at" in d or "from" in d:
            vkey = "at" if "at" in d else "from"
            value, rawv = parse_date(d.get(vkey), f"{f}.{vkey}")
            if d.get("to"):
                _, to = parse_date(d.get("to"), f"{f}.to")
                rawv = f"{rawv}/{to}"[:32]
        else:
            value, rawv = parse_date(d.get("value"), f"{f}.value")
        if not rawv:
            continue  # JIS: a type without a value
        dates.append((dtype, value, rawv))
        if value and dtype not in firsts:
            firsts[dtype] = value
    for t in ("published", "issued", "created"):
        if t in firsts:
            published = firsts[t]
            break
    year = published.year if published else None
    if year is None and parsed is not None and getattr(parsed, "year", None):
        y = str(parsed.year)
        if y.isdigit() and len(y) == 4:
            year = int(y)

    # status
    if "status" in doc and "docstatus" not in doc:
        st = mapping(doc.get("status"), "status")
        stage = scalar_text(st.get("stage"), "status.stage")
        substage = scalar_text(st.get("substage"), "status.substage")
    else:
        st = mapping(doc.get("docstatus"), "docstatus")
        stage = scalar_text(st.get("stage"), "docstatus.stage")
        substage = scalar_text(st.get("substage"), "docstatus.substage")
    status = map_status(stage, substage, ext)
    stage_raw = f"{stage}.{substage}" if substage else stage

    # doctype (ext or top level)
    dtv = ext.get("doctype", doc.get("doctype"))
    if isinstance(dtv, dict):
        doctype = scalar_text(dtv.get("type", dtv.get("content")), "ext.doctype.type")
    else:
        doctype = scalar_text(dtv, "doctype")

    # languages, links, abstract
    languages = [lang(x) for x in as_list(doc.get("language"), "language") if lang(x)]
    links = []
    for lf in ("link", "source"):
        for i, li in enumerate(as_list(doc.get(lf), lf)):
            if isinstance(li, str):
                links.append({"type": "", "url": li})
                continue
            li = mapping(li, f"{lf}[{i}]")
            url = scalar_text(li.get("content"), f"{lf}[{i}].content")
            if url:
                links.append({"type": str(li.get("type") or ""), "url": url})
    abstract = abstract_lang = ""
    for i, a in enumerate(as_list(doc.get("abstract"), "abstract")):
        if isinstance(a, str):
            a = {"content": a}
        a = mapping(a, f"abstract[{i}]")
        text = _plain(
            scalar_text(a.get("content"), f"abstract[{i}].content"),
            scalar_text(a.get("format"), f"abstract[{i}].format"),
        )
        if text and (not abstract or (lang(a.get("language")) == "en" and abstract_lang != "en")):
            abstract, abstract_lang = text, lang(a.get("language"))

    # ICS (ext or top level)
    ics = []
    ics_field = "ext.ics" if "ics" in ext else "ics"
    for i, c in enumerate(as_list(ext.get("ics", doc.get("ics")), ics_field)):
        f = f"{ics_field}[{i}]"
        if not isinstance(c, dict):
            c = {"code": c}
        code = ics_code(c.get("code"), f"{f}.code")
        if not code:
            continue
        if not _ICS_RE.match(code):
            warnings.append((f"{f}.code", f"not an ICS code: {code!r} (kept)"))
        ics.append((code[:16], scalar_text(c.get("text"), f"{f}.text")))

    # committees
    contributors = as_list(doc.get("contributor"), "contributor")
    body_for_committee = default_body
    if "editorialgroup" in ext or "editorialgroup" in doc:
        committees = v1_committees(
            ext.get("editorialgroup", doc.get("editorialgroup")), body_for_committee, source
        )
    else:
        committees = v2_committees(contributors, ext, body_for_committee)
    if source == "jis":  # Japanese organisation names (kanji only) are not Chinese names
        for path in committees:
            for node in path:
                if node.name_zh and not node.name_en:
                    node.name_en, node.name_zh = node.name_zh, ""

    # relations
    relations = []
    rec_p = parsed
    for i, r in enumerate(as_list(doc.get("relation"), "relation")):
        f = f"relation[{i}]"
        r = mapping(r, f)
        raw_type = scalar_text(r.get("type"), f"{f}.type")
        if not raw_type:
            raise FieldError(f"{f}.type", "a relation needs a type")
        bib = mapping(r.get("bibitem"), f"{f}.bibitem")
        target = _stub_identifier(bib, f"{f}.bibitem")
        if not target:
            warnings.append((f"{f}.bibitem", "relation target has no identifier (skipped)"))
            continue
        desc = scalar_text(r.get("description"), f"{f}.description")
        t_ident, t_key, t_work, _, _, t_p, t_fb = identifier_keys(target, prefix)
        t_key = distinct_key(t_ident, t_key)
        if t_fb:
            fallbacks += 1
        t_ed = scalar_text(bib.get("edition"), f"{f}.bibitem.edition").strip()
        if t_ed and (t_p is None or not getattr(t_p, "year", None)):
            t_key = f"{t_key}#ED{t_ed.upper()}"
        t_key = with_vap(t_key, t_key, t_p)
        ntype, corrected, degree = relation_edge(
            source, raw_type, desc, rec_p, t_p, base, t_key, work_key, t_work
        )
        if (
            t_ed
            and edition
            and t_key.startswith(f"{base}#ED")
            and raw_type in ("updates", "obsoletes", "supersedes")
            and ntype in ("replaces", "related")
        ):
            # ECMA/IHO: every edition lists *all* editions of the shared docid as `updates`,
            # later ones included: the direction comes from comparing the editions.
            cmp = _edition_cmp(t_ed, edition)
            if cmp > 0:
                ntype, corrected = "replaced_by", True
            elif cmp < 0:
                ntype = "replaces"
        relations.append(
            RelationRow(
                ntype, t_ident[:255], t_key[:255], raw_type[:40], desc[:255], corrected, degree
            )
        )

    # extra: what the model has no column for (the raw document stays in SourceRecord)
    extra["bibtype"] = doc.get("type") if isinstance(doc.get("type"), str) else ""
    for k in (
        "docnumber",
        "keyword",
        "series",
        "structuredidentifier",
        "schema-version",
        "schema_version",
    ):
        v = doc.get(k, ext.get(k) if k == "structuredidentifier" else None)
        if v not in (None, "", []):
            extra[k] = jsonable(v)
    if stage or substage:
        extra["status_raw"] = {"stage": stage, "substage": substage}
    rest = {
        k: v
        for k, v in ext.items()
        if k not in ("doctype", "ics", "editorialgroup", "structuredidentifier")
    }
    if rest:
        extra["ext"] = jsonable(rest)
    unknown = [k for k in doc if k not in KNOWN_FIELDS]
    if unknown:
        extra["unknown_fields"] = {str(k): jsonable(doc[k]) for k in unknown}
        for k in unknown:
            warnings.append((str(k), "unknown field kept in extra.unknown_fields"))

    return Record(
        index=index,
        locator=locator,
        raw=raw,
        content_hash=content_hash,
        format="relaton-yaml",
        uid=uid[:255],
        identifier=ident[:255],
        key=key[:255],
        work_key=work_key[:255],
        publisher=publisher,
        pubid_body=pbody,
        doctype=doctype[:64],
        title_zh=title_zh,
        title_en=title_en,
        title_other=title_other,
        title_other_lang=title_other_lang[:8],
        status=status,
        stage=stage_raw[:64],
        published=published,
        year=year,
        edition=edition,
        languages=languages,
        links=links,
        abstract=abstract,
        abstract_lang=abstract_lang[:8],
        extra=extra,
        titles=titles,
        dates=dates,
        ics=ics,
        committees=committees,
        relations=relations,
        warnings=warnings,
        key_fallbacks=fallbacks,
    )
