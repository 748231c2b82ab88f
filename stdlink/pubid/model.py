"""The neutral component model shared by every body grammar.

The model follows `identifiers-reference.md` §5: one record whose fields mean the same thing
for every body, plus a flat supplement chain.  A supplement identifier ("ISO 9001:2015/Amd 1:2024")
is represented as the *base* document's fields (publisher, number, part, year ...) followed by
``supplements`` ordered from the base outwards.  ``Identifier.base`` gives the document one
supplement shorter, which is how "supplement of?" questions are answered.

Both classes are frozen (and slotted, for speed and memory): parse results are cached, so they
must never be mutated after construction.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


class ParseError(ValueError):
    """Raised when a string is not a standard identifier.

    ``position`` is the 0-based offset in the (repaired) input where parsing stopped and
    ``expected`` says what the grammar wanted there.  The message carries both, so a user
    typing into a search box or a catalogue importer can point at the exact character.
    """

    def __init__(self, text: str, position: int, expected: str, body: str | None = None):
        self.text = text
        self.position = max(0, min(position, len(text)))
        self.expected = expected
        self.body = body
        where = text[: self.position] + "⟨here⟩" + text[self.position :]
        prefix = f"{body}: " if body else ""
        super().__init__(
            f"{prefix}cannot parse identifier {text!r} at position {self.position}: "
            f"expected {expected} ({where!r})"
        )


@dataclass(frozen=True, slots=True)
class Supplement:
    """One link of a supplement chain: amendment, corrigendum, addendum, 修改单 ...

    ``type`` is neutral (amd, cor, add, suppl, ext, ish, frag, xg, errata, annex, appendix,
    imp, a (CEN/BSI A-amendment), c (BSI corrigendum), ac (CEN corrigendum) ...).
    ``consolidated`` is True for supplements merged into the base ("+AMD1:2013", "+A1:2008").
    ``label`` keeps a body-specific rendering token where the neutral type is not enough
    (for example ITU "Amend." vs "Amd", BSI "Addendum No.").
    """

    type: str
    number: str | None = None
    year: str | None = None
    month: str | None = None
    stage: str | None = None
    iteration: str | None = None
    edition: str | None = None
    consolidated: bool = False
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, False, "")}


@dataclass(frozen=True, slots=True)
class Relation:
    """A bracketed relation clause of an identifier, linked to the identifiers it names.

    ``kind`` is neutral: revision_of, incorporates, amendment_to, supplement_to, includes,
    includes_supplement, supersedes, adoption_of, corrigendum_to (IEEE relation clauses).
    ``targets`` are the related identifiers, parsed by the same grammar; for
    ``amendment_to`` the first target is the base and the rest are the amendments it is
    "as amended by".  ``label`` keeps the keyword where the body writes the same relation in
    more than one way ("Corrigenda of" / "Corrigendum to").
    """

    kind: str
    targets: tuple[Identifier, ...] = ()
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        from .render import render

        out: dict[str, Any] = {"kind": self.kind, "targets": [render(t) for t in self.targets]}
        if self.label:
            out["label"] = self.label
        return out


@dataclass(frozen=True, slots=True)
class Identifier:
    """A parsed standard identifier with neutral components.

    Every field except ``body`` and ``number`` is optional.  ``extra`` holds body-specific
    trailing material the neutral model has no field for (free-text IEEE notes such as
    "(Trial Use)", BSI "ExComm", ITU annex letters ...); it takes part in rendering so nothing
    is lost, and in the "exact" key, but not in work/edition keys.  ``relations`` (IEEE
    relation clauses) and ``adopted`` (dual or adopted identifiers) link to other
    identifiers; ``addenda`` holds NIST-style updates and supplements.
    """

    body: str
    number: str
    publisher: str | None = None
    copublishers: tuple[str, ...] = ()
    series: str | None = None
    type: str | None = None
    stage: str | None = None
    iteration: str | None = None
    part: str | None = None
    subpart: str | None = None
    year: str | None = None
    month: str | None = None
    day: str | None = None
    edition: str | None = None
    version: str | None = None
    revision: str | None = None
    volume: str | None = None
    languages: tuple[str, ...] = ()
    all_parts: bool = False
    undated: bool = False
    supplements: tuple[Supplement, ...] = ()
    vap: str | None = None
    adopted: tuple[Identifier, ...] = ()
    adoption: str | None = None
    # Chinese codes (also reusable for other national systems)
    scope: str | None = None
    prefix: str | None = None
    issuer: str | None = None
    nature: str | None = None
    extra: str | None = None
    # relation clauses ("(Revision of IEEE Std 802-2001)"), linked to the related identifiers
    relations: tuple[Relation, ...] = ()
    # issues attached to the document that do not make it a different document in a
    # supplement chain: NIST updates ("/Upd1-202205"), supplements ("sup"), addenda ("Add."),
    # indexes and errata.  They are edition-level detail: dropped from the work key.
    addenda: tuple[Supplement, ...] = ()
    flags: tuple[str, ...] = ()
    raw: str = field(default="", compare=False)

    # -- navigation -------------------------------------------------------------------------
    @property
    def base(self) -> Identifier | None:
        """The document this one supplements (one link shorter), or None for a base document."""
        if not self.supplements:
            return None
        rest = self.supplements[:-1]
        vap = self.vap
        if self.supplements[-1].consolidated and not any(x.consolidated for x in rest):
            vap = None  # "IEC 60335-1:2010+AMD1:2013 CSV" is based on IEC 60335-1:2010
        return replace(self, supplements=rest, vap=vap, raw="")

    @property
    def root(self) -> Identifier:
        """The base document with the whole supplement chain removed."""
        if not self.supplements:
            return self
        vap = None if any(x.consolidated for x in self.supplements) else self.vap
        return replace(self, supplements=(), vap=vap, raw="")

    @property
    def is_supplement(self) -> bool:
        return bool(self.supplements)

    # -- export ---------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable components (empty fields left out), plus the canonical string."""
        from .render import render, urn  # local import: render imports the model

        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value in (None, (), False, ""):
                continue
            if name in ("supplements", "addenda", "relations"):
                out[name] = [s.to_dict() for s in value]
            elif name == "adopted":
                out[name] = [a.to_dict() for a in value]
            elif isinstance(value, tuple):
                out[name] = list(value)
            else:
                out[name] = value
        if self.supplements:
            last = self.supplements[-1]
            out["supplement_type"] = last.type
            base = self.base
            assert base is not None
            out["base"] = render(base)
        out["normalized"] = render(self)
        u = urn(self)
        if u:
            out["urn"] = u
        return out
