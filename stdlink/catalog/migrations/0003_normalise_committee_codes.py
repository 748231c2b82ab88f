"""Committee codes and names with whitespace collapsed (mapper version 7): JIS codes carried CR/LF,
which no URL can hold. A code that becomes equal to an existing one is merged into it (every
reference moved, then the duplicate deleted)."""

from django.db import migrations


def _normalise(text: str) -> str:
    return " ".join((text or "").split())


def normalise_codes(apps, schema_editor):
    Committee = apps.get_model("catalog", "Committee")
    Standard = apps.get_model("catalog", "Standard")
    through = Standard.committees.through
    # A few thousand rows: compare in Python (database regexes disagree on what a space is).
    for c in list(Committee.objects.only("pk", "code", "name_en", "name_zh", "secretariat")):
        code = _normalise(c.code)[:255]
        fields = {
            "name_en": _normalise(c.name_en),
            "name_zh": _normalise(c.name_zh),
            "secretariat": _normalise(c.secretariat),
        }
        if code == c.code and all(getattr(c, k) == v for k, v in fields.items()):
            continue
        keep = Committee.objects.filter(code=code).exclude(pk=c.pk).first()
        if keep is None:
            Committee.objects.filter(pk=c.pk).update(code=code, **fields)
            continue
        # Merge into the committee that already has the clean code (keeping names it lacks).
        missing = {k: v for k, v in fields.items() if v and not getattr(keep, k)}
        if missing:
            Committee.objects.filter(pk=keep.pk).update(**missing)
        linked = set(through.objects.filter(committee_id=keep.pk).values_list("standard_id", flat=True))
        through.objects.filter(committee_id=c.pk, standard_id__in=linked).delete()
        through.objects.filter(committee_id=c.pk).update(committee_id=keep.pk)
        for rel in Committee._meta.related_objects:
            if rel.many_to_many or rel.related_model is through:
                continue
            rel.related_model._base_manager.filter(**{rel.field.name: c.pk}).update(
                **{rel.field.name: keep.pk}
            )
        Committee.objects.filter(pk=c.pk).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_import_warnings_stats_committee_code")]

    operations = [migrations.RunPython(normalise_codes, migrations.RunPython.noop, elidable=True)]
