"""Load the built-in agency registry (`agencies_data`) into Agency / AgencyAlias; idempotent."""

from __future__ import annotations

from stdlink.ledger.agencies_data import AGENCIES
from stdlink.ledger.parser.agencies import normalise_name


def load() -> None:
    from stdlink.ledger.models import Agency, AgencyAlias

    for spec in AGENCIES:
        agency, _ = Agency.objects.update_or_create(
            name=spec.name,
            defaults={
                "name_en": spec.name_en,
                "level": spec.level,
                "kind": spec.kind,
                "verified": True,
                "builtin": True,
            },
        )
        for names, kind in ((spec.aliases, "alias"), (spec.former, "former")):
            for alias in names:
                AgencyAlias.objects.update_or_create(
                    alias=normalise_name(alias),
                    defaults={"agency": agency, "kind": kind, "builtin": True},
                )
