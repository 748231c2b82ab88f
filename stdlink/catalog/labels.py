"""Words for the catalogue's raw values (words are data): document types, date types, title
languages and relation groups, each with one English and one zh-Hans text (catalog's .po).

Raw values come from the sources as published ("international-standard", "Technical Report",
"stable-until"); pages show :func:`doctype_label` etc., which fall back to the raw value only for
a value nobody has named yet. Contexts (pgettext) keep these words apart from the same English
words used elsewhere (a programme form's "draft" is 草稿, a draft standard is 草案).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def _norm(raw: str) -> str:
    return (raw or "").strip().lower().replace(" ", "-").replace("_", "-")


DOCTYPES = {
    "international-standard": pgettext_lazy("document type", "international standard"),
    "standard": pgettext_lazy("document type", "standard"),
    "national-standard": pgettext_lazy("document type", "national standard"),
    "japanese-industrial-standard": pgettext_lazy("document type", "Japanese Industrial Standard"),
    "european-standard": pgettext_lazy("document type", "European Standard"),
    "european-telecommunication-standard": pgettext_lazy(
        "document type", "European Telecommunication Standard"
    ),
    "interim-european-telecommunication-standard": pgettext_lazy(
        "document type", "interim European Telecommunication Standard"
    ),
    "norme-européenne-de-télécommunication": pgettext_lazy(
        "document type", "European Telecommunication Standard"
    ),
    "etsi-standard": pgettext_lazy("document type", "ETSI Standard"),
    "etsi-technical-report": pgettext_lazy("document type", "ETSI Technical Report"),
    "etsi-guide": pgettext_lazy("document type", "ETSI Guide"),
    "gsm-technical-specification": pgettext_lazy("document type", "GSM technical specification"),
    "technical-specification": pgettext_lazy("document type", "technical specification"),
    "technical-report": pgettext_lazy("document type", "technical report"),
    "technical-committee-reference-technical-report": pgettext_lazy(
        "document type", "technical committee reference technical report"
    ),
    "group-specification": pgettext_lazy("document type", "group specification"),
    "group-report": pgettext_lazy("document type", "group report"),
    "special-report": pgettext_lazy("document type", "special report"),
    "publicly-available-specification": pgettext_lazy(
        "document type", "publicly available specification"
    ),
    "international-workshop-agreement": pgettext_lazy(
        "document type", "international workshop agreement"
    ),
    "recommendation": pgettext_lazy("document type", "recommendation"),
    "recommendation-amendment": pgettext_lazy("document type", "amendment to a recommendation"),
    "recommendation-supplement": pgettext_lazy("document type", "supplement to a recommendation"),
    "recommendation-corrigendum": pgettext_lazy("document type", "corrigendum to a recommendation"),
    "recommendation-annex": pgettext_lazy("document type", "annex to a recommendation"),
    "amendment": pgettext_lazy("document type", "amendment"),
    "corrigendum": pgettext_lazy("document type", "corrigendum"),
    "addendum": pgettext_lazy("document type", "addendum"),
    "guide": pgettext_lazy("document type", "guide"),
    "guideline": pgettext_lazy("document type", "guideline"),
    "handbook": pgettext_lazy("document type", "handbook"),
    "manual": pgettext_lazy("document type", "manual"),
    "report": pgettext_lazy("document type", "report"),
    "expert-report": pgettext_lazy("document type", "expert report"),
    "meeting-report": pgettext_lazy("document type", "meeting report"),
    "seminar-report": pgettext_lazy("document type", "seminar report"),
    "system-reference-deliverable": pgettext_lazy("document type", "system reference document"),
    "technical-basis-for-regulation": pgettext_lazy(
        "document type", "technical basis for regulation"
    ),
    "basic-publication": pgettext_lazy("document type", "basic publication"),
    "vocabulary": pgettext_lazy("document type", "vocabulary"),
    "redline": pgettext_lazy("document type", "redline version"),
    "translation": pgettext_lazy("document type", "translation"),
    "document": pgettext_lazy("document type", "document"),
    "article": pgettext_lazy("document type", "article"),
    "section": pgettext_lazy("document type", "section"),
    "volume": pgettext_lazy("document type", "volume"),
    "issue": pgettext_lazy("document type", "issue"),
    "periodical": pgettext_lazy("document type", "periodical"),
    "brochure": pgettext_lazy("document type", "brochure"),
    "question": pgettext_lazy("document type", "study question"),
    "resolution": pgettext_lazy("document type", "resolution"),
    "decision": pgettext_lazy("document type", "decision"),
    "directive": pgettext_lazy("document type", "directive"),
    "statement": pgettext_lazy("document type", "statement"),
    "action": pgettext_lazy("document type", "action"),
    "model-course": pgettext_lazy("document type", "model course"),
    "other": pgettext_lazy("document type", "other"),
}

DATE_TYPES = {
    "published": pgettext_lazy("date type", "published"),
    "issued": pgettext_lazy("date type", "issued"),
    "implemented": pgettext_lazy("date type", "in force from"),
    "confirmed": pgettext_lazy("date type", "confirmed"),
    "stable-until": pgettext_lazy("date type", "stable until"),
    "obsoleted": pgettext_lazy("date type", "withdrawn"),
    "withdrawn": pgettext_lazy("date type", "withdrawn"),
    "created": pgettext_lazy("date type", "created"),
    "updated": pgettext_lazy("date type", "updated"),
    "corrected": pgettext_lazy("date type", "corrected"),
    "circulated": pgettext_lazy("date type", "circulated"),
    "adapted": pgettext_lazy("date type", "adapted"),
}

LANGUAGES = {
    "zh": _("Chinese"),
    "en": _("English"),
    "fr": _("French"),
    "ja": _("Japanese"),
    "es": _("Spanish"),
    "de": _("German"),
    "ru": _("Russian"),
    "ar": _("Arabic"),
    "fa": _("Persian"),
    "pt": _("Portuguese"),
    "uk": _("Ukrainian"),
}


def doctype_label(raw: str) -> str:
    label = DOCTYPES.get(_norm(raw))
    return str(label) if label is not None else (raw or "")


def date_label(raw: str) -> str:
    label = DATE_TYPES.get(_norm(raw))
    return str(label) if label is not None else (raw or "")


def language_label(code: str) -> str:
    label = LANGUAGES.get((code or "").lower())
    return str(label) if label is not None else (code or "—")


#: Relation groups shown on a standard's page, in this order; each pair of inverse types is one
#: group per direction, so a relation stored on both sides is shown once.
RELATION_GROUPS = [
    ("replaces", _("Replaces")),
    ("replaced_by", _("Replaced by")),
    ("amends", _("Amends")),
    ("amended_by", _("Amended by")),
    ("corrects", _("Corrects")),
    ("corrected_by", _("Corrected by")),
    ("adopts", _("Adopts")),
    ("adopted_by", _("Adopted as")),
    ("equivalent", _("Equivalent to")),
    ("translated_from", _("Translated from")),
    ("part_of", _("Part of")),
    ("has_part", _("Has parts")),
    ("edition_of", _("Edition of")),
    ("has_edition", _("Other editions")),
    ("instance_of", _("Instance of")),
    ("has_instance", _("Instances")),
    ("complements", _("Complements")),
    ("manifestation", _("Other forms")),
    ("related", _("Related")),
]

#: type → its inverse (seen from the other standard)
INVERSE = {
    "replaces": "replaced_by",
    "replaced_by": "replaces",
    "amends": "amended_by",
    "amended_by": "amends",
    "corrects": "corrected_by",
    "corrected_by": "corrects",
    "adopts": "adopted_by",
    "adopted_by": "adopts",
    "part_of": "has_part",
    "has_part": "part_of",
    "edition_of": "has_edition",
    "has_edition": "edition_of",
    "instance_of": "has_instance",
    "has_instance": "instance_of",
    "equivalent": "equivalent",
    "related": "related",
    "complements": "complements",
    "translated_from": "translated_from",
    "manifestation": "manifestation",
}
