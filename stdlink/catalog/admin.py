from django.contrib import admin

from stdlink.catalog.models import (
    CCS,
    ICS,
    Body,
    CodeFamily,
    Committee,
    ImportBatch,
    Relation,
    Standard,
    Title,
)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "kind", "annex1", "annex1_no"]
    list_filter = ["kind", "annex1"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(CodeFamily)
class CodeFamilyAdmin(admin.ModelAdmin):
    list_display = ["code", "scope", "nature", "name_zh", "issuer_zh"]
    list_filter = ["scope", "nature"]
    search_fields = ["code", "name_zh"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["code", "body", "name_en", "name_zh"]
    list_filter = ["body"]
    search_fields = ["code", "name_en", "name_zh"]


class TitleInline(admin.TabularInline):
    model = Title
    extra = 0


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ["identifier", "body", "status", "year", "doctype"]
    list_filter = ["status", "body"]
    search_fields = ["identifier", "key", "title_en", "title_zh"]
    raw_id_fields = ["committee", "committees", "ics", "ccs"]
    inlines = [TitleInline]


@admin.register(Relation)
class RelationAdmin(admin.ModelAdmin):
    list_display = ["source", "type", "target_identifier", "degree", "raw_type"]
    list_filter = ["type", "degree"]
    raw_id_fields = ["source", "target"]


@admin.register(ICS)
class ICSAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "level"]
    search_fields = ["code", "name_en", "name_zh"]


@admin.register(CCS)
class CCSAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "level"]
    search_fields = ["code", "name_en", "name_zh"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "started",
        "source",
        "state",
        "read",
        "created_count",
        "updated_count",
        "unchanged_count",
        "skipped_count",
    ]
    readonly_fields = [f.name for f in ImportBatch._meta.fields]
